import { z } from 'zod';

/**
 * The closed set of units a parameter may have, each with the shape its values must take.
 * Percentages are percent numbers (0.35 = 0.35%, 80 = 80% = 8成); money is whole NT$.
 */
const isoDate = z.iso.date();
const range = (item: z.ZodNumber) =>
  z
    .object({ min: item, max: item })
    .strict()
    .refine((r) => r.min <= r.max, { message: '下限 min 不可大於上限 max' });

export const UNIT_VALUE_SCHEMAS = {
  percent: z.number().min(0).max(1000),
  percent_range: range(z.number().min(0).max(100)),
  amount_twd: z.number().int().nonnegative(),
  ratio_of_fund: z.number().positive(),
  months: z.number().nonnegative(),
  years: z.number().nonnegative(),
  age_range: range(z.number().int().min(0).max(130)),
  date_range: z
    .object({ from: isoDate, to: isoDate })
    .strict()
    .refine((r) => r.from <= r.to, { message: '起日 from 不可晚於迄日 to' }),
  count: z.number().int().nonnegative(),
  boolean: z.boolean(),
  text: z.string().min(1),
  text_list: z.array(z.string().min(1)).min(1),
} as const;

export type Unit = keyof typeof UNIT_VALUE_SCHEMAS;
export const UNITS = Object.keys(UNIT_VALUE_SCHEMAS) as Unit[];

export interface NumberRange {
  min: number;
  max: number;
}
export interface DateRange {
  from: string;
  to: string;
}

export interface UnitValue {
  percent: number;
  percent_range: NumberRange;
  amount_twd: number;
  ratio_of_fund: number;
  months: number;
  years: number;
  age_range: NumberRange;
  date_range: DateRange;
  count: number;
  boolean: boolean;
  text: string;
  text_list: string[];
}

export type ParameterValue = UnitValue[Unit];

/** What each unit is called when a message names it to fund staff. */
export const UNIT_LABELS: Record<Unit, string> = {
  percent: '百分比數字（0.35 代表 0.35%，80 代表 80% 即 8成）',
  percent_range: '百分比區間 { min, max }',
  amount_twd: '新臺幣元整數（1億 寫 100000000）',
  ratio_of_fund: '倍數',
  months: '月數',
  years: '年數',
  age_range: '年齡區間 { min, max }（含兩端）',
  date_range: '日期區間 { from, to }（ISO 日期，含兩端）',
  count: '非負整數',
  boolean: 'true 或 false',
  text: '文字',
  text_list: '文字清單',
};
