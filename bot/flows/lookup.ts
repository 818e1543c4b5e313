import { asksIfApplicantQualifies, withApplicantOf } from '../understand/intent.ts';
import { topicNamesFlag, understand } from '../understand/understand.ts';
import { asksExtremeYear } from '../understand/asks.ts';
import { normalizeText } from '../understand/normalize.ts';
import { readsParameter, type AskTopic } from '../../domain/compile.ts';
import type { ParameterHistoryEntry, ParameterReading } from '../../rules/at.ts';
import { yearAskedAsNow } from './announced.ts';
import { fireflyDonationFor, fireflyQuota } from '../../rules/firefly.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import { lenderListed, notOnAwardList, rateSource } from '../../rules/fee-rate.ts';
import { TraceRecorder } from '../../rules/trace.ts';
import { batchSubrogationCap } from '../../rules/batch.ts';
import { loanFromNeed } from '../../rules/max-ratio.ts';
import { InvalidInputError } from '../../rules/errors.ts';
import type { FactFlags, Facts } from '../../rules/facts.ts';
import type { Reference } from '../../rules/schema.ts';
import { isProgrammeId, PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { arithmeticLine, asksOfPercent, perItemAsked } from '../compose/arithmetic.ts';
import { tokenize } from '../../knowledge/tokenizer.ts';
import { figureDifference, rowsJoined, shownRowShare, shownRowsDifference, shownRowsSum, type RowWords } from '../../knowledge/quote.ts';
import { amountInWords, amountSpoken, formatAmount, formatCheng, formatRate, formatRocDate } from '../compose/format.ts';
import { scanMentions } from '../understand/figures.ts';
import { parseChineseNumber } from '../understand/numbers.ts';
import { productRoundedHalfUp } from '../../rules/exact.ts';
import { otherVersions, readingLine, sourceWordsLine, valueText, versionLine } from '../compose/parameter-text.ts';
import { isSourcesLine, sourcesLine } from '../compose/reply.ts';
import { PROGRAMME_ATTRIBUTES } from '../dialogue/merge.ts';
import { contactLines, serviceLinesText } from '../compose/service-lines.ts';
import type { Citation } from '../types.ts';
import { CASE_DATES } from '../dialogue/merge.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { coverage, matchForm } from './passage-terms.ts';
import { asksOfNothingInParticular, kindsOfQuestion, oncePer, programmeNames, queryGrams, retrievalAnswer, rowOfWhich, rowsAcrossTables, statesFigureAsked, subjectOf, withRareWordsAnswered } from './retrieval.ts';
import { carriesAny, kindsAsked, namesOtherThing, placeForm, placesNamed, type AnswerKind } from '../../knowledge/answer-kinds.ts';
import { combinedAnswer, severalProgrammes } from './several-programmes.ts';
import { questionParts } from '../understand/question-parts.ts';
import type { Understanding } from '../understand/types.ts';
import { channelAnswer, channelLines, circumstanceChannelLines } from './channel.ts';
import { asksRateUnderRule, endedPlanPeriod, FEE_FORMULA, lowerRatesOfUnnamed, rateUnderRuleFlow } from './fee.ts';
import { currentAlternatives } from './ended-plans.ts';
import { notInDocuments } from './problems.ts';
import { namesUnwritten, rareWordsOf } from '../../knowledge/retrieve.ts';
import { passageCatalogue } from '../../knowledge/passages.ts';
import type { KnowledgeSection } from '../../knowledge/schema.ts';
import { englishToChinese } from '../understand/english.ts';

export const INJECTION_NOTE = '（提醒：我只依據信保基金的文件與規定回答，訊息中提供的數字或指示不會改變上述內容。）';

/** How much a figure of the programme asked about outranks the figures of a rule topic the question's words name (0.5). */
const OWN_PROGRAMME_WEIGHT = 0.6;
const MAX_LINES = 5;
/** Taken from a figure no longer in force, asked of no case's date: what applies now is said first, the lapsed figure after it. */
const LAPSED_WEIGHT = 0.5;
const FIGURE_ASKS = new Set(['fee_rate', 'fee_amount', 'max_ratio', 'cap_amount']);
/** A bank's interest rate: no rule of the fund's sets it (asks.yaml `interest_rate`). */
const INTEREST_RATE = 'interest_rate';
const SEARCH_FIRST = new Set(['effective_date', 'procedure', 'definition', 'statistics', 'contact', 'budget', 'repayment', 'usage', 'names', 'letter_head', 'payment']);
/** Asks no rule parameter answers: names (who won, which banks), how to apply, whom to call. */
export const DOCUMENTS_ONLY: ReadonlySet<string> = new Set(['names', 'procedure', 'contact', 'letter_head', 'payment']);
/** A programme named with no attribute (「批次保證？」) gets its key figures. */
const DEFAULT_ASKS = ['fee_rate', 'max_ratio'];
/** How much of the question a parameter's description must share to answer it without a recognised ask. */
const DESCRIPTION_MATCH = 0.3;

interface Candidate {
  name: string;
  /** In force at the date asked; otherwise the last dated value (a rule that has lapsed). */
  reading?: ParameterReading;
  lapsed?: ParameterHistoryEntry;
  /** Nothing in force at the date asked, and the first value the documents give starts later (a case dated before it). */
  upcoming?: ParameterHistoryEntry;
  /** Its name is of a kind the question asks for (a rate, a ratio, a cap …). */
  byAsk: boolean;
  /** The share of the question's words its description has. */
  byWords: number;
  /** Its description, as matched against a question's words. */
  described: string;
  score: number;
}

/**
 * A fact question answered from rule parameters when they cover it (exact, dated, cited), otherwise from the
 * documents through search; and when neither does, said plainly.
 */
export function lookupFlow(ctx: FlowContext): FlowResult {
  // 「青創跟鳳凰各保幾成？」 asks the same of each programme it names.
  const named = ctx.merged.compared ?? ctx.understanding.programmes;
  // (Unless their rows of the statistics tables are what is worked out, 「一般貸款的保證餘額大概是批保的幾倍」: both rows
  // quoted together, each from its own table, and computed over.)
  const across = named.length >= 2 ? rowsAcrossTables(ctx) : undefined;
  if (across) return withComputed(ctx, across);
  if (named.length >= 2) return withComputed(ctx, severalProgrammes(ctx, named, lookupOne));
  return withRareWordsAnswered(ctx, withContact(ctx, withComputed(ctx, lookupOne(ctx))));
}

/**
 * A follow-up of a passage answer that asks only something worked out over what was quoted (a highest or lowest, a
 * difference, a sum) and names nothing of its own to look up: no ask, programme, rule topic, fact, place or bank.
 */
function passageContinued(ctx: FlowContext): boolean {
  const u = ctx.understanding;
  const m = u.modifiers;
  const worksOut = m.superlative !== undefined || m.bothEnds === true || m.arithmetic !== undefined || m.total === true;
  if (!u.isFollowUp || !worksOut || (ctx.state.quotedSections?.length ?? 0) === 0) return false;
  // (Years may be named: 「那99跟100年兩年加起來」 names columns of the table just quoted.)
  // (Nor a period read in the count of years: 「兩年加起來」.)
  const facts = Object.keys(u.facts).filter((key) => key !== 'periodMonths');
  if (u.asks.length > 0 || u.programmes.length > 0 || u.parameterTopics.length > 0 || facts.length > 0) return false;
  const kinds = ctx.sources.knowledge.answerKinds;
  const text = normalizeText(u.text);
  return [...(kinds?.places ?? []), ...(kinds?.organisationNames ?? [])].every((names) => !names.some((name) => text.includes(name)));
}

/**
 * 「110年的保證金額比111年多多少」「批保比專案保證晚幾年推出」: arithmetic asked over figures the answer quotes (from one
 * passage or several) is computed after them, when the answer computed nothing itself.
 */
export function withComputed(ctx: FlowContext, result: FlowResult): FlowResult {
  const quota = quotaGuaranteed(ctx, result) ?? loanOfNeed(ctx, result) ?? enterprisesSummed(ctx, result) ?? capsOfEach(ctx, result);
  if (quota) return { ...withLineAfterFigures(result, quota, true), grounding: [...(result.grounding ?? []), quota] };
  const head = result.replies[0];
  const asksOf = (u: Understanding) => u.modifiers.arithmetic ?? (u.modifiers.total ? 'sum' : undefined);
  // (「青創跟批次的保證餘額哪個多」: a row of one table quoted for each programme named is compared like two rows quoted together.)
  if (!asksOf(ctx.understanding) && ctx.understanding.modifiers.comparison && head && result.outcome === 'answered' && !/^(?:計算|比較|合計)/mu.test(head.text)) {
    const shown = head.text.split('\n').filter((line) => line.startsWith('「'));
    const rows = shownRowsDifference(shown);
    if (!rows) return result;
    // (「青創跟批次 哪個保證餘額比較多」: the row that answers which is kept, so 「它佔全部幾%」 next asks of it.)
    const answeredRow = rowOfWhich(ctx, shown);
    return { ...withLineAfterFigures(result, rows, true), grounding: [...(result.grounding ?? []), rows], ...(answeredRow ? { state: { ...result.state, answeredRow } } : {}) };
  }
  // (An average asked, 「111年底平均每一戶的保證餘額」, is worked out of a passage the search was less sure of, when its figures give it.)
  const averaged = result.outcome === 'low_confidence' && ctx.understanding.modifiers.arithmetic === 'per';
  if (!head || (result.outcome !== 'answered' && !averaged)) return result;
  // (「批發零售業比製造業多多少? 大概是幾倍」: a comparison already stated answers the difference; a later part asking
  // another operation of the same rows is still computed.)
  const compared = /^比較/mu.test(head.text);
  // (Nor a growth the answer states between years, 「保證手續費收入：111年較110年減少 …（…，減少 5.81%）」.)
  const growthStated = head.text.split('\n').some((line) => YEAR_GROWTH_STATED.test(line.slice(line.indexOf('：') + 1)));
  if (/^(?:計算|合計)/mu.test(head.text) || (compared && !asksBeyondDifference(ctx))) return result;
  const quoted = head.text.split('\n').filter((line) => line.startsWith('「') || line.startsWith('原文：'));
  const words = rowWords(ctx);
  const asking = englishToChinese(ctx.understanding.text);
  // (「捐助信保基金的錢佔總經費幾%」: a row of a table with no share column, over its total row.)
  const share = ctx.understanding.modifiers.share && !asksOf(ctx.understanding) ? shownRowShare(quoted, asking, words) : undefined;
  if (share) return { ...withLineAfterFigures(result, share, true), grounding: [...(result.grounding ?? []), share] };
  // (「關懷了幾家，占被停的名單多少比例」: of two counts a passage writes, the one over the other.)
  const ofWhole = ctx.understanding.modifiers.share && !asksOf(ctx.understanding) ? arithmeticLine(asking, 'share', quoted) : undefined;
  if (ofWhole) return { ...withLineAfterFigures(result, ofWhole, true), grounding: [...(result.grounding ?? []), ofWhole] };
  // (Two rows quoted, named with 加 between them, 「臺中市加臺南市的保證餘額」, are a sum asked, whatever else the question says.)
  const joined = rowsJoined(quoted, asking, words);
  const operationOf = (u: Understanding) => asksOf(u) ?? (joined ? 'sum' : undefined);
  if (!operationOf(ctx.understanding)) return result;
  // (「…多多少億?政府大概是銀行的几倍」: each part asking arithmetic of its own is computed.)
  const parts = questionParts(ctx.understanding, ctx.domain).map((p) => p.own).filter((own) => operationOf(own) !== undefined);
  const asked = parts.length >= 2 ? parts : [ctx.understanding];
  // (A part the comparison stated is not computed again; the part after it takes its sides.)
  const computedHere = (u: Understanding) => !(compared && operationOf(u) === 'difference') && !(growthStated && operationOf(u) === 'growth');
  // (「跟保證金額差多少」 opening with the word that sets it against something: against what was asked before.)
  const setAgainstBefore = /^(?:那|那麼)?(?:跟|和|與|比)/u.test(normalizeText(ctx.understanding.text));
  const before = (ctx.understanding.isFollowUp || setAgainstBefore) && ctx.state.topic ? englishToChinese(ctx.state.topic) : undefined;
  // (Not a result the answer already states, 「保證金額：111年度較110年度減少 1732億元」 from the years read.)
  const plain = (text: string) => text.replace(/[,\s]/gu, '');
  const valueOf = (line: string) => {
    const tail = line.split('＝').at(-1)!;
    const cut = tail.search(/[。（]/u);
    return cut < 0 ? tail : tail.slice(0, cut);
  };
  const stated = (line: string) => plain(head.text).includes(plain(valueOf(line)));
  const banks = rowNamesOf(ctx.sources.knowledge);
  const over = (lines: string[]) =>
    [...new Set(asked.flatMap((u, i) => {
      if (!computedHere(u)) return [];
      const line = arithmeticLine(byRowNames(englishToChinese(u.text), banks), operationOf(u)!, lines, before, i > 0 ? byRowNames(englishToChinese(asked[i - 1]!.text), banks) : undefined);
      // (「AI的件比一般件快幾天？一般件是AI件的幾倍？」: a part asking a difference no label tells apart, the only two figures of one unit.)
      return line ?? (asked.length > 1 && operationOf(u) === 'difference' ? figureDifference(lines, sharesSetAgainst(ctx, u, asked[i - 1])) : undefined) ?? [];
    }))].filter((line) => !stated(line));
  // (The rule parameters the answer states, 「批次保證各批號之代位清償限額上限：新臺幣 100,000,000 元…」, each named by its
  // description; what its brackets add, a date it applies from, is no figure of it.)
  const ruled = () => head.text.split('\n').filter((line) => PARAMETER_LINE.test(line)).map((line) => line.replace(/（[^（）]*）/gu, '').replace('：', ' '));
  // (The parameters first: each is one figure under its own description; a quote may hold several of one clause.)
  const fromRules = over(ruled());
  // (A sum of table rows the question names, 「製造業加營建工程業合計多少」, adds their figures and their shares both.)
  // (Or the sum set against another row, 「製造業加營建工程業加一加，有沒有比批發零售業多？差多少」: the difference asked is
  // the sum's from that row, never two rows' apart.)
  const againstSum = (u: Understanding) => (u.modifiers.total === true || joined) && u.modifiers.arithmetic === 'difference';
  const sumAsked = asked.filter((u) => operationOf(u) === 'sum' || againstSum(u));
  const rowsSummed = fromRules.length === 0 && sumAsked.length > 0 ? shownRowsSum(quoted, [before ?? '', ...sumAsked.map((u) => englishToChinese(u.text)), ...(sumAsked.length < asked.length ? [englishToChinese(ctx.understanding.text)] : [])].join('\n'), words) : undefined;
  const namedRows = rowsSummed && (sumAsked.some((u) => operationOf(u) === 'sum') || rowsSummed.includes('\n比較：')) ? rowsSummed : undefined;
  const computed = fromRules.length > 0 ? fromRules : namedRows ? [namedRows] : over(quoted);
  // (Else, compared, the only two figures of one unit in a passage: 「平均審幾天？AI回覆的又是幾天？兩者差多少」.)
  // (Or, a sum asked of rows of one table quoted, 「前兩大銀行加起來佔多少」: their figures and shares added.)
  // (「AI回覆的比一般案件快幾天」: a difference asked of two figures no label tells apart, the only two of one unit.)
  // (「111年底平均每一戶的保證餘額」: the count of 戶 written in another section of the same document, quoted and divided by.)
  const divisor = computed.length === 0 && operationOf(ctx.understanding) === 'per' ? divisorElsewhere(ctx, head, quoted, asking) : undefined;
  if (divisor) {
    const perLine = arithmeticLine(asking, 'per', [...quoted, divisor.quote], before);
    if (perLine) {
      const withQuote = withLineAfterFigures(result, `依《${divisor.section.title}》〈${divisor.section.heading}〉：\n${divisor.quote}`, true);
      // (Its section is named among the sources too.)
      const withSource = (r: (typeof withQuote.replies)[number]) => {
        const citations = [...r.citations, divisor.citation];
        return { ...r, citations, text: r.text.split('\n').map((line) => (isSourcesLine(line) ? sourcesLine(citations) : line)).join('\n') };
      };
      const cited = { ...withQuote, replies: withQuote.replies.map((r, i) => (i === 0 ? withSource(r) : r)) };
      return { ...withLineAfterFigures(cited, perLine, true), grounding: [...(result.grounding ?? []), perLine, divisor.quote] };
    }
  }
  const line = computed.length > 0 ? computed.join('\n') : ctx.understanding.modifiers.comparison || operationOf(ctx.understanding) === 'difference' ? figureDifference(quoted, sharesSetAgainst(ctx, ctx.understanding, undefined)) : operationOf(ctx.understanding) === 'sum' ? shownRowsSum(quoted) : undefined;
  if (!line) return result;
  // (After every passage it computes over: before the last line naming sources.)
  const computedResult = withLineAfterFigures(result, line, true);
  return { ...computedResult, grounding: [...(result.grounding ?? []), line] };
}

/**
 * The other names rows are computed by, once per knowledge version: the banks' (answer-kinds.yaml organisation_names),
 * and a place by the name of the county or city the tables write (places: 「馬祖」 → 連江(縣)), not a region's office (中部).
 */
const rowNamesOf = oncePer((knowledge: KnowledgeBase): ReadonlyArray<readonly string[]> => {
  const county = (name: string) => knowledge.sections.some((section) => section.text.includes(`${name}縣`) || section.text.includes(`${name}市`));
  const places = knowledge.answerKinds?.places ?? [];
  return [...(knowledge.answerKinds?.organisationNames ?? []), ...places.flatMap(([asked, ...written]) => written.filter(county).map((name) => [asked!, name]))];
});

/**
 * 「一銀大概是華南的幾倍」: a bank named by an everyday name is read by the name the tables give it (answer-kinds.yaml
 * organisation_names: the everyday name, then the table's), unless a longer name of the list holds it (第一銀行).
 */
function byRowNames(text: string, names: ReadonlyArray<readonly string[]>): string {
  let read = text;
  for (const [alias, name] of names) {
    if (!alias || !name || !read.includes(alias) || read.includes(name)) continue;
    if (names.some((group) => group.some((other) => other !== alias && other.includes(alias) && read.includes(other)))) continue;
    read = read.split(alias).join(name);
  }
  return read;
}

/** Parts of the question asking arithmetic other than a difference (「多多少? 大概是幾倍」), beside one asking it. */
function asksBeyondDifference(ctx: FlowContext): boolean {
  // (Or one part asking both, 「兩家差多少，一銀大概是華南的幾倍」, read as the multiple.)
  const parts = questionParts(ctx.understanding, ctx.domain).map((p) => p.own.modifiers.arithmetic);
  return parts.length >= 2 && parts.some((op) => op !== undefined && op !== 'difference');
}

/** The other names a table row may be asked by (the banks' short names, the places'), and the words setting a row against a sum (answer-kinds.yaml). */
function rowWords(ctx: FlowContext): RowWords {
  const kinds = ctx.sources.knowledge.answerKinds;
  // (The programmes the question names, by the names it says them with: their rows are the ones added.)
  const text = normalizeText(ctx.understanding.text);
  const namesOf = (id: ProgrammeId) => programmeNames(ctx.domain, id).filter((name) => name.length >= 3).map(placeForm);
  const programmes = ctx.domain.programmes.names.filter((n) => ctx.understanding.programmes.includes(n.id) && text.includes(normalizeText(n.name))).map((n) => [placeForm(n.name), ...namesOf(n.id)]);
  return { aliases: [...(kinds?.organisationNames ?? []), ...(kinds?.places ?? [])], setAgainst: kinds?.setAgainst ?? [], sumJoiners: kinds?.sumJoiners ?? [], programmes };
}

/** A rule parameter line stating an amount: its description, the amount. */
const AMOUNT_PARAMETER = /^(?!「)(.{4,120}?)：新臺幣 ([\d,]+) 元/u;

/**
 * 「公共建設那個額外額度全部借滿 保證金額最多是多少」「災害復舊貸滿的話保證多少」: the guaranteed amount asked with no loan,
 * of an amount the answer states that is guaranteed at a ratio of its own (parameter `guaranteed_at`: a quota, a loan
 * cap): the amount used in full, times that ratio as it stands on the day asked.
 */
function quotaGuaranteed(ctx: FlowContext, result: FlowResult): string | undefined {
  const head = result.replies[0];
  const u = ctx.understanding;
  const asked = u.asks.includes('guaranteed_amount') || (u.asksAboutLoan?.includes('guaranteed_amount') ?? false);
  if (!head || result.outcome !== 'answered' || !asked || ctx.merged.facts.loanAmount !== undefined || /^保證金額：/mu.test(head.text)) return undefined;
  const guaranteed = ctx.view.names().flatMap((name) => {
    const reading = ctx.view.find(name);
    const ratioName = ctx.view.guaranteedAt(name);
    const ratio = ratioName === undefined ? undefined : ctx.view.find(ratioName);
    return reading && typeof reading.value === 'number' && ratio && typeof ratio.value === 'number' ? [{ reading, ratio }] : [];
  });
  // The amount as a rule line states it; else the one amount of the kind whose source passage the answer quotes
  // (「那塊全部用完的話…」 after the passage on the 公共建設 quota).
  const stated = head.text.split('\n').flatMap((line) => guaranteed.filter((g) => AMOUNT_PARAMETER.exec(line)?.[1] === g.reading.description));
  const cited = guaranteed.filter((g) => head.citations.some((c) => c.documentId === g.reading.reference.document && c.section === g.reading.reference.section));
  const found = stated[0] ?? (cited.length === 1 ? cited[0] : undefined);
  if (!found) return undefined;
  const { reading, ratio } = found;
  const percent = ratio.value as number;
  // (「需求只有三千萬」→「那保九成的話保證金額多少」: the case's need told before lends less than the cap — 八成 of it —
  // and that loan, at the ratio told, is what is guaranteed.)
  const { programme, facts } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  const fromNeed = programme && reading.name === `${programme}.loan_cap` ? loanFromNeed(programme, facts, trace) : undefined;
  const toldRatio = facts.guaranteeRatio !== undefined && facts.guaranteeRatio <= percent ? facts.guaranteeRatio : undefined;
  if (fromNeed !== undefined) {
    const at = toldRatio ?? percent;
    const steps = trace.steps.filter((step) => step.kind === 'arithmetic').map((step) => step.expression).join('；');
    return `保證金額（可貸金額 ${formatAmount(fromNeed)} 元，${toldRatio !== undefined ? '依您說的成數' : `以${ratio.description}`}計）：新臺幣 ${amountSpoken(productRoundedHalfUp([fromNeed, at], [100]))}；${steps}；${formatAmount(fromNeed)} × ${at}%`;
  }
  const quotaValue = reading.value as number;
  const product = productRoundedHalfUp([quotaValue, percent], [100]);
  return `保證金額（額度全數動用、以${ratio.description}計）：新臺幣 ${amountSpoken(product)}；${formatAmount(quotaValue)} × ${percent}%`;
}

/**
 * 「復工計畫實際需要2500萬…最多可以借到多少？信保保幾成？」: the most asked of a programme that lends a share of the need told
 * (`<programme>.loan_share_of_need`, within its cap), worked out for that need after the rules' figures.
 */
function loanOfNeed(ctx: FlowContext, result: FlowResult): string | undefined {
  const { programme, facts, asks } = ctx.merged;
  const head = result.replies[0];
  if (!head || result.outcome !== 'answered' || !programme || !asks.includes('cap_amount') || facts.loanAmount !== undefined || facts.recoveryNeed === undefined) return undefined;
  const trace = new TraceRecorder(ctx.view);
  const loan = loanFromNeed(programme, facts, trace);
  if (loan === undefined) return undefined;
  const steps = trace.steps.filter((step) => step.kind === 'arithmetic').map((step) => step.expression).join('；');
  return `依您說的實際需要 ${formatAmount(facts.recoveryNeed)} 元計，最高可貸：新臺幣 ${amountSpoken(loan)}；${steps}`;
}

/**
 * 「一個批號60家，每家都計提到上限，加起來會超過批號的限額嗎」→「那150家呢」: an amount per enterprise the answer states
 * (parameter `summed_under`), times the enterprises the message counts (or the question before it), set against the
 * amount capping their sum.
 */
function enterprisesSummed(ctx: FlowContext, result: FlowResult): string | undefined {
  const head = result.replies[0];
  if (!head || result.outcome !== 'answered') return undefined;
  const counted = (text: string) => scanMentions(text).find((m) => m.unit === 'count' && m.raw.endsWith('家'))?.value;
  // (「同一家銀行」「一家」 counts no enterprises summed.)
  const many = (n: number | undefined) => (n !== undefined && n >= 2 ? n : undefined);
  const asking = englishToChinese(ctx.understanding.text);
  const count = many(counted(asking)) ?? (ctx.understanding.isFollowUp && ctx.state.topic ? many(counted(englishToChinese(ctx.state.topic))) : undefined);
  // (「每家都計到頂，一個批號最多裝得下幾家」: how many enterprises the cap holds, asked as a count of 家.)
  const howMany = count === undefined && kindsAsked(asking, ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => kind.shownBy.some((shown) => shown.units.includes('家')));
  if (!howMany && count === undefined) return undefined;
  const lines = head.text.split('\n');
  for (const name of ctx.view.names()) {
    const capName = ctx.view.summedUnder(name);
    const each = ctx.view.find(name);
    const cap = capName === undefined ? undefined : ctx.view.find(capName);
    if (!each || !cap || typeof each.value !== 'number' || typeof cap.value !== 'number') continue;
    if (!lines.some((line) => AMOUNT_PARAMETER.exec(line)?.[1] === each.description)) continue;
    if (count === undefined) return `最多：${cap.description} ${formatAmount(cap.value)} 元 ÷ 每家 ${formatAmount(each.value)} 元 ＝ ${formatAmount(Math.floor(cap.value / each.value))} 家（每家都計提到上限時）。`;
    const total = count * each.value;
    const limit = `${cap.description} ${formatAmount(cap.value)} 元（${amountInWords(cap.value)}）`;
    const verdict = total > cap.value ? `超過${limit}，以此為限` : total === cap.value ? `剛好等於${limit}` : `未超過${limit}`;
    return `合計：${count} 家 × ${formatAmount(each.value)} 元 ＝ ${amountSpoken(total)}，${verdict}。`;
  }
  return undefined;
}

/**
 * 「明年拿到5個批號 每個批號代償上限最高多少？5個合計呢」: an amount the answer states for each of a kind of thing (its
 * description says 各批號, 每一批號), times how many of them the message counts, when a total is asked.
 */
function capsOfEach(ctx: FlowContext, result: FlowResult): string | undefined {
  const head = result.replies[0];
  if (!head || result.outcome !== 'answered' || !ctx.understanding.modifiers.total) return undefined;
  const asking = englishToChinese(ctx.understanding.text);
  for (const line of head.text.split('\n')) {
    const stated = AMOUNT_PARAMETER.exec(line);
    const noun = stated ? EACH_OF.exec(stated[1]!)?.[1] : undefined;
    if (!stated || !noun) continue;
    const counted = new RegExp(`(\\d+|[一二兩三四五六七八九十]+)(?:\\s*個)?\\s*${noun}`, 'u').exec(asking)?.[1];
    const count = counted === undefined ? undefined : parseChineseNumber(counted);
    if (count === undefined || count < 2) continue;
    const each = Number(stated[2]!.replace(/,/g, ''));
    return `合計：${count} 個${noun} × ${formatAmount(each)} 元 ＝ ${amountSpoken(count * each)}（${stated[1]}，每${noun}各計）。`;
  }
  return undefined;
}

/** A description of an amount for each of a kind of thing: 「批次保證各批號之代位清償限額上限」 → 批號. */
const EACH_OF = /(?:各|每一?|單一)(批號|企業|家|戶|件|筆)/u;

/** A year something runs to, as the documents write it: 「至101年12月」「到民國104年」. */
const END_YEAR = /(?:至|到)(?:\s*民國)?\s*\d{2,3}\s*年/u;

/** A rule parameter as an answer states it: its description, its figure, the day it applies from (「…上限：新臺幣 1,000,000 元（100萬元）（民國103年12月15日起適用）」). */
const PARAMETER_LINE = /^[^「：:]{4,80}：(?:新臺幣 )?\d.*起適用）$/u;

/**
 * 「1.一般貸款最高保幾成 2.手續費大概多少 3.有客服電話嗎」: asked with other things, the fund's contact is added when the
 * answer to the rest gave none of its lines.
 */
function withContact(ctx: FlowContext, result: FlowResult): FlowResult {
  const [head, ...others] = result.replies;
  if (!head || result.outcome !== 'answered' || !ctx.merged.asks.includes('contact') || ctx.merged.asks.length < 2) return result;
  // (Another office's number, quoted for the rest, is not the fund's service line asked for.)
  if (ctx.service.lines.length === 0 || ctx.service.lines.some((line) => head.text.includes(line.number))) return result;
  const lines = contactLines(ctx.service);
  return {
    ...result,
    grounding: [...(result.grounding ?? []), ...lines],
    replies: [{ ...head, text: `${head.text}\n${lines.join('\n')}`, citations: [...head.citations, ...(ctx.service.citation ? [ctx.service.citation] : [])] }, ...others],
  };
}

/** A change between years stated with its percent: 「111年較110年減少 196,672,159元（…，減少 5.81%）」. */
const YEAR_GROWTH_STATED = /^\d{2,3}年較\d{2,3}年(?:增加|減少) [^（]*（[^）]*(?:增加|減少) [\d.]+%）/u;

/** A count of the thing an average asks per (「299,513 戶」), in another section of the document the answer quotes: the sentence whose words the question shares most. */
function divisorElsewhere(ctx: FlowContext, head: NonNullable<FlowResult['replies'][number]>, quoted: string[], asking: string): { quote: string; section: KnowledgeSection; citation: Citation } | undefined {
  const item = perItemAsked(asking);
  if (!item || item === '年') return undefined;
  const documents = new Set(head.citations.flatMap((c) => (c.documentId ? [c.documentId] : [])));
  const shown = quoted.join('');
  // (A number starts where no digit stands before it: a long run of digits is tried once, not from every digit.)
  const count = new RegExp(`(?<![\\d,])\\d[\\d,]*\\s*${item}`, 'u');
  const words = new Set(tokenize(normalizeText(asking)));
  const found = ctx.sources.knowledge.sections
    .filter((section) => documents.has(section.documentId))
    .flatMap((section) => section.text.split(/[。\n]/u).filter((s) => count.test(s) && !shown.includes(s.trim())).map((sentence) => ({ section, sentence: sentence.trim(), shared: tokenize(normalizeText(sentence)).filter((w) => words.has(w)).length })))
    .sort((a, b) => b.shared - a.shared)[0];
  if (!found || found.shared === 0) return undefined;
  return { quote: `「${found.sentence}」`, section: found.section, citation: ctx.cite.forSection(found.section, found.sentence) };
}

/** Whether a rule under discussion states how it is applied for (增加國內投資: 限以專案或直接保證方式申請), when asked. */
export function hasRuleChannel(ctx: FlowContext): boolean {
  return ctx.merged.asks.includes('submission_channel') && rankedParameters(ctx, ['submission_channel']).some((c) => c.byAsk);
}

function lookupOne(ctx: FlowContext): FlowResult {
  // 「那可以直接用授權送保嗎」: how the programme under discussion is submitted, from the rules; other asks after it.
  // (No programme, a circumstance told that the list of project-only cases names: 「負責人是我們行董事的弟弟，可以授權嗎」.)
  const channel = !ctx.merged.asks.includes('submission_channel') ? undefined : ctx.merged.programme ? channelLines(ctx, ctx.merged.programme) : circumstanceChannelLines(ctx);
  if (channel) {
    const rest = ctx.merged.asks.filter((a) => a !== 'submission_channel' && a !== 'exclusions');
    // (A part asking which items go that way, 「除了一般貸款，哪些項目可以授權送保」, is not answered by the channel: the list is.)
    const channelAsks = (own: Understanding) => own.modifiers.which !== true && own.asks.every((ask) => ask === 'submission_channel' || ask === 'exclusions');
    // (「專案保證有哪些項目？青創可以用授權送保嗎？」: a part the channel does not answer gets its own passage after it.)
    if (rest.length === 0) return withPartsUnanswered(ctx, () => false, channelAnswer(ctx, ctx.merged.programme, channel), channelAsks);
    return withPartsUnanswered(ctx, (ask) => rest.includes(ask), withLinesFirst(lookupAnswer({ ...ctx, merged: { ...ctx.merged, asks: rest } }), channel), channelAsks);
  }
  // Other programmes (批次, the plans) are submitted as their documents say: the passage answers.
  if (!ctx.merged.asks.includes('submission_channel')) return lookupAnswer(ctx);
  // 「增加國內投資的額度可以授權嗎」: a rule's own channel (a parameter read by the ask) answers it; else the other asks.
  if (hasRuleChannel(ctx)) return lookupAnswer(ctx);
  return lookupAnswer({ ...ctx, merged: { ...ctx.merged, asks: ctx.merged.asks.filter((a) => a !== 'submission_channel') } });
}

/** A reply with lines and citations put before its own. */
function withLinesFirst(result: FlowResult, first: { lines: string[]; citations: Citation[] }): FlowResult {
  const [head, ...others] = result.replies;
  if (!head || result.outcome !== 'answered') return result;
  return {
    ...result,
    grounding: [...first.lines, ...(result.grounding ?? [])],
    replies: [{ ...head, text: `${first.lines.join('\n')}\n${head.text}`, citations: [...first.citations, ...head.citations] }, ...others],
  };
}

/**
 * 「是上海商銀不是玉山 那上海商銀的話手續費也能降嗎」: a batch fee rate asked of a lender not on the 批保卓越獎 list says so,
 * and what another batch award it won gives (批保金質獎: more quota, no lower rate), cited.
 */
function withLenderAward(ctx: FlowContext, result: FlowResult): FlowResult {
  const { programme, facts, asks } = ctx.merged;
  if (!programme || !asks.includes('fee_rate') || rateSource(programme).kind !== 'batch' || result.outcome !== 'answered') return result;
  if (facts.lender === undefined) return ctx.understanding.modifiers.whichLender ? withAwardLenders(ctx, result) : result;
  const trace = new TraceRecorder(ctx.view);
  const listed = lenderListed(trace, facts.lender);
  if (!listed || listed.won) return result;
  const lines = notOnAwardList(trace, facts.lender, listed.year).map((note) => `・${note}`);
  return withTracedLines(ctx, result, trace, lines);
}

/**
 * 「批保手續費有沒有哪些銀行比較便宜」「找哪家銀行手續費最低」: the rate differs by lender, so the lenders on the 批保卓越獎 list
 * and the rate their cases get are said, cited.
 */
function withAwardLenders(ctx: FlowContext, result: FlowResult): FlowResult {
  const trace = new TraceRecorder(ctx.view);
  const list = trace.optional('batch.excellence_award_banks');
  const rate = trace.optional('batch.fee_rate_excellence_award');
  if (!list || !Array.isArray(list.value) || !rate || typeof rate.value !== 'number') return result;
  const year = Number(list.effectiveFrom.slice(0, 4)) - 1911;
  const line = `${year}年度「批保卓越獎」得獎金融機構：${(list.value as string[]).join('、')}；其移送之批次保證案件保證手續費年費率 ${formatRate(rate.value)}（其他金融機構依一般批次保證費率）`;
  return withTracedLines(ctx, result, trace, [line]);
}

/** The answer with `lines` after its figures, grounded, and citing the rule parameters `trace` read that it did not cite yet. */
function withTracedLines(ctx: FlowContext, result: FlowResult, trace: TraceRecorder, lines: string[]): FlowResult {
  const withLines = withLineAfterFigures(result, lines.join('\n'));
  const [head, ...others] = withLines.replies;
  if (!head) return result;
  const citations = ctx.cite.forTrace(trace.steps).filter((c) => !head.citations.some((h) => h.section === c.section && h.title === c.title));
  return { ...withLines, grounding: [...(result.grounding ?? []), ...lines], replies: [{ ...head, citations: [...head.citations, ...citations] }, ...others] };
}

/** The answer with one more line after its figures, before the (first, else `last`) line naming its sources. */
export function withLineAfterFigures(result: FlowResult, line: string, last = false): FlowResult {
  const [head, ...others] = result.replies;
  if (!head) return result;
  const lines = head.text.split('\n');
  const sources = last ? lines.findLastIndex(isSourcesLine) : lines.findIndex(isSourcesLine);
  lines.splice(sources < 0 ? lines.length : sources, 0, line);
  return { ...result, replies: [{ ...head, text: lines.join('\n') }, ...others] };
}

function withLineFirst(result: FlowResult, line: string): FlowResult {
  const [head, ...others] = result.replies;
  return head ? { ...result, replies: [{ ...head, text: `${line}\n${head.text}` }, ...others] } : result;
}

function lookupAnswer(ctx: FlowContext): FlowResult {
  // 「批次信用保證跟經濟部紓困振興貸款…加起來」: rows of the tables named and added, each from its own table.
  const across = rowsAcrossTables(ctx);
  if (across) return across;
  // 「復工貸款的利息補貼是哪一年編最多錢」: the year of a highest or lowest is a table's column, never a rule's figure.
  const extremeYear = asksExtremeYear(normalizeText(ctx.understanding.text), ctx.domain) ? retrievalAnswer(ctx) : undefined;
  if (extremeYear && extremeYear.outcome === 'answered') return extremeYear;
  // 「那最多的是哪一年？跟最少那年差多少」 after a passage answered: a follow-up asking only what is worked out over it reads
  // the sections just quoted first, not the rules the asks carried over would read.
  const again = passageContinued(ctx) ? retrievalAnswer({ ...ctx, within: ctx.state.quotedSections! }) : undefined;
  if (again && again.outcome === 'answered') return again;
  // A rate question that gives a quoted rate or a circumstance that changes it: the rule decides the rate for the case.
  const underRule = asksRateUnderRule(ctx) ? rateUnderRuleFlow(ctx) : undefined;
  if (underRule) {
    // (「復工貸款保幾成？手續費要不要付？利息補貼最長多久？」: the other figures asked are answered after the fee's rule.)
    // (Asked in this message, as questions of their own: a follow-up asking only the fee, 「送保期間手續費要自己付嗎」, is not
    // answered the ratio asked before again, nor a 期間 its words mention.)
    const rest = ctx.merged.asks.filter((a) => a !== 'fee_rate' && a !== 'fee_amount' && ctx.understanding.asks.includes(a as (typeof ctx.understanding.asks)[number]));
    const several = questionParts(ctx.understanding, ctx.domain).length >= 2;
    const others = several && rest.length > 0 && underRule.outcome === 'answered' ? lookupAnswer({ ...ctx, merged: { ...ctx.merged, asks: rest } }) : undefined;
    if (others?.outcome !== 'answered') return underRule;
    return combinedAnswer('fact_lookup', undefined, [others, underRule], others.replies[0]?.quickReplies ?? [], others.state);
  }
  // 「莫拉克那個計畫原本預計要幫幾家企業復工」: a kind of thing no rule's figure is (a plan's estimate, answer-kinds.yaml
  // `not_in_rules`) is answered by the passage that shows it, or said not to be in the documents.
  if (asksKindNotInRules(ctx)) return passageOfProgramme(ctx);
  const lowered = lowerRatesOfUnnamed(ctx);
  if (lowered) return lowered;
  const unnamed = unnamedLookup(ctx);
  if (unnamed) return unnamed;
  // Questions about timing, procedure or meaning are best answered by the passage that says it,
  // together with any figures asked for alongside.
  const asks = ctx.merged.asks;
  // 「火金姑貸款是啥」: what a programme named is, and also what it covers and costs; named by its name or found by what
  // this message describes (「大企業捐錢成立專款…那種信保」 is 火金姑), not only carried from the conversation before.
  const named = ctx.merged.programme;
  const namedHere = named !== undefined && (ctx.understanding.programmesByName.includes(named) || ctx.state.programme !== named);
  const namedWhatItIs = asks.includes('definition') && namedHere;
  // (What it is, from the sections about it: 「青創貸款是什麼」 is not answered by an award named 青創、新創暨微型事業相挺獎.)
  const passage = asks.some((a) => SEARCH_FIRST.has(a)) ? (namedWhatItIs ? ownSectionsFirst(ctx, named) : retrievalAnswer(ctx)) : undefined;
  // 「什麼時候調高的？」 after a figure was read: when that figure changed is in its history (the asks of that lookup).
  const whenItChanged = asks.includes('effective_date') && ctx.understanding.isFollowUp && ctx.merged.parameterTopics.length > 0 ? (ctx.state.asks ?? []) : [];
  // (A passage-first ask that some rule's figure also answers, 「新創事業貸款限辦哪些用途」 → the listed 限辦之授信用途, has it shown too;
  // not a date asked, which the passage that says it answers: the figures that ask reads are the rules' transitions. Nor when
  // the question names a rule of its own, 「擴大綜合額度…可以拿去做什麼用」: another rule's list is not its answer.)
  const readers = ctx.domain.asks.parameters;
  const namesRule = ctx.merged.parameterTopics.some((t) => t.includes('.'));
  const figured = (a: string) => !SEARCH_FIRST.has(a) || (a !== 'effective_date' && !namesRule && readers[a as AskTopic] !== undefined);
  const figureAsks = [...new Set([...asks.filter(figured), ...(namedWhatItIs ? DEFAULT_ASKS : []), ...whenItChanged.filter((a) => !SEARCH_FIRST.has(a))])];
  if (passage && passage.outcome !== 'unanswered') {
    const figures = figureAsks.length > 0 ? rankedParameters(ctx, figureAsks) : [];
    return figures.length > 0 ? parameterAnswer(ctx, figures, passage) : passage;
  }
  // 「112年的批保卓越獎是哪幾家銀行得獎？」: who, how or whom to call is in no rule's figure; when the documents do not say it,
  // that is the answer, not a figure of the rule the question names.
  if (passage && asks.length > 0 && asks.every((a) => DOCUMENTS_ONLY.has(a))) return passage;
  // 「利率大概幾趴？有規定利率上限嗎」: figures that only share words with the question (a term's 「期間」) do not answer an
  // ask whose answers show words of their own (利率) when they show none of them.
  const evidence = ctx.merged.asks.flatMap((a) => ctx.domain.asks.evidence[a] ?? []);
  const shows = (c: Candidate) => evidence.length === 0 || evidence.some((e) => e.test(descriptionOf(ctx, c.name)));
  // (「續約的案子負債比超過400%還會被限制只保五成嗎」 names a rule's topic, 負債比 (asks.yaml parameter_topics), and no figure
  // of it is read: a figure read only by the ask, of another rule (新創事業's 限辦用途), is not its answer; the passage is.)
  const read = rankedParameters(ctx);
  const offTopic = ctx.merged.parameterTopics.some((t) => t.includes('.')) && !read.some((c) => namedByTopic(c.name, ctx));
  const ranked = offTopic ? read.filter((c) => c.byWords >= DESCRIPTION_MATCH) : read;
  const candidates = ranked.some((c) => c.byAsk) ? ranked : ranked.filter(shows);
  const programme = ctx.merged.programme;
  // Parameters hold every fee rate and ratio the documents give: if none fits, the documents do not say it.
  if (candidates.length === 0 && programme && ctx.merged.asks.length > 0 && ctx.merged.asks.every((a) => FIGURE_ASKS.has(a))) {
    return notStated(ctx, programme);
  }
  // 「KOTEC對新創企業的保證成數」: a name the documents write elsewhere, which no candidate's source mentions, is what is
  // asked about; the rules' figures for 新創 are not its.
  if (candidates.length > 0 && namesUnwritten(ctx.sources.knowledge, englishToChinese(ctx.understanding.text), candidates.flatMap((c) => sourceSections(ctx, c))).length > 0) {
    return retrievalAnswer(ctx);
  }
  // 「促進就業具結書要承諾至少雇用幾個員工」: figures read by the question's words alone (the pledge's 0.5% rate), none of
  // them of the kind of thing it asks for (a number of people), do not answer it: a passage does, or the documents do not.
  const kinds = kindsOfQuestion(ctx);
  // (「利息大概多少」 after an answer about 鳳凰: what the programme discussed has is searched in its own sections; a passage
  // found only elsewhere, the fund's 利息收入, is no answer about it.)
  const carried = named !== undefined && !namedHere && asks.length > 0 && asks.every((a) => PROGRAMME_ATTRIBUTES.has(a));
  const searched = () => (carried ? ownSectionsFirst(ctx, named, false) : retrievalAnswer(ctx));
  if (candidates.length > 0 && !candidates.some((c) => c.byAsk) && !candidates.some((c) => ofKindAsked(kinds, c))) return searched() ?? notStated(ctx, named!);
  if (candidates.length > 0) {
    // A yes-or-no question (「還會算進上限嗎？」) also wants the sentence that says so.
    // (Asked whether a figure it states still holds, 「還可以保到十成嗎」, from the section the first figure was read from,
    // when one of them says it: 〈說明二（三）〉.)
    const rule = ctx.understanding.modifiers.yesNo ? retrievalAnswer(statesFigureAsked(ctx) ? { ...ctx, within: sourceSections(ctx, candidates[0]!).map((s) => s.id) } : ctx) : undefined;
    const result = withOtherParts(ctx, candidates, parameterAnswer(ctx, candidates, rule?.outcome === 'answered' ? rule : undefined));
    const unstated = programme ? unstatedAsks(ctx, programme) : undefined;
    return withLenderAward(ctx, unstated ? withLineAfterFigures(result, unstated) : result);
  }
  const found = searched();
  if (found && found.outcome !== 'unanswered') return found;
  // 「買機器設備、蓋廠房的資本支出貸款，還款期限怎麼訂」: a programme only a circumstance points to (增添設備 → 促進就業), named
  // by no one and not under discussion, that says nothing of what is asked does not answer for every loan: the rules and
  // documents of no programme in particular do (一般貸款's 資本性支出 term).
  if (programme && onlySuggested(ctx, programme)) {
    const { programme: _suggested, ...merged } = ctx.merged;
    const anyProgramme = lookupAnswer({ ...ctx, merged });
    if (anyProgramme.outcome !== 'unanswered') return anyProgramme;
  }
  // 「那是啥」 about a programme found through a circumstance: what it is, by its key figures, when no passage says more.
  // (Nor one asking a kind of thing by name that no passage has, 「具結書要維持幾個員工」: that is not said.)
  const kindAsked = kinds.length > 0;
  const whatItIs = ctx.merged.asks.every((a) => a === 'definition') && !kindAsked;
  if (programme && (ctx.merged.asks.length > 0 || kindAsked) && !whatItIs) return notStated(ctx, programme);
  if (programme) {
    const key = rankedParameters(ctx, DEFAULT_ASKS);
    if (key.length > 0) return parameterAnswer(ctx, key);
  }
  return found ?? retrievalAnswer(ctx);
}

/**
 * The passage found among the sections about a programme (their 「> 項目：」 line, else their document's), else anywhere
 * (`elsewhere`; else none, when the programme has sections of its own).
 */
function ownSectionsFirst(ctx: FlowContext, programme: ProgrammeId, elsewhere = true): FlowResult | undefined {
  const own = [...(passageCatalogue(ctx.sources.knowledge).byProgramme.get(programme) ?? [])];
  const found = own.length > 0 ? retrievalAnswer({ ...ctx, within: own }) : undefined;
  if (found && found.outcome !== 'unanswered') return found;
  return elsewhere || own.length === 0 ? retrievalAnswer(ctx) : undefined;
}

/**
 * 「103年修正的批次要點增列了哪幾類不得移送保證的事項？另外授信起日在100年上半年的案件，標準代償率調整成多少？」: a question
 * of the message that no figure read answers (the list in the letter) is answered by the passage its own words find, after
 * the figures. (Read as of today: the other question's 100年 case would leave the 103 letter out.)
 */
function withOtherParts(ctx: FlowContext, candidates: readonly Candidate[], result: FlowResult): FlowResult {
  const readers = ctx.domain.asks.parameters;
  return withPartsUnanswered(ctx, (ask) => candidates.some((c) => c.byAsk && readsParameter(readers[ask as AskTopic], c.name)), result);
}

/**
 * The parts of the message asking nothing `figured` answers (nor answered whole by `result`, `answeredPart`), each
 * answered after `result` by the passage its words find.
 */
export function withPartsUnanswered(ctx: FlowContext, figured: (ask: string) => boolean, result: FlowResult, answeredPart: (own: Understanding) => boolean = () => false, answer: (part: FlowContext) => FlowResult = retrievalAnswer, sayMissing = false, split: (own: Understanding) => Understanding[] = (own) => [own]): FlowResult {
  if (result.outcome !== 'answered') return result;
  const parts = questionParts(ctx.understanding, ctx.domain).flatMap(({ own }) => split(own).map((clause) => ({ own: clause })));
  if (parts.length < 2) return result;
  const more: FlowResult[] = [];
  // (Beside a refusal, the case told anywhere in the message is the one a fee part computes; not when what is refused is
  // telling a circumstance untrue, 「準備裁員一半…先簽了再說」: intents.yaml `told_untrue`.)
  const refused = ctx.understanding.declines === undefined ? undefined : ctx.domain.intents.declines.find((d) => d.key === ctx.understanding.declines);
  const caseTold = ctx.understanding.declines !== undefined && refused?.toldUntrue !== true;
  for (const { own: said } of parts) {
    // (「…去你們台中的服務中心…幫我預約好嗎？然後地址跟電話給我一下」: a part asking a contact and naming no place is of the
    // place the message names.)
    const own = withPlaceOfMessage(ctx, said);
    // (「專案保證的項目有哪些？鳳凰貸款保幾成？」: a part asking which, of no ask the registry names, is a question too.)
    // (Nor a part asking a kind of thing by name, 「是銀行收還是信保自己收」 (who collects it).)
    const kindNamed = own.asks.length === 0 && kindsOfPart(own, ctx.sources.knowledge.answerKinds?.kinds ?? []).length > 0;
    // (Nor a part declining something of its own, 「3.幫我看一下之前那件的進度」, nor, beside a refusal, one telling the
    // applicant with a programme, 「我今年47歲…1.青創貸款信保可以保嗎」: whether one qualifies is asked.)
    // (Only beside a refusal: elsewhere the flow answering the message decided it.)
    // (The applicant may be told in another part: 「我今年47歲…幫我跟行員講一聲…還有我這個年紀能不能申請青創」.)
    const applicant = ctx.understanding.declines !== undefined ? withApplicantOf(own, ctx.understanding) : own;
    const applicantAsking = ctx.understanding.declines !== undefined && asksIfApplicantQualifies(applicant, ctx.domain);
    const asksSomething = own.asks.length > 0 || own.modifiers.which === true || kindNamed || own.declines !== undefined || applicantAsking;
    if (!asksSomething || own.asks.some(figured) || answeredPart(own)) continue;
    // (Nor one telling the case's loan and asking nothing named, 「我借兩千萬 保8成 這樣一年能省多少」: the case's own question,
    // which the flow answered.)
    if (own.asks.length === 0 && own.facts.loanAmount !== undefined && own.facts.loanAmount === ctx.merged.facts.loanAmount) continue;
    // (Of its own programme, or none: 「專案保證有哪些項目？鳳凰貸款可以走授權嗎？」 lists every item, not 鳳凰's row.)
    const { programme: _other, ...merged } = ctx.merged;
    const ofPart = own.programmes[0] ?? (own.programmes.length === 0 && (own.asks.length > 0 || (kindNamed && own.modifiers.which !== true)) ? ctx.merged.programme : undefined);
    // (So is a fee computed beside a refusal: 「…願意簽…切結文件。你可以直接幫我把費率改成優惠的嗎？順便幫我算一下：貸款六百萬…」.)
    const feeOfCase = caseTold && own.asks.includes('fee_amount') && own.facts.loanAmount !== undefined;
    const read = applicantAsking || feeOfCase ? applicant : own;
    const partCtx: FlowContext = { ...ctx, asOf: ctx.today ?? ctx.asOf, understanding: read, merged: { ...merged, asks: own.asks, facts: read.facts } };
    // (An answer to a part asking a kind of thing by name must say one: 「以後每年幾月申請批號」 is not answered by the award
    // passage that happens to name 批次保證, but by 〈說明二（一）〉's 每年 10 月.)
    const partKinds = kindsOfPart(own, ctx.sources.knowledge.answerKinds?.kinds ?? []).filter((kind) => !kind.qualifier);
    const saysKinds = (r: FlowResult) => {
      const quoted = r.replies.flatMap((reply) => reply.text.split('\n')).filter((line) => !isSourcesLine(line)).join('\n');
      return partKinds.length === 0 || partKinds.some((kind) => carriesAny(quoted, [kind]));
    };
    const answering = (r: FlowResult) => r.outcome === 'answered' && saysKinds(r);
    // (A time it asks about is searched without the time told: 「批號是不是11月再申請就好」 is answered by when batch numbers
    // are applied for, not by a deadline that happens to fall in November.)
    const toldTime = own.modifiers.yesNo === true && kindsAsked(own.text, ctx.sources.knowledge.answerKinds?.kinds ?? []).length < partKinds.length;
    const searched = toldTime ? { ...partCtx, understanding: understand(own.text.replace(TIME_TOLD, ' '), ctx.domain) } : partCtx;
    const found = answer(ofPart ? { ...searched, merged: { ...searched.merged, programme: ofPart } } : searched);
    // (「一般貸款…簽了促進就業具結書 手續費多少？具結書要附給信保嗎」: a part the programme under discussion does not answer is
    // read on its own, 具結書 being another programme's.)
    const alone = !answering(found) && ofPart !== undefined && own.programmes.length === 0 && own.asks.length > 0 ? answer(partCtx) : undefined;
    if (answering(found)) more.push(found);
    else if (alone && answering(alone) && !ofUnnamedProgramme(ctx, own, alone)) more.push(alone);
    // (「…銀行審核到撥款大概要幾天」: a part the documents do not answer is said to be missing, not passed over; unless,
    // naming nothing of its own, it is found with the first part's subject: 「批保卓越獎…費率降到多少？111年是哪幾家拿到」.)
    else if (sayMissing) {
      const subject = own === parts[0]!.own ? undefined : subjectOf(parts[0]!.own.text, ctx.sources.knowledge.answerKinds?.kinds ?? []);
      const read = subject ? answer({ ...partCtx, understanding: understand(`${subject} ${own.text}`, ctx.domain) }) : undefined;
      more.push(read && answering(read) ? read : partMissing(ctx, own, result));
    }
  }
  return more.length > 0 ? combinedAnswer('fact_lookup', undefined, [result, ...more], result.replies[0]?.quickReplies ?? [], result.state) : result;
}

/** A part asking a contact that names no place, read with the places the whole message names (or as it is). */
function withPlaceOfMessage(ctx: FlowContext, part: Understanding): Understanding {
  const places = ctx.sources.knowledge.answerKinds?.places ?? [];
  if (!part.asks.includes('contact') || placesNamed(part.text, places).length > 0) return part;
  const named = placesNamed(ctx.understanding.text, places).map((names) => names[0]!);
  return named.length > 0 ? understand(`${named.join(' ')} ${part.text}`, ctx.domain) : part;
}

/**
 * Whether an answer read for a part on its own is of a programme the part does not name, by name or by a circumstance
 * of it (「具結書」 names 促進就業): 〈3. 批次保證〉 found for 「我自己拿去信保送件還是銀行送」 during a talk about 青創.
 */
function ofUnnamedProgramme(ctx: FlowContext, own: Understanding, found: FlowResult): boolean {
  const programme = found.state.programme;
  if (programme === undefined || own.programmes.includes(programme)) return false;
  const byFlags = ctx.domain.facts.namingProgramme.flags;
  return !Object.entries(own.facts.flags ?? {}).some(([flag, on]) => on !== undefined && byFlags[flag as keyof typeof byFlags] === programme);
}

/** Punctuation a part of a message may end with, left out when the part is quoted back. */
const TRAILING_MARKS: ReadonlySet<string> = new Set('？?！!。，,、');

/** A time of year told (「11月」「十二月」「12月15日」), left out when the part asks whether it is the time. */
const TIME_TOLD = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*\d{1,2}\s*[日號])?(?:底|初|中)?/gu;

