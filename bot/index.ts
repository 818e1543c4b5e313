import { randomUUID } from 'node:crypto';
import { shippedDomain, type Domain } from '../domain/index.ts';
import { parametersAt } from '../rules/at.ts';
import { maxRatioOf } from '../rules/max-ratio.ts';
import type { Facts } from '../rules/facts.ts';
import type { ParameterSet } from '../rules/schema.ts';
import { TraceRecorder } from '../rules/trace.ts';
import { isProgrammeId, PROGRAMME_IDS } from '../rules/programmes.ts';
import { CitationIndex } from './compose/citations.ts';
import { contextLostReply, contextWasLost, leansOnLostContext, withContextLostNote } from './compose/context-lost.ts';
import { inLanguageOf } from './compose/reader-language.ts';
import { findServiceLines, type ServiceLines } from './compose/service-lines.ts';
import { mergeTurn, withBusinessAge, withYearlessDates, withDisasterMonthsAgo, type MergedTurn } from './dialogue/merge.ts';
import { answerToPending } from './dialogue/questions.ts';
import { emptyState, type ConversationState } from './dialogue/state.ts';
import { MemoryConversationStore, type ConversationStore, type StoreOperation } from './dialogue/store.ts';
import { factsOnly } from './flows/ask-for.ts';
import type { FlowContext, FlowResult } from './flows/context.ts';
import { withAsksOfEndedPlan, withOtherAsks } from './flows/other-asks.ts';
import { combinedAnswer, severalProgrammes } from './flows/several-programmes.ts';
import { rowsNamed, labelOf } from '../knowledge/named-rows.ts';
import { canonical } from '../knowledge/passage-terms.ts';
import { declineFlow, withoutClaimedFigures, feedbackAck, greetingReply, helpFlow, outOfScopeFlow, resetReply, thanksFlow, tooLongReply } from './flows/conversation.ts';
import { authorisedRatioCap, caseRatioDecision, eligibilityFlow } from './flows/eligibility.ts';
import { asksIfApplicantQualifies } from './understand/intent.ts';
import { withFormerName } from './flows/former-name.ts';
import { feeFlow, notEligibleForNamed, withCaseNotEligible, withLowerRates } from './flows/fee.ts';
import { asksKindNotInRules, hasRuleChannel, lookupFlow, namesRuleAtCaseDate, withAsksUnstated, withComputed, withFireflyTotal, withKindsAsked, withPartsOfOtherProgrammes, withPartsUnanswered } from './flows/lookup.ts';
import { endedPlanLastDay, endedPlanToday } from './flows/ended-plans.ts';
import { asksHowToApply, howToApplyFlow } from './flows/how-to-apply.ts';
import { reverseLookupFlow } from './flows/reverse-lookup.ts';
import { withoutWesternAsk, withWesternYears } from './compose/western-years.ts';
import { asksGuaranteedAmount, asksGuaranteedAmountAmongOthers, guaranteedAmountFlow } from './flows/guaranteed-amount.ts';
import { ratioLimitsFlow } from './flows/ratio-limits.ts';
import { recommendFlow, youngBusinessFlow } from './flows/recommend.ts';
import { asksOfUnknownTopic, cannotAnswer, namesNotInDocuments, passageOfRareWords, retrievalAnswer, statesDocumentedCircumstance, withRareWordsAnswered } from './flows/retrieval.ts';
import { createHandoffDesk } from './handoff/index.ts';
import type { LanguageModel } from './llm/index.ts';
import { LruCache } from './lru-cache.ts';
import { characterCount } from './message-length.ts';
import { redactPersonalData } from './redaction.ts';
import type { Sources } from './sources.ts';
import type { Bot, Citation, InteractionSink, Reply, Turn } from './types.ts';
import { isSourcesLine, sourcesLine } from './compose/reply.ts';
import { understand, type Intent, type Understanding } from './understand/index.ts';
import { questionParts } from './understand/question-parts.ts';
import { englishToChinese } from './understand/english.ts';
import { withRelativeYear } from './understand/years.ts';
import { withRowPointedAt } from './understand/follow-up.ts';
import { recoveryFlow } from './flows/recovery.ts';
import { convertFlow } from './flows/convert.ts';

/** What a fee calculation answers itself: its amount and rate, the ratio it assumes, the period it is for. */
const FEE_FIGURES: ReadonlySet<string> = new Set(['fee_amount', 'fee_rate', 'fee_cap', 'fee_waived', 'max_ratio', 'guaranteed_amount', 'period_limit']);

export type { Bot, Reply, Turn } from './types.ts';
export type { Sources } from './sources.ts';
export { MemoryConversationStore, type ConversationStore } from './dialogue/store.ts';

export interface BotDeps {
  /** The knowledge, index and rules to answer from, read on every turn (a reload swaps them). */
  sources: () => Sources;
  store?: ConversationStore;
  /** The clock: the date of a question decides which rule version applies. */
  now?: () => Date;
  interactions?: InteractionSink;
  /** Optional: phrasing and fallback understanding, behind the figure guard. */
  llm?: LanguageModel;
  /** Messages longer than this get a polite reply instead of an answer. */
  maxMessageLength?: number;
  /**
   * Told when the conversation store fails, or (`lock`, ConversationBusyError) when another turn of the
   * conversation held it too long; the turn is still answered, without the remembered context or without waiting.
   */
  onStoreError?: (error: unknown, operation: StoreOperation) => void;
}

const ANSWER_CACHE_SIZE = 2_000;

const INTENTS: Intent[] = ['fee_calculation', 'eligibility', 'fact_lookup', 'recommend', 'greeting', 'help', 'feedback', 'reset', 'out_of_scope', 'unknown'];

