import type { EligibilityResult } from '../../rules/eligibility/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { formatCheng, formatRocDate } from '../compose/format.ts';
import { programmeCardLine } from '../compose/programme-cards.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import { questionFor } from '../dialogue/questions.ts';
import type { ProgrammeCard } from '../types.ts';
import { answered, asked, type FlowContext, type FlowResult } from './context.ts';
import { rateText } from './eligibility.ts';
import { endedPlansNote } from './ended-plans.ts';
import { mostDecisiveFact, rankProgrammes, type Candidate, type Ranking } from './recommend-ranking.ts';

/** How many programmes one answer shows: enough to choose from, few enough to read on a phone. */
const SHOWN = 4;

/**
 * 「我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？」: weighs every programme in force for what the user has said,
 * shows the ones that may fit, best first, and asks the one fact that would most change the list while none is
 * sure to fit. Ended plans are told as history; a need no programme serves gets the service lines.
 */
export function recommendFlow(ctx: FlowContext): FlowResult {
  const purposes = statedPurposes(ctx);
  const ranking = rankProgrammes(ctx.merged.facts, purposes, namedProgrammes(ctx), ctx.domain.finder, ctx.view);
  const shown = ranking.fits.slice(0, SHOWN);
  const fact = mostDecisiveFact(shown, ctx.domain.finder);
  // A fact asked and not read from the reply is not asked again: the list is shown with what it still waits on.
  const askable = fact !== undefined && !(ctx.state.task === 'recommend' && ctx.state.pending === fact);
  const remembered = { task: 'recommend' as const, purposes, facts: ctx.merged.facts, programme: undefined };
  if (askable && !shown.some((c) => c.result.status === 'eligible') && ranking.ended.length === 0) {
    return askDecisiveFact(ctx, fact, shown, remembered);
  }
  if (shown.length === 0) return nothingFits(ctx, ranking, remembered);
  return recommendation(ctx, shown, ranking, askable ? fact : undefined, remembered);
}

type Remembered = FlowResult['state'];

/** The needs stated in this message, in earlier turns of the finder, and implied by circumstances (上游推薦). */
function statedPurposes(ctx: FlowContext): string[] {
  // A new question about needs of its own starts afresh; an answer or an added detail adds to the earlier needs.
  const fresh = ctx.understanding.intent === 'recommend' && ctx.understanding.purposes.length > 0;
  const earlier = ctx.state.task === 'recommend' && !fresh ? (ctx.state.purposes ?? []) : [];
  const flags: FactFlags = ctx.merged.facts.flags ?? {};
  const implied = ctx.domain.finder.purposes
    .filter((p) => Object.entries(p.flags).some(([flag, value]) => flags[flag as keyof FactFlags] === value))
    .map((p) => p.id);
  return [...new Set([...earlier, ...ctx.understanding.purposes, ...implied])];
}

/** Programmes the user named in this message; a name inside a tapped answer to the finder's question names none. */
function namedProgrammes(ctx: FlowContext): ProgrammeId[] {
  const answering = ctx.state.task === 'recommend' && ctx.state.pending !== undefined;
  return answering ? [] : ctx.understanding.programmesByName;
}

function askDecisiveFact(ctx: FlowContext, fact: string, shown: readonly Candidate[], remembered: Remembered): FlowResult {
  const question = questionFor(fact, ctx.domain);
  const deciding = shown.filter((c) => c.result.missing.includes(fact)).map((c) => c.result.programmeName);
  const label = factLabel(ctx, fact);
  return asked(
    {
      intent: 'recommend',
      lines: [`為了找出適合您的保證項目，想先了解一件事：${label}會決定是否適用${deciding.join('、')}。`, question.text],
      quickReplies: ctx.domain.finder.quickReplies[fact] ?? question.quickReplies,
    },
    { ...remembered, pending: fact },
  );
}

function recommendation(ctx: FlowContext, shown: readonly Candidate[], ranking: Ranking, fact: string | undefined, remembered: Remembered): FlowResult {
  const citations = shown.flatMap((c) => ctx.cite.forTrace(c.result.trace));
  const cards = shown.map((c) => programmeCard(ctx, c));
  const endedNote = endedPlansNote(ctx, ranking.ended);
  const question = fact ? questionFor(fact, ctx.domain) : undefined;
  const lines = [
    ranking.uncovered.length > 0 ? uncoveredLine(ctx, ranking.uncovered) : undefined,
    ...endedNote.lines,
    `依您提供的資料，可能適合的保證項目（較適合的在前）：`,
    ...cards.map((card, i) => programmeCardLine(card, i + 1)),
    ...ranking.excluded.filter((c) => c.named).map((c) => excludedLine(c.result)),
    question ? `再請問：${question.text}（可以幫助確認${waitingOn(shown, fact!)}）` : undefined,
    `（依 ${formatRocDate(ctx.view.asOf)}適用之規定；保證由往來金融機構向本基金申請，最終以本基金及承貸金融機構審核為準）`,
    sourcesLine([...citations, ...endedNote.citations]),
  ];
  return answered(
    {
      kind: 'eligibility',
      intent: 'recommend',
      lines,
      citations: [...citations, ...endedNote.citations],
      programmes: cards,
      quickReplies: question
        ? (ctx.domain.finder.quickReplies[fact!] ?? question.quickReplies)
        : [...shown.slice(0, 2).map((c) => `${c.result.programmeName}的申請資格？`), '重新開始'],
    },
    { ...remembered, ...(fact ? { pending: fact } : { pending: undefined }) },
  );
}

