import type { InvalidInputError, ParameterNotInForceError } from '../../rules/errors.ts';
import { formatRocDate } from '../compose/format.ts';
import { reply } from '../compose/reply.ts';
import type { Citation } from '../types.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Task } from '../dialogue/merge.ts';
import { asked, type FlowContext, type FlowResult } from './context.ts';

/**
 * Facts that cannot be right (a negative amount, 12成): say which and why, keep the rest of the conversation.
 * A ratio above the maximum is kept, since a condition (「經青輔會推薦」) may still allow it.
 */
export function invalidInput(ctx: FlowContext, task: Task, error: InvalidInputError): FlowResult {
  const facts = { ...ctx.merged.facts };
  if (error.field !== 'guaranteeRatio') delete (facts as Record<string, unknown>)[error.field];
  return asked(
    {
      intent: task,
      lines: [`這個數字無法計算：${error.reason}。請更正後再試一次。`],
      quickReplies: error.field === 'guaranteeRatio' ? ratioChoices(ctx) : ['重新開始'],
    },
    { task, programme: ctx.merged.programme, facts, pending: error.field },
  );
}

/** Ratios up to the programme's highest, to tap instead of typing. */
function ratioChoices(ctx: FlowContext): string[] {
  const programme = ctx.merged.programme;
  const name = programme ? `${programme}.max_ratio` : undefined;
  const max = name && ctx.view.has(name) ? ctx.view.find(name)?.value : undefined;
  if (typeof max !== 'number') return ['重新開始'];
  const recommended = ctx.view.has(`${programme}.max_ratio_recommended`) ? ['經青輔會推薦'] : [];
  return [...recommended, ...[max, max - 10, max - 20].filter((r) => r > 0).map((r) => `保${r / 10}成`)];
}

/**
 * A figure with no value in force on that day: never a silent zero — say so, name the figure and the first day the
 * documents give it from, quote the programme's rule on which version applies (its `transition_rule` parameter), and
 * point to the service lines.
 */
export function cannotQuote(ctx: FlowContext, error: ParameterNotInForceError): FlowResult {
  const history = ctx.view.has(error.parameter) ? ctx.view.history(error.parameter).filter((entry) => entry.value !== null) : [];
  const label = history[0]?.description ?? error.parameter;
  const later = history.find((entry) => entry.effectiveFrom > error.date);
  // (「核准日是103/12/10」 for 批次保證: the letter's 說明六 says cases approved before its day keep the former rules.)
  const rule = later ? `${error.parameter.split('.')[0]}.transition_rule` : undefined;
  const transition = rule && ctx.view.has(rule) ? ctx.view.at(later!.effectiveFrom).find(rule) : undefined;
  const citations = [
    ...(later ? [ctx.cite.forReference(later.reference, later.effectiveFrom, error.parameter)] : []),
    ...(transition ? [ctx.cite.forReference(transition.reference, transition.effectiveFrom, transition.name)] : []),
    ...(ctx.service.citation ? [ctx.service.citation] : []),
  ];
  return {
    outcome: 'unanswered',
    replies: [
      reply({
        kind: 'fallback',
        lines: [
          `抱歉，目前收錄的規定中沒有 ${formatRocDate(error.date)} 適用的「${label}」數值，我無法提供這個數字。`,
          ...(later ? [`收錄的規定自 ${formatRocDate(later.effectiveFrom)} 起才有這個數值（《${later.reference.title}》〈${later.reference.section}〉）。`] : []),
          ...(transition ? [`新舊規定的適用：${String(transition.value)}`] : []),
          `請洽信保基金：${serviceLinesText(ctx.service)}`,
        ],
        citations,
      }),
    ],
    state: {},
  };
}

/** The documents do not say it: a plain reply with the service lines (and whatever else is cited), nothing guessed. */
export function notInDocuments(
  ctx: FlowContext,
  parts: { lines: string[]; quickReplies: string[]; state: FlowResult['state']; citations?: Citation[] },
): FlowResult {
  const citations = [...(parts.citations ?? []), ...(ctx.service.citation ? [ctx.service.citation] : [])];
  return {
    outcome: 'unanswered',
    replies: [reply({ kind: 'fallback', intent: 'fact_lookup', lines: parts.lines, citations, quickReplies: parts.quickReplies })],
    state: parts.state,
  };
}