/** Asks a rule parameter answers, whose value at a past year's end is the rule of that year. */
const RULE_ASKS = new Set(['fee_rate', 'fee_amount', 'max_ratio', 'cap_amount', 'age_limit', 'business_age_limit', 'period_limit', 'threshold', 'subrogation']);
/** Asks answered by what a document reports of a year (its statistics, the banks it names), published after the year. */
const REPORTED_ASKS = new Set(['statistics', 'names']);

/** Figures a rule gives that may be asked beside how to apply (「降到多少？那要準備什麼」). */
const FIGURES_BESIDE_HOW_TO: ReadonlySet<string> = new Set(['fee_rate', 'max_ratio', 'cap_amount', 'period_limit', 'age_limit', 'business_age_limit']);

/** A year pointed back at: the one the answer before gave (「那年」「那一年」「當年」「該年」). */
const THAT_YEAR = /那一年|那年|當年|該年/u;
/** Asks a part may make of whether the applicant it tells qualifies: the verdict answers them (the conditions it rests on are said). */
const QUALIFYING_ASKS: ReadonlySet<string> = new Set(['eligibility_criteria', 'max_ratio', 'age_limit', 'business_age_limit']);

/** Fewest characters of a table row's label that name it outright. */
const WHOLE_LABEL = 6;