/** Who it is for, the highest ratio, the fee rate, why it fits and what would still decide it, with its sources. */
function programmeCard(ctx: FlowContext, c: Candidate): ProgrammeCard {
  const r = c.result;
  const forWhom = audienceOf(ctx, r.programme);
  const missing = r.missing.map((fact) => factLabel(ctx, fact));
  return {
    name: r.programmeName,
    ...(forWhom ? { forWhom } : {}),
    maxRatio: r.maxRatio !== undefined ? formatCheng(r.maxRatio) : '來源文件未載',
    feeRate: rateText(r)?.replace(/^保證手續費：?/u, '') ?? '來源文件未載',
    whyItFits: whyItFits(c),
    stillToConfirm: missing.length > 0 ? `還要確認：${missing.join('、')}` : r.status === 'eligible' ? '依您提供的資料符合條件' : '由本基金審核',
    sources: ctx.cite.forTrace(r.trace).map((citation) => `${citation.title} > ${citation.section}`),
  };
}

function whyItFits(c: Candidate): string {
  const need = c.purposes.length > 0 ? `符合您的需要（${c.purposes.join('、')}）` : undefined;
  const met = c.result.reasons.find((reason) => /符合|已經/u.test(reason) && !/不符合/u.test(reason));
  return [need, met].filter(Boolean).join('；') || '依您的情形可考慮';
}

function excludedLine(r: EligibilityResult): string {
  const why = r.reasons.find((reason) => /不符合|不適用|已滿|限/u.test(reason)) ?? r.reasons[0] ?? '';
  return `不適合：${r.programmeName}——${why}`;
}

function waitingOn(shown: readonly Candidate[], fact: string): string {
  return shown.filter((c) => c.result.missing.includes(fact)).map((c) => c.result.programmeName).join('、');
}

function audienceOf(ctx: FlowContext, programme: ProgrammeId): string | undefined {
  const name = `${programme}.eligible_applicants`;
  const reading = ctx.view.names().includes(name) ? ctx.view.find(name) : undefined;
  return typeof reading?.value === 'string' ? reading.value : ctx.domain.finder.audience[programme];
}

function factLabel(ctx: FlowContext, fact: string): string {
  if (fact.startsWith('flags.')) {
    const flag = ctx.domain.facts.flags.find((f) => `flags.${f.flag}` === fact);
    return flag?.label ?? fact;
  }
  return ctx.domain.facts.questions[fact as keyof typeof ctx.domain.facts.questions]?.label ?? fact;
}

function uncoveredLine(ctx: FlowContext, needs: readonly string[]): string {
  return `收錄的文件中沒有適用於「${needs.join('、')}」的信用保證項目（信保基金保證的是企業向金融機構的融資）。如需確認，請洽信保基金：${serviceLinesText(ctx.service)}。`;
}

function nothingFits(ctx: FlowContext, ranking: Ranking, remembered: Remembered): FlowResult {
  const ended = endedPlansNote(ctx, ranking.ended);
  const citations = [...ranking.excluded.flatMap((c) => ctx.cite.forTrace(c.result.trace)), ...ended.citations];
  const lines = [
    ranking.uncovered.length > 0 ? uncoveredLine(ctx, ranking.uncovered) : undefined,
    ...ended.lines,
    ranking.uncovered.length === 0 && ended.lines.length === 0 ? '依您提供的資料，收錄的保證項目中沒有符合的：' : undefined,
    ...ranking.excluded.map((c) => excludedLine(c.result)),
    ranking.uncovered.length === 0 && ended.lines.length === 0 ? `建議洽信保基金或往來金融機構確認其他融資方式：${serviceLinesText(ctx.service)}。` : undefined,
    sourcesLine(citations),
  ];
  return answered({ kind: 'answer', intent: 'recommend', lines, citations, quickReplies: ['重新開始'] }, { ...remembered, pending: undefined });
}
