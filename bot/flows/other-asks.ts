import type { Ask, Understanding } from '../understand/types.ts';
import type { FlowContext, FlowResult } from './context.ts';
import { DOCUMENTS_ONLY, lookupFlow } from './lookup.ts';
import { combinedAnswer } from './several-programmes.ts';
import { questionParts } from '../understand/question-parts.ts';

/** What a fee calculation answers itself: the amount, the rate it used, and the case's guaranteed amount. */
const FEE_ASKS: ReadonlySet<string> = new Set<Ask>(['fee_amount', 'fee_rate', 'guaranteed_amount']);

/**
 * 「批次保證300萬保9成一年手續費多少？順便問代償上限計提率」: every ask in a message is answered. A calculation answers
 * the fee; the rest of what was asked (the ratio when the user gave one, a cap, a rate of subrogation) is looked up for
 * the same programme and shown after it, each with its own source.
 */
export function withOtherAsks(ctx: FlowContext, calculation: FlowResult): FlowResult {
  // The ratio a calculation assumed is the programme's highest: that already answers 「最高保幾成」.
  const ratioShown = ctx.merged.facts.guaranteeRatio === undefined;
  return withAsksLookedUp(ctx, calculation, 'fee_calculation', (ask) => FEE_ASKS.has(ask) || (ask === 'max_ratio' && ratioShown));
}

/**
 * 「莫拉克的貸款現在還能申請嗎？手續費要付嗎？」: after the answer that the plan has ended, what else was asked about its
 * programme is looked up, as the plan's rules then (the lookup says they are history).
 */
export function withAsksOfEndedPlan(ctx: FlowContext, ended: FlowResult): FlowResult {
  return withAsksLookedUp(ctx, ended, 'eligibility', () => false);
}

/** The asks of the message a first answer leaves open, looked up for the same programme and shown after it. */
function withAsksLookedUp(ctx: FlowContext, first: FlowResult, intent: 'fee_calculation' | 'eligibility', answeredByFirst: (ask: string) => boolean): FlowResult {
  if ((first.outcome !== 'answered' && first.outcome !== 'asked') || !ctx.merged.programme) return first;
  const others = ctx.merged.asks.filter((ask) => !answeredByFirst(ask));
  if (others.length === 0) return first;
  // 「專案送保時手續費要怎麼算？具結書要不要隨案附給信保？」: while the fee waits on the loan amount, what the documents say of the
  // rest is answered now (answer first), the question after it. (Only what no case fact decides: the documents' words.)
  if (first.outcome === 'asked') {
    const words = others.filter((ask) => DOCUMENTS_ONLY.has(ask));
    if (words.length === 0) return first;
    const told = lookedUp(ctx, words);
    if (told.outcome !== 'answered') return first;
    return { ...first, grounding: [...(told.grounding ?? []), ...(first.grounding ?? [])], replies: [...told.replies.map((r) => ({ ...r, quickReplies: [] })), ...first.replies] };
  }
  const more = lookedUp(ctx, others);
  if (more.outcome !== 'answered') return first;
  const quickReplies = first.replies.flatMap((r) => r.quickReplies ?? []);
  return combinedAnswer(intent, undefined, [first, more], quickReplies, first.state);
}

/**
 * The other asks looked up for the programme; what only the documents' words answer (「具結書要交給誰」 after a general loan's
 * fee with the pledge) is also looked for wherever they say it, when the programme's own sections do not.
 */
function lookedUp(ctx: FlowContext, asks: string[]): FlowResult {
  const part = questionParts(ctx.understanding, ctx.domain).find(({ own }) => own.asks.some((ask) => asks.includes(ask)));
  // (Sums the part asking them does not ask are the other parts': 「…費率可以降? 我借兩千萬 這樣一年能省多少」 computes no
  // difference of the figures a passage on lowering the rate happens to quote.)
  const understanding = part && part.own.modifiers.arithmetic === undefined && ctx.understanding.modifiers.arithmetic !== undefined ? withoutArithmetic(ctx.understanding) : ctx.understanding;
  const forProgramme = lookupFlow({ ...ctx, understanding, merged: { ...ctx.merged, task: 'fact_lookup', asks: asks as Ask[] } });
  if (forProgramme.outcome === 'answered' || !asks.every((ask) => DOCUMENTS_ONLY.has(ask))) return forProgramme;
  // (In the question of the message that asks it: the whole message's words find the fee's sections.)
  const { programme: _programme, ...merged } = ctx.merged;
  return lookupFlow({ ...ctx, ...(part ? { understanding: part.own } : {}), merged: { ...merged, task: 'fact_lookup', asks: asks as Ask[] } });
}

/** The understanding with no sum asked (its other properties, a lazy one among them, kept). */
function withoutArithmetic(u: Understanding): Understanding {
  const read = Object.defineProperties({}, Object.getOwnPropertyDescriptors(u)) as Understanding;
  const { arithmetic: _arithmetic, ...modifiers } = u.modifiers;
  read.modifiers = modifiers;
  return read;
}
