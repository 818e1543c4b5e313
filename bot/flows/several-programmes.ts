import { describeProgramme, type ProgrammeDescription } from '../../rules/describe.ts';
import { formatRate, formatTenths } from '../../rules/display.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { formatCheng } from '../compose/format.ts';
import { isSourcesLine, reply } from '../compose/reply.ts';
import { textAbout } from '../understand/programmes.ts';
import { questionParts } from '../understand/question-parts.ts';
import type { FlowContext, FlowResult } from './context.ts';

/**
 * 「青創跟鳳凰各可以保幾成？」「火金姑跟專利訴訟哪個手續費比較便宜？」: every programme named is answered on its own, in
 * the order named, and when the question compares them the answer first says which is higher or cheaper, from the
 * same parameters the calculator reads.
 */
export function severalProgrammes(ctx: FlowContext, programmes: ProgrammeId[], answerOne: (ctx: FlowContext) => FlowResult): FlowResult {
  // (Each answered as if it alone were named: its own sections are searched, not the other's. Not when the message
  // lists more than the programmes, 「專案保證、批次保證、直接保證各是哪一年推出的」: each answer quotes the whole list.)
  const alone = (programme: ProgrammeId): FlowContext =>
    ctx.understanding.modifiers.several
      ? { ...ctx, merged: { ...ctx.merged, programme } }
      : {
          ...ctx,
          understanding: {
            ...ctx.understanding,
            text: textAbout(ctx.understanding.text, programme, ctx.domain),
            programmes: [programme],
            programmesByName: ctx.understanding.programmesByName.filter((p) => p === programme),
          },
          merged: { ...ctx.merged, programme },
        };
  // (「批次保證費率多少？鳳凰貸款保幾成？」: a programme named in one question of the message is asked what that question asks.)
  const questions = questionParts(ctx.understanding, ctx.domain);
  const ownQuestion = (programme: ProgrammeId) => {
    const naming = questions.filter(({ own }) => own.programmes.includes(programme));
    const [only] = naming;
    // (Not a part asking which items, 「Besides general loans, which items…」: it is about the list, not the programme.)
    return naming.length === 1 && only!.own.programmes.length === 1 && only!.own.modifiers.which !== true && only!.own.asks.length > 0 && only!.own.asks.every((a) => ctx.merged.asks.includes(a)) ? only!.own : undefined;
  };
  const askedOf = (programme: ProgrammeId): FlowContext => {
    const own = ownQuestion(programme);
    const one = alone(programme);
    return own ? { ...one, understanding: own, merged: { ...one.merged, asks: [...own.asks] } } : one;
  };
  const parts = programmes.map((programme) => ({ programme, result: answerOne(askedOf(programme)) }));
  const answered = parts.filter((p) => p.result.outcome === 'answered' || p.result.outcome === 'low_confidence');
  if (answered.length < 2) return comparedWhileAsking(ctx, parts) ?? parts.find((p) => p.result.outcome !== 'unanswered')?.result ?? (parts[0]?.result as FlowResult);
  // A follow-up to a comparison (「那手續費呢」) compares again.
  const carried = ctx.understanding.programmes.length < 2;
  const comparison = ctx.understanding.modifiers.comparison || carried ? compare(ctx, answered.map((p) => p.programme)) : undefined;
  const results = answered.map((p) => p.result);
  return combinedAnswer('fact_lookup', comparison, results, results.flatMap((r) => r.replies.flatMap((x) => x.quickReplies ?? [])), {
    task: 'fact_lookup',
    asks: ctx.merged.asks,
    programme: programmes[0] as ProgrammeId,
  });
}

/**
 * 「我女生38歲 想開店 青創跟鳳凰哪個保證成數高」 with a fact one of them still needs (how long the business has run): the
 * comparison is answered first, from the programmes' own figures, then each programme's answer or its question.
 */
function comparedWhileAsking(ctx: FlowContext, parts: Array<{ programme: ProgrammeId; result: FlowResult }>): FlowResult | undefined {
  const replied = parts.filter((p) => p.result.outcome !== 'unanswered');
  const asking = replied.find((p) => p.result.outcome === 'asked');
  if (!asking || replied.length < 2 || !ctx.understanding.modifiers.comparison) return undefined;
  const comparison = compare(ctx, replied.map((p) => p.programme));
  if (!comparison) return undefined;
  // (The question last, where the reply ends.)
  const results = [...replied.filter((p) => p !== asking), asking].map((p) => p.result);
  return combinedAnswer('eligibility', comparison, results, asking.result.replies.flatMap((r) => r.quickReplies ?? []), asking.result.state);
}