/** Builds the channel-neutral bot: one Turn in, Replies out. */
export function createBot(deps: BotDeps): Bot {
  const store = deps.store ?? new MemoryConversationStore();
  const now = deps.now ?? (() => new Date());
  const maxLength = deps.maxMessageLength ?? 1000;
  const handoff = createHandoffDesk({ ...(deps.interactions ? { interactions: deps.interactions } : {}), now });
  const perVersion = new WeakMap<Sources, { cite: CitationIndex; service: ServiceLines }>();
  const understandings = new LruCache<string, Understanding>(ANSWER_CACHE_SIZE);
  const answers = new LruCache<string, { result: FlowResult; merged: MergedTurn }>(ANSWER_CACHE_SIZE);
  /** Understanding depends on the registry's words too: the memo is kept per registry version. */
  const understood = (text: string, domain: Domain): Understanding => {
    const key = `${domain.version}\u0000${text}`;
    let u = understandings.get(key);
    if (!u) {
      u = understand(withoutWesternAsk(text), domain);
      understandings.set(key, u);
    }
    return u;
  };

  const derived = (sources: Sources) => {
    let d = perVersion.get(sources);
    if (!d) {
      d = { cite: new CitationIndex(sources.knowledge), service: findServiceLines(sources.knowledge.sections) };
      perVersion.set(sources, d);
    }
    return d;
  };

  async function handleMessage(turn: Turn, text: string): Promise<Reply[]> {
    const started = now();
    const trimmed = text.trim();
    const length = characterCount(trimmed);
    if (length > maxLength) return [tooLongReply(maxLength, length)];
    // 「找真人」 is answered whatever the conversation was about: a person asking for a person is not a question.
    const handedOff = handoff.answer(turn, trimmed, derived(deps.sources()).service);
    if (handedOff) return inLanguageOf(trimmed, handedOff);

    const decided = await oneTurnAtATime(turn.conversationId, () => answerInContext(turn, trimmed, started));
    if (Array.isArray(decided)) return inLanguageOf(trimmed, decided);
    const { u, result } = decided;
    const replies = inLanguageOf(trimmed, handoff.afterAnswer(turn, result.outcome, await phrase(deps.llm, result, trimmed)));
    record(turn, trimmed, u, result, replies, now().getTime() - started.getTime());
    return replies;
  }

  /** Overlapping turns of one conversation take turns, so each reads what the one before it saved. */
  async function oneTurnAtATime<T>(conversationId: string, run: () => Promise<T>): Promise<T> {
    const release = await tolerant('lock', async () => store.lock?.(conversationId));
    try {
      return await run();
    } finally {
      if (release) await tolerant('unlock', release);
    }
  }

  /** Reads the conversation, answers within it and saves what the turn added; a reset forgets it and is the reply. */
  async function answerInContext(turn: Turn, trimmed: string, started: Date): Promise<Reply[] | { u: Understanding; result: FlowResult }> {
    const sources = deps.sources();
    const domain = sources.domain ?? shippedDomain();
    let u = understood(trimmed, domain);
    if (u.intent === 'reset') {
      await tolerant('delete', () => store.delete(turn.conversationId));
      return [resetReply()];
    }
    const state = (await tolerant('get', () => store.get(turn.conversationId))) ?? emptyState();
    // (「它佔全部幾%」 after an answer that gave one row, 臺灣企銀, asks of that row: 「臺灣企銀佔全部幾%」.)
    // (「那年跟111年比 差了幾個百分點」 after 「哪一年最低」 answered 109年: 那年 is 109年.)
    const yearBefore = /（(\d{2,3})年）$/u.exec(state.topic ?? '')?.[1];
    const yearPointed = yearBefore !== undefined && THAT_YEAR.test(trimmed) ? trimmed.replace(THAT_YEAR, `${yearBefore}年`) : undefined;
    const pointed = (state.answeredRow === undefined ? undefined : withRowPointedAt(yearPointed ?? trimmed, state.answeredRow, domain)) ?? yearPointed;
    if (pointed !== undefined) u = understood(pointed, domain);
    // (「那前一年呢」 after 「111年…」 asks of 110年.)
    const read = u;
    u = withRelativeYear(u, state.topic === undefined ? undefined : englishToChinese(state.topic, domain));
    // (The year it stood for is kept with the topic: 「差多少」 next sets 111年 against 110年.)
    const yearMeant = u !== read && u.years.length === 1 ? `（${u.years[0]! - 1911}年）` : '';
    const pendingAnswer = answerToPending(state.pending, u, (text) => understood(text, domain), domain);
    if (deps.llm && u.intent === 'unknown' && !pendingAnswer && !state.pending) {
      u = await withModelUnderstanding(deps.llm, u, trimmed);
    }
    const lost = contextWasLost(turn, state);
    if (lost && leansOnLostContext(u)) return [contextLostReply()];

    const asOf = taipeiDate(started);
    // Flows are pure given the sources, the day, the conversation so far and the message: the same four give
    // the same answer, so frequent questions are answered from memory (with fresh feedback ids).
    const key = deps.llm ? undefined : answerKey(`${sources.version}:${domain.version}`, asOf, state, trimmed);
    const cached = key === undefined ? undefined : answers.get(key);
    let result: FlowResult;
    let merged: MergedTurn;
    if (cached) {
      ({ result, merged } = cached);
      result = { ...result, replies: result.replies.map(withFreshAnswerId) };
    } else {
      const { cite, service } = derived(sources);
      merged = mergeTurn(state, u, pendingAnswer, domain);
      const dated = withDisasterMonthsAgo(withYearlessDates(merged.facts, u.yearlessDates, asOf), u.sinceDisasterMonths, asOf);
      merged = { ...merged, facts: withBusinessAge(dated, dated.applicationDate ?? asOf) };
      // 「2027年2月1日申請」: the rules in force on the day the case is applied for are the ones that apply.
      // The rules of the day the case is decided at: its application date, or for a batch guarantee the approval date (說明六).
      const batchApproval = merged.programme === 'batch' ? merged.facts.approvalDate : undefined;
      // 「我是說民國111年的」: a rule question about one past year reads the rules of that year's end.
      // Only for a rule's figure: statistics of that year are in documents published after it, so the documents are
      // still read as of today.
      const asksRule = merged.asks.length > 0 && merged.asks.every((a) => RULE_ASKS.has(a));
      // 「0.35%是103年定的，現在還是這樣嗎」: a year beside a question about now is the rule's past, not the day asked about.
      // (So does a fee computed of a case in a past year, 「105年的時候 批保600萬保九成 一年手續費多少」: a year no fact of the
      // message dates, as a founding year does.)
      const caseYear = merged.task === 'fee_calculation' && u.years.length === 1 && !Object.values(u.facts).some((v) => typeof v === 'string' && v.startsWith(`${u.years[0]}-`));
      const year = ((merged.task === 'fact_lookup' && asksRule) || caseYear) && u.years.length === 1 && !u.modifiers.current ? u.years[0] : undefined;
      const yearEnd = year !== undefined && `${year}-12-31` < asOf ? `${year}-12-31` : undefined;
      // 「授信起日100年3月的案件」: a loan's start date decides the rules that key on it (the batch standard subrogation rate).
      // 「依103年公告的費率」: the version announced that year is the one in force at its end.
      const announced = merged.facts.announcedDate;
      const announcedYearEnd = announced !== undefined && `${announced.slice(0, 4)}-12-31` < asOf ? `${announced.slice(0, 4)}-12-31` : undefined;
      // 「莫拉克那幾年，同一企業的總額度上限多少」: a rule asked beside a plan that has ended is read at the plan's last day.
      // (Only for another rule the question names, not the plan's own figures: those are told as history of today.)
      const ofOtherRule = merged.programme !== undefined && merged.parameterTopics.some((topic) => !topic.startsWith(`${merged.programme}`));
      const planEnd = merged.task === 'fact_lookup' && asksRule && ofOtherRule && !u.modifiers.current ? endedPlanLastDay(domain, sources, merged.programme, asOf) : undefined;
      const ruleDay = merged.facts.applicationDate ?? batchApproval ?? merged.facts.loanStartDate ?? announcedYearEnd ?? yearEnd ?? planEnd ?? asOf;
      // (So are the figures or names of a year reported, 「111年送保了幾件」「111年送保案件催收績效優良獎頒給哪些銀行」, whatever
      // day the year sets for the rules.)
      // (And so is a year alone beside 送保 when no rule is asked, 「111年度網路送保，AI回覆案件的平均辦案天數」: a year reported on.)
      const applied = merged.facts.applicationDate;
      const yearOnly = applied !== undefined && applied.endsWith('-01-01') && u.years.includes(Number(applied.slice(0, 4)));
      const reported = !asksRule && (merged.asks.some((a) => REPORTED_ASKS.has(a)) || (yearOnly && merged.task === 'fact_lookup'));
      // 「現在批次保證最高保幾成」「104年的批次成數」: the time asked is named, so only that time's figure is told.
      // (Not a question of two times, 「103年新制上路前保幾成？新制之後呢？」「before the 2014 revision, and now?」.)
      // (Parts are read only when a year or a plan set the day: most messages never need them.)
      const oneQuestion = () => questionParts(u, domain).length < 2;
      // (Nor one telling the other version itself, 「介紹資料寫可保到十成，現在還是這樣嗎」, or asking what came before a year,
      // 「那103年以前呢」.)
      const timeNamed = !u.modifiers.still && !u.modifiers.past && !u.modifiers.comparison && ((u.modifiers.current && u.years.length === 0) || (((yearEnd !== undefined && ruleDay === yearEnd) || (planEnd !== undefined && ruleDay === planEnd)) && oneQuestion()));
      // 「核准日104年3月2日的批保案件最高保幾成」: the case's own day decides, and what had ended by then is not its rule.
      // (Not a day asked on both sides, 「103年12月15日新制實施前後各是多少」, nor two cases' days, 「案件A…案件B…各可以到幾成」.)
      const caseDay = merged.facts.applicationDate ?? batchApproval ?? merged.facts.loanStartDate;
      const caseDated = !timeNamed && !reported && !u.modifiers.still && !u.modifiers.past && !u.modifiers.comparison && !u.modifiers.several && caseDay !== undefined && ruleDay === caseDay && !yearOnly && oneQuestion();
      const ctx: FlowContext = { sources, domain, view: parametersAt(sources.rules, ruleDay), asOf: (yearEnd && ruleDay === yearEnd) || reported ? asOf : ruleDay, today: asOf, ...(timeNamed ? { timeNamed } : {}), ...(caseDated ? { caseDated } : {}), cite, service, understanding: u, merged, state };
      result = route(ctx);
      // 「計畫期程到什麼時候？」 names no programme; when nothing answers it alone, it is about the one discussed.
      if (result.outcome === 'unanswered' && merged.task === 'fact_lookup' && !merged.programme && state.programme) {
        const withContext = { ...merged, programme: state.programme };
        const retried = route({ ...ctx, merged: withContext });
        if (retried.outcome !== 'unanswered') ({ result, merged } = { result: retried, merged: withContext });
      }
      // (A part asking a kind of thing the answer says nothing of is answered after it.)
      if (merged.task === 'fact_lookup' || merged.task === 'eligibility' || merged.task === 'fee_calculation') result = withKindsAsked(ctx, withFireflyTotal(ctx, result), answerOfPart);
      // 「創業鳳凰婦女小額貸款還有嗎」: a programme asked of by its former name is told its name today first.
      result = withFormerName(ctx, result);
      // 「有沒有免付費的電話可以先問問」: the fund's lines given to a contact asked are cited from where they are written.
      if (merged.asks.includes('contact')) result = withServiceLinesCited(result, service);
      // 「信保基金是哪一年成立的？要西元年喔」: the years of the Republic the answer gives, in the Western calendar too.
      if (domain.modifiers.westernYear?.test(trimmed)) result = withWesternYears(result);
      if (key !== undefined) answers.set(key, { result, merged });
    }
    // 「聽說批保可以保到十成？」: a ratio heard is checked, never kept as the case's own for a later estimate. Nor is one
    // above the programme's ceiling told in a question the rules answered (「銀行說一般貸款可以保到九成五？」): the answer
    // gave the ceiling, and a later 「那借300萬要付多少」 is estimated at it.
    const kept = result.state.facts ?? merged.facts;
    const heard = kept.guaranteeRatio !== undefined && ((u.ratioHeard === true && kept.guaranteeRatio === u.facts.guaranteeRatio) || (merged.task !== 'fee_calculation' && aboveCeiling(sources.rules, asOf, result.state.programme ?? merged.programme, kept)));
    const next: ConversationState = {
      facts: heard ? withoutKey(kept, 'guaranteeRatio') : kept,
      turns: state.turns + 1,
      ...optional('programme', result.state.programme ?? merged.programme),
      ...optional('task', result.state.task),
      ...optional('asks', result.state.asks),
      ...optional('purposes', result.state.purposes),
      ...optional('pending', result.state.pending),
      // The topic is kept between turns (in Redis when shared): personal data never goes with it.
      ...optional('statedRate', merged.statedRate),
      ...optional('parameterTopics', (merged.task === 'fact_lookup' || result.state.task === 'fact_lookup') && merged.parameterTopics.length > 0 ? merged.parameterTopics : undefined),
      ...optional('compared', result.state.compared ?? ([merged.task, result.state.task].some((task) => task === 'fact_lookup' || task === 'recommend' || task === 'eligibility') ? merged.compared : undefined)),
      // (A message read as continuing the topic before it, 「中期的」, keeps that topic with its own words.)
      // (So is the year an answer worked out as a table's highest or lowest: 「那跟111年比」 sets it against 111年.)
      ...optional('topic', topicAfter(state, merged, result, `${redactPersonalData(pointed ?? trimmed)}${yearMeant}${result.state.yearAnswered !== undefined && yearMeant === '' ? `（${result.state.yearAnswered}年）` : ''}`, domain)),
      ...optional('offered', result.state.offered),
      ...optional('waiverWorth', result.state.waiverWorth),
      ...optional('sideBySide', result.state.sideBySide),
      ...optional('sidePeriods', result.state.sidePeriods),
      ...optional('quotedSections', result.state.quotedSections),
      ...optional('answeredRow', result.state.answeredRow),
      ...optional('summed', result.state.summed),
    };
    await tolerant('set', () => store.set(turn.conversationId, next));
    return { u, result: lost ? withContextLostNote(result) : result };
  }

  /** A store outage (Redis down) costs the conversation its memory, never the answer. */
  async function tolerant<T>(operation: StoreOperation, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      deps.onStoreError?.(error, operation);
      return undefined;
    }
  }

  function route(ctx: FlowContext): FlowResult {
    const { understanding: u, merged } = ctx;
    // (「…可以叫他把營業額報高一點嗎？另外營授比的分母是抓哪一年度的營收」: a part asking something of its own is answered after.)
    // (The other parts are answered as they would be alone: 「同一企業上限到底多少」 from the rules, 「順便幫我算…一年保費多少」
    // computed with the figures told.)
    if (u.declines) {
      const declined = declineFlow(ctx, u.declines, caseRatioDecision(ctx) ?? caseDecided(ctx, u.declines));
      // (One sentence refusing and asking a fee of the loan told, 「叫我幫他填8人 順便算一下 借200萬…一年保費多少」: the fee of
      // the figures told is computed after the refusal.)
      if (questionParts(u, ctx.domain).length < 2 && merged.task === 'fee_calculation' && merged.facts.loanAmount !== undefined) {
        // (A ratio or rate in a claim refused, 「批保十成保證…他要借300萬 把一年保費算進去」, is the claim's, not the case's:
        // the fee is computed on the rules' own.)
        const claimed = ctx.domain.intents.declines.find((d) => d.key === u.declines)?.claimAsks.length ?? 0;
        const fee = feeFlow(claimed > 0 ? withoutClaimedFigures(ctx) : ctx);
        if (fee.outcome === 'answered') return combinedAnswer('fee_calculation', undefined, [declined, fee], declined.replies[0]?.quickReplies ?? [], fee.state);
      }
      // (「那下一年咧？可以幫我約你們財務部的人電話聊一下嗎」: a part only following up the question before, asking nothing of
      // its own, is answered as that follow-up would be alone, in the conversation.)
      const topic = ctx.state.topic;
      const followUp = topic === undefined ? undefined : questionParts(u, ctx.domain).map(({ own }) => own).find((own) => !own.declines && own.isFollowUp && own.asks.length === 0);
      if (followUp && topic !== undefined) {
        const read = withRelativeYear(followUp, englishToChinese(topic, ctx.domain));
        const merged = mergeTurn(ctx.state, read, undefined, ctx.domain);
        const answer = route({ ...ctx, understanding: read, merged });
        if (answer.outcome === 'answered') return combinedAnswer(merged.task === 'eligibility' || merged.task === 'fee_calculation' ? merged.task : 'fact_lookup', undefined, [declined, answer], answer.replies[0]?.quickReplies ?? [], answer.state);
      }
      // (A part declined for another reason, 「2.保證一定核准 3.幫我看進度」, gets its own refusal.)
      return withPartsUnanswered(ctx, () => false, declined, (own) => own.declines === u.declines, answerOfDeclinedPart);
    }
    if (u.intent === 'out_of_scope' && !merged.task) return outOfScopeFlow(ctx);
    if (u.intent === 'greeting' || u.intent === 'help') return helpFlow();
    if (u.intent === 'feedback' && merged.empty) return thanksFlow();
    // 「凡那比颱風受災的企業也能比照莫拉克嗎」「農業信保基金的費率」: a typhoon or fund the documents never name is not in
    // them, whichever flow would answer the rest (an ended plan's figures, the fund's own fee).
    const unnamed = namesNotInDocuments(ctx);
    if (unnamed.length > 0) return cannotAnswer(ctx, undefined, unnamed);
    // 「要怎麼申請 可以授權嗎」 about a rule that says how it is applied for: that rule's answer, not the general route.
    // (「莫拉克復工貸款要去哪裡辦」: a plan that has ended is told so, not how to apply for it.)
    const ended = endedPlanToday(ctx);
    if (asksHowToApply(ctx) && !ended) return hasRuleChannel(ctx) ? lookupFlow(ctx) : withFiguresAsked(ctx, howToApplyFlow(ctx));
    if (ended) return withRareWordsAnswered(ctx, withAsksOfEndedPlan(ctx, ended));
    // (「那有沒有保到9.5成的？是哪些」 after a question about one programme asks across all of them.)
    // (「除了一般貸款，授權保證項目還有哪些？其中保證成數九成的是哪一項？」: the other part gets its own passage after it.)
    if (u.modifiers.reverse && u.programmes.length === 0) return withPartsUnanswered(ctx, () => false, reverseLookupFlow(ctx), (own) => own.modifiers.reverse === true);
    // (「我今年47 想申請青創150w 信保可以保多少錢」: a case the programme's conditions fail says so first.)
    if (asksGuaranteedAmount(ctx)) return withCaseNotEligible(ctx, guaranteedAmountFlow(ctx));
    if (merged.task === 'fact_lookup' && asksGuaranteedAmountAmongOthers(ctx)) {
      const amount = guaranteedAmountFlow(ctx);
      const rest = lookupFlow({ ...ctx, merged: { ...merged, asks: merged.asks.filter((ask) => ask !== 'guaranteed_amount') } });
      if (amount.outcome === 'answered' && rest.outcome === 'answered') return combinedAnswer('fact_lookup', undefined, [amount, rest], rest.replies[0]?.quickReplies ?? [], rest.state);
    }
    const first = youngBusinessFlow(ctx) ?? ratioLimitsFlow(ctx);
    if (first) return first;
    // 「保證費免收 計畫估計總共減免多少錢」: a plan's estimate is read, never computed (answer-kinds.yaml `not_in_rules`).
    if (asksKindNotInRules(ctx)) return lookupFlow(ctx);
    // 「這兩個額外額度加上一般的同一企業上限，最高合計可以送保多少」: a total of caps asked of a case told is the caps' sum
    // (lookup), not a decision on the case.
    if (merged.task === 'eligibility' && u.modifiers.total && merged.asks.length > 0 && merged.asks.every((a) => a === 'cap_amount')) return lookupFlow(ctx);
    // 「…土地拍掉收回250萬，可以先全部抵我們沒保的部分嗎？信保要分多少」: an amount recovered from collateral is split by the
    // rule on it.
    const recovery = recoveryFlow(ctx);
    if (recovery) return recovery;
    // 「176,766.89(單位百萬元)，換成億是多少」: a figure told, said in another unit.
    const converted = convertFlow(ctx);
    if (converted) return converted;
    // 「年報裡面有列一個「0206花蓮地震融資保證專案貸款」 想問這個最多可以借多少」: an item of the year's tables that is no
    // programme of the rules is asked of the documents, not matched to the programmes that fit the case.
    if (!merged.programme && u.programmes.length === 0 && (merged.task === 'recommend' || merged.task === 'eligibility') && namesRowWhole(ctx, u.text)) return lookupFlow(ctx);
    switch (merged.task) {
      case 'fee_calculation':
        // 「…朋友說我年紀過了不能申請？那還有什麼可以用，一年保費多少」: the programme named fails the case and others are asked:
        // the verdict, then the programmes that fit, with the fee of the loan told.
        if (u.asksOthers && notEligibleForNamed(ctx)) return eligibilityFlow(ctx);
        {
          // (A part asking something of the fee beside its amount, 「…一年多少？這筆費用是銀行收還是信保收」, is answered by
          // the passage saying it.)
          // (「…一年保證費要付多少?? 有沒有什麼辦法讓費率再低一點」: the circumstances that would lower the rate follow the fee.)
          // 「營授比幾%?有沒有超過? 這2百萬…一年保正費要多少」: the 營授比 asked with the fee is decided first, then the fee.
          const ratioAsked = u.parameterTopics.includes('business_finance_ratio') && u.asks.includes('statistics');
          // (At the ratio the 營授比 leaves an authorised submission, when no ratio was told: 5成 above the threshold.)
          const cap = ratioAsked && merged.facts.guaranteeRatio === undefined && merged.facts.submission !== 'project' ? authorisedRatioCap(ctx) : undefined;
          const feeCtx = cap === undefined ? ctx : { ...ctx, merged: { ...merged, facts: { ...merged.facts, guaranteeRatio: cap } } };
          const computed = feeWithCircumstances(feeCtx);
          // (「我媽今年52歲 想出來開個小吃攤 借八十萬 一年保證手續費大概要繳多少」: no programme named, but who applies told: the
          // programmes that fit, with the loan's fee under each, rather than a question.)
          const fitting = computed.outcome === 'asked' && computed.state.pending === 'programme' ? programmesFitting(ctx) : undefined;
          const fee = fitting ?? withPartsUnanswered(feeCtx, (ask) => FEE_FIGURES.has(ask), computed, undefined, answerOfPart);
          const ratio = ratioAsked && fee.outcome === 'answered' ? caseRatioDecision(ctx) : undefined;
          // (「…利率現在大概幾趴？我要借二百萬…」: a figure asked beside the fee that the documents do not state for the
          // programme, a bank's interest rate, is said to be missing after the fee.)
          const stated = withAsksUnstated(ctx, fee, FEE_FIGURES);
          return ratio && ratio.outcome === 'answered' ? combinedAnswer('fee_calculation', undefined, [ratio, stated], stated.replies[0]?.quickReplies ?? [], stated.state) : stated;
        }
      case 'eligibility':
        // 「我35歲…青創跟鳳凰哪個保證成數比較高」: each programme named is decided for the case, then compared.
        if (namesRuleAtCaseDate(ctx)) return lookupFlow(ctx);
        // 「我們是網拍的小公司 能送信保嗎」: whether one may use the fund at all, where the decision would wait on which
        // programme was meant, is which programmes fit (the finder), answered first with the ordinary guarantee.
        if (!merged.programme && merged.parameterTopics.length === 0 && u.programmes.length === 0) {
          const decided = eligibilityFlow(ctx);
          // (Not one whose condition the documents never speak of, 「負責人有前科還可以申請嗎」: that is said.)
          if (decided.outcome !== 'asked' || decided.state.pending !== 'programme') return withAsksUnstated(ctx, decided);
          // (Nor one stating a circumstance the documents speak of in words of their own, 「我信用卡有遲繳紀錄，還能送信保嗎」:
          // what they say of it is the answer.)
          return asksOfUnknownTopic(ctx) || statesDocumentedCircumstance(ctx) ? retrievalAnswer(ctx) : recommendFlow(ctx);
        }
        return u.modifiers.comparison && u.programmesByName.length >= 2 ? severalProgrammes(ctx, u.programmesByName, eligibilityFlow) : withPartsOfOtherProgrammes(ctx, withAsksUnstated(ctx, withFeeOfCase(ctx, eligibilityFlow(ctx))));
      case 'fact_lookup':
        return lookupFlow(ctx);
      case 'recommend':
        // (「聽說信保有針對出口俄羅斯的出口押匯出一個優惠？」: a measure the documents name in few places, not a need to match.)
        return passageOfRareWords(ctx) ?? recommendFlow(ctx);
      default:
        if (u.intent === 'out_of_scope') return outOfScopeFlow(ctx);
        return answeredOrFactsOnly(ctx);
    }
  }

  /** Whether the text names a table row by its whole label, of six characters or more (「0206花蓮地震融資保證專案貸款」). */
  function namesRowWhole(ctx: FlowContext, text: string): boolean {
    const rows = rowsNamed(ctx.sources.knowledge, text);
    if (rows.length === 0) return false;
    const read = canonical(text).replace(/\s+/gu, '');
    return rows.some((row) => {
      const label = labelOf(row);
      return [...label].length >= WHOLE_LABEL && read.includes(label);
    });
  }

  /**
   * 「我58歲 家庭主婦…鳳凰貸款核准率高嗎」: what cannot be promised is declined, and the case told is still decided on the
   * programme's conditions (intents.yaml declines `decide_case`).
   */
  function caseDecided(ctx: FlowContext, key: string): FlowResult | undefined {
    const decline = ctx.domain.intents.declines.find((d) => d.key === key);
    if (!decline?.decideCase || !ctx.merged.programme) return undefined;
    const decided = eligibilityFlow({ ...ctx, merged: { ...ctx.merged, task: 'eligibility' } });
    return decided.outcome === 'answered' ? decided : undefined;
  }

  /**
   * The fee computed, with what the case says of it: that the programme does not fit the case, the circumstances that
   * would lower the rate when a lower one is wished for (「老闆覺得很貴」), and the other figures asked.
   */
  function feeWithCircumstances(ctx: FlowContext): FlowResult {
    const computed = withCaseNotEligible(ctx, feeFlow(ctx));
    const lowered = ctx.understanding.modifiers.lower && ctx.merged.programme && computed.outcome === 'answered' ? withLowerRates(ctx, computed) : computed;
    return withOtherAsks(ctx, lowered);
  }

  /**
   * 「那如果改申請那個給婦女的微型創業貸款呢? 保幾成 手續費一年多少」 after a loan was told: the fee of that loan is computed
   * after the verdict, for a case that meets the programme's conditions (one that fails them is told so, with no fee).
   */
  function withFeeOfCase(ctx: FlowContext, decided: FlowResult): FlowResult {
    const { asks, facts, programme } = ctx.merged;
    if (decided.outcome !== 'answered' || !programme || facts.loanAmount === undefined || !asks.includes('fee_amount')) return decided;
    if (notEligibleForNamed(ctx)) return decided;
    const fee = feeFlow({ ...ctx, merged: { ...ctx.merged, task: 'fee_calculation' } });
    if (fee.outcome !== 'answered') return decided;
    return combinedAnswer('eligibility', undefined, [decided, fee], fee.replies[0]?.quickReplies ?? [], decided.state);
  }

  /**
   * The programmes that fit an applicant or a need told (age, gender, time in business, a large firm) and no programme
   * named, as the finder lists them; undefined when neither is told or the finder still asks.
   */
  function programmesFitting(ctx: FlowContext): FlowResult | undefined {
    const { age, gender, businessAgeMonths } = ctx.merged.facts;
    // (Or a need told, 「我們公司規模早就超過中小企業了…要借3000萬 一年保證費多少」: the programmes open to large firms.)
    const told = age !== undefined || gender !== undefined || businessAgeMonths !== undefined || ctx.understanding.purposes.length > 0;
    if (ctx.merged.programme || !told) return undefined;
    const found = recommendFlow({ ...ctx, merged: { ...ctx.merged, task: 'recommend' } });
    return found.outcome === 'answered' ? found : undefined;
  }

  /**
   * A part of a message a refusal answered: another refusal of its own (「2.保證一定核准 3.幫我看進度」), or whether the
   * applicant told qualifies for the programme named (「我今年47歲…1.青創貸款信保可以保嗎」); else as any part.
   */
  function answerOfDeclinedPart(part: FlowContext): FlowResult {
    if (part.understanding.declines) return declineFlow(part, part.understanding.declines);
    // (「我這個年紀到底能不能申請青創」 asks the age limit of the applicant told: the verdict, with the limit it rests on.)
    const decides = part.merged.asks.every((ask) => QUALIFYING_ASKS.has(ask)) && asksIfApplicantQualifies(part.understanding, part.domain);
    if (decides && part.merged.programme) return eligibilityFlow({ ...part, merged: { ...part.merged, task: 'eligibility' } });
    return answerOfPart(part);
  }

  /** A part of a message answered after the rest (a refusal, a fee): a fee with the loan told is computed, any other ask looked up. */
  function answerOfPart(part: FlowContext): FlowResult {
    // (A part's merged facts are its own: withPartsUnanswered reads each part with what it says.)
    const { asks, facts } = part.merged;
    if (asks.includes('fee_amount') && facts.loanAmount !== undefined) return feeFlow({ ...part, merged: { ...part.merged, task: 'fee_calculation' } });
    // (「還有是我自己拿去信保送件還是銀行送」: how one applies, as the whole message would be answered.)
    if (asksHowToApply(part) && !hasRuleChannel(part) && !endedPlanToday(part)) return howToApplyFlow(part);
    return asks.length > 0 ? lookupFlow({ ...part, merged: { ...part.merged, task: 'fact_lookup' } }) : retrievalAnswer(part);
  }

  /**
   * 「降到多少？那我要準備什麼文件」: a rule's figure asked beside how to apply is answered first, from the rules.
   */
  function withFiguresAsked(ctx: FlowContext, howTo: FlowResult): FlowResult {
    // 「借兩百萬…兩年手續費多少？要去哪裡申請？」: a fee asked is computed first, how to apply after it; when the fee still
    // waits on a fact, how to apply is told now and the fee's question follows.
    if (ctx.merged.task === 'fee_calculation' && howTo.outcome === 'answered') {
      const feeCtx: FlowContext = { ...ctx, merged: { ...ctx.merged, asks: ctx.merged.asks.filter((a) => a !== 'procedure') } };
      const fee = feeWithCircumstances(feeCtx);
      if (fee.outcome === 'answered') return combinedAnswer('fee_calculation', undefined, [fee, howTo], fee.replies[0]?.quickReplies ?? [], fee.state);
      if (fee.outcome === 'asked') return { ...fee, grounding: [...(howTo.grounding ?? []), ...(fee.grounding ?? [])], replies: [...howTo.replies.map((r) => ({ ...r, quickReplies: [] })), ...fee.replies] };
    }
    const figures = ctx.merged.asks.filter((a) => FIGURES_BESIDE_HOW_TO.has(a));
    // (Of a programme, or of a rule the question names: 「中期的週轉金最長可以借幾年」 is 一般貸款's.)
    if (figures.length === 0 || (!ctx.merged.programme && ctx.merged.parameterTopics.length === 0) || howTo.outcome !== 'answered') return howTo;
    const figure = lookupFlow({ ...ctx, merged: { ...ctx.merged, asks: figures } });
    if (figure.outcome !== 'answered') return howTo;
    return combinedAnswer('fact_lookup', undefined, [figure, howTo], howTo.replies[0]?.quickReplies ?? [], howTo.state);
  }

  /**
   * A first message that only states facts and asks nothing (「我們做室內裝修的 一年營收一億二」): the documents are searched
   * first (「綜合額度1000萬已經用滿了」 names a rule they quote), and if they have nothing on it, the bot says what it
   * understood and offers what those facts answer, instead of "not in my documents".
   */
  function answeredOrFactsOnly(ctx: FlowContext): FlowResult {
    const result = withComputed(ctx, retrievalAnswer(ctx));
    if (result.outcome !== 'unanswered') return result;
    // (「想问一下 我今年52歲 女生 打算在家附近頂一間早餐店」: an owner telling who they are, with nothing the documents say of
    // it, is told which programmes fit them.)
    return programmesFitting(ctx) ?? (ctx.merged.statesOnly ? factsOnly(ctx) : result);
  }

  function record(turn: Turn, text: string, u: Understanding, result: FlowResult, replies: Reply[], latencyMs: number): void {
    if (!deps.interactions || result.outcome === 'asked') return;
    const answer = replies[0];
    deps.interactions.record({
      type: result.outcome,
      at: now(),
      conversationId: turn.conversationId,
      channel: turn.channel,
      ...(turn.userId ? { userId: turn.userId } : {}),
      text,
      intent: answer?.intent ?? u.intent,
      ...(answer?.answerId ? { answerId: answer.answerId, answer: answer.text } : {}),
      latencyMs,
    });
  }

  return {
    async handle(turn: Turn): Promise<Reply[]> {
      const event = turn.event;
      switch (event.type) {
        case 'greeting':
          return [greetingReply()];
        case 'feedback':
          deps.interactions?.record({
            type: 'feedback',
            at: now(),
            conversationId: turn.conversationId,
            channel: turn.channel,
            ...(turn.userId ? { userId: turn.userId } : {}),
            answerId: event.answerId,
            rating: event.rating,
            ...(event.comment ? { comment: event.comment } : {}),
          });
          return [feedbackAck(event.rating)];
        case 'message':
          return handleMessage(turn, event.text);
      }
    },
  };
}