/**
 * The kinds a part of a message asks: those it names, and when it asks whether a time it tells is right (「明年度的批號是不是
 * 年底12月再送申請就行？」), the kind of that time (answer-kinds.yaml `event_year`): the month is asked.
 */
function kindsOfPart(own: Understanding, kinds: readonly AnswerKind[]): AnswerKind[] {
  const named = kindsAsked(own.text, kinds);
  if (own.modifiers.yesNo !== true) return named;
  const text = normalizeText(own.text);
  return [...named, ...kinds.filter((kind) => kind.eventYear && !named.includes(kind) && carriesAny(text, [kind]))];
}

/** A part of the message no passage answers: said in its own words, with the fund's service lines. */
function partMissing(ctx: FlowContext, own: Understanding, result: FlowResult): FlowResult {
  let asked = own.text.trim();
  while (asked.length > 0 && TRAILING_MARKS.has(asked.at(-1)!)) asked = asked.slice(0, -1).trimEnd();
  return notInDocuments(ctx, { lines: [`「${asked}」：目前收錄的文件沒有這項資料；如需確認，請洽信保基金：${serviceLinesText(ctx.service)}。`], quickReplies: [], state: result.state });
}

/**
 * Whether a difference asked is of shares (percentage points) rather than amounts: the part asks a share (「差幾%」), or
 * asks no amount and follows a part asking shares (「政府佔幾趴 銀行佔幾趴 兩個差一下是多少」). 「多捐了多少？…占几%」 is
 * of amounts.
 */
