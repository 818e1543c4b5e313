import { eligibility, type EligibilityResult } from '../../rules/eligibility/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import { formatTenths } from '../../rules/display.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { guaranteeFee, type FeeResult } from '../../rules/fees.ts';
import { formatAmount, formatCheng, formatRocDate } from '../compose/format.ts';
import { sourceWordsLine } from '../compose/parameter-text.ts';
import { programmeCardLine } from '../compose/programme-cards.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import { questionFor } from '../dialogue/questions.ts';
import type { Citation, ProgrammeCard } from '../types.ts';
import { answered, asked, type FlowContext, type FlowResult } from './context.ts';
import { rateText } from './eligibility.ts';
import { asOfDocumentLine, endedPlansNote } from './ended-plans.ts';
import { mostDecisiveFact, rankProgrammes, type Candidate, type MentionedGuarantee, type Ranking } from './recommend-ranking.ts';

/** How many programmes one answer shows: enough to choose from, few enough to read on a phone. */
const SHOWN = 4;

/**
 * 「我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？」: weighs every programme in force for what the user has said,
 * shows the ones that may fit, best first, and asks the one fact that would most change the list while none is
 * sure to fit. Ended plans are told as history; a need no programme serves gets the service lines.
 */
export function recommendFlow(ctx: FlowContext): FlowResult {
  const purposes = statedPurposes(ctx);
  const ranking = withOrdinary(ctx, purposes, setAside(ctx, rankProgrammes(ctx.merged.facts, purposes, namedProgrammes(ctx), ctx.domain.finder, ctx.view)));
  const shown = ranking.fits.slice(0, SHOWN);
  const fact = mostDecisiveFact(shown, ctx.domain.finder);
  // A fact asked and not read from the reply is not asked again: the list is shown with what it still waits on.
  const askable = fact !== undefined && !(ctx.state.task === 'recommend' && ctx.state.pending === fact);
  // With one programme shown, 「那保幾成」 next is about it; with several, it compares them.
  const remembered = {
    task: 'recommend' as const,
    purposes,
    facts: ctx.merged.facts,
    programme: shown.length === 1 ? shown[0]!.result.programme : undefined,
    ...(shown.length >= 2 ? { compared: shown.map((c) => c.result.programme) } : {}),
    // (What was asked with the need, 「最多可以保幾成」, is asked of the programme picked from the list next.)
    ...(ctx.merged.asks.length > 0 ? { asks: ctx.merged.asks } : {}),
  };
  // A comparison is answered with what is known: both sides' figures do not wait on the applicant.
  // (Of programmes named or compared before: 「我該申請哪一種信保比較好」 names none, and is asked what splits them.)
  const comparesNamed = ctx.understanding.programmesByName.length >= 2 || (ctx.state.compared?.length ?? 0) >= 2;
  const comparing = ctx.understanding.modifiers.comparison && comparesNamed && shown.length >= 2;
  // (Asking the need shows no list: no programme of it is the one discussed, and 「一年保證費要多少」 next is asked of none.)
  if (asksNeed(ctx, purposes, shown, ranking)) return askNeed(ctx, { task: remembered.task, purposes, facts: remembered.facts, ...(remembered.asks ? { asks: remembered.asks } : {}) });
  // Answer first: a need narrows the list enough to show it with the question; with nothing but who the applicant is,
  // the list would be every programme, so the one fact that splits it most is asked first.
  const narrowed = purposes.length > 0 && shown.length > 0;
  if (askable && !comparing && !narrowed && !shown.some((c) => c.result.status === 'eligible') && ranking.ended.length === 0 && ranking.mentioned.length === 0) {
    return askDecisiveFact(ctx, fact, shown, remembered);
  }
  if (shown.length === 0) return nothingFits(ctx, ranking, remembered);
  return recommendation(ctx, shown, ranking, askable ? fact : undefined, remembered);
}

type Remembered = FlowResult['state'];

