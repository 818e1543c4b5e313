import { z } from 'zod';
import { UNITS } from './units.ts';
import type { ParameterValue, Unit } from './units.ts';

/** Where a figure comes from: a knowledge document, its title and one of its section headings. */
export const Reference = z
  .object({
    document: z.string().regex(/^[a-z0-9-]+$/, { message: '文件 id 只能用小寫英文字母、數字與 -' }),
    title: z.string().min(1),
    section: z.string().min(1),
    quote: z.string().min(1).optional(),
  })
  .strict();
export type Reference = z.infer<typeof Reference>;

/** One dated value: `value` is checked against the file's unit separately; `null` ends the previous value. */
export const DatedValueEntry = z
  .object({
    value: z.unknown().refine((v) => v !== undefined, { message: '缺少 value' }),
    reference: Reference,
    // 「促進就業融資保證專案」（三）也寫了同一個數字：其他寫出同一數值的文件段落，問到該文件的項目時一併引用
    also: z.array(Reference).optional(),
    note: z.string().min(1).optional(),
  })
  .strict();

export const ISO_DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

export const ParameterFile = z
  .object({
    description: z.string().min(1),
    unit: z.enum(UNITS as [Unit, ...Unit[]]),
    values: z.record(z.string(), DatedValueEntry).refine((v) => Object.keys(v).length > 0, {
      message: 'values 至少要有一個日期',
    }),
    // 「本基金每年另行公告」: a year's figure is only known when that year's announcement is among the values.
    announced_each_year: z.boolean().optional(),
    // 「原有綜合額度外再增加…1,000萬元」: an amount added on top of another parameter's (its name), for totals asked.
    adds_to: z.string().min(1).optional(),
    // 「每一企業貸款餘額不得超過3,000萬元…保證最高9成」: the ratio an amount (a quota, a loan cap) is guaranteed at when
    // used in full (a percent parameter's name), for the guaranteed amount asked with no loan told.
    guaranteed_at: z.string().min(1).optional(),
    // 「單一企業…不得超過1佰萬元」 under 「各批號…最高不得超過1億元」: an amount per enterprise whose sum over many
    // enterprises is capped by another amount parameter (its name), for 「60家都計提到上限會不會超過」.
    summed_under: z.string().min(1).optional(),
    // 「紓困期間…總額度之上限由1億2千萬元提高至1億5千萬元」: an amount that takes another's place for a time (its name): a
    // total asked of the time it names (疫情期間調高後的上限) adds to it instead.
    stands_for: z.string().min(1).optional(),
  })
  .strict();

export interface DatedValue {
  /** ISO date the value takes effect. */
  effectiveFrom: string;
  /** null: the parameter has no value from this date on. */
  value: ParameterValue | null;
  reference: Reference;
  /** Other documents stating the same value (a programme's own document beside the one the value is dated by). */
  also?: Reference[];
  note?: string;
  /** 1-based lines of the date key and of the fields under it, for messages that point at them. */
  lines?: ValueLines;
}

export interface ValueLines {
  date: number;
  value?: number;
  document?: number;
  title?: number;
  section?: number;
  quote?: number;
}

export interface Parameter {
  /** The path under rules/parameters with dots: batch/fee_rate.yaml → batch.fee_rate */
  name: string;
  description: string;
  unit: Unit;
  /** File path as shown in messages (relative to the working directory). */
  file: string;
  /** Ascending by effectiveFrom. */
  values: DatedValue[];
  /** Announced anew each year (「本基金每年另行公告」): a year with no value of its own has an unknown figure. */
  announcedEachYear?: boolean;
  /** The parameter whose amount this one is added on top of (parameter file `adds_to`). */
  addsTo?: string;
  /** The ratio parameter this amount is guaranteed at when used in full (parameter file `guaranteed_at`). */
  guaranteedAt?: string;
  /** The amount parameter capping the sum of this per-enterprise amount over many enterprises (parameter file `summed_under`). */
  summedUnder?: string;
  /** The amount parameter this one takes the place of for a time (parameter file `stands_for`). */
  standsFor?: string;
}

export interface ParameterSet {
  parameters: ReadonlyMap<string, Parameter>;
}