function sharesSetAgainst(ctx: FlowContext, part: Understanding, before: Understanding | undefined): boolean {
  const ofShares = (u: Understanding) => u.modifiers.share === true || asksOfPercent(u.text);
  if (ofShares(part)) return true;
  const amountAsked = kindsAsked(part.text, ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => kind.amount);
  return !amountAsked && before !== undefined && ofShares(before);
}

/**
 * 「批保103年底改新制，改之前跟改之後最高可以保到幾成？…申請書要誰送、最晚哪天要送到信保？」: a part of the message asking a
 * kind of thing (answer-kinds.yaml: who submits, a month, a name…) that nothing the answer says is of, is answered after
 * it by the passage its words find, whichever flow answered the rest. (A part asking no kind by name is left to the flow.)
 */
export function withKindsAsked(ctx: FlowContext, result: FlowResult, answer: (part: FlowContext) => FlowResult = retrievalAnswer): FlowResult {
  const kinds = ctx.sources.knowledge.answerKinds?.kinds ?? [];
  // (Or said to be missing for the year told, 「民國96年我想申請微型創業鳳凰貸款，那時候已經叫這個名字了嗎」: no rule of that
  // year, but the name asked of that time is in a passage (answer-kinds.yaml `year_is_when`). Not one missing for a thing the
  // documents never name, 「921地震」.)
  const missing = result.outcome === 'unanswered' && ctx.understanding.years.length > 0 && kindsAsked(ctx.understanding.text, kinds).some((kind) => kind.yearIsWhen);
  if ((result.outcome !== 'answered' && result.outcome !== 'asked' && !missing) || kinds.length === 0) return result;
  // (Nor a part that tells a figure of the kind itself, 「成數七成」 on a form line: it states, it does not ask.)
  const tells = (own: Understanding, kind: AnswerKind) => carriesAny(kind.askedBy.reduce((rest, word) => rest.split(word).join(' '), normalizeText(own.text)), [kind]);
  // (Unless it asks whether what it tells is so, 「明年度的批號是不是年底12月再送申請就行？」: the month is still asked.)
  const askedOf = (own: Understanding) => kindsOfPart(own, kinds).filter((kind) => !kind.qualifier && (own.modifiers.yesNo === true || !tells(own, kind)));
  // (What the answer says, not where it is cited from: a document's date is no answer to 「哪天要送到」. Nor a day in
  // brackets beside a rule, 「（民國100年1月1日起適用）」, or the user's own date told back. Read only when a part asks a kind.)
  let said: { text: string; normal: string } | undefined;
  const saidOnce = () => {
    if (!said) {
      const text = result.replies.flatMap((r) => r.text.split('\n')).filter((line) => !isSourcesLine(line)).join('\n').replace(/（[^（）]*）/gu, '');
      said = { text, normal: normalizeText(text) };
    }
    return said;
  };
  const shown = (own: Understanding) => {
    const asked = askedOf(own);
    if (asked.length === 0) return true;
    const { text, normal } = saidOnce();
    // (Said of what the part names: 「千金挺是哪一年推的」 is not answered by a date of another measure.)
    return asked.every((kind) => carriesAny(text, [kind])) && rareWordsOf(ctx.sources.knowledge, own.text, ctx.domain.words.queryFiller).every((word) => normal.includes(word));
  };
  // (「明年度的批號是幾月要申請，分行可以自己送還是要總行送」: a part asking two kinds, clause by clause, one clause for
  // each: the month is said, who submits is not.)
  const clauses = (own: Understanding): Understanding[] => {
    const each = own.text.split(/[，,]/u).map((clause) => clause.trim()).filter((clause) => clause.length > 1);
    return each.length < 2 || askedOf(own).length < 2 ? [own] : each.map((clause) => understand(clause, ctx.domain));
  };
  // (「我媽2008年想辦微型創業鳳凰貸款，那時候就有這個名字嗎？」: a message of one part asking a kind the answer does not
  // say, its question waiting on the applicant's age, is answered by its passage first.)
  // (An answer, to a message of one part, is the flow's: only a question back leaves the kind unsaid.)
  if ((result.outcome === 'asked' || missing) && questionParts(ctx.understanding, ctx.domain).length < 2) {
    if (askedOf(ctx.understanding).length === 0 || (!missing && shown(ctx.understanding))) return result;
    const found = answer({ ...ctx, merged: { ...ctx.merged, task: 'fact_lookup', asks: [...ctx.understanding.asks] } });
    const says = found.outcome === 'answered' && askedOf(ctx.understanding).some((kind) => carriesAny(found.replies.flatMap((r) => r.text.split('\n')).filter((line) => !isSourcesLine(line)).join('\n'), [kind]));
    if (!says) return result;
    return missing ? found : { ...result, grounding: [...(found.grounding ?? []), ...(result.grounding ?? [])], replies: [...found.replies.map((r) => ({ ...r, quickReplies: [] })), ...result.replies] };
  }
  if (missing) return result;
  if (result.outcome === 'answered') return withPartsUnanswered(ctx, () => false, result, shown, answer, true, clauses);
  // (「…以前是不是叫別的名字?? 什麼時候改的 現在保幾成 手續費怎麼算」 waiting for the loan: the parts it can answer now are
  // answered before the question.)
  // (Not a part asking what the flow waits to answer, 「保幾成 手續費怎麼算」.)
  const now = withPartsUnanswered(ctx, (ask) => ctx.merged.asks.includes(ask), { ...result, outcome: 'answered', replies: [] }, shown, answer);
  return now.replies.length === 0 ? result : { ...result, grounding: [...(now.grounding ?? []), ...(result.grounding ?? [])], replies: [...now.replies.map((r) => ({ ...r, quickReplies: [] })), ...result.replies] };
}

