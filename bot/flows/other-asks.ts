import type { Ask } from '../understand/types.ts';
import type { FlowContext, FlowResult } from './context.ts';
import { lookupFlow } from './lookup.ts';
import { combinedAnswer } from './several-programmes.ts';

/** What a fee calculation answers itself: the amount, the rate it used, and the case's guaranteed amount. */
const FEE_ASKS: ReadonlySet<string> = new Set<Ask>(['fee_amount', 'fee_rate', 'guaranteed_amount']);

/**
 * 「批次保證300萬保9成一年手續費多少？順便問代償上限計提率」: every ask in a message is answered. A calculation answers
 * the fee; the rest of what was asked (the ratio when the user gave one, a cap, a rate of subrogation) is looked up for
 * the same programme and shown after it, each with its own source.
 */
export function withOtherAsks(ctx: FlowContext, calculation: FlowResult): FlowResult {
  if (calculation.outcome !== 'answered' || !ctx.merged.programme) return calculation;
  // The ratio a calculation assumed is the programme's highest: that already answers 「最高保幾成」.
  const ratioShown = ctx.merged.facts.guaranteeRatio === undefined;
  const others = ctx.merged.asks.filter((ask) => !FEE_ASKS.has(ask) && !(ask === 'max_ratio' && ratioShown));
  if (others.length === 0) return calculation;
  const more = lookupFlow({ ...ctx, merged: { ...ctx.merged, task: 'fact_lookup', asks: others } });
  if (more.outcome !== 'answered') return calculation;
  const quickReplies = calculation.replies.flatMap((r) => r.quickReplies ?? []);
  return combinedAnswer('fee_calculation', undefined, [calculation, more], quickReplies, calculation.state);
}
