import { InvalidInputError } from './errors.ts';
import type { Facts } from './facts.ts';
import { Facts as FactsSchema } from './facts.ts';
import { isProgrammeId } from './programmes.ts';
import type { ProgrammeId } from './programmes.ts';

/** What the fee calculation reads: the case's facts plus, for fee ranges, the rate the fund quoted. */
export type FeeInput = Omit<Facts, 'programme'> & {
  programme: ProgrammeId;
  /** Annual rate in percent, for programmes whose rate is a range decided case by case. */
  annualRate?: number;
};

const FIELD_LABELS: Record<string, string> = {
  loanAmount: '貸款金額',
  guaranteeRatio: '保證成數',
  periodMonths: '保證期間月數',
  periodDays: '保證期間天數',
  annualRate: '年費率',
  annualRevenue: '最近一年度報稅營業額',
  workingCapitalBalance: '短、中期週轉授信總餘額',
  businessFinanceRatio: '營授比',
  debtRatio: '負債比率',
  age: '年齡',
  businessAgeMonths: '設立或營業月數',
  recoveryNeed: '受災復工營業計畫實際需要金額',
};

/**
 * Amounts beyond any case the fund could guarantee (its per-enterprise cap is NT$1.5億): past these the figures
 * would be meaningless, and past Number.MAX_SAFE_INTEGER not even exact. A loan of NT$100億, a revenue or
 * balance of NT$1兆 is already far outside an SME's reach.
 */
const AMOUNT_BOUNDS: Record<string, { max: number; words: string }> = {
  loanAmount: { max: 1e10, words: '100 億元' },
  annualRevenue: { max: 1e12, words: '1 兆元' },
  workingCapitalBalance: { max: 1e12, words: '1 兆元' },
  recoveryNeed: { max: 1e10, words: '100 億元' },
};

/**
 * Checks facts before any calculation, with a message that names the field and what is wrong
 * (negative amounts, ratios above 100%, malformed dates, unknown fields).
 */
export function validateFacts(input: unknown): Facts {
  if (typeof input !== 'object' || input === null) throw new InvalidInputError('input', '輸入必須是物件');
  const record = input as Record<string, unknown>;
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== 'number') continue;
    const label = FIELD_LABELS[field] ?? field;
    const bound = AMOUNT_BOUNDS[field];
    if (bound && value > bound.max) throw new InvalidInputError(field, `${label}超過 ${bound.words}，不在可試算的範圍內`);
    if (!Number.isFinite(value)) throw new InvalidInputError(field, `${label}必須是有限的數字`);
    if (value < 0) throw new InvalidInputError(field, `${label}不可為負數（收到 ${value}）`);
  }
  if (typeof record.guaranteeRatio === 'number' && record.guaranteeRatio > 100) {
    throw new InvalidInputError('guaranteeRatio', `保證成數以百分比表示，不可超過 100%（收到 ${record.guaranteeRatio}%；8成請寫 80）`);
  }
  if (typeof record.annualRate === 'number' && record.annualRate > 100) {
    throw new InvalidInputError('annualRate', `年費率以百分比表示，不可超過 100%（收到 ${record.annualRate}%）`);
  }
  if (typeof record.programme === 'string' && !isProgrammeId(record.programme)) {
    throw new InvalidInputError('programme', `不認得的保證項目「${record.programme}」`);
  }
  // annualRate belongs to the fee input, not to the shared Facts schema.
  const facts = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'annualRate'));
  const key = cacheKey(facts);
  const known = key === undefined ? undefined : checked.get(key);
  if (known) return known;
  const parsed = FactsSchema.safeParse(facts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'input';
    const message =
      issue?.code === 'unrecognized_keys' ? `不認得的欄位 ${issue.keys.join('、')}` : `${FIELD_LABELS[field] ?? field}不正確：${issue?.message ?? ''}`;
    throw new InvalidInputError(issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : field, message);
  }
  if (parsed.data.startDate && parsed.data.endDate && parsed.data.endDate <= parsed.data.startDate) {
    throw new InvalidInputError('endDate', `保證迄日 ${parsed.data.endDate} 必須晚於起日 ${parsed.data.startDate}`);
  }
  if (key !== undefined) {
    if (checked.size >= CHECKED_LIMIT) checked.delete(checked.keys().next().value as string);
    checked.set(key, parsed.data);
  }
  return parsed.data;
}

/**
 * Facts that passed the checks, by their content: one answer checks the same facts for every programme it weighs,
 * and the schema's parse costs more than the look-up. The facts returned are shared, as they are read and never changed.
 */
const CHECKED_LIMIT = 1_000;
const checked = new Map<string, Facts>();

/** Characters the key below is built with: a field or string holding one is not kept, so it cannot forge a key. */
const KEY_SEPARATORS = /[\u0000-\u001f{}]/;

/**
 * The facts written out as a key, field by field with each value's type; undefined (not kept) for anything but
 * strings, finite numbers other than -0, booleans and a flags object of those, so no two different inputs share one.
 */
function cacheKey(facts: Record<string, unknown>): string | undefined {
  let key = '';
  for (const [field, value] of Object.entries(facts)) {
    if (KEY_SEPARATORS.test(field)) return undefined;
    if (field === 'flags' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const flags = cacheKey(value as Record<string, unknown>);
      if (flags === undefined) return undefined;
      key += `${field}\u0001{${flags}}\u0002`;
      continue;
    }
    const plain =
      (typeof value === 'string' && !KEY_SEPARATORS.test(value)) ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));
    if (!plain) return undefined;
    key += `${field}\u0001${typeof value}\u0001${String(value)}\u0002`;
  }
  return key;
}