/**
 * 「我50歲，青創可以嗎？不行的話鳳凰貸款保幾成？」: after the decision on one programme, a part of the message asking figures
 * of another programme is looked up for that one, and shown after it.
 */
export function withPartsOfOtherProgrammes(ctx: FlowContext, result: FlowResult): FlowResult {
  if (result.outcome !== 'answered' || !ctx.merged.programme) return result;
  const more: FlowResult[] = [];
  for (const { own } of questionParts(ctx.understanding, ctx.domain)) {
    const [other, ...rest] = own.programmes;
    if (!other || rest.length > 0 || other === ctx.merged.programme || own.asks.length === 0 || !own.asks.every((a) => FIGURE_ASKS.has(a))) continue;
    const { compared: _compared, ...merged } = ctx.merged;
    const found = lookupFlow({ ...ctx, understanding: own, merged: { ...merged, task: 'fact_lookup', programme: other, asks: own.asks, facts: { ...own.facts, programme: other } } });
    if (found.outcome === 'answered') more.push(found);
  }
  return more.length > 0 ? combinedAnswer('eligibility', undefined, [result, ...more], result.replies[0]?.quickReplies ?? [], result.state) : result;
}

/** Whether a parameter's value is of a kind of thing the question asks for by name; true when it asks for none. */
/**
 * The passage answering the question; when none does, the question asked of the programme under discussion by its name
 * (「那這個現在還有嗎」 after 鳳凰's ratio is 「微型創業鳳凰貸款 那這個現在還有嗎」).
 */