/** The model fills what the parser could not; its figures must appear in the user's text (checked in bot/llm). */
async function withModelUnderstanding(llm: LanguageModel, u: Understanding, text: string): Promise<Understanding> {
  const guess = await llm.understand(text, { programmes: PROGRAMME_IDS, intents: INTENTS });
  if (!guess) return u;
  const { intent, programme, ...facts } = guess;
  const programmes = programme && PROGRAMME_IDS.includes(programme as never) ? [programme as (typeof PROGRAMME_IDS)[number]] : u.programmes;
  return {
    ...u,
    intent: intent && INTENTS.includes(intent as Intent) ? (intent as Intent) : u.intent,
    programmes,
    facts: { ...facts, ...u.facts },
  };
}

/** The optional rewrite: only answers, only when the guard passes; citations stay ours. */
async function phrase(llm: LanguageModel | undefined, result: FlowResult, question: string): Promise<Reply[]> {
  if (!llm || result.outcome !== 'answered') return result.replies;
  return Promise.all(
    result.replies.map(async (r) => {
      if (r.kind !== 'answer' && r.kind !== 'calculation' && r.kind !== 'eligibility') return r;
      const text = await llm.phrase({ question, text: r.text, grounding: result.grounding ?? [], citations: r.citations });
      return text ? { ...r, text } : r;
    }),
  );
}