/** Several programmes' answers as one reply: the comparison line first, then each answer with its sources. */
export function combinedAnswer(intent: 'fact_lookup' | 'fee_calculation' | 'eligibility', comparison: string | undefined, results: FlowResult[], quickReplies: string[], state: FlowResult['state']): FlowResult {
  const replies = results.flatMap((r) => r.replies);
  return {
    outcome: 'answered',
    grounding: [...(comparison ? [comparison] : []), ...results.flatMap((r) => r.grounding ?? [])],
    replies: [
      reply({
        kind: 'answer',
        intent,
        lines: [comparison, ...withoutRepeatedQuotes(replies.map((r) => r.text))],
        citations: replies.flatMap((r) => r.citations),
        quickReplies,
        feedback: true,
      }),
    ],
    state,
  };
}

/**
 * Each programme's answer, a passage quoted by an earlier one (with its 依… line) left out of the later; so is a sources
 * line an earlier one gave word for word (「批保跟直保各是哪一年開始的」: both programmes' answer is the same two sections).
 */
function withoutRepeatedQuotes(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text) =>
    text
      .split('\n')
      .filter((line) => {
        if (!line.startsWith('依《') && !line.startsWith('「') && !isSourcesLine(line)) return true;
        if (seen.has(line)) return false;
        seen.add(line);
        return true;
      })
      .join('\n'),
  );
}

/** One line that answers the comparison: which programme's ratio is higher, or whose fee rate is lower. */
function compare(ctx: FlowContext, programmes: ProgrammeId[]): string | undefined {
  const described = programmes.map((programme) => describeProgramme(programme, ctx.view));
  const asks = ctx.merged.asks;
  // 「保證成數跟手續費差在哪」: each attribute asked is compared.
  const lines = [
    asks.includes('max_ratio') ? compareRatios(described) : undefined,
    asks.includes('fee_rate') || asks.includes('fee_amount') ? compareRates(described) : undefined,
  ].filter((line): line is string => line !== undefined);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** 「兩者相同」 of two, 「各項相同」 of more. */
export function alike(count: number): string {
  return count > 2 ? '各項相同' : '兩者相同';
}

function compareRatios(described: ProgrammeDescription[]): string | undefined {
  const known = described.filter((d): d is ProgrammeDescription & { maxRatio: number } => d.maxRatio !== undefined);
  if (known.length < 2) return undefined;
  const listed = known.map((d) => `${d.name}最高 ${formatCheng(d.maxRatio)}`).join('、');
  const highest = Math.max(...known.map((d) => d.maxRatio));
  const top = known.filter((d) => d.maxRatio === highest);
  if (top.length === known.length) return `比較：${listed}，${alike(known.length)}。`;
  // 「差多少」 is answered whether or not it was asked: the gap between the highest and the lowest, in 成 and points.
  const gap = highest - Math.min(...known.map((d) => d.maxRatio));
  return `比較：${listed}；${top.map((d) => d.name).join('、')}較高，${known.length > 2 ? '最高與最低' : ''}相差 ${formatTenths(gap)}（${points(gap)} 個百分點）。`;
}

/** A programme's fee rate as a range (a fixed rate is a range of one). */
function rateRange(d: ProgrammeDescription): { min: number; max: number; waived: boolean } | undefined {
  const { feeRate } = d;
  if (feeRate.waived) return { min: 0, max: 0, waived: true };
  if (feeRate.min !== undefined && feeRate.max !== undefined) return { min: feeRate.min, max: feeRate.max, waived: false };
  if (feeRate.applicable !== undefined) return { min: feeRate.applicable, max: feeRate.applicable, waived: false };
  return undefined;
}

function compareRates(described: ProgrammeDescription[]): string | undefined {
  const known = described.flatMap((d) => {
    const range = rateRange(d);
    return range ? [{ name: d.name, ...range }] : [];
  });
  if (known.length < 2) return undefined;
  const shown = (r: { min: number; max: number; waived: boolean }) =>
    r.waived ? '免收' : r.min === r.max ? formatRate(r.min) : `${formatRate(r.min)}～${formatRate(r.max)}`;
  const listed = known.map((k) => `${k.name}年費率 ${shown(k)}`).join('、');
  const cheapest = known.filter((k) => known.every((other) => other === k || k.max <= other.min));
  if (cheapest.length === 1 && known.some((k) => k.min > (cheapest[0] as { max: number }).max)) {
    const fixed = known.every((k) => k.min === k.max);
    const gap = Math.max(...known.map((k) => k.max)) - (cheapest[0] as { max: number }).max;
    // Fixed rates have one gap; ranges have none to state.
    const by = fixed ? `，${known.length > 2 ? '與最高者' : ''}相差 ${points(gap)} 個百分點` : '';
    return `比較：${listed}；${(cheapest[0] as { name: string }).name}較低${by}。`;
  }
  if (known.every((k) => k.min === known[0]?.min && k.max === known[0]?.max)) return `比較：${listed}，${alike(known.length)}。`;
  return `比較：${listed}；費率區間重疊，實際高低依個案核定之費率而定。`;
}

/** A difference of two percentages in points, without the float's noise (95 − 80 → 「15」, 1.5 − 1.25 → 「0.25」). */
function points(gap: number): string {
  return String(Number(gap.toFixed(4)));
}