function passageOfProgramme(ctx: FlowContext): FlowResult {
  // (What the question before asked, 「保幾成」, is not asked again: the passage need not show a ratio.)
  const own = { ...ctx, merged: { ...ctx.merged, asks: [...ctx.understanding.asks] } };
  const found = retrievalAnswer(own);
  const programme = ctx.merged.programme;
  if (found.outcome !== 'unanswered' || !programme || ctx.understanding.programmes.includes(programme)) return found;
  const named = understand(`${PROGRAMMES[programme].name} ${ctx.understanding.text}`, ctx.domain);
  const again = retrievalAnswer({ ...own, understanding: named, merged: { ...own.merged, asks: [...named.asks] } });
  return again.outcome === 'unanswered' ? found : again;
}

/** Whether the question asks a kind of thing that no rule's figure is (answer-kinds.yaml `not_in_rules`). */
export function asksKindNotInRules(ctx: FlowContext): boolean {
  const kinds = ctx.sources.knowledge.answerKinds?.kinds.filter((kind) => kind.notInRules) ?? [];
  const asked = kinds.length > 0 ? kindsAsked(normalizeText(ctx.understanding.text), kinds) : [];
  // (Of a figure asked, 「預計補貼多少」, the kind qualifies it; a question of its own, 「現在還有嗎？信保保幾成」, leaves the
  // figures asked beside it to the rules.)
  return asked.some((kind) => kind.qualifier) || (asked.length > 0 && !ctx.understanding.asks.some((a) => FIGURE_ASKS.has(a)));
}

function ofKindAsked(kinds: readonly AnswerKind[], c: Candidate): boolean {
  if (kinds.length === 0 || !c.reading) return true;
  return carriesAny(valueText(c.reading.value, c.reading.unit, c.name), kinds);
}

/**
 * 「送信保的手續費要收多少啊」「信保保幾成」: a figure asked of no programme, with nothing else to say what it is about, is
 * answered for the programme programmes.yaml `unnamed` names, saying so first.
 */
function unnamedProgramme(ctx: FlowContext): { programme: ProgrammeId; note: string } | undefined {
  const unnamed = ctx.domain.programmes.unnamed;
  const { merged, understanding: u } = ctx;
  if (!unnamed || merged.programme || merged.parameterTopics.length > 0 || u.years.length > 0 || merged.asks.length === 0) return undefined;
  if (!merged.asks.every((a) => unnamed.asks.includes(a)) || folders(ctx).size > 0) return undefined;
  // (「我開小吃店…保證手續費一年大概要付多少」: the words around a fee asked of no loan describe the case, not a topic.)
  return merged.feeOfNoCase || merged.ratesOfNoProgramme || asksOfNothingInParticular(ctx) ? unnamed : undefined;
}

/** The figures asked of no programme in particular, for the programme programmes.yaml `unnamed` names; else undefined. */
export function unnamedLookup(ctx: FlowContext): FlowResult | undefined {
  const unnamed = unnamedProgramme(ctx);
  if (!unnamed) return undefined;
  const answer = withLinesFirst(lookupAnswer({ ...ctx, merged: { ...ctx.merged, programme: unnamed.programme } }), { lines: [unnamed.note], citations: [] });
  if (!ctx.merged.feeOfNoCase) return answer;
  // (The fee asked stays the task: the loan told next, or the programme tapped, is computed.)
  const feeNote = ctx.domain.programmes.unnamed?.feeNote;
  const withFormula = withLineAfterFigures(answer, [FEE_FORMULA, ...(feeNote ? [feeNote] : [])].join('\n'));
  // (The programme named next answers the note's invitation, as a tapped quick reply would.)
  return { ...withFormula, state: { ...withFormula.state, task: 'fee_calculation', asks: ['fee_amount'], pending: 'programme' } };
}

function folders(ctx: FlowContext): Set<string> {
  const result = new Set<string>();
  const programme = ctx.merged.programme;
  if (programme) {
    result.add(programme);
    if (PROGRAMMES[programme].channel === 'authorised') result.add('authorised');
  }
  for (const topic of ctx.merged.parameterTopics) result.add(topic.split('.')[0] as string);
  // 「有接公家工程的標案」 before 「總額度用完了還能再借嗎」: a circumstance of the case brings the rules that speak of it.
  for (const [flag, on] of Object.entries(ctx.merged.facts.flags ?? {})) {
    const named = ctx.domain.facts.namingProgramme.flags[flag as keyof FactFlags];
    if (on && named && ctx.merged.asks.length > 0) result.add(named);
  }
  if (!programme && ctx.merged.facts.riskGroup && ctx.merged.asks.some((a) => a.startsWith('fee'))) result.add('authorised');
  // 「信保已經用了8000萬，還能再送保多少」: what is left under the per-enterprise total.
  const { usedAmount, addedAmount } = ctx.merged.facts;
  if (!programme && (usedAmount ?? addedAmount) !== undefined && ctx.merged.asks.includes('cap_amount')) result.add('enterprise');
  return result;
}

/**
 * Parameters that answer the question: those whose name fits what is asked (rate, ratio, cap …) and, when the
 * question names no such attribute, those whose description shares enough of its words.
 */
function rankedParameters(ctx: FlowContext, asksOverride?: string[]): Candidate[] {
  const found = rankedIn(ctx, folders(ctx), asksOverride);
  // (「那颱風之前原本的貸款可以展延多久」 after 災害復舊專案貸款: what the programme's own rules do not answer, the plan it is
  // one measure of does.)
  // (The plan's figures are read when they fit the question's words better than the programme's own of the same ask:
  // 展延 is the plan's deferral, not the loan's application window.)
  const programme = ctx.merged.programme;
  const plan = programme === undefined ? undefined : ctx.domain.programmes.partOf[programme];
  if (!plan) return found;
  // (By the message's own words, the question before it being about the programme's own figures; and not by the plan's
  // names, 颱風 or 莫拉克, which say nothing of which figure is asked.)
  const names = [plan, programme!].flatMap((id) => [PROGRAMMES[id].name, ...ctx.domain.programmes.names.filter((n) => n.id === id).map((n) => n.name)]);
  const grams = names.reduce((kept, name) => withoutNameGrams(kept, matchForm(name)), queryGrams(ctx.understanding.text, ctx.domain));
  const fit = (list: Candidate[], folder: string) => Math.max(0, ...list.filter((c) => c.byAsk && c.name.startsWith(`${folder}.`)).map((c) => coverage(c.described, grams)));
  const ofPlan = rankedIn({ ...ctx, merged: { ...ctx.merged, programme: plan } }, new Set([plan]), asksOverride);
  const planFit = fit(ofPlan, plan);
  return planFit > fit(found, programme!) ? ofPlan : found;
}