/**
 * 「不行的話有別的可以辦嗎」「還有其他的嗎」: the programme just discussed, and the ones the finder already listed, are not
 * what is asked for; they leave the list (the others keep their order).
 */
function setAside(ctx: FlowContext, ranking: Ranking): Ranking {
  if (!ctx.understanding.asksOthers) return ranking;
  const discussed = new Set([...(ctx.state.programme ? [ctx.state.programme] : []), ...(ctx.state.compared ?? [])]);
  if (discussed.size === 0) return ranking;
  return { ...ranking, fits: ranking.fits.filter((c) => !discussed.has(c.result.programme)) };
}

/**
 * 「我70歲 有什麼信保貸款適合我」: with no need told, the finder weighs the programmes for who the applicant is (青創, 鳳凰);
 * when none of them fits, the ordinary guarantee (programmes.yaml `unnamed`), open to any SME whatever its owner's
 * age, still does — it is shown rather than 「沒有符合的」.
 */
function withOrdinary(ctx: FlowContext, purposes: readonly string[], ranking: Ranking): Ranking {
  const unnamed = ctx.domain.programmes.unnamed;
  if (!unnamed || ranking.fits.length > 0 || purposes.length > 0 || ranking.ended.length > 0 || ranking.mentioned.length > 0) return ranking;
  // (Nor when it is what was just discussed or listed, and others are asked for.)
  const discussed = [ctx.state.programme, ...(ctx.state.compared ?? [])];
  if (ctx.understanding.asksOthers && discussed.includes(unnamed.programme)) return ranking;
  const ordinary = rankProgrammes(ctx.merged.facts, [], [unnamed.programme], ctx.domain.finder, ctx.view).fits.filter((c) => c.result.programme === unnamed.programme);
  return { ...ranking, fits: ordinary.map((c) => ({ ...c, named: false })) };
}

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

/** The pending value while the finder waits for what the money is for. */
const NEED = 'need';

/**
 * No need stated, nothing sure to fit by who the applicant is, and the business's age known (「食品加工廠 成立12年」):
 * what the money is for decides more than anything about the owner. Asked once.
 */
function asksNeed(ctx: FlowContext, purposes: readonly string[], shown: readonly Candidate[], ranking: Ranking): boolean {
  if (purposes.length > 0 || ctx.understanding.programmesByName.length > 0 || ranking.ended.length > 0) return false;
  if (ctx.state.task === 'recommend' && ctx.state.pending === NEED) return false;
  return ctx.merged.facts.businessAgeMonths !== undefined && !shown.some((c) => c.result.status === 'eligible');
}

function askNeed(ctx: FlowContext, remembered: Remembered): FlowResult {
  const { question, quickReplies } = ctx.domain.finder.needQuestion;
  const young = newVentureRule(ctx);
  // (Answer first: 「想借一百萬，可以用信保嗎」 hears the ordinary guarantee's figures before the question.)
  const ordinary = young ? undefined : ordinaryGuarantee(ctx);
  const citations = [...(young?.citations ?? []), ...(ordinary?.citations ?? [])];
  return asked(
    {
      intent: 'recommend',
      lines: [young?.line, ...(ordinary?.lines ?? []), '為了找出適合您的保證項目，想先了解資金的用途：不同用途適用不同的保證項目。', question, citations.length > 0 ? sourcesLine(citations) : undefined],
      quickReplies,
      ...(citations.length > 0 ? { citations } : {}),
    },
    { ...remembered, pending: NEED },
  );
}

/**
 * Answer first for a business too young for the usual operating period (「餐廳才開三個月」): the rule for new ventures
 * (促進就業融資保證專案) says what such a business can still get guaranteed, before the finder asks what the money is for.
 */
export function newVentureRule(ctx: FlowContext): { line: string; citations: Citation[] } | undefined {
  const status = newVentureStatus(ctx);
  return status?.young ? status : undefined;
}