/** Rules take effect on Taiwan's calendar days: 2014-12-15 starts at midnight in Taipei, not UTC. */
const taipeiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The last minute formatted: days change on whole minutes, so every turn within one minute shares its date. */
let lastMinute: { minute: number; date: string } | undefined;

export function taipeiDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastMinute?.minute === minute) return lastMinute.date;
  const date = taipeiDay.format(instant);
  if (Number.isFinite(minute)) lastMinute = { minute, date };
  return date;
}

/** The service lines' own section cited in a reply that gives one of their numbers and does not cite it yet. */
function withServiceLinesCited(result: FlowResult, service: ServiceLines): FlowResult {
  const citation = service.citation;
  if (!citation) return result;
  const replies = result.replies.map((reply) =>
    service.lines.some((line) => reply.text.includes(line.number)) && !reply.citations.some((c) => c.documentId === citation.documentId && c.section === citation.section)
      ? withCitation(reply, citation)
      : reply,
  );
  return { ...result, replies };
}

/** A reply with one more citation, its 「資料來源：」 line written again to name it. */
function withCitation(reply: Reply, citation: Citation): Reply {
  const citations = [...reply.citations, citation];
  // (The text names three sources at most: the lines' own is kept among them.)
  const line = sourcesLine([...reply.citations.slice(0, 2), citation]);
  const lines = reply.text.split('\n');
  const at = lines.findIndex(isSourcesLine);
  if (line) {
    if (at >= 0) lines[at] = line;
    else lines.push(line);
  }
  return { ...reply, text: lines.join('\n'), citations };
}