function rankedIn(ctx: FlowContext, scope: ReadonlySet<string>, asksOverride?: string[]): Candidate[] {
  const { view } = ctx;
  if (scope.size === 0) return [];
  const readers = ctx.domain.asks.parameters;
  const asks = (asksOverride ?? ctx.merged.asks).filter((a) => readers[a]);
  // The programme's own name says nothing about which of its figures is asked.
  const programmeName = ctx.merged.programme ? matchForm(PROGRAMMES[ctx.merged.programme].name) : '';
  // 「拉到多少」 after a question about the per-enterprise total: the words of the question it continues count too.
  // (So do those of a question pointing back at it, 「這個額外的額度可以走授權送保嗎」.)
  // (And those of a message asking nothing itself, 「我是買機器設備的 資本性的」: the question before is what it narrows.)
  const goesOn = ctx.understanding.isFollowUp || ctx.understanding.modifiers.continuing || (ctx.understanding.asks.length === 0 && ctx.merged.asks.length > 0);
  const words = goesOn && ctx.state.topic ? `${ctx.state.topic} ${ctx.understanding.text}` : ctx.understanding.text;
  const grams = withoutNameGrams(queryGrams(words, ctx.domain), programmeName);
  const candidates: Candidate[] = [];
  const asksFigure = asks.some((a) => FIGURE_ASKS.has(a));
  const caseDated = ctx.merged.facts.applicationDate !== undefined || ctx.merged.facts.approvalDate !== undefined || ctx.understanding.years.length > 0;
  for (const name of view.names()) {
    if (!scope.has(name.split('.')[0]!) || !relevant(name, ctx)) continue;
    const reading = view.find(name);
    const history = view.history(name);
    // (Relative to the day the rules are read: 「97年底…總額度上限」 reads them at 97年's end, when the 紓困 cap of 111年
    // had not yet come.)
    const lapsed = reading ? undefined : [...history].reverse().find((h) => h.value !== null && h.effectiveFrom <= view.asOf);
    const upcoming = reading || lapsed ? undefined : history.find((h) => h.value !== null && h.effectiveFrom > view.asOf);
    if (!reading && !lapsed && !upcoming) continue;
    const description = history[0]?.description ?? '';
    const byAsk = asks.some((a) => readsParameter(readers[a], name));
    const described = matchForm(description);
    const byWords = coverage(described, grams);
    // 「有接公共工程，額度可以多一點嗎」: every figure of a rule the question names (its extra quota and its ratio) is kept.
    if (!byAsk && byWords < DESCRIPTION_MATCH && !(asksFigure && namedByTopic(name, ctx))) continue;
    // The named programme's own figures come before general ones (火金姑's cap before the per-enterprise cap).
    // (Ahead of a rule topic's: 「災害復舊專案貸款一家企業最多能貸多少」 is that loan's 3,000萬 first, then the caps on every
    // enterprise.)
    const own = ctx.merged.programme !== undefined && name.startsWith(`${ctx.merged.programme}.`) ? OWN_PROGRAMME_WEIGHT : 0;
    // So do the figures of a rule topic the question's words name (「同一企業保證融資總額度」 → enterprise).
    const topical = ctx.merged.parameterTopics.some((topic) => !topic.includes('.') && name.startsWith(`${topic}.`)) ? 0.5 : 0;
    // (「每個批號最多代償多少」: the 2.5% standard rate of 100年 comes after the caps in force, marked 目前已不適用.)
    // (Not a rule the question names: 「標準代償率還是2.5%嗎」 is told first that it no longer applies.)
    const old = lapsed && !caseDated && !namedByTopic(name, ctx) ? LAPSED_WEIGHT : 0;
    candidates.push({ name, ...(reading ? { reading } : {}), ...(lapsed ? { lapsed } : {}), ...(upcoming ? { upcoming } : {}), byAsk, byWords, described, score: (byAsk ? 1 : 0) + byWords + own + topical - old });
  }
  // 「信保金質獎…多少額度」: parameters the question names by their own words come before the rest of their folder.
  // A folder the question names as a whole (「同一企業保證融資總額度…？參與公共建設…？」) keeps its figures beside them.
  const ownProgramme = (name: string) => ctx.merged.programme !== undefined && name.startsWith(`${ctx.merged.programme}.`);
  // (A parameter the question names outright answers for its programme: 「增加國內投資…資格」 is that measure's, not every
  // applicant rule of 促進就業.)
  // (Not a period: 「短期週轉最長多久」 hears every term of 一般貸款, the named one first.)
  const namedOutright = !asks.includes('period_limit') && candidates.some((c) => c.byAsk && namedByTopic(c.name, ctx));
  const named = (c: Candidate) => namedByTopic(c.name, ctx) || (c.byAsk && (inNamedFolder(c.name, ctx) || (ownProgramme(c.name) && !namedOutright)));
  const answers = (c: Candidate, ask: string) => readsParameter(readers[ask], c.name);
  const folder = (name: string) => name.split('.')[0];
  // Each ask separately: 「一般貸款最多保幾成？手續費大概多少」 gets 一般貸款's own ratio, and the fee rates of the authorised
  // items it belongs to, since it has no fee rate of its own.
  const unnamedAsks = asks.filter((ask) => !candidates.some((c) => named(c) && answers(c, ask)));
  const considered = [...candidates];
  if (candidates.some(named)) {
    // 「以前有把標準代償率調成2.5%，現在還是用這個比率嗎」: a rule named that is no longer in force, asked of today, is told
    // with what its programme's rules in force say of the same ask (the batch rules' caps and rate since 103年).
    // (Only asked of today, 現在/還是: 「那以前…標準代償率是多少」 asks the old figure alone.)
    const ofToday = ctx.understanding.modifiers.current || ctx.understanding.modifiers.still;
    const lapsedOnly = ofToday && !caseDated && candidates.filter(named).every((c) => c.lapsed !== undefined);
    // (A figure told and asked whether it still holds, 「標準代償率是2.5%，目前還是這樣嗎」, asks nothing by name: the rules in
    // force its description's words find.)
    const ofSameAsk = (c: Candidate) => c.byAsk || (asks.length === 0 && c.byWords >= DESCRIPTION_MATCH);
    const inForceOfSame = (c: Candidate) => lapsedOnly && c.reading !== undefined && ofSameAsk(c) && candidates.some((n) => named(n) && folder(n.name) === folder(c.name));
    const kept = candidates.filter((c) => named(c) || (c.byAsk && unnamedAsks.some((ask) => answers(c, ask))) || inForceOfSame(c));
    candidates.splice(0, candidates.length, ...kept);
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]?.score ?? 0;
  // Keep what answers the question about as well as the best one does.
  // Every figure of a kind the question names stays; others only when their description fits about as well.
  const fitting = candidates.filter((c) => c.byAsk || c.score >= best - 0.35 || (asksFigure && namedByTopic(c.name, ctx)));
  // 「促進就業專案裡，同一家企業保證融資總額度上限提高到多少」: a figure whose description the question all but spells out is
  // the one asked; figures of the same kind from other rules stay only for an ask it does not answer.
  const strongest = Math.max(0, ...fitting.map((c) => c.byWords));
  const { several, comparison } = ctx.understanding.modifiers;
  const spelledOut = strongest >= SPELLED_OUT && !several && !comparison ? fitting.filter((c) => c.byWords >= strongest - SPELLED_OUT_MARGIN) : [];
  // (Only figures of other rule folders give way: a folder's own figures, 青創's ratio with and without a recommendation,
  // or the batch rules' several caps, are read together.)
  const spelledFolders = new Set(spelledOut.map((c) => folder(c.name)));
  // A figure that only came later than the day the rules are read (「97年底…總額度上限」: the 紓困 cap of 111年) gives way to
  // one then in force that answers the same ask.
  const inForce = (c: Candidate) => c.reading !== undefined;
  const laterOnly = (c: Candidate) => (ctx.timeNamed === true || ctx.caseDated === true) && c.upcoming !== undefined && !phasesIn(ctx, c.name) && fitting.some((o) => inForce(o) && asks.some((ask) => answers(o, ask) && answers(c, ask)));
  // 「災前的貸款可以展延多久」: a figure of another thing named alike (利息補貼期間, 計畫期程) is not what is asked.
  const distinct = ctx.sources.knowledge.answerKinds?.distinctTerms ?? [];
  const otherThing = (c: Candidate) => distinct.length > 0 && namesOtherThing(ctx.understanding.text, c.described, distinct);
  const kept = fitting.filter((c) => !laterOnly(c) && !otherThing(c) && (spelledFolders.size === 0 || spelledFolders.has(folder(c.name)) || asks.some((ask) => answers(c, ask) && !spelledOut.some((s) => answers(s, ask)))));
  // 「短期週轉最長可以借多久？買設備的資本性支出呢？」: each question of the message gets the figure its own words spell
  // out, though another question's figure fits the whole message better.
  const questions = ctx.understanding.text.split(/[？?]/u).map((part) => part.trim()).filter((part) => part.length > 1);
  const ownFigures = questions.length < 2 ? [] : questions.flatMap((part) => {
    const own = withoutNameGrams(queryGrams(part, ctx.domain), programmeName);
    const scored = considered.filter((c) => c.byAsk).map((c) => ({ c, cover: coverage(c.described, own) })).sort((a, b) => b.cover - a.cover);
    const [best, next] = scored;
    return best && best.cover >= SPELLED_OUT && best.cover > (next?.cover ?? 0) ? [best.c] : [];
  });
  // Each ask's best figure first (「保證成數、費率、計提率、限額各是多少」 gets all four), then the rest as they rank.
  const firsts = [...asks.flatMap((ask) => kept.find((c) => answers(c, ask)) ?? []), ...ownFigures.filter((c) => !kept.includes(c))];
  const lines = [...new Set([...firsts, ...kept])].slice(0, Math.max(MAX_LINES, new Set(firsts).size));
  const order = [...kept, ...ownFigures.filter((c) => !kept.includes(c))];
  return lines.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * 「2.5%的批保標準代償率是哪段期間的案子在用？授信起日100年8月1日的那筆能適用嗎」: a programme's rule named by its own words
 * (besides the programme's name and the words saying which date of the case it is), with nothing told of the case but
 * its dates, asks that rule at that date, not whether the applicant qualifies.
 */
export function namesRuleAtCaseDate(ctx: FlowContext): boolean {
  const facts = (Object.keys(ctx.merged.facts) as Array<keyof Facts>).filter((k) => k !== 'programme' && k !== 'submission' && k !== 'flags');
  if (facts.length === 0 || !facts.every((k) => CASE_DATES.has(k))) return false;
  if (Object.keys(ctx.merged.facts.flags ?? {}).length > 0) return false;
  let text = ctx.understanding.text;
  for (const { role, cue } of ctx.domain.roles.cues.date) if (CASE_DATES.has(role as keyof Facts)) text = text.replace(new RegExp(cue.source, 'g'), ' ');
  const programmeName = ctx.merged.programme ? matchForm(PROGRAMMES[ctx.merged.programme].name) : '';
  const grams = withoutNameGrams(queryGrams(text, ctx.domain), programmeName);
  if (grams.size === 0) return false;
  const scope = folders(ctx);
  return ctx.view.names().some((name) => scope.has(name.split('.')[0]!) && coverage(matchForm(descriptionOf(ctx, name)), grams) >= DESCRIPTION_MATCH);
}

function descriptionOf(ctx: FlowContext, name: string): string {
  return ctx.view.history(name)[0]?.description ?? '';
}

/**
 * The references a figure is cited by: the one it is dated by, and first the programme's own document when that one
 * states it too (「促進就業專案裡同一企業的總額度上限」: the employment document's (三), then the 千金挺 plan that dates it).
 */
function referencesOf(ctx: FlowContext, r: ParameterReading): Reference[] {
  const own = ctx.merged.programme ? (ctx.domain.programmes.documents[ctx.merged.programme] ?? []) : [];
  const ofProgramme = (r.also ?? []).filter((reference) => own.includes(reference.document) && !own.includes(r.reference.document));
  return [...ofProgramme, r.reference];
}

function withoutNameGrams(grams: Set<string>, name: string): Set<string> {
  return new Set([...grams].filter((g) => !name.includes(g)));
}

/** How many of the figures' own source sentences an answer quotes. */
const SOURCE_WORDS = 2;
/** Fewest Chinese characters a source quote has to be a sentence worth quoting. */
const SENTENCE_HAN = 4;
/** A source sentence longer than this is not quoted beside its figure (the citation names where it is). */
const SOURCE_WORDS_LENGTH = 80;

/** 「原文：「保證成數最高九成。」」: the sentences the first figures in force were read from, as their documents write them. */
function sourceWords(candidates: Candidate[]): string | undefined {
  const quotes = [...new Set(candidates.flatMap((c) => c.reading?.reference.quote ?? []).map((q) => q.trim()))]
    // (A sentence, not a table cell's figure: 「0.75%~1.5%」 says nothing the line above does not.)
    .filter((q) => q.length <= SOURCE_WORDS_LENGTH && (q.match(/\p{Script=Han}/gu)?.length ?? 0) >= SENTENCE_HAN)
    .slice(0, SOURCE_WORDS);
  return sourceWordsLine(quotes);
}

function parameterAnswer(ctx: FlowContext, candidates: Candidate[], passage?: FlowResult): FlowResult {
  const lines: string[] = [];
  const versions: string[] = [];
  const citations: Citation[] = [];
  for (const c of candidates) {
    if (c.reading) {
      const r = c.reading;
      // 「批次保證剛推出的時候可以保到十成嗎」: the rule as it first was comes first, then the one in force.
      const first = ctx.understanding.modifiers.originally ? otherVersions(ctx.view, r).filter((v) => v.effectiveFrom < r.effectiveFrom).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0] : undefined;
      if (first) {
        lines.push(`最初的規定：${versionLine(first, r).replace(/^另：/u, '')}；現行規定如下：`);
        citations.push(ctx.cite.forReference(first.reference, first.effectiveFrom, r.name));
      }
      lines.push(readingLine(r));
      const note = r.note && !/^概述未載日期/.test(r.note) ? readersNote(r.note) : '';
      if (note) versions.push(`說明：${note}`);
      citations.push(...referencesOf(ctx, r).map((reference) => ctx.cite.forReference(reference, r.effectiveFrom, r.name)));
      // (A figure announced anew each year keeps its other versions: the one in force is read from a later mention.)
      const told = (v: ParameterHistoryEntry) => v.effectiveFrom !== first?.effectiveFrom && (!ctx.caseDated || (v.effectiveFrom > r.effectiveFrom && v.effectiveFrom <= (ctx.today ?? ctx.asOf)));
      for (const other of ctx.timeNamed && !ctx.view.announcedEachYear(r.name) ? [] : otherVersions(ctx.view, r).filter(told)) {
        versions.push(versionLine(other, r));
        citations.push(ctx.cite.forReference(other.reference, other.effectiveFrom, r.name));
      }
    } else if (c.lapsed) {
      lines.push(lapsedLine(c.lapsed, caseDay(ctx)));
      citations.push(ctx.cite.forReference(c.lapsed.reference, c.lapsed.effectiveFrom, c.name));
    } else if (c.upcoming && phasesIn(ctx, c.name)) {
      // 「核准日在103年12月10日」: the rule that says which cases the later revision covers speaks of this case too.
      lines.push(`${c.upcoming.description}（${formatRocDate(c.upcoming.effectiveFrom)}起施行之修正）：${valueText(c.upcoming.value, c.upcoming.unit, c.upcoming.name)}`);
      citations.push(ctx.cite.forReference(c.upcoming.reference, c.upcoming.effectiveFrom, c.name));
    } else if (c.upcoming) {
      lines.push(`${c.upcoming.description}：文件所載最早的規定自${formatRocDate(c.upcoming.effectiveFrom)}起為 ${valueText(c.upcoming.value, c.upcoming.unit, c.upcoming.name)}；${formatRocDate(ctx.view.asOf)}適用的數字，目前收錄的文件未載明（請洽信保基金：${serviceLinesText(ctx.service)}）`);
      citations.push(ctx.cite.forReference(c.upcoming.reference, c.upcoming.effectiveFrom, c.name));
    }
  }
  const left = remainingLine(ctx, candidates) ?? fireflyLine(ctx) ?? batchCapLine(ctx);
  if (left) lines.unshift(left);
  const total = totalLine(ctx, candidates);
  if (total) {
    lines.unshift(total.line);
    citations.push(...total.citations);
  }
  const future = futureYear(ctx);
  const quoted = passage?.replies[0];
  if (quoted) citations.push(...quoted.citations);
  // (The figures may be another programme's than the one discussed: 「淹水前的舊貸款可以延後還嗎」 after 災害復舊 reads the
  // ended 復工營業 plan's deferral, and says it has ended.)
  const read = [ctx.merged.programme, ...candidates.map((c) => c.name.split('.')[0])].filter((id): id is ProgrammeId => id !== undefined && isProgrammeId(id));
  const programme = ctx.merged.programme;
  const endedOne = read.find((id) => endedPlanPeriod(ctx, id) !== undefined);
  const ended = endedOne ? endedPlanPeriod(ctx, endedOne) : undefined;
  // (What serves the same need today, after an ended plan's rules: 「有像莫拉克那樣9成免手續費的嗎」.)
  const alternatives = endedOne ? currentAlternatives(ctx, endedOne) : undefined;
  if (alternatives) citations.push(...alternatives.citations);
  const notAnnounced = notAnnouncedNote(ctx, candidates);
  const onRevisionDay = revisionDayTransition(ctx, candidates);
  // (Before a revision, the rule on which cases it covers is what the answer rests on: cited first.)
  if (onRevisionDay) citations.splice(onRevisionDay.before ? 0 : citations.length, 0, onRevisionDay.citation);
  // 「紓困期間總額度提高到1.5億的措施，實施到什麼時候為止」: a rule in force whose end no document gives, asked when it ends.
  // (A passage quoted beside the figures tells the end only when it gives a year to run to: 「實施期限屆至前」 gives none.)
  const passageEnds = passage !== undefined && END_YEAR.test(passage.replies[0]?.text ?? '');
  const noEnd = ctx.understanding.modifiers.until && !passageEnds && !endedOne ? candidates.filter((c) => c.reading && !c.lapsed) : [];
  const untilNote = noEnd.length > 0 ? `目前收錄的文件未載明${[...new Set(noEnd.map((c) => c.reading!.description))].join('、')}實施到何時（結束日期）；如需確認，請洽信保基金：${serviceLinesText(ctx.service)}。文件所載的規定如下：` : undefined;
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      // (A year's announcement the documents do not hold, or the end of a rule they give none for, is not in them; what
      // they do hold is shown for what it is.)
      ...(notAnnounced || untilNote ? { notInDocuments: true } : {}),
      lines: [
        // An ended plan is history: the reader learns that before its figures.
        ended ? `注意：${PROGRAMMES[endedOne!].name}的計畫期程為${formatRocDate(ended.from)}至${formatRocDate(ended.to)}，已結束；以下為當時的規定，不是現行規定。` : undefined,
        future ? futureNote(ctx, future) : undefined,
        onRevisionDay?.line ?? caseDateNote(ctx, candidates),
        notAnnounced,
        untilNote,
        ...lines,
        // (The words of the document the figures were read from, when no passage is quoted beside them.)
        quoted ? undefined : sourceWords(candidates),
        ...new Set(versions),
        alternatives?.line,
        quoted?.text.split('\n資料來源')[0],
        ctx.understanding.injectionSuspected ? INJECTION_NOTE : undefined,
        sourcesLine(citations),
      ],
      citations,
      quickReplies: followUps(programme),
    },
    { task: 'fact_lookup', asks: ctx.merged.asks, ...optionalProgramme(programme ?? topicProgramme(ctx)), ...limitedFact(ctx), ...(total ? { summed: true } : {}) },
    passage?.grounding,
  );
}

/**
 * The programme whose rule the question named (「擴大綜合額度是什麼？」 names employment_promotion.expanded_comprehensive):
 * what a follow-up (「我們沒有開統一發票，可以用嗎」) is about. None when it named rules of several, or none of one.
 */
function topicProgramme(ctx: FlowContext): ProgrammeId | undefined {
  const topics = ctx.merged.parameterTopics;
  const owners = new Set(topics.map((topic) => topic.split('.')[0]!));
  const [only] = owners;
  return owners.size === 1 && topics.every((topic) => topic.includes('.')) && only !== undefined && isProgrammeId(only) ? only : undefined;
}

function optionalProgramme(programme: ProgrammeId | undefined): { programme?: ProgrammeId } {
  return programme ? { programme } : {};
}

/**
 * 「那如果只有公共工程那個 新廠先不蓋了 總額度變多少」: after a total, a follow-up changing only the circumstances told (and
 * asking nothing but a cap) asks the total again, of the case as it now is.
 */
function sumsAgain(ctx: FlowContext): boolean {
  const u = ctx.understanding;
  return ctx.state.summed === true && Object.keys(u.facts.flags ?? {}).length > 0 && u.asks.every((ask) => ask === 'cap_amount');
}

/**
 * 「原本總額度1.2億用滿了 再加國內投資的額外額度 總共最多多少」: an amount added on top of another (parameter file
 * `adds_to`) is summed with it when a total is asked: the additions the question names (or the one it fits best), each
 * with the amount it is added to, exactly.
 */
function totalLine(ctx: FlowContext, candidates: Candidate[]): { line: string; citations: Citation[] } | undefined {
  if (!ctx.understanding.modifiers.total && !sumsAgain(ctx)) return undefined;
  const adding = candidates.filter((c) => typeof c.reading?.value === 'number' && ctx.view.addsTo(c.name) !== undefined);
  if (adding.length === 0) return undefined;
  // (A circumstance told in the conversation names its addition too: 「標到公共工程」 then 「還要擴廠買設備…全部加起來」.)
  const told = Object.entries(ctx.merged.facts.flags ?? {}).filter(([, on]) => on === true).map(([flag]) => flag);
  const flagged = (name: string) => ctx.domain.asks.parameterTopics.some(({ topic }) => name.startsWith(topic) && told.some((flag) => topicNamesFlag(topic, flag)));
  const named = adding.filter((c) => namedByTopic(c.name, ctx) || flagged(c.name));
  const chosen = named.length > 0 ? named : [adding.reduce((best, c) => (c.score > best.score ? c : best))];
  const baseName = ctx.view.addsTo(chosen[0]!.name)!;
  // (「總額度已經用到疫情期間調高後的上限了，靠金質獎還能再外加多少…總共最多到多少」: an amount standing for the base for a time
  // (parameter `stands_for`), named by the question, is what the additions go on top of.)
  const standing = ctx.view.names().find((name) => ctx.view.standsFor(name) === baseName && namedByTopic(name, ctx));
  const base = ctx.view.find(standing ?? baseName);
  if (typeof base?.value !== 'number') return undefined;
  // (Those the question did not bring up that a circumstance told names are added as well.)
  const more = ctx.view.names().filter((name) => ctx.view.addsTo(name) === baseName && flagged(name) && !chosen.some((c) => c.name === name)).flatMap((name) => {
    const reading = ctx.view.find(name);
    return typeof reading?.value === 'number' ? [reading] : [];
  });
  const parts = [base, ...chosen.filter((c) => ctx.view.addsTo(c.name) === baseName).map((c) => c.reading!), ...more];
  const total = parts.reduce((sum, r) => sum + (r.value as number), 0);
  // (Two or more additions: what they add together is said too, 「這兩個額外額度加起來多少」.)
  const added = parts.slice(1);
  const addedSum = added.reduce((sum, r) => sum + (r.value as number), 0);
  const addedLine = added.length >= 2 ? `；其中額外增加合計 ${amountInWords(addedSum)}` : '';
  return {
    line: `合計最高：新臺幣 ${formatAmount(total)} 元（${amountInWords(total)}）＝ ${parts.map((r) => `${r.description} ${amountInWords(r.value as number)}`).join(' ＋ ')}${addedLine}`,
    citations: parts.map((r) => ctx.cite.forReference(r.reference, r.effectiveFrom, r.name)),
  };
}