/** What the new-venture rule says of the business's age: still within it (and what it limits), or past it. */
function newVentureStatus(ctx: FlowContext): { line: string; citations: Citation[]; young: boolean; purposeWords: string[] } | undefined {
  let result: EligibilityResult;
  try {
    result = eligibility(NEW_VENTURE_PROGRAMME, ctx.merged.facts, ctx.view);
  } catch {
    return undefined;
  }
  const steps = result.trace.filter((step) => step.kind === 'parameter' && step.name.startsWith('employment_promotion.new_venture'));
  const citations = ctx.cite.forTrace(steps);
  // (The rule's own words on what the money may be for, when asked: 「前述送保授信，以購置機器…為限。」)
  const purposeWords = [...new Set(steps.flatMap((step) => (step.kind === 'parameter' && step.name.endsWith('new_venture_purposes') && step.reference.quote ? [step.reference.quote] : [])))];
  const need = result.needed.find((n) => n.fact === 'loanPurpose' || n.fact === 'industry');
  if (need) return { line: `依「促進就業融資保證專案」：${need.reason}。`, citations, young: true, purposeWords };
  // (Past it: 「生產事業營業 10 個月，已滿半年：不屬新創事業…」, said only when the steps read the rule.)
  const past = steps.length > 0 ? result.reasons.find((reason) => reason.includes('不屬新創事業')) : undefined;
  if (past) return { line: `依「促進就業融資保證專案」：${past}。`, citations, young: false, purposeWords };
  // (Within it, with a purpose it allows: 「新創事業（一般事業營業 10 個月…）…授信用途符合（授信限於…）」.)
  const within = steps.length > 0 ? result.reasons.find((reason) => reason.includes('新創事業（') && !reason.includes('不屬新創事業')) : undefined;
  return within ? { line: `依「促進就業融資保證專案」：${within}。`, citations, young: true, purposeWords } : undefined;
}

/** The programme whose rule lets a new venture be guaranteed before its usual operating period. */
const NEW_VENTURE_PROGRAMME = 'employment_promotion';

/** What a question about whether one's own young business is turned away asks (「營業太短會不保嗎」). */
const AGE_ASKS = new Set(['exclusions', 'eligibility_criteria', 'business_age_limit']);

/**
 * 「我的工廠才開3個月 信保會因為營業太短不保嗎」, naming no programme: the rule for new ventures answers it (what such a
 * business can still get guaranteed), and 「那如果是一般事業 開了10個月呢」 after it is decided the same way.
 */
export function youngBusinessFlow(ctx: FlowContext): FlowResult | undefined {
  const { programme, facts, asks, task } = ctx.merged;
  // (「有那個新創事業的放寬嗎」 names the rule's own programme: the same answer.)
  // (「查詢書的資格欄要勾哪一項」 asks how to file it: the documents answer.)
  // (Nor 「那借的錢可以拿來付薪水嗎」 after it: what the money is for, asked of the young business, is the same rule's.)
  // (Or the use told and asked yes or no, 「就是想借週轉金付房租跟薪水，這樣ok嗎」.)
  const asksUse = facts.loanPurpose !== undefined && (asks.includes('usage') || (ctx.understanding.facts.loanPurpose !== undefined && ctx.understanding.modifiers.yesNo));
  if ((programme && programme !== NEW_VENTURE_PROGRAMME) || facts.businessAgeMonths === undefined || !(asksUse || asks.some((ask) => AGE_ASKS.has(ask))) || asks.includes('procedure')) return undefined;
  // (A case with its 營授比 figures is decided on them.)
  if (facts.annualRevenue !== undefined || facts.workingCapitalBalance !== undefined || facts.businessFinanceRatio !== undefined) return undefined;
  const young = newVentureStatus(ctx);
  // Past the rule's months, it is said only when the business's age itself was asked about (「營業時間太短會不保嗎」).
  if (!young || (!young.young && !asks.includes('business_age_limit'))) return undefined;
  return answered(
    { kind: 'answer', intent: 'eligibility', lines: [young.line, asksUse ? sourceWordsLine(young.purposeWords) : undefined, sourcesLine(young.citations)], citations: young.citations, quickReplies: ['有哪些保證項目適合我？', '重新開始'] },
    { task: task ?? 'eligibility', asks, facts },
  );
}

