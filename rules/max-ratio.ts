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