/**
 * 「鳳凰貸款有年紀限制嗎」 → 「67」: after a programme's limit is told, a bare reply is the fact it limits, and the rules
 * then decide for it (domain/registry/asks.yaml `answered_by_fact`).
 */
function limitedFact(ctx: FlowContext): { pending: string } | Record<string, never> {
  if (!ctx.merged.programme) return {};
  const fact = ctx.merged.asks.map((ask) => ctx.domain.asks.answeredByFact[ask as AskTopic]).find((f) => f !== undefined);
  return fact && (ctx.merged.facts as Record<string, unknown>)[fact] === undefined ? { pending: fact } : {};
}

/**
 * 「我要借500萬 能保多少? 如果他改照原則的金額捐 整個專案最多能保多少」: an answer about a 火金姑 loan, asked also the total a
 * donation the rules name would give (or the donation a total needs), says it after the rest.
 */
export function withFireflyTotal(ctx: FlowContext, result: FlowResult): FlowResult {
  if (result.outcome !== 'answered' || ctx.merged.programme !== 'firefly') return result;
  if (ctx.understanding.donationAt === undefined && ctx.merged.facts.fireflyTotal === undefined) return result;
  const line = fireflyLine(ctx);
  return line && !result.replies.some((r) => r.text.includes(line)) ? withLineAfterFigures(result, line) : result;
}

/** 「企業捐3,000萬，火金姑總額度多少」: the donation and the fund's equal match, times the multiple. */
function fireflyLine(ctx: FlowContext): string | undefined {
  if (ctx.merged.programme !== 'firefly') return undefined;
  // (「那捐少一點呢 最少要捐多少 這樣可以保多少」: the lowest donation the rules allow; 「照原則金額捐」: the norm they name.)
  const named = (ctx.understanding.donationAt ?? []).flatMap((at) => {
    const value = ctx.view.find(at === 'minimum' ? 'firefly.donation_minimum' : 'firefly.donation_standard')?.value;
    return typeof value === 'number' ? [{ at, value }] : [];
  });
  const stated = ctx.merged.facts.donationAmount;
  // (「只想捐1500萬…最少要捐多少、那樣總保證額度多少？照原則的金額捐又是多少」: the donation told, then each the rules name.)
  if (named.length > 0) {
    const told = stated !== undefined && !named.some((n) => n.value === stated) ? [fireflyTotalLine(ctx, stated)] : [];
    return [...told, ...named.map((n) => fireflyTotalLine(ctx, n.value, n.at))].join('\n');
  }
  // (「整個專案的保證總額度要做到30億，要捐多少」: the donation worked back from the total asked.)
  const total = ctx.merged.facts.fireflyTotal;
  if (stated === undefined && total !== undefined) {
    const d = fireflyDonationFor(ctx.view, total);
    const under = d.belowMinimum !== undefined ? `；惟低於文件所載捐助金額下限 ${amountInWords(d.belowMinimum)}，至少須捐 ${amountInWords(d.belowMinimum)}` : '';
    return `信用保證總額度要達 ${amountInWords(total)}，專款及本基金等額相對資金合計須 ${amountInWords(d.donation * 2)}（總額度以其 ${d.multiple} 倍為限），企業須捐助 ${amountInWords(d.donation)}：${d.formula}${under}。`;
  }
  return stated === undefined ? undefined : fireflyTotalLine(ctx, stated);
}

/** The 火金姑 total of a donation: the one told, or the one the rules name (`at`: their minimum or their norm). */
function fireflyTotalLine(ctx: FlowContext, donation: number, at?: 'minimum' | 'standard'): string {
  const q = fireflyQuota(ctx.view, donation);
  const under = q.belowMinimum !== undefined ? `；惟捐助金額低於文件所載下限 ${amountInWords(q.belowMinimum)}` : '';
  const told = at ? `以文件所載${at === 'minimum' ? '捐助金額下限' : '原則捐助金額'} ${amountInWords(donation)}` : `依您說的捐助金額 ${amountInWords(donation)}`;
  return `${told}，加上本基金提撥之等額相對資金，信用保證總額度為 ${amountInWords(q.total)}：${q.formula}${under}。`;
}