function askDecisiveFact(ctx: FlowContext, fact: string, shown: readonly Candidate[], remembered: Remembered): FlowResult {
  const question = questionFor(fact, ctx.domain);
  const deciding = shown.filter((c) => c.result.missing.includes(fact)).map((c) => c.result.programmeName);
  const label = factLabel(ctx, fact);
  // Answer first here too: a business younger than the usual operating period hears the new-venture rule before the question.
  const young = newVentureRule(ctx);
  const ordinary = young ? undefined : ordinaryGuarantee(ctx);
  const citations = [...(young?.citations ?? []), ...(ordinary?.citations ?? [])];
  return asked(
    {
      intent: 'recommend',
      lines: [
        young?.line,
        ...(ordinary?.lines ?? []),
        `為了找出適合您的保證項目，想先了解一件事：${label}會決定是否適用${deciding.join('、')}。`,
        question.text,
        citations.length > 0 ? sourcesLine(citations) : undefined,
      ],
      quickReplies: ctx.domain.finder.quickReplies[fact] ?? question.quickReplies,
      ...(citations.length > 0 ? { citations } : {}),
    },
    // (With the ordinary guarantee shown, 「大概要付多少保證費」 next is its fee, not a comparison of the programmes not shown.)
    { ...(ordinary ? withoutCompared(remembered) : remembered), pending: fact },
  );
}

function withoutCompared(remembered: Remembered): Remembered {
  const { compared: _compared, ...rest } = remembered;
  return rest;
}

/**
 * 「我們是網拍的小公司 能送信保嗎」: asked whether one may use the fund at all, with no need told, the ordinary guarantee
 * (programmes.yaml `unnamed`) is said first, with its figures and their sources, before the question that finds others.
 */
function ordinaryGuarantee(ctx: FlowContext): { lines: string[]; citations: Citation[] } | undefined {
  const unnamed = ctx.domain.programmes.unnamed;
  if (!unnamed || statedPurposes(ctx).length > 0 || ctx.understanding.programmes.length > 0) return undefined;
  // (Nor only then: 「有什麼貸款適合我」 hears it too, before the question that splits the others.)
  if (ctx.understanding.intent !== 'eligibility' && ctx.understanding.intent !== 'recommend' && !ctx.understanding.modifiers.yesNo) return undefined;
  const fits = rankProgrammes(ctx.merged.facts, [], [unnamed.programme], ctx.domain.finder, ctx.view).fits;
  const ordinary = fits.find((c) => c.result.programme === unnamed.programme && c.result.status !== 'not_eligible');
  if (!ordinary) return undefined;
  const line = programmeCardLine(programmeCard(ctx, ordinary, undefined), 1).replace(/^1\. /u, '').replace(/｜為什麼：[^｜]*/u, '');
  return { lines: [unnamed.note, line], citations: ctx.cite.forTrace(ordinary.result.trace) };
}

