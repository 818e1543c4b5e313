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
  businessFinanceRatioLimits(a);
  enterpriseCaps(a);
}