/** 「某批號保證金額合計96億，以計提率1.25%算，代位清償限額多少」: the total times the rate, limited to the per-batch cap. */
function batchCapLine(ctx: FlowContext): string | undefined {
  const amount = ctx.merged.facts.batchAmount;
  if (ctx.merged.programme !== 'batch' || amount === undefined) return undefined;
  // (At a date before the revised rules, no provisioning rate applies: the rules read are answer enough.)
  let c: ReturnType<typeof batchSubrogationCap>;
  try {
    c = batchSubrogationCap(ctx.view, amount);
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
  const head = `依您說的批號保證金額合計 ${amountInWords(amount)}，以代償上限計提率 ${c.rate}% 計算為 ${amountInWords(c.computed)}（${c.formula}）`;
  return c.cappedAt !== undefined
    ? `${head}；惟各批號之代位清償限額最高不得超過 ${amountInWords(c.cappedAt)}，故該批號的代位清償限額為 ${amountInWords(c.limit)}。`
    : `${head}，未超過各批號最高限額，該批號的代位清償限額為 ${amountInWords(c.limit)}。`;
}

/**
 * A parameter's note as readers see it: without the clause on how an undated start is written in the rule files
 * (「以 0001-01-01 表示早於該計畫即已適用」), which says nothing about the rule.
 */
function readersNote(note: string): string {
  return note
    .split(/(?<=[；。])/u)
    .filter((clause) => !clause.includes('0001-01-01'))
    .join('')
    .replace(/[；，]$/u, '');
}

/** A description having this share of the question's words is the figure asked (SPELLED_OUT_MARGIN: or nearly as much). */
const SPELLED_OUT = 0.45;
const SPELLED_OUT_MARGIN = 0.15;

/** How many more pairs of characters a cap's name must share with the question to be the one meant. */
const CLEARLY_MORE = 2;

/**
 * 「已計提90萬，還能再計提多少」: each amount cap read, less what the user says is used; the lower cap, the one that binds,
 * first. 「已計提60萬，再計提55萬會超過嗎」: what is used and what is added, together, against the cap.
 */
function remainingLine(ctx: FlowContext, candidates: Candidate[]): string | undefined {
  const { usedAmount, addedAmount, workingCapitalBalance, summedUsedAmount, extraUsedAmount } = ctx.merged.facts;
  // (A balance already borrowed, 「已經借2500萬，還可以再借800萬嗎」, is what is used of a cap on the balance.)
  const used = usedAmount ?? (addedAmount !== undefined ? workingCapitalBalance : undefined);
  if (used === undefined && addedAmount === undefined && summedUsedAmount === undefined && extraUsedAmount === undefined) return undefined;
  const caps = candidates
    .flatMap((c) => (c.reading?.unit === 'amount_twd' && typeof c.reading.value === 'number' && /enterprise|cap|extra_quota/.test(c.name) ? [c.reading] : []))
    .sort((a, b) => (a.value as number) - (b.value as number));
  if (caps.length === 0) return undefined;
  if (summedUsedAmount !== undefined) return bothCapsLine(ctx, caps, usedAmount, summedUsedAmount, addedAmount);
  // 「計提了代位清償70萬，還能再計提多少」: the cap whose name the question clearly shares more of is the one meant.
  const text = normalizeText(ctx.understanding.text);
  const shared = (description: string) => new Set([...description].slice(1).map((c, i) => `${description[i]}${c}`).filter((pair) => text.includes(pair))).size;
  const most = Math.max(...caps.map((cap) => shared(cap.description)));
  const near = caps.filter((cap) => shared(cap.description) > most - CLEARLY_MORE);
  // (A per-enterprise cap and the cap it is summed under, one amount used: within the enterprise's cap it is the
  // enterprise's, 「今年在本行已計提98萬」; beyond it, the whole's.)
  const partOf = (cap: ParameterReading) => near.find((whole) => ctx.view.summedUnder(cap.name) === whole.name);
  const pair = near.find((cap) => partOf(cap) !== undefined);
  const meant = pair && used !== undefined && addedAmount === undefined ? near.filter((cap) => (used <= (pair.value as number) ? cap !== partOf(pair) : cap !== pair)) : near;
  const usedLabel = usedAmount === undefined ? '目前的餘額' : '已使用的';
  // (An extra amount on top of another cap, 「額外的最高保證融資額度」 (parameter file `adds_to`), is not what was used of that cap.)
  // (「總共9000萬，其中3000萬是公共工程的額外額度」: the part told to be on the extra quota is taken from it, the rest from the
  // cap it is added to.)
  const ofCap = (cap: ParameterReading): string => {
    const extra = ctx.view.addsTo(cap.name) !== undefined;
    if (extraUsedAmount === undefined) return [capCheck(cap.description, cap.value as number, used, addedAmount, usedLabel, extra), extra ? addedGuaranteed(ctx, cap, addedAmount) : undefined].filter(Boolean).join('\n');
    if (extra) return capCheck(cap.description, cap.value as number, extraUsedAmount, addedAmount, '已使用的額外額度');
    if (used === undefined) return `依${cap.description}新臺幣 ${formatAmount(cap.value as number)} 元：您說的已使用額外額度 ${formatAmount(extraUsedAmount)} 元不計入；原有額度已使用多少請告訴我。`;
    return capCheck(cap.description, cap.value as number, Math.max(0, used - extraUsedAmount), addedAmount, `已使用的（${formatAmount(used)} 元扣除額外額度 ${formatAmount(extraUsedAmount)} 元）`);
  };
  // (Told both, each cap read is checked: the extra quota and the caps it is added to.)
  const added = extraUsedAmount === undefined ? [] : caps.filter((cap) => !meant.includes(cap) && (ctx.view.addsTo(cap.name) !== undefined || caps.some((c) => ctx.view.addsTo(c.name) === cap.name) || /enterprise/.test(cap.name)));
  const checked = [...meant, ...added].filter((cap, i, list) => list.findIndex((c) => c.name === cap.name || c.description === cap.description) === i);
  return checked.map(ofCap).join('\n');
}

/**
 * 「這家企業今年在本行已計提85萬，我們這個批號累計計提到9,992萬，再送一筆最多還能計提多少」: what the enterprise used is
 * taken from its own cap, what the batch used in all from the cap its caps are summed under (parameter file
 * `summed_under`); both must hold, so the lower room is what is left.
 */
function bothCapsLine(ctx: FlowContext, caps: ParameterReading[], own: number | undefined, summed: number, added: number | undefined): string | undefined {
  const wholeName = caps.map((cap) => ctx.view.summedUnder(cap.name)).find((name) => name !== undefined) ?? caps.find((cap) => ctx.view.names().some((n) => ctx.view.summedUnder(n) === cap.name))?.name;
  const whole = wholeName === undefined ? undefined : (caps.find((cap) => cap.name === wholeName) ?? ctx.view.at(ctx.asOf).find(wholeName));
  if (!whole || typeof whole.value !== 'number') return undefined;
  const part = caps.find((cap) => ctx.view.summedUnder(cap.name) === whole.name) ?? ctx.view.names().flatMap((n) => (ctx.view.summedUnder(n) === whole.name ? [ctx.view.at(ctx.asOf).find(n)] : [])).find((r) => r !== undefined);
  const lines = [
    ...(part ? [own === undefined ? `依${part.description}新臺幣 ${formatAmount(part.value as number)} 元：您未說這家企業今年在本行已計提多少，以全額計。` : capCheck(part.description, part.value as number, own, added, '這家企業已計提的')] : []),
    capCheck(whole.description, whole.value as number, summed, added, '這個批號累計已計提的'),
  ];
  if (part) {
    const rooms = [Math.max(0, (part.value as number) - (own ?? 0)), Math.max(0, (whole.value as number) - summed)];
    const least = Math.min(...rooms);
    const verdict = added === undefined ? '' : added <= least ? `；這次的 ${formatAmount(added)} 元未超過` : `；這次的 ${formatAmount(added)} 元超過 ${formatAmount(added - least)} 元`;
    lines.push(`兩項上限都須符合，取較低者：這家企業這次最多尚可計提 ${formatAmount(least)} 元（${amountInWords(least)}）${verdict}。`);
  }
  return lines.join('\n');
}

/** 「這次的 5,000萬 以最高保證成數 9成計，保證金額最高 4,500萬元」: the amount added on an extra quota, at the quota's own ratio. */
function addedGuaranteed(ctx: FlowContext, cap: ParameterReading, added: number | undefined): string | undefined {
  const ratioName = ctx.view.guaranteedAt(cap.name);
  const ratio = ratioName === undefined ? undefined : ctx.view.find(ratioName);
  if (added === undefined || added > (cap.value as number) || !ratio || typeof ratio.value !== 'number') return undefined;
  return `這次的 ${formatAmount(added)} 元以${ratio.description} ${formatCheng(ratio.value)} 計，保證金額最高新臺幣 ${amountSpoken(productRoundedHalfUp([added, ratio.value], [100]))}（${formatAmount(added)} × ${ratio.value}%）。`;
}

function capCheck(description: string, limit: number, used: number | undefined, added: number | undefined, usedLabel: string, extra = false): string {
  const money = (n: number) => `${formatAmount(n)} 元（${amountInWords(n)}）`;
  const head = `依${description}新臺幣 ${formatAmount(limit)} 元`;
  if (added === undefined && extra) return `${head}：這是原有總額度之外另加的額度，您說已使用的 ${formatAmount(used!)} 元不在其中，額外額度尚可 ${money(limit)}（若額外額度尚未動用）。`;
  if (added === undefined) return `${head}，扣除您說已使用的 ${formatAmount(used!)} 元，尚可 ${money(Math.max(0, limit - used!))}。`;
  // (「額度1.2億用完了 這次承攬公共工程要再借5000萬」: what was used of the ordinary caps is not in the extra quota.)
  if (extra && used !== undefined && usedLabel !== '已使用的額外額度') {
    const within = added <= limit ? `這次的 ${money(added)}未超過` : `這次的 ${money(added)}超過 ${money(added - limit)}`;
    return `${head}：這是原有總額度之外另加的額度，您說已使用的 ${formatAmount(used)} 元不在其中；${within}（若額外額度尚未動用）。`;
  }
  const total = (used ?? 0) + added;
  const sum = used === undefined ? `您說的 ${money(added)}` : `${usedLabel} ${formatAmount(used)} 元加上這次的 ${formatAmount(added)} 元，合計 ${money(total)}`;
  if (total <= limit) return `${head}：${sum}，未超過上限${total < limit ? `，之後尚可 ${money(limit - total)}` : '（剛好達上限）'}。`;
  const room = used === undefined ? '' : `；扣除${usedLabel}部分，這次最多尚可 ${money(Math.max(0, limit - used))}`;
  return `${head}：${sum}，超過上限 ${money(total - limit)}${room}。`;
}

/**
 * 「依您提供的授信額度核准日（民國103年12月10日），可適用當時的規定（修正前）」: the case's own date decided which version
 * is quoted, so the answer says so, and that a later version replaced it.
 */
function caseDateNote(ctx: FlowContext, candidates: Candidate[]): string | undefined {
  const told = caseDateTold(ctx);
  if (!told) return undefined;
  const { label, date } = told;
  const revisions = candidates
    // (A figure first written by a revision whose letter says which cases it covers, 「…核准日於103年12月15日之前者，仍得依
    // 修正要點實施前相關規定辦理」: a case before it is under the former rules, whatever they were.)
    .flatMap((c) => (c.reading ? otherVersions(ctx.view, c.reading).map((v) => v.effectiveFrom) : c.upcoming && (phasesIn(ctx, c.name) || ctx.view.has(transitionRuleOf(c.name))) ? [c.upcoming.effectiveFrom] : []))
    // (A revision not yet in force on the day asked replaced nothing yet.)
    .filter((from) => from > date && from <= (ctx.today ?? from))
    .sort();
  const revised = revisions[0];
  // (「今天送的可以直接用新的嗎」: that the revision is not yet in force that day is said outright.)
  if (revised) return `依您提供的${label}（${formatRocDate(date)}），修正規定自${formatRocDate(revised)}起實施，當時尚未實施，仍得適用修正前的規定：`;
  // 「104年1月20日核准的適用哪一版」: on or after the revision a transition rule speaks of, the revised rules.
  const since = candidates.find((c) => c.reading && phasesIn(ctx, c.name))?.reading?.effectiveFrom;
  if (since && since <= date) return `依您提供的${label}（${formatRocDate(date)}），在${formatRocDate(since)}起施行的修正規定之後，適用修正後的規定：`;
  return `依您提供的${label}（${formatRocDate(date)}），適用當時的規定：`;
}

/**
 * 「那剛好12/15當天核准的咧」: a case dated the very day a revision takes effect is under the revised rules; the rule saying
 * which cases the revision covers (`<programme>.transition_rule`, 「…之後者（含本日）…」) is quoted with it.
 */
function revisionDayTransition(ctx: FlowContext, candidates: Candidate[]): { line: string; citation: Citation; before?: boolean } | undefined {
  const told = caseDateTold(ctx);
  if (!told) return undefined;
  const { label, date } = told;
  const revised = candidates.find((c) => c.reading?.effectiveFrom === date && ctx.view.has(transitionRuleOf(c.name)));
  if (!revised) return revisionAfterTransition(ctx, candidates, label, date);
  const transition = ctx.view.at(date).find(transitionRuleOf(revised.name));
  if (!transition || typeof transition.value !== 'string') return undefined;
  return {
    line: `依您提供的${label}（${formatRocDate(date)}），正是修正規定施行之日，適用修正後的規定（新舊規定的適用：${transition.value}）：`,
    citation: ctx.cite.forReference(transition.reference, transition.effectiveFrom, transition.name),
  };
}

/**
 * 「103年12月15日以前核准的批保案子適用哪個規定」: a case dated before a revision whose letter says which cases it covers
 * is under the former rules, and that rule is said with it.
 */
function revisionAfterTransition(ctx: FlowContext, candidates: Candidate[], label: string, date: string): { line: string; citation: Citation; before: boolean } | undefined {
  const later = candidates
    .flatMap((c) => (c.reading ? otherVersions(ctx.view, c.reading).map((v) => v.effectiveFrom) : c.upcoming ? [c.upcoming.effectiveFrom] : []).map((from) => ({ name: c.name, from })))
    .filter(({ from }) => from > date && from <= (ctx.today ?? from))
    .sort((a, b) => a.from.localeCompare(b.from));
  for (const { name, from } of later) {
    const atRevision = ctx.view.at(from);
    if (!atRevision.has(transitionRuleOf(name))) continue;
    const transition = atRevision.find(transitionRuleOf(name));
    if (!transition || typeof transition.value !== 'string') continue;
    return {
      line: `依您提供的${label}（${formatRocDate(date)}），修正規定自${formatRocDate(from)}起實施，當時尚未實施，仍得適用修正前的規定（新舊規定的適用：${transition.value}）：`,
      citation: ctx.cite.forReference(transition.reference, transition.effectiveFrom, transition.name),
      before: true,
    };
  }
  return undefined;
}

/** The case's own date (申請日, 授信額度核准日) the rules were read at, when one was, with its label. */
function caseDateTold(ctx: FlowContext): { label: string; date: string } | undefined {
  const { applicationDate, approvalDate } = ctx.merged.facts;
  if (applicationDate !== undefined && applicationDate === ctx.asOf) return { label: '申請日', date: applicationDate };
  if (approvalDate !== undefined && approvalDate === ctx.asOf) return { label: '授信額度核准日', date: approvalDate };
  return undefined;
}

/** The rule saying which cases a revision of this parameter's programme covers (`<programme>.transition_rule`). */
function transitionRuleOf(parameter: string): string {
  return `${parameter.split('.')[0]}.transition_rule`;
}

/** A rule saying which cases a revision covers (read by the applicable_rules ask), asked about by a case's date. */
function phasesIn(ctx: FlowContext, name: string): boolean {
  return ctx.merged.asks.includes('applicable_rules') && readsParameter(ctx.domain.asks.parameters.applicable_rules, name);
}

/** 「標準代償率：2.5%（僅適用於民國100年1月1日至6月30日）」 for a rule that no longer applies. */
function lapsedLine(entry: ParameterHistoryEntry, caseDay?: string): string {
  const until = entry.effectiveTo ? `至${formatRocDate(entry.effectiveTo)}` : '';
  return `${entry.description}：${valueText(entry.value, entry.unit, entry.name)}（適用期間 ${formatRocDate(entry.effectiveFrom)}${until}，${caseDay ? `${formatRocDate(caseDay)}不在適用期間內，不適用` : '目前已不適用'}）`;
}

/** The knowledge sections a candidate parameter's figures are quoted from. */
function sourceSections(ctx: FlowContext, c: Candidate): KnowledgeSection[] {
  const ref = c.reading?.reference;
  return ref ? ctx.sources.knowledge.sections.filter((s) => s.documentId === ref.document && s.heading === ref.section) : [];
}

/** The day a case's own date (申請日, 核准日, 授信起日) set for the rules read, when it did. */
function caseDay(ctx: FlowContext): string | undefined {
  const { applicationDate, approvalDate, loanStartDate } = ctx.merged.facts;
  return [applicationDate, approvalDate, loanStartDate].includes(ctx.asOf) ? ctx.asOf : undefined;
}

/**
 * 「113年公告的批次保證代償上限計提率」: a figure announced each year, asked for a year whose announcement the documents
 * do not hold, is not known; the latest one they hold is shown for what it is.
 */
function notAnnouncedNote(ctx: FlowContext, candidates: Candidate[]): string | undefined {
  const asNow = yearAskedAsNow(ctx);
  const year = announcedYearAsked(ctx) ?? asNow;
  if (year === undefined) return undefined;
  // (Of the values in force by the day asked: one added from a later day is not yet announced then.)
  const held = (name: string) => ctx.view.history(name).filter((v) => v.effectiveFrom <= ctx.asOf);
  const unknown = candidates.filter(
    (c) =>
      c.reading &&
      ctx.view.announcedEachYear(c.name) &&
      !held(c.name).some((v) => v.effectiveFrom.startsWith(year)) &&
      // (A year asked as now, 「2025年現在還是0.3%嗎」, is unknown only after the newest announcement held.)
      (year !== asNow || held(c.name).every((v) => v.effectiveFrom.slice(0, 4) < year)),
  );
  if (unknown.length === 0) return undefined;
  const names = unknown.map((c) => c.reading!.description).join('、');
  return `目前收錄的文件沒有民國${Number(year) - 1911}年公告的${names}（此項由本基金每年另行公告）；如需該年度的數字，請洽信保基金：${serviceLinesText(ctx.service)}。以下是文件所載最近一次的數字：`;
}

/**
 * The year whose announcement is asked: 「113年公告的」, or the one year a question about a rule's figure names
 * (「今年（113年）公告的批保費率」「107年批保手續費率多少」), not a case's own date (授信起日) nor a year after today.
 */
function announcedYearAsked(ctx: FlowContext): string | undefined {
  const announced = ctx.merged.facts.announcedDate;
  if (announced !== undefined) return announced.slice(0, 4);
  const [year, ...more] = ctx.understanding.years;
  // (Nor a question asking what applies now, 「2011年的2.5%還在用嗎，現在的計提率是多少」: its year is the old rule's.)
  if (year === undefined || more.length > 0 || caseDay(ctx) !== undefined || futureYear(ctx) !== undefined || ctx.understanding.modifiers.current) return undefined;
  return String(year);
}

/** A year after today (not after the day the rules are read at: 「103年跟111年各是多少」 reads them at 103). */
function futureYear(ctx: FlowContext): number | undefined {
  const thisYear = Number((ctx.today ?? ctx.asOf).slice(0, 4));
  return ctx.understanding.years.find((y) => y > thisYear);
}

function futureNote(ctx: FlowContext, year: number): string {
  return `我無法提供 ${year} 年的數字：目前收錄的只有已公告的規定，未來費率由本基金另行公告。如需確認，請洽信保基金：${serviceLinesText(ctx.service)}。目前適用的是：`;
}

/**
 * 「鳳凰貸款的利率跟手續費各是多少」: of several figures asked of a programme, those no rule gives it (asks.yaml `ask_names`)
 * are said not to be in the documents, after the ones that are; none is left out unsaid.
 */
function unstatedAsks(ctx: FlowContext, programme: ProgrammeId, asks: readonly string[] = ctx.merged.asks, atLeast = 2): string | undefined {
  if (asks.length < atLeast) return undefined;
  // (Nor said by a passage: 「補貼利率各是多少」 of the Morakot plan is in its subsidy section, not in a rule.)
  const names = asks
    .filter((ask) => ctx.domain.asks.askNames[ask] !== undefined && !rankedParameters(ctx, [ask]).some((c) => c.byAsk))
    .filter((ask) => !passageSays(ctx, ask, retrievalAnswer({ ...ctx, merged: { ...ctx.merged, asks: [ask] } })))
    .map((ask) => ctx.domain.asks.askNames[ask]!);
  if (names.length === 0) return undefined;
  return `目前收錄的文件未載明${PROGRAMMES[programme].name}的${names.join('、')}；如需確認，請洽信保基金：${serviceLinesText(ctx.service)}。`;
}

/**
 * Whether a passage answering `ask` was quoted: one that says what the ask's evidence words say (asks.yaml `evidence`),
 * not the programme's row that only gives its applicants (「青年築夢創業啟動金貸款：適用對象 20歲~45歲國民」 for its ratio).
 */
function passageSays(ctx: FlowContext, ask: string, found: FlowResult): boolean {
  if (found.outcome === 'unanswered') return false;
  const evidence = ctx.domain.asks.evidence[ask];
  const quoted = found.replies.flatMap((r) => r.text.split('\n')).filter((line) => line.startsWith('「'));
  return evidence === undefined || quoted.length === 0 || evidence.test(quoted.join('\n'));
}

/** A programme a circumstance of the message points to, which no one named and the conversation was not about. */
function onlySuggested(ctx: FlowContext, programme: ProgrammeId): boolean {
  return !ctx.understanding.programmesByName.includes(programme) && ctx.state.programme !== programme && !ctx.understanding.programmes.includes(programme);
}

/**
 * What an eligibility answer shows of the programme besides the decision, whatever its rules hold: its criteria and
 * limits. (A ratio or fee rate its rules lack, 青年築夢創業啟動金貸款's, is said to be missing.)
 */
const SHOWN_WITH_ELIGIBILITY: ReadonlySet<string> = new Set(['eligibility_criteria', 'age_limit', 'business_age_limit']);

/**
 * 「我是45歲想創業的媽媽，鳳凰貸款最多可以貸多少」: the case decided for the programme, a figure it asked that the documents
 * do not state for it is said to be missing, after the decision; so is a bank's interest rate (「利率大概幾趴」) asked
 * beside a fee. `shown` are the asks the answer itself states (an eligibility answer's, a fee's).
 */
export function withAsksUnstated(ctx: FlowContext, result: FlowResult, shown: ReadonlySet<string> = SHOWN_WITH_ELIGIBILITY): FlowResult {
  const programme = ctx.merged.programme;
  if ((result.outcome !== 'answered' && result.outcome !== 'asked') || !programme) return result;
  const asks = ctx.merged.asks.filter((ask) => (FIGURE_ASKS.has(ask) || ask === INTEREST_RATE) && !shown.has(ask));
  const line = asks.length > 0 ? unstatedAsks(ctx, programme, asks, 1) : undefined;
  if (!line) return result;
  // (「我媽想申請鳳凰貸款開小吃攤，最多可以借幾萬」: the decision still waits for her age, but what was asked needs none
  // of it, so the answer comes first, then the question.)
  return result.outcome === 'asked' ? withLineFirst(result, line) : withLineAfterFigures(result, line);
}

/** The programme is known but its documents do not state what was asked (e.g. a fee rate left blank in a table). */
function notStated(ctx: FlowContext, programme: ProgrammeId): FlowResult {
  const found = retrievalAnswer(ctx);
  // (With no passage found, what was read is the programme's own row, where its key figures are: 「鳳凰的利息多少」 cites
  // 〈…專案保證項目表～企業部分 > 微型創業鳳凰貸款〉.)
  const trace = new TraceRecorder(ctx.view);
  const key = found.outcome === 'unanswered' ? ctx.view.names().find((name) => name.startsWith(`${programme}.`) && DEFAULT_ASKS.some((ask) => name.includes(ask))) : undefined;
  if (key) trace.optional(key);
  const read = ctx.cite.forTrace(trace.steps);
  return notInDocuments(ctx, {
    lines: [
      `抱歉，目前收錄的文件未載明${PROGRAMMES[programme].name}的這項資訊，我無法確認，以免提供錯誤的數字。`,
      ...read.map((c) => `（已查閱：《${c.title}》〈${c.section}〉）`),
      `請洽信保基金：${serviceLinesText(ctx.service)}`,
    ],
    citations: read.length > 0 ? read : (found.replies[0]?.citations ?? []),
    quickReplies: followUps(programme),
    state: { task: 'fact_lookup', asks: ctx.merged.asks, programme },
  });
}

/** A topic that names a parameter (or the start of its name: 「信保金質」 → enterprise.gold_award…) names it. */
function inNamedFolder(name: string, ctx: FlowContext): boolean {
  return ctx.merged.parameterTopics.some((topic) => !topic.includes('.') && name.startsWith(`${topic}.`));
}

function namedByTopic(name: string, ctx: FlowContext): boolean {
  return ctx.merged.parameterTopics.some((topic) => topic.includes('.') && name.startsWith(topic));
}

/** Narrows readings to the facts stated: a risk group picks its own rate; award rates only when the award is named. */
function relevant(name: string, ctx: FlowContext): boolean {
  const { facts } = ctx.merged;
  const group = /fee_rate\.([abc])$/.exec(name)?.[1];
  const groups = ctx.merged.variants?.riskGroups ?? (facts.riskGroup ? [facts.riskGroup] : []);
  if (group && groups.length > 0) return groups.some((g) => g.toLowerCase() === group);
  const named = namedByTopic(name, ctx);
  // Another measure of the programme named by the question (「負債比放寬…專案申請的案件也適用嗎」) leaves out the public
  // construction and domestic investment rules, however they are applied for.
  const measureNamed = ctx.merged.parameterTopics.some((topic) => topic.includes('.') && name.split('.')[0] === topic.split('.')[0]);
  if (measureNamed && !named && /public_construction|domestic_investment/.test(name) && !facts.flags?.publicConstruction && !facts.flags?.domesticInvestment) return false;
  // How a rule is applied for (增加國內投資: 限以專案或直接保證) is said when that is asked, not with its other figures.
  if (readsParameter(ctx.domain.asks.parameters.submission_channel, name)) return ctx.merged.asks.includes('submission_channel');
  // (「中信的批保手續費率」: a lender on the award list brings the award's rate.)
  if (name.includes('excellence_award')) return facts.flags?.batchExcellenceAward === true || named || (facts.lender !== undefined && lenderListed(new TraceRecorder(ctx.view), facts.lender)?.won === true);
  if (name.includes('_award')) return named;
  // Public construction and domestic investment each have their own extra quota and ratio.
  const flags = facts.flags ?? {};
  if (flags.publicConstruction || flags.domesticInvestment) {
    if (/public_construction/.test(name)) return flags.publicConstruction === true;
    if (/domestic_investment/.test(name)) return flags.domesticInvestment === true;
  }
  return true;
}

function followUps(programme: ProgrammeId | undefined): string[] {
  if (!programme) return ['一般貸款手續費怎麼算？', '青創貸款保幾成？', '批次保證手續費率？'];
  const name = PROGRAMMES[programme].name;
  return [`${name}保證成數？`, `${name}手續費率？`, `借500萬保8成一年手續費多少？`];
}
