import { PROGRAMMES } from '../programmes.ts';
import { applicableRate, businessFinanceRatioLimits, enterpriseCaps, maxRatioFrom, projectOnlyCase, riskGroupRates } from './common.ts';
import type { Assessment } from './result.ts';

/** Items whose 適用對象 is 中小企業 (so a non-SME is not eligible). */
const SME_ONLY = new Set(['general_loan', 'commercial_paper', 'export_loan', 'purchase_financing', 'policy_loan', 'performance_bond', 'micro_simple_loan', 'knowledge_economy']);

/** 授權保證項目: 適用對象, 最高保證成數, 風險組群費率, 營授比, and the items that must go to 專案申請. */
export function assessAuthorisedItem(a: Assessment): void {
  const name = PROGRAMMES[a.programme].name;
  const applicants = a.trace.typed(`${a.programme}.eligible_applicants`, 'text');
  if (SME_ONLY.has(a.programme) && a.facts.flags?.sme === false) {
    a.fail(`${name}之適用對象為${applicants}，非中小企業不適用`);
  } else if (SME_ONLY.has(a.programme) && a.facts.flags?.sme === true) {
    a.pass(`符合適用對象：${applicants}`);
  } else {
    a.assume(`適用對象：${applicants}（以符合此條件為前提）`);
  }
  maxRatioFrom(a, `${a.programme}.max_ratio`, `${name}授權`);
  riskGroupRates(a);
  applicableRate(a);
  if (a.programme === 'knowledge_economy') projectOnlyCase(a, 6);
  if (a.programme === 'general_loan') generalLoanTerm(a);
  businessFinanceRatioLimits(a);
  enterpriseCaps(a);
}

/**
 * 「中期週轉金分七年還 信保可以嗎」: a working-capital loan of 一般貸款 is short-term (at most the short-term limit) or
 * mid-term (at most the mid-term limit); a capital expenditure's term is the bank's to set. Said only when a term is given.
 */
function generalLoanTerm(a: Assessment): void {
  const months = a.facts.periodMonths;
  if (months === undefined) return;
  if (a.facts.loanPurpose === 'capital_expenditure') {
    a.pass(`資本性支出融資期間：${a.trace.typed('general_loan.capital_expenditure_term_years', 'text')}`);
    return;
  }
  const short = a.trace.typed('general_loan.short_term_max_years', 'years');
  const mid = a.trace.typed('general_loan.mid_term_max_years', 'years');
  const term = `借款期間 ${formatMonths(months)}`;
  const within = `${term}，未超過週轉融資最長期間（${months <= short * 12 ? `短期最長 ${short} 年` : `中期最長 ${mid} 年`}）`;
  if (months <= mid * 12) a.pass(within);
  else if (a.facts.loanPurpose === 'working_capital') a.fail(`${term}，超過週轉融資最長期間（短期 ${short} 年、中期 ${mid} 年）`);
  // (The use not told: a term past the mid-term limit fits a capital expenditure only.)
  else a.assume(`${term}：週轉融資最長 ${mid} 年；資本性支出融資${a.trace.typed('general_loan.capital_expenditure_term_years', 'text')}`);
}

/** 84 → 「7 年」, 18 → 「18 個月」. */
function formatMonths(months: number): string {
  return months % 12 === 0 ? `${months / 12} 年` : `${months} 個月`;
}