function answerKey(version: string, asOf: string, state: ConversationState, text: string): string {
  const { turns: _turns, ...context } = state;
  return `${version}\u0000${asOf}\u0000${JSON.stringify(context)}\u0000${text}`;
}

function withFreshAnswerId(reply: Reply): Reply {
  return reply.answerId ? { ...reply, answerId: randomUUID() } : reply;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/**
 * What a follow-up will be read with next: the message of a question answered or looked up; a message answered as
 * continuing the topic before it (「中期的」 after 「週轉金最長借幾年」) adds its words to that topic.
 */
function topicAfter(state: ConversationState, merged: MergedTurn, result: FlowResult, message: string, domain: Domain): string | undefined {
  if (result.state.continuedTopic && state.topic) return `${state.topic} ${message}`.slice(0, 200);
  // (What the answer offered, 「促進就業具結書」 for a lower rate, is part of what a follow-up may ask about.)
  const offered = domain.facts.flags.filter(({ flag }) => result.state.offered?.includes(flag)).map(({ label }) => label);
  if (offered.length > 0) return `${message.slice(0, 160)} ${offered.join(' ')}`.slice(0, 200);
  // (Any question answered: 「那這種最多可以借幾年」 may follow a question the finder or the rules answered. And one the
  // documents do not answer: 「那它的手續費呢」 after it is still about what it named.)
  return merged.task === 'fact_lookup' || result.outcome === 'answered' || result.outcome === 'unanswered' ? message.slice(0, 200) : undefined;
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

/** The case's ratio is above the highest its programme allows on the day (none known: not above). */
function aboveCeiling(rules: ParameterSet, asOf: string, programme: string | undefined, facts: Facts): boolean {
  if (facts.guaranteeRatio === undefined || programme === undefined || !isProgrammeId(programme)) return false;
  try {
    const ceiling = maxRatioOf(programme, facts, new TraceRecorder(parametersAt(rules, asOf)));
    return ceiling !== undefined && facts.guaranteeRatio > ceiling;
  } catch {
    return false;
  }
}
