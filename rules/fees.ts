import type { ParameterView } from './at.ts';
import { formatAmount, formatRate, formatRatio } from './display.ts';
import { InvalidInputError, MissingFactsError } from './errors.ts';
import { productRoundedHalfUp } from './exact.ts';
import { selectFeeRate } from './fee-rate.ts';
import { validateFacts } from './inputs.ts';
import type { Facts } from './facts.ts';
import type { FeeInput } from './inputs.ts';
import { maxRatioOf } from './max-ratio.ts';
import { PROGRAMMES } from './programmes.ts';
import type { ProgrammeId } from './programmes.ts';
import { TraceRecorder } from './trace.ts';
import type { TraceStep } from './trace.ts';

export const FEE_ROUNDING = '保證手續費 = 貸款金額 × 保證成數 × 年費率 × 期間；中間不進位，最後結果四捨五入至新臺幣元';

export interface FeeResult {
  programme: ProgrammeId;
  /** NT$, rounded half up to a whole dollar. */
  fee: number;
  /** Annual rate charged, percent. */
  rate: number;
  /** The programme's rate before a cap or waiver, percent. */
  baseRate: number;
  waived: boolean;
  /** Guarantee ratio, percent. */
  ratio: number;
  loanAmount: number;
  guaranteedAmount: number;
  /** The user gave the guaranteed amount (loan × ratio already): `loanAmount` holds it and `ratio` is 100. */
  onGuaranteedAmount: boolean;
  period: { months?: number; days?: number; fraction: string };
  /** e.g. 5,000,000 × 80% × 1.00% × 12/12 = 40,000 */
  formula: string;
  rounding: string;
  /** The date the rules were read at (the view's date, or a batch case's approval date). */
  ruleDate: string;
  /** Effective dates of the parameter values used. */
  ruleDates: string[];
  notes: string[];
  trace: TraceStep[];
}

/** The guarantee fee for one case, with the formula and every figure's source. Pure. */
export function guaranteeFee(view: ParameterView, input: FeeInput): FeeResult {
  const facts = validateFacts(input);
  const programme = input.programme;
  if (!programme) throw new InvalidInputError('programme', '請指定保證項目');
  const noPeriod = facts.periodMonths === undefined && facts.periodDays === undefined && !(facts.startDate && facts.endDate);
  const { loanAmount, ratio, onGuaranteed } = caseBase(facts, noPeriod);

  // 批次保證: 授信額度核准日決定適用修正前或修正後規定 (說明六).
  const ruleView = programme === 'batch' && facts.approvalDate ? view.at(facts.approvalDate) : view;
  const trace = new TraceRecorder(ruleView);
  const notes: string[] = [];
  if (ruleView !== view) notes.push(`批次保證依授信額度核准日 ${facts.approvalDate} 適用當時規定`);

  const maxRatio = onGuaranteed ? undefined : maxRatioOf(programme, facts, trace);
  if (maxRatio !== undefined && ratio > maxRatio) {
    throw new InvalidInputError('guaranteeRatio', `${PROGRAMMES[programme].name}保證成數最高 ${formatRatio(maxRatio)}，輸入的 ${formatRatio(ratio)} 超過上限`);
  }

  // A fee waived for the whole time the guarantee runs is nothing, however long that is: only then is the period not needed.
  const periodMissing = () => new MissingFactsError(['periodMonths'], '計算保證手續費需要貸款金額、保證成數與保證期間');
  let selected: ReturnType<typeof selectFeeRate>;
  try {
    selected = selectFeeRate(programme, { riskGroup: facts.riskGroup, flags: facts.flags, lender: facts.lender, annualRate: input.annualRate }, trace);
  } catch (error) {
    if (noPeriod) throw periodMissing();
    throw error;
  }
  if (noPeriod && !selected.waived) throw periodMissing();
  notes.push(...selected.notes);

  const period: Period = noPeriod ? WHOLE_GUARANTEE : periodOf(facts.periodMonths, facts.periodDays, facts.startDate, facts.endDate);
  const guaranteedAmount = productRoundedHalfUp([loanAmount, ratio], [100]);
  const fee = productRoundedHalfUp([loanAmount, ratio, selected.rate, period.numerator], [100, 100, period.denominator]);
  const formula = feeFormula(loanAmount, ratio, onGuaranteed, selected.rate, period.fraction, fee);
  trace.arithmetic(formula, fee);

  return {
    programme,
    fee,
    rate: selected.rate,
    baseRate: selected.baseRate,
    waived: selected.waived,
    ratio,
    loanAmount,
    guaranteedAmount,
    onGuaranteedAmount: onGuaranteed,
    period: { ...(period.months !== undefined ? { months: period.months } : {}), ...(period.days !== undefined ? { days: period.days } : {}), fraction: period.fraction },
    formula,
    rounding: FEE_ROUNDING,
    ruleDate: ruleView.asOf,
    ruleDates: trace.ruleDates(),
    notes,
    trace: trace.steps,
  };
}

