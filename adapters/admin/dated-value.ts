import { isMap, parseDocument, type Pair } from 'yaml';
import { isIsoDate } from '../../knowledge/schema.ts';
import { rocDateToIso } from '../../knowledge/roc-date.ts';
import { quotedAmounts, quotedPercents } from '../../rules/quoted-figures.ts';
import type { ParameterValue, Unit } from '../../rules/units.ts';
import { ConsoleRequestError } from './errors.ts';

/** The units the console's form can take a value for; the others are edited as a draft file. */
export const FORM_UNITS: ReadonlySet<Unit> = new Set(['percent', 'percent_range', 'amount_twd', 'months', 'years', 'count', 'ratio_of_fund']);

/** 2027-01-01, or a 民國 date (116/1/1, 116年1月1日) and the ISO date it means. */
export function effectiveDate(text: string): { date: string; fromRoc: boolean } {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return { date: trimmed, fromRoc: false };
  const iso = rocDateToIso(trimmed);
  if (iso) return { date: iso, fromRoc: true };
  throw new ConsoleRequestError(400, `生效日「${text}」看不懂：請寫 2027-01-01，或民國日期 116/1/1、116年1月1日`);
}

/**
 * A value as staff type it, in the parameter's unit: 「0.25」 or 「0.25%」 (percent), 「9成」 → 90, 「1.2億」 →
 * 120000000 (NT$), 「0.75~1.5」 (a percent range).
 */
export function valueFromInput(unit: Unit, text: string): ParameterValue {
  const input = text.normalize('NFKC').trim();
  const number = (value: string) => (/^\d+(?:\.\d+)?$/.test(value.replaceAll(',', '')) ? Number(value.replaceAll(',', '')) : undefined);
  const single = (value: string): number | undefined => {
    if (unit === 'percent' || unit === 'percent_range') return number(value.replace(/%$/, '')) ?? only(quotedPercents(value));
    if (unit === 'amount_twd') return number(value.replace(/元$/, '')) ?? only(quotedAmounts(value));
    return number(value);
  };
  if (unit === 'percent_range') {
    const [min, max, ...rest] = input.split(/[~～至到-]/).map((part) => single(part.trim()));
    if (min !== undefined && max !== undefined && rest.length === 0) return { min, max };
  } else if (FORM_UNITS.has(unit)) {
    const value = single(input);
    if (value !== undefined) return value;
  } else {
    throw new ConsoleRequestError(400, `單位 ${unit} 的數值請在「預覽」把這個參數檔存成草稿後直接編輯`);
  }
  throw new ConsoleRequestError(400, `數值「${text}」看不懂：${HINTS[unit] ?? '請填數字'}`);
}

const HINTS: Partial<Record<Unit, string>> = {
  percent: '請填百分比數字，例如 0.25（代表 0.25%）或 9成',
  percent_range: '請填區間，例如 0.75~1.5（代表 0.75%～1.5%）',
  amount_twd: '請填新臺幣金額，例如 120000000 或 1.2億',
};

function only(figures: number[]): number | undefined {
  return figures.length === 1 ? figures[0] : undefined;
}

export interface NewDatedValue {
  date: string;
  value: ParameterValue;
  reference: { document: string; title: string; section: string; quote?: string };
  note?: string;
}

/**
 * The parameter file's text with one more dated value, placed in date order; the file's comments and the
 * other values stay as they are. A date that already has a value is refused: old values are never edited.
 */
export function withDatedValue(content: string, entry: NewDatedValue): string {
  const document = parseDocument(content);
  const values = document.get('values', true);
  if (!isMap(values)) throw new ConsoleRequestError(422, '參數檔沒有 values：請先修正檔案格式');
  const dates = values.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key));
  if (dates.includes(entry.date)) {
    throw new ConsoleRequestError(409, `${entry.date} 已經有數值；已公告的數值不要修改，新的規定請用它生效的日期新增`);
  }
  const pair = document.createPair(entry.date, {
    value: entry.value,
    reference: {
      document: entry.reference.document,
      title: entry.reference.title,
      section: entry.reference.section,
      ...(entry.reference.quote ? { quote: entry.reference.quote } : {}),
    },
    ...(entry.note ? { note: entry.note } : {}),
  }) as Pair;
  const at = dates.findIndex((date) => date > entry.date);
  values.items.splice(at < 0 ? values.items.length : at, 0, pair);
  return document.toString({ lineWidth: 0 });
}
