import { businessFinanceRatio, industryLabel, ratioInputOf, ratioLimitsSubmission, type RatioResult } from '../../rules/business-finance-ratio.ts';
import type { Facts, Industry } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { formatCheng, formatPercent } from '../compose/format.ts';
import type { FlowContext } from './context.ts';

/** The ratio an authorised submission may get under the 營授比 for one business category, and why. */
export interface RatioOfIndustry {
  industry: Industry;
  ratio: number;
  /** 「一般事業：營授比 60% 超過門檻 50%，授權送保成數最高 5成（或改以專案方式送保）」 */
  reason: string;
  trace: TraceStep[];
}

/**
 * Answer first: a 營授比 between the two thresholds (一般事業 50%, 生產事業 70%) with the business category not told
 * decides the ratio by the category. Each category's highest ratio is given rather than the category asked
 * (「營授比62.5%…還可以保8成嗎」: 生產事業 8成, 一般事業 5成). Undefined when the category is known or does not matter.
 */
export function ratiosByIndustry(ctx: FlowContext, programme: ProgrammeId, facts: Facts, highest: number): { formula: string; industries: RatioOfIndustry[] } | undefined {
  if (facts.industry !== undefined || !ratioLimitsSubmission(programme, facts)) return undefined;
  let undecided: RatioResult;
  try {
    undecided = businessFinanceRatio(ctx.view, ratioInputOf(facts));
  } catch {
    return undefined;
  }
  if (undecided.decision !== 'needs_industry') return undefined;
  const industries = (['production', 'general'] as const).map((industry): RatioOfIndustry => {
    const r = businessFinanceRatio(ctx.view, { ...ratioInputOf(facts), industry });
    const limit = r.maxAuthorisedRatio;
    const threshold = r.threshold !== undefined ? ` ${formatPercent(r.threshold)}` : '';
    if (limit !== undefined && limit < highest) {
      return { industry, ratio: limit, reason: `${industryLabel(industry)}：營授比 ${r.shown} 超過門檻${threshold}，授權送保成數最高 ${formatCheng(limit)}（或改以專案方式送保）`, trace: r.trace };
    }
    return { industry, ratio: highest, reason: `${industryLabel(industry)}：營授比 ${r.shown} 未超過門檻${threshold}，保證成數最高 ${formatCheng(highest)}`, trace: r.trace };
  });
  return { formula: undecided.formula, industries };
}

/**
 * 「有開統一發票，營授比85%…最多保多少」: over the threshold, the 促進就業融資保證專案 lifts the 5成 limit for a company
 * using 統一發票. The ratio the general rule would allow without that relaxation is said beside it, since the relaxation
 * belongs to the project. Undefined when the case is not relaxed that way.
 */
export function ratioWithoutRelaxation(ctx: FlowContext, programme: ProgrammeId, facts: Facts, highest: number): { ratio: number; reason: string; trace: TraceStep[] } | undefined {
  if (!ratioLimitsSubmission(programme, facts) || facts.flags?.unifiedInvoice !== true) return undefined;
  try {
    const relaxed = businessFinanceRatio(ctx.view, ratioInputOf(facts));
    if (relaxed.decision !== 'relaxed') return undefined;
    const general = businessFinanceRatio(ctx.view, { ...ratioInputOf(facts), unifiedInvoice: false });
    const limit = general.maxAuthorisedRatio;
    if (limit === undefined || limit >= highest) return undefined;
    return { ratio: limit, reason: `未適用「促進就業融資保證專案」之放寬時，營授比 ${general.shown} 超過門檻，授權送保成數最高 ${formatCheng(limit)}`, trace: [...relaxed.trace, ...general.trace] };
  } catch {
    return undefined;
  }
}
