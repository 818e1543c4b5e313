import { formatAmount, formatRatio } from './display.ts';
import { productRoundedHalfUp } from './exact.ts';
import type { Facts } from './facts.ts';
import type { ProgrammeId } from './programmes.ts';
import type { TraceRecorder } from './trace.ts';

/**
 * The highest guarantee ratio the sources give for a programme and case, or undefined where they give
 * none (青年築夢創業啟動金、勞工退休金專案、直接保證; 促進就業專案 depends on the underlying item).
 */
export function maxRatioOf(programme: ProgrammeId, facts: Facts, trace: TraceRecorder): number | undefined {
  if (programme === 'youth_startup' && facts.flags?.recommended) return trace.percent('youth_startup.max_ratio_recommended');
  if (programme === 'employment_promotion') {
    if (facts.flags?.publicConstruction) return trace.percent('employment_promotion.public_construction_max_ratio');
    if (facts.flags?.domesticInvestment) return trace.percent('employment_promotion.domestic_investment_max_ratio');
    return undefined;
  }
  const name = `${programme}.max_ratio`;
  if (!trace.view.has(name)) return undefined;
  return trace.percent(name);
}

/**
 * How much a programme lends against a stated need (災害復舊專案貸款: 八成 of the recovery plan's need, at most 3,000萬
 * per business), or undefined when the programme lends no share of a need or none is stated. Each step traced.
 */
export function loanFromNeed(programme: ProgrammeId, facts: Facts, trace: TraceRecorder): number | undefined {
  const shareName = `${programme}.loan_share_of_need`;
  if (facts.recoveryNeed === undefined || !trace.view.has(shareName)) return undefined;
  const share = trace.percent(shareName);
  const fromNeed = productRoundedHalfUp([facts.recoveryNeed, share], [100]);
  trace.arithmetic(`${formatAmount(facts.recoveryNeed)} × ${formatRatio(share)} = ${formatAmount(fromNeed)}`, fromNeed);
  const capName = `${programme}.loan_cap`;
  if (!trace.view.has(capName)) return fromNeed;
  const cap = trace.amount(capName);
  const limit = Math.min(cap, fromNeed);
  trace.arithmetic(`${formatAmount(fromNeed)} 與上限 ${formatAmount(cap)} 取較低者 = ${formatAmount(limit)}`, limit);
  return limit;
}