export interface QuotedFeeResult {
  fee: number;
  rate: number;
  ratio: number;
  loanAmount: number;
  onGuaranteedAmount: boolean;
  period: { months?: number; days?: number; fraction: string };
  formula: string;
  rounding: string;
}

/**
 * The fee at a rate the user was quoted, before the programme is known (「銀行說費率1.2%，借400萬保8成一年」): the same
 * arithmetic as guaranteeFee, with no rule parameter read. Pure.
 */
export function feeAtQuotedRate(input: Omit<FeeInput, 'programme'> & { annualRate: number }): QuotedFeeResult {
  const facts = validateFacts(input);
  const noPeriod = facts.periodMonths === undefined && facts.periodDays === undefined && !(facts.startDate && facts.endDate);
  const { loanAmount, ratio, onGuaranteed } = caseBase(facts, noPeriod);
  if (noPeriod) throw new MissingFactsError(['periodMonths'], '計算保證手續費需要貸款金額、保證成數與保證期間');
  if (!(input.annualRate > 0 && input.annualRate < 100)) throw new InvalidInputError('annualRate', '年費率必須大於 0% 且小於 100%');
  const period = periodOf(facts.periodMonths, facts.periodDays, facts.startDate, facts.endDate);
  const fee = productRoundedHalfUp([loanAmount, ratio, input.annualRate, period.numerator], [100, 100, period.denominator]);
  return {
    fee,
    rate: input.annualRate,
    ratio,
    loanAmount,
    onGuaranteedAmount: onGuaranteed,
    period: { ...(period.months !== undefined ? { months: period.months } : {}), ...(period.days !== undefined ? { days: period.days } : {}), fraction: period.fraction },
    formula: feeFormula(loanAmount, ratio, onGuaranteed, input.annualRate, period.fraction, fee),
    rounding: FEE_ROUNDING,
  };
}

/**
 * What the fee is a rate of: the loan and its ratio, or the guaranteed amount the user gave (「保證金額500萬」, the loan
 * times the ratio already), taken whole. Throws for what is missing, the period included when `noPeriod`.
 */
function caseBase(facts: Facts, noPeriod: boolean): { loanAmount: number; ratio: number; onGuaranteed: boolean } {
  const onGuaranteed = facts.loanAmount === undefined && facts.guaranteedAmount !== undefined;
  const missing = onGuaranteed
    ? []
    : [...(facts.loanAmount === undefined ? ['loanAmount'] : []), ...(facts.guaranteeRatio === undefined ? ['guaranteeRatio'] : [])];
  if (missing.length > 0) throw new MissingFactsError([...missing, ...(noPeriod ? ['periodMonths'] : [])], '計算保證手續費需要貸款金額、保證成數與保證期間');
  return onGuaranteed
    ? { loanAmount: facts.guaranteedAmount as number, ratio: 100, onGuaranteed }
    : { loanAmount: facts.loanAmount as number, ratio: facts.guaranteeRatio as number, onGuaranteed };
}

function feeFormula(amount: number, ratio: number, onGuaranteed: boolean, rate: number, fraction: string, fee: number): string {
  const base = onGuaranteed ? `保證金額 ${formatAmount(amount)}` : `${formatAmount(amount)} × ${formatRatio(ratio)}`;
  return `${base} × ${formatRate(rate)} × ${fraction} = ${formatAmount(fee)}`;
}

interface Period {
  months?: number;
  days?: number;
  numerator: number;
  denominator: number;
  fraction: string;
}

/** The whole time a guarantee runs, for a fee waived throughout: no length is needed to know it is nothing. */
const WHOLE_GUARANTEE: Period = { numerator: 1, denominator: 1, fraction: '送保期間' };

/** 2024-03-01 to 2025-08-31 → 18: the whole months a range of dates covers, when it covers whole months only. */
function wholeMonths(start: string, end: string): number | undefined {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const dayAfterEnd = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
  const [y2, m2, d2] = [dayAfterEnd.getUTCFullYear(), dayAfterEnd.getUTCMonth() + 1, dayAfterEnd.getUTCDate()];
  if (d1 !== d2) return undefined;
  const months = (y2 - y1) * 12 + (m2 - m1);
  return months > 0 ? months : undefined;
}

/**
 * Dates win over a day count, which wins over months: a range covering whole months (3/1 to the next year's 8/31)
 * counts in months, any other range in days ÷ 365; months ÷ 12.
 */
function periodOf(months: number | undefined, days: number | undefined, start: string | undefined, end: string | undefined): Period {
  const whole = start && end ? wholeMonths(start, end) : undefined;
  if (whole !== undefined) return { months: whole, numerator: whole, denominator: 12, fraction: `${whole}/12` };
  if (start && end) {
    const count = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
    return { days: count, numerator: count, denominator: 365, fraction: `${count}/365` };
  }
  if (days !== undefined) {
    if (days === 0) throw new InvalidInputError('periodDays', '保證期間天數必須大於 0');
    return { days, numerator: days, denominator: 365, fraction: `${days}/365` };
  }
  if (!months) throw new InvalidInputError('periodMonths', '保證期間月數必須大於 0');
  return { months, numerator: months, denominator: 12, fraction: `${months}/12` };
}