function recommendation(ctx: FlowContext, shown: readonly Candidate[], ranking: Ranking, fact: string | undefined, remembered: Remembered): FlowResult {
  const dated = asOfDocumentNote(ctx, shown);
  const citations = shown.flatMap((c) => ctx.cite.forTrace(c.result.trace));
  const cards = shown.map((c) => programmeCard(ctx, c, dated.dates.get(c.result.programme)));
  const endedNote = endedPlansNote(ctx, ranking.ended, { serviceLines: dated.lines.length === 0 });
  const mentioned = mentionedNote(ctx, ranking.mentioned);
  const question = fact ? questionFor(fact, ctx.domain) : undefined;
  const comparison = ctx.understanding.modifiers.comparison ? comparisonLines(ctx, shown) : [];
  // A business younger than the usual operating period: the new-venture rule, unless a programme shown already says it.
  // (Asked yes or no, 「成立才八個月…不能送信保，真的是這樣嗎」, the rule is the answer: it comes first whatever is shown.)
  const young = shown.some((c) => c.result.programme === NEW_VENTURE_PROGRAMME) && !ctx.understanding.modifiers.yesNo ? undefined : newVentureRule(ctx);
  const fees = ctx.merged.asks.some((ask) => ask === 'fee_amount' || ask === 'fee_rate') ? shown.slice(0, 2).flatMap((c) => feeOfLoanTold(ctx, c) ?? []) : [];
  const allCitations = [...citations, ...endedNote.citations, ...mentioned.citations, ...(young?.citations ?? []), ...fees.flatMap((f) => ctx.cite.forTrace(f.trace))];
  const lines = [
    ranking.uncovered.length > 0 ? uncoveredLine(ctx, ranking.uncovered) : undefined,
    young?.line,
    ...endedNote.lines,
    ...mentioned.lines,
    `依您提供的資料，可能適合的保證項目（較適合的在前）：`,
    ...cards.map((card, i) => programmeCardLine(card, i + 1)),
    ...fees.map((f) => f.line),
    ...comparison,
    ...dated.lines,
    ...ranking.excluded.filter((c) => c.named).map((c) => excludedLine(c.result)),
    question ? `再請問：${question.text}（可以幫助確認${waitingOn(shown, fact!)}）` : undefined,
    `（依 ${formatRocDate(ctx.view.asOf)}適用之規定；保證由往來金融機構向本基金申請，最終以本基金及承貸金融機構審核為準）`,
    sourcesLine(allCitations),
  ];
  return answered(
    {
      kind: 'eligibility',
      intent: 'recommend',
      lines,
      citations: allCitations,
      programmes: cards,
      quickReplies: question
        ? (ctx.domain.finder.quickReplies[fact!] ?? question.quickReplies)
        : [...shown.slice(0, 2).map((c) => `${c.result.programmeName}的申請資格？`), '重新開始'],
    },
    { ...remembered, ...(fact ? { pending: fact } : { pending: undefined }) },
  );
}

/**
 * Answer first: 「要借80萬，有什麼信保貸款可以用？一年保費多少」 — the loan told, at a shown programme's highest ratio, for the
 * period told (a year when none), costs this fee; for each risk group when the rate waits on one.
 */
function feeOfLoanTold(ctx: FlowContext, c: Candidate): { line: string; trace: FeeResult['trace'] } | undefined {
  const { loanAmount, periodMonths, riskGroup, flags } = ctx.merged.facts;
  const ratio = c.result.maxRatio;
  if (loanAmount === undefined || ratio === undefined || c.result.feeRate.waived) return undefined;
  const facts = { programme: c.result.programme, loanAmount, guaranteeRatio: ratio, periodMonths: periodMonths ?? 12, ...(flags ? { flags } : {}) };
  const feeAt = (group?: 'A' | 'B' | 'C'): FeeResult | undefined => {
    try {
      return guaranteeFee(ctx.view, { ...facts, ...(group ? { riskGroup: group } : {}) });
    } catch {
      return undefined;
    }
  };
  const lead = `${c.result.programmeName}：以您說的貸款 ${formatAmount(loanAmount)} 元、最高保證成數 ${formatCheng(ratio)}、保證期間 ${periodMonths ?? 12} 個月試算，保證手續費`;
  // (One fee when the rate waits on no risk group, or the group was told; else each group's.)
  const one = feeAt(riskGroup);
  if (one) return { line: `${lead} ${formatAmount(one.fee)} 元（${one.formula}）`, trace: one.trace };
  const groups = (['A', 'B', 'C'] as const).flatMap((group) => {
    const fee = feeAt(group);
    return fee ? [{ group, fee }] : [];
  });
  if (groups.length === 0) return undefined;
  return { line: `${lead}${groups.map((g) => `風險組群 ${g.group} ${formatAmount(g.fee.fee)} 元`).join('、')}（依風險組群）`, trace: groups.flatMap((g) => g.fee.trace) };
}

