import { evaluateBusinessFinanceRatio } from '../business-finance-ratio.ts';
import { circled, formatRate, formatRatio } from '../display.ts';
import { MissingFactsError, ParameterNotInForceError, RateNotDeterminedError } from '../errors.ts';
import { selectFeeRate } from '../fee-rate.ts';
import { RiskGroup } from '../facts.ts';
import type { Assessment } from './result.ts';


/** Fee rates by risk group (授權保證項目 and ranges read that way). */
export function riskGroupRates(a: Assessment): void {
  const A = a.trace.percent('authorised.fee_rate.a');
  const B = a.trace.percent('authorised.fee_rate.b');
  const C = a.trace.percent('authorised.fee_rate.c');
  a.feeRate = { ...a.feeRate, byRiskGroup: { A, B, C }, min: Math.min(A, B, C), max: Math.max(A, B, C) };
}

/** The rate that applies to these facts, when the facts tell it; notes (caps, waivers) become reasons. */
export function applicableRate(a: Assessment): void {
  try {
    const selected = selectFeeRate(a.programme, { riskGroup: a.facts.riskGroup, flags: a.facts.flags, lender: a.facts.lender }, a.trace);
    a.feeRate = { ...a.feeRate, applicable: selected.rate, ...(selected.waived ? { waived: true } : {}) };
    for (const note of selected.notes) a.pass(note);
  } catch (error) {
    // (「簽了具結書會降到多少」 with no risk group told: when every group's rate comes to the same, that rate applies.)
    if ((error instanceof RateNotDeterminedError || error instanceof MissingFactsError) && a.facts.riskGroup === undefined && sameRateEveryGroup(a)) return;
    if (error instanceof MissingFactsError || error instanceof RateNotDeterminedError) return;
    if (error instanceof ParameterNotInForceError) {
      a.assume(`來源文件未載 ${error.date} 適用之保證手續費率（${error.parameter}）`);
      return;
    }
    throw error;
  }
}

/** The rate every risk group comes to, when it is one (a circumstance capping them all): set as the applicable rate. */
function sameRateEveryGroup(a: Assessment): boolean {
  const groups = RiskGroup.options.map((riskGroup) => {
    try {
      return selectFeeRate(a.programme, { riskGroup, flags: a.facts.flags, lender: a.facts.lender }, a.trace);
    } catch {
      return undefined;
    }
  });
  const [first] = groups;
  if (!first || groups.some((g) => g === undefined || g.rate !== first.rate || g.waived !== first.waived)) return false;
  a.feeRate = { ...a.feeRate, applicable: first.rate, everyGroup: true, ...(first.waived ? { waived: true } : {}) };
  a.pass(`年費率不論風險組群皆為 ${formatRatio(first.rate)}`);
  return true;
}

export function maxRatioFrom(a: Assessment, parameter: string, label: string): void {
  const ratio = a.trace.percent(parameter);
  a.lowerMaxRatio(ratio);
  a.pass(`${label}保證成數最高 ${formatRatio(ratio)}`);
}

/** Age within an inclusive range; records a missing fact when unknown. Returns whether it is known to fit. */
export function checkAge(a: Assessment, parameter: string, label: string): boolean | undefined {
  const range = a.trace.typed(parameter, 'age_range');
  const age = a.facts.age;
  if (age === undefined) {
    a.need('age', `${label}須年滿 ${range.min} 歲至 ${range.max} 歲；請提供年齡`);
    return undefined;
  }
  if (age < range.min || age > range.max) {
    a.fail(`年齡 ${age} 歲，不在${label} ${range.min} 歲至 ${range.max} 歲之範圍`);
    return false;
  }
  a.pass(`年齡 ${age} 歲，符合${label} ${range.min} 歲至 ${range.max} 歲`);
  return true;
}

/** A case in the list of 不得以授權方式送保、應以專案申請 (1-based as numbered in the source). */
export function projectOnlyCase(a: Assessment, item: number): void {
  const list = a.trace.typed('authorised.project_only_cases', 'text_list');
  a.requiresProjectApplication = true;
  a.pass(`不得以授權方式送保，應以專案申請：${circled(item)} ${list[item - 1] ?? ''}`);
}

export function enterpriseCaps(a: Assessment): void {
  a.cap('enterprise.total_cap', '同一企業保證融資總額度上限');
  a.cap('enterprise.pandemic_total_cap', '紓困期間企業保證融資總額度上限');
}

/** 營授比 limits when the facts give the balance and revenue; otherwise stated as unchecked. */
export function businessFinanceRatioLimits(a: Assessment): void {
  const { workingCapitalBalance, annualRevenue, businessFinanceRatio: statedRatio, industry, flags } = a.facts;
  if ((workingCapitalBalance === undefined || annualRevenue === undefined) && statedRatio === undefined) {
    a.assume('未提供短、中期週轉授信總餘額與最近一年度報稅營業額，未檢核營授比（上限 100%）');
    return;
  }
  const result = evaluateBusinessFinanceRatio(
    { ...(workingCapitalBalance !== undefined ? { workingCapitalBalance } : {}), ...(annualRevenue !== undefined ? { annualRevenue } : {}), ...(statedRatio !== undefined ? { statedRatio } : {}), ...(industry ? { industry } : {}), ...(flags?.unifiedInvoice !== undefined ? { unifiedInvoice: flags.unifiedInvoice } : {}), ...(flags?.renewal !== undefined ? { renewal: flags.renewal } : {}) },
    a.trace,
  );
  const [reason = ''] = result.reasons;
  switch (result.decision) {
    case 'over_limit':
      a.fail(reason);
      return;
    case 'needs_industry':
      a.need('industry', reason);
      return;
    case 'project_only':
      a.requiresProjectApplication = true;
      a.pass(reason);
      return;
    case 'reduced_ratio':
      a.lowerMaxRatio(result.maxAuthorisedRatio ?? 50);
      a.pass(reason);
      return;
    default:
      a.pass(reason);
  }
}

export function describeRange(min: number, max: number): string {
  return min === max ? formatRate(min) : `${formatRate(min)}~${formatRate(max)}`;
}