/** Who it is for, the highest ratio, the fee rate, why it fits and what would still decide it, with its sources. */
function programmeCard(ctx: FlowContext, c: Candidate, documentDate: string | undefined): ProgrammeCard {
  const r = c.result;
  const forWhom = audienceOf(ctx, r.programme);
  const missing = r.missing.map((fact) => factLabel(ctx, fact));
  const supposed = c.supposed.map((flag) => factLabel(ctx, `flags.${flag}`));
  const status = missing.length > 0 ? `還要確認：${missing.join('、')}` : r.status === 'eligible' ? '依您提供的資料符合條件' : '由本基金審核';
  const notes = [
    documentDate ? `依${documentDate}之文件所載，現況請洽信保基金確認` : undefined,
    supposed.length > 0 ? `以「${supposed.join('、')}」計算` : undefined,
    status,
  ];
  return {
    name: r.programmeName,
    ...(forWhom ? { forWhom } : {}),
    maxRatio: r.maxRatio !== undefined ? formatCheng(r.maxRatio) : '來源文件未載',
    feeRate: c.rateWhateverGroup !== undefined ? `年費率 ${rateAsWritten(c.rateWhateverGroup)}（不論風險組群）` : (rateText(r)?.replace(/^保證手續費：?/u, '') ?? '來源文件未載'),
    whyItFits: whyItFits(c),
    stillToConfirm: notes.filter(Boolean).join('；'),
    ...(missing.length === 0 && r.status === 'eligible' ? { fits: true } : {}),
    sources: ctx.cite.forTrace(r.trace).map((citation) => `${citation.title} > ${citation.section}`),
  };
}

/**
 * 「A跟B哪個成數高／手續費便宜」 with the programmes described rather than named: the shown programmes that have the
 * figure, ordered (ratio highest first, fee rate lowest first), from the same results as the cards.
 */
function comparisonLines(ctx: FlowContext, shown: readonly Candidate[]): string[] {
  const asks = ctx.understanding.asks;
  const onRatio = asks.includes('max_ratio') || !asks.includes('fee_rate');
  const onFee = asks.includes('fee_rate') || !asks.includes('max_ratio');
  const lines: string[] = [];
  const withRatio = shown.filter((c) => c.result.maxRatio !== undefined);
  if (onRatio && withRatio.length >= 2) {
    const ordered = [...withRatio].sort((a, b) => b.result.maxRatio! - a.result.maxRatio!);
    lines.push(`比較保證成數（由高到低）：${ordered.map((c) => `${c.result.programmeName} ${formatTenths(c.result.maxRatio!)}`).join('、')}`);
  }
  const withFee = shown.flatMap((c) => {
    const range = feeRange(c);
    return range ? [{ c, ...range }] : [];
  });
  if (onFee && withFee.length >= 2) {
    const ordered = [...withFee].sort((a, b) => a.min - b.min || a.max - b.max);
    lines.push(`比較保證手續費年費率（由低到高）：${ordered.map(({ c, text }) => `${c.result.programmeName} ${text}`).join('、')}`);
  }
  return lines;
}

/** A rate without trailing zeros, every digit kept (0.5%, 0.395%, 1.5%), as the documents' tables write it. */
function rateAsWritten(percent: number): string {
  return `${Number(percent.toFixed(4))}%`;
}

/** The fee rate as a range (a waiver is 0), and as the documents write it (0.5%, 0.75%～1.5%). */
function feeRange(c: Candidate): { min: number; max: number; text: string } | undefined {
  const f = c.result.feeRate;
  if (f.waived) return { min: 0, max: 0, text: '免收' };
  const applicable = f.applicable ?? c.rateWhateverGroup;
  if (applicable !== undefined) return { min: applicable, max: applicable, text: rateAsWritten(applicable) };
  const rates = f.byRiskGroup ? [f.byRiskGroup.A, f.byRiskGroup.B, f.byRiskGroup.C] : f.min !== undefined && f.max !== undefined ? [f.min, f.max] : [];
  if (rates.length === 0) return undefined;
  const min = Math.min(...rates);
  const max = Math.max(...rates);
  return { min, max, text: min === max ? rateAsWritten(min) : `${rateAsWritten(min)}～${rateAsWritten(max)}` };
}

/**
 * Programmes the documents describe only as current at their own date (災害復舊專案貸款): one line each naming the
 * document and its date, with the service lines to confirm what applies now; and the date for each card.
 */
function asOfDocumentNote(ctx: FlowContext, shown: readonly Candidate[]): { lines: string[]; dates: Map<ProgrammeId, string> } {
  const dates = new Map<ProgrammeId, string>();
  const lines: string[] = [];
  for (const c of shown) {
    const note = asOfDocumentLine(ctx, c.result);
    if (!note) continue;
    dates.set(c.result.programme, note.date);
    lines.push(note.line);
  }
  return { lines, dates };
}

/** Guarantees the documents name for the need without their figures: the name, the passage quoted, and the service lines. */
function mentionedNote(ctx: FlowContext, mentioned: readonly MentionedGuarantee[]): { lines: string[]; citations: Citation[] } {
  const lines: string[] = [];
  const citations: Citation[] = [];
  for (const m of mentioned) {
    const section = ctx.sources.knowledge.sections.find((s) => s.documentId === m.document && s.heading === m.section);
    if (!section) continue;
    lines.push(`收錄的文件提到「${m.name}」：《${section.title}》〈${section.heading}〉列為「${m.quote}」的案件之一，也就是由承貸金融機構於授信前向本基金專案申請。`);
    citations.push(ctx.cite.forSection(section, m.quote));
  }
  if (lines.length > 0) lines.push(`文件沒有載明它的保證成數與保證手續費率；詳細條件請洽信保基金或往來金融機構：${serviceLinesText(ctx.service)}。`);
  return { lines, citations };
}

/** Conditions met shown on a programme's card. */
const MET_SHOWN = 2;

function whyItFits(c: Candidate): string {
  const need = c.purposes.length > 0 ? `符合您的需要（${c.purposes.join('、')}）` : undefined;
  // (Each condition the user's facts meet, up to two: 「年齡 38 歲，符合…」 and 「設立 48 個月，符合「設立未滿 5 年」」.)
  const met = c.result.reasons.filter((reason) => /符合|已經/u.test(reason) && !/不符合/u.test(reason)).slice(0, MET_SHOWN);
  // The rule that makes the stated need fit (「…者屬新創事業，不受連續營業期間限制…」), without its request for more.
  const rule = c.result.reasons.find((reason) => !met.includes(reason) && c.purposes.some((label) => reason.includes(label)))?.split('；請')[0];
  return [need, ...met, rule].filter(Boolean).join('；') || '依您的情形可考慮';
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
  const mentioned = mentionedNote(ctx, ranking.mentioned);
  const citations = [...ranking.excluded.flatMap((c) => ctx.cite.forTrace(c.result.trace)), ...ended.citations, ...mentioned.citations];
  const toldOtherwise = ranking.uncovered.length > 0 || ended.lines.length > 0 || mentioned.lines.length > 0;
  const lines = [
    ranking.uncovered.length > 0 ? uncoveredLine(ctx, ranking.uncovered) : undefined,
    ...ended.lines,
    ...mentioned.lines,
    toldOtherwise ? undefined : '依您提供的資料，收錄的保證項目中沒有符合的：',
    ...ranking.excluded.map((c) => excludedLine(c.result)),
    toldOtherwise ? undefined : `建議洽信保基金或往來金融機構確認其他融資方式：${serviceLinesText(ctx.service)}。`,
    sourcesLine(citations),
  ];
  return answered({ kind: 'answer', intent: 'recommend', lines, citations, quickReplies: ['重新開始'] }, { ...remembered, pending: undefined });
}
