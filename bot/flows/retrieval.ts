import { asksWithoutSubject } from '../dialogue/merge.ts';
import type { Domain } from '../../domain/index.ts';
import { carriesAny, kindsAsked, listedNames, namesOtherThing, namesPlaces, organisationsNamed, placeForm, placesNamed, type AnswerKind } from '../../knowledge/answer-kinds.ts';
import { annexesReferred, passageCatalogue } from '../../knowledge/passages.ts';
import { combinedPlacesAsked, labelOf, rowLabel, rowsNamed } from '../../knowledge/named-rows.ts';
import { countedAnswer } from './counted.ts';
import type { KnowledgeSection } from '../../knowledge/schema.ts';
import type { SearchHit } from '../../knowledge/search.ts';
import { columnYearChanges, figureDifference, quoteSection, readableQuote, rowAmountSpoken, rowCellsOf, rowDifference, shownRowsRanked, strongestPassage, yearCells } from '../../knowledge/quote.ts';
import { parametersAt } from '../../rules/at.ts';
import { rankerWeights as W } from '../../knowledge/ranker-weights.ts';
import { escape, matchForm } from '../../knowledge/passage-terms.ts';
import { figuresIn, findSections, headingNames, LETTER_NUMBER, PHONE_OR_ADDRESS, isHistory, newestIssued, placesInRanking, queryGrams as passageGrams, rareWordsMissing, rareWordsOf, rarePhrasesOf, rareWordsUnquoted, subjectsOf, TOTAL_ROW, unknownNames, unknownWords, withoutFiller, withoutSubjects, type ScoredPassage, type SectionChoice } from '../../knowledge/retrieve.ts';
import { amountInWords, formatRocDate } from '../compose/format.ts';
import { reply, sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import { asksExtremeYear, withoutWhatIsDone } from '../understand/asks.ts';
import { findRank, rankCountWords, withoutRankPhrases } from '../understand/ranks.ts';
import { englishToChinese } from '../understand/english.ts';
import { textAbout, withOfficialName } from '../understand/programmes.ts';
import { findYears } from '../understand/years.ts';
import { scanMentions } from '../understand/figures.ts';
import { clauseAsks, clausesOf, opensAsFollowUp } from '../understand/follow-up.ts';
import { isOwnQuestion, questionParts } from '../understand/question-parts.ts';
import { understand } from '../understand/understand.ts';
import type { Understanding } from '../understand/types.ts';
import { normalizeText } from '../understand/normalize.ts';
import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { notInDocuments } from './problems.ts';

/**
 * What the retrieval flow decided for a question: the section and passages it quotes, or that the documents
 * do not answer it. `npm run bench:search` measures this same decision.
 */
export type RetrievalChoice =
  | {
      covered: true;
      section: KnowledgeSection;
      /** The passages quoted, in the section's order (a table's unit line first when rows are quoted). */
      quoted: string[];
      /** The passage that answers best: what recall@1 measures. */
      top: string;
      /** Other sections quoted too (several things named). */
      others: SectionChoice[];
      best: SectionChoice;
      missingYears: string[];
      /** Chosen by the reading with the question before it. */
      continued: boolean;
    }
  | { covered: false; nearest?: SearchHit; missingYears?: string[]; section?: KnowledgeSection; unknown?: string[] };

export function retrievalChoice(ctx: FlowContext): RetrievalChoice {
  // A follow-up (「跟110年比呢？」) is searched alone and with the question it continues; the surer reading wins. One with
  // hardly a topic of its own (「要怎麼申請」 after 直接保證) is about the topic before it whenever that reading answers.
  const sameOfProgramme = asksSameOfProgramme(ctx);
  const continuing = continuesTopic(ctx) || sameOfProgramme;
  // (The size of its own topic matters only to a message after another naming no programme.)
  const size = ctx.state.topic !== undefined && ctx.understanding.programmes.length === 0 ? topicSize(ctx) : undefined;
  // (So is a follow-up with one such word, 「那要怎麼還款」: 還款 alone finds some other section's 還款.)
  const bare = (size !== undefined && (continuing ? size <= 1 : size === 1)) || sameOfProgramme;
  // (One with no topic of its own at all, 「地點在哪」 after a question about a briefing's day, is read with the question
  // before it too; its own reading still wins when it answers clearly better, 「分母是什麼」.)
  const continues = continuing || size === 0;
  // 「那第四名呢」 asks another place of the ranking before: only that question is searched.
  const placeOnly = size !== undefined && ctx.understanding.modifiers.rank !== undefined && ctx.understanding.asks.length === 0 && size <= 1;
  // (「那批保的呢」 is searched by the programme's name: its nickname also heads the award 批保卓越獎.)
  const question = sameOfProgramme ? withOfficialName(searchQuery(ctx), ctx.understanding.programmes[0]!, ctx.domain) : searchQuery(ctx);
  // (A follow-up naming a place of its own, 「那高屏的電話」, is about that place: its own reading is not outweighed.
  // One naming only a place, 「花蓮縣咧？」, asks the question before of it.)
  const ownPlace = placesNamed(question, ctx.sources.knowledge.answerKinds?.places ?? []).length > 0 && ctx.understanding.asks.length > 0;
  // A section without a word showing it speaks of what is asked (怎麼還 → 攤還, 還款) answers it only when none has one.
  // (What a rule covers, 「負債比放寬，適用範圍是什麼」, is said by the section headed by it, 〈放寬負債比率…〉, in words of its
  // own: there its heading stands for the usage asked; every other ask still needs its evidence.)
  const subjects = subjectsOf(question);
  // (A yes-or-no question, 「手續費還會計入代位清償總金額上限嗎」, names what it asks about: a passage showing one of
  // them answers it; it asks no figure of each.)
  const yesNo = ctx.understanding.modifiers.yesNo && ctx.merged.asks.length > 1;
  const usageByHeading = (c: SectionChoice) => headingNames(c.section, subjects) && hasEvidence(ctx.domain, ctx.merged.asks.filter((a) => a !== 'usage'), c.section, c.passages);
  const evidenced = (choices: SectionChoice[]): SectionChoice[] => {
    const showing = choices.filter((c) => hasEvidence(ctx.domain, ctx.merged.asks, c.section, c.passages, yesNo) || usageByHeading(c));
    return ofYearsAskedFirst(ctx, showing.length > 0 ? showing : choices);
  };
  // (Asked of another programme, the question before is read without the programme it named.)
  // (Unless it sets the two against each other or adds them, 「那青創呢？兩個合計多少」: both programmes' rows are read.)
  // (Nor with the row the answer before gave, named in words of the user's own: 「勞動部那個就業保險失業者創業貸款」 →
  // 「那鳳凰貸款勒」 asks of 鳳凰's row, not of both.)
  const before = ctx.state.topic === undefined ? '' : sameOfProgramme && !setsAgainstOrAdds(ctx) ? withoutRowNamed(textAbout(englishToChinese(ctx.state.topic), ctx.understanding.programmes[0]!, ctx.domain), ctx.state.answeredRow) : englishToChinese(ctx.state.topic);
  // (「高雄市的保證餘額多少」 → 「那屏東呢」: a follow-up naming a place of its own asks the question before of that place,
  // not of the place named before, unless it compares the two: 「那新北市呢？兩個差多少」.)
  const places = ctx.sources.knowledge.answerKinds?.places ?? [];
  // (One naming two places of its own, 「那高雄跟台中呢 哪個高」, compares those two.)
  const ownPlaces = placesNamed(question, places).length;
  // (Nor when it adds its own to them, 「臺南也算進去的話 三個加總」「那再加新竹跟苗栗」.)
  const addsToBefore = ctx.understanding.isFollowUp && ctx.understanding.modifiers.addsToBefore === true;
  const topic = ownPlaces > 0 && !addsToBefore && (!ctx.understanding.modifiers.comparison || ownPlaces >= 2) ? placesNamed(before, places).reduce((text, names) => names.reduce((t, name) => placeForm(t).replaceAll(name, ' '), text), before) : before;
  // (「那大廠那邊要捐多少錢」 after 火金姑: a follow-up naming no programme is about the one under discussion; read with the
  // question before, a section of that programme answers before one about none its own words happen to find.)
  const underDiscussion = ctx.understanding.programmes.length === 0 && ctx.merged.programme !== undefined;
  const readings = (placeOnly ? [topic] : [question, ...(continues || bare ? [`${topic} ${question}`] : [])])
    // 「中部服務中心電話」 → 「那傳真呢」: a follow-up naming no place of its own is about the place before it, whichever reading.
    .map((query, order) => ({ query, choices: evidenced(sectionsFor(ctx, query, continues || bare ? `${ctx.state.topic} ${query}` : query)), continued: order === 1 }));
  // (Only when its own words lead outside that programme: within it, the surer reading answers as usual.)
  const outside = underDiscussion && readings.some((r) => !r.continued && r.choices[0]?.inProgramme !== true);
  // (「那合庫咧?跟我們差多少」 after 台企銀's balance compares with what the question before asked: read with it, both rows
  // are quoted.)
  // (So is one asking only that, 「差很多嗎 差幾億」 after 「台中市跟高雄市 哪邊的保證餘額比較高」.)
  // (And one adding it, 「合庫呢 兩家加起來多少」.)
  const comparesBefore = continues && setsAgainstOrAdds(ctx);
  // (Nor one naming a table row of its own, 「那舊的那個微型企業創業貸款…還有保證餘額嗎」 after 鳳凰's former name: that row is asked.)
  // (One asking nothing of its own, 「那批次信用保證呢」, asks the question before of that row: it still leans on it.)
  const ownRow = ctx.understanding.isFollowUp && ctx.understanding.asks.length > 0 && !sameOfProgramme && !comparesBefore && namesRowOfItsOwn(ctx, before);
  const firm = (bare && !ownPlace && !ownRow) || comparesBefore;
  const leans = continues && !ownPlace && !ownRow;
  readings.sort((a, b) => readingStrength(b, firm, leans, outside) - readingStrength(a, firm, leans, outside));
  const { query, choices, continued } = readings[0]!;
  const best = choices[0];
  // 「保證手續費可以刷卡嗎」: a word the documents never use is what the question is about; the rest matching is not enough.
  // (Of the question itself: the question before it does not make its words known.)
  const read = questionChecked(ctx, question);
  const { ignored, checked } = read;
  // (「凡那比颱風」「農業信用保證基金」: a thing named by a name the documents never give one of its kind is not in them.)
  const unknown = best?.hit.example === undefined && !placeOnly ? [...unknownTopicWords(ctx, read), ...unknownNames(ctx.sources.knowledge, checked, ctx.domain.words.queryFiller, ignored)] : [];
  // 「原住民創業保幾成」: a word naming something particular that the section chosen never mentions is what is asked about.
  const missing = best && best.hit.example === undefined && !placeOnly ? rareWordsMissing(ctx.sources.knowledge, checked, best.section, ctx.domain.words.queryFiller, ignored) : [];
  const evidence = best !== undefined && (hasEvidence(ctx.domain, ctx.merged.asks, best.section, best.passages, yesNo) || usageByHeading(best));
  // 「批次信用保證這個項目自己的逾期率」: a figure of the year asked of one programme is that programme's; a section that
  // never names it (the fund's overall overdue rate) does not answer it.
  const { comparison: comparing, several } = ctx.understanding.modifiers;
  const ofProgramme = best !== undefined && !comparing && !several && ctx.merged.asks.includes('statistics') && ctx.understanding.programmes.length === 1 && !sectionNames(ctx.domain, best.section, ctx.understanding.programmes[0]!);
  // 「企業小頭家貸款保幾成」: an item named by a table row's whole label is answered by a section naming it; the rule on
  // another thing that happens to carry a ratio does not answer it.
  // (Not a programme's row, 「災害復舊貸款」: its rules are the answer.)
  const rowsWhole = best === undefined || placeOnly || ctx.understanding.programmes.length > 0 ? [] : rowLabelsNamedWhole(ctx, question);
  const rowMissing = best !== undefined && rowsWhole.some((label) => !normalizeText(best.section.text).replace(/\s+/gu, '').includes(label));
  if (!best || best.confidence < W.minConfidence || unknown.length > 0 || missing.length > 0 || !evidence || ofProgramme || rowMissing) {
    return { covered: false, ...(best?.hit ? { nearest: best.hit } : {}), ...(unknown.length > 0 ? { unknown } : {}) };
  }
  // 「專案保證、批次保證、直接保證分別是哪年推出的？」 names several things: quote each one's section.
  // (「第一名和第二名各是什麼行業」 asks places of one ranking: read by rank, not as several things.)
  const ranked = ctx.understanding.modifiers.rank !== undefined;
  // (Named in short, 「批保跟直保咧？各是哪一年開始有的」, each is the programme its name stands for.)
  const inFull = withOfficialName(question, undefined, ctx.domain);
  // (Nor is another section quoted beside it that does not name it: 「0206花蓮地震那個專案貸款…保幾成」 quotes the row, not the
  // batch guarantee's ratio.)
  const namingRows = (c: SectionChoice) => rowsWhole.every((label) => normalizeText(c.section.text).replace(/\s+/gu, '').includes(label));
  const found = [best, ...(ranked ? [] : ctx.understanding.modifiers.several ? severalOthers(ctx, inFull, choices, best) : eachThingsSection(ctx, inFull, best)).filter(namingRows)];
  // 「信保基金的錢政府跟銀行各出多少」 asked of today, naming no year or programme: of the sections found for its parts, an
  // ended plan's is history beside a current one's, and is left out.
  const today = aboutToday(ctx);
  const current = found.filter((c) => !isHistory(c.section, ctx.asOf));
  const [lead, ...others] = today && current.length > 0 ? current : found;
  const { section, passages } = lead!;
  // 「111年先行交付備償款項金額是多少」: a statistic of a thing the section names only where it gives no figure (a heading
  // with nothing under it) is not in the documents; the figures quoted beside it are of something else.
  // (Only an amount asked, 金額 or 額度, answered with figures: a date, a place or a name is no figure of a table.)
  const figureAsked = kindsAsked(question, ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => kind.amount);
  const figureless = (quotedTexts: string[]): string[] => {
    const figures = quotedTexts.filter((q) => AMOUNT_OR_SHARE.test(q));
    const unquoted = figureAsked && figures.length > 0 && !ctx.understanding.isFollowUp ? rareWordsUnquoted(ctx.sources.knowledge, question, section, figures) : [];
    // (Named in the section's heading, and in the text only by a line with nothing after it: a heading whose figures the
    // documents do not include.)
    const lines = section.text.split('\n').map((line) => line.trim());
    const namedWithoutFigure = (word: string) => {
      const forms = matchForm(word).split('\u0000');
      const names = (text: string) => forms.some((form) => matchForm(normalizeText(text)).includes(form));
      const at = lines.flatMap((line, i) => (names(line) ? [i] : []));
      return names(section.heading) && at.length > 0 && at.every((i) => !AMOUNT_OR_SHARE.test(lines[i]!) && lines.slice(i + 1).every((line) => line === ''));
    };
    return unquoted.length > 0 && unquoted.every(namedWithoutFigure) ? unquoted : [];
  };
  const notGiven = (quotedTexts: string[]): RetrievalChoice | undefined => {
    const words = figureless(quotedTexts);
    return words.length > 0 ? { covered: false, nearest: best.hit, unknown: words } : undefined;
  };
  if (others.length > 0) return notGiven(passages.map((p) => p.text)) ?? { covered: true, section, quoted: passages.map((p) => p.text), top: strongestPassage(passages), others, best: lead!, missingYears: [], continued };
  const { list } = ctx.understanding.modifiers;
  const { superlative, rank } = withPlaceBefore(ctx);
  const { quoted, top } = quoteSection(ctx.sources.knowledge, section, passages, {
    ...(list ? { list } : {}),
    ...(superlative ? { superlative } : {}),
    ...(rank ? { rank } : {}),
    ...(ctx.understanding.modifiers.comparison ? { comparison: true } : {}),
    // (「第二名的銀行」 ranks the table of 金融機構: the kind of row named is read as the table's first column writes it.)
    grams: queryGrams(`${query} ${superlative || rank ? (rowKindsNamed(query, ctx.sources.knowledge.answerKinds?.rowKinds ?? [])?.named ?? []).join(' ') : ''}`, ctx.domain),
    stated: statedCells(query),
  });
  // The year the document takes effect counts: 「103年公告的批保費率」 is answered by the 103 letter's figure. (Not
  // the year it was issued: the annual report for 111 came out in 112.)
  const from = section.effectiveFrom ?? section.issued;
  const dated = from ? [`${Number(from.slice(0, 4)) - 1911}年`] : [];
  // Quoted passages that name years of their own speak for those years: 「111 年度…」 under a heading that also names
  // 112 (「及112年展望」) is no figure of 112.
  const quotedYears = new Set([...quoted.join('\n').matchAll(YEAR_MENTION)].map((m) => Number(m[1])));
  const where = quotedYears.size > 0 ? `${section.title}${dated.join('')}${quoted.join('')}` : `${section.title}${section.heading}${dated.join('')}${quoted.join('')}`;
  // 「要辦105年度的批次保證，批號什麼時候申請」: a year a rule asked about is in force covers is no figure of that year.
  // (Nor is a year the rule's own section names, 「授信起日於100年1月1日至6月30日間」, when the passage quoted is its rate.)
  // (Nor a year said with a kind asked of that time, 「2008年就有這個名字嗎」: the passage on the name answers it.)
  const yearIsWhen = ctx.understanding.years.length > 0 && kindsAsked(normalizeText(ctx.understanding.text), ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => kind.yearIsWhen);
  const years = yearIsWhen ? [] : ctx.merged.asks.length > 0 && ctx.merged.asks.every((a) => RULE_ASKS.has(a))
    ? ctx.understanding.years.filter((ad) => !inForceIn(section, ad) && yearsNotCovered([ad], section.text).length > 0)
    : ctx.understanding.years;
  const missingYears = yearsNotCovered(years, where);
  // 「2023年保證了幾件？」 when the documents stop at 2022: another year's figure would read as the answer.
  if (missingYears.length > 0 && missingYears.length === years.length) return { covered: false, missingYears, section };
  return notGiven(quoted) ?? { covered: true, section, quoted, top, others, best: lead!, missingYears, continued };
}

/** An amount or a share as tables and sentences write them (「450,000」「140」 under a unit aside): 「1,021 家」「36.60%」「3億元」. */
const AMOUNT_OR_SHARE = /\d{1,3}(?:,\d{3})+|\d\.\d|\d\s*(?:億|萬|千元|元|%)|\|\s*\d/u;

/**
 * 「批次保證現在最多可以保到幾成」: a rule's figure asked of today (a ratio, a rate, a limit: kinds that do not change by
 * themselves, unlike who holds a post or a phone) is answered by the rule in force, not by whatever the newest document
 * (a year's report) happens to say beside it. (Not when the question states an amount to check, 「現在還是1.2億嗎」: a later
 * document saying it was changed from that amount answers.)
 */
function ruleFigureOfToday(question: string, asked: readonly AnswerKind[]): boolean {
  return asked.length > 0 && asked.every((kind) => !kind.current) && !figuresIn(question).some((value) => value >= STATED_AMOUNT);
}

/** An amount from this size on (萬) is a figure the question states, not a count or a year. */
const STATED_AMOUNT = 10_000;

/** The question as checked for words the documents never use, and the words that name no topic in it. */
function questionChecked(ctx: FlowContext, question: string): { ignored: Set<string>; checked: string; circumstance: boolean } {
  // (An organisation named as the documents list it otherwise, 「華南銀行」 for 華南商銀, is checked by what tells it apart.)
  // (「哪五個縣市」: the count of places asked is how it asks.)
  const ignored = new Set([...notTopics(ctx), ...organisationForms(ctx, question), ...rankCountWords(question)]);
  // (The clause saying a circumstance in one's own words, 「我跟銀行的董事是親戚」, is that circumstance: no topic of its own.)
  const checked = withoutCircumstances(ctx, question);
  return { ignored, checked, circumstance: checked !== question };
}

/**
 * 「凡那比颱風受災的企業，也可以比照莫拉克嗎」: the things the question names by names the documents never give one of their
 * kind (knowledge/retrieve.ts unknownNames). The question is about them, whichever flow would answer the rest.
 */
export function namesNotInDocuments(ctx: FlowContext): string[] {
  const { ignored, checked } = questionChecked(ctx, searchQuery(ctx));
  return unknownNames(ctx.sources.knowledge, checked, ctx.domain.words.queryFiller, ignored);
}

/** 「公司負責人有前科還可以申請信保嗎」: whether the question is about something the documents never speak of (前科). */
export function asksOfUnknownTopic(ctx: FlowContext): boolean {
  return unknownTopicsOf(ctx).length > 0;
}

/** The words of the question the documents never use (「汽車貸款要怎麼申請」: 汽車), which are what it is about. */
export function unknownTopicsOf(ctx: FlowContext): string[] {
  return unknownTopicWords(ctx, questionChecked(ctx, searchQuery(ctx)));
}

/** 「保證手續費可以刷卡嗎」: the words of the question the documents never use, which are what it is about. */
function unknownTopicWords(ctx: FlowContext, { ignored, checked, circumstance }: { ignored: Set<string>; checked: string; circumstance: boolean }): string[] {
  const teller = toldBy(checked, ctx.domain.words.toldBy);
  // (A circumstance told in its own clause, 「銀行經理說只要簽一張什麼促進就業的具結書」, is a topic the question names.)
  const own = aboutOneself(ctx, checked, circumstance);
  return withoutOtherChoice(
    checked,
    unknownWords(ctx.sources.knowledge, checked, ctx.domain.words.queryFiller, ignored, waysOfAsking(ctx)).filter((word) => !own.some((clause) => clause.includes(word)) && !teller(word)),
  );
}

/**
 * The other sections a question naming several things quotes: those nearly as sure as the best, and, for each thing
 * it names that none of them is headed by (「專案保證跟批次保證各自是民國幾年推出的」: 專案保證), the section the same
 * question asked of that thing alone finds, when headed by it.
 */
function severalOthers(ctx: FlowContext, question: string, choices: SectionChoice[], best: SectionChoice): SectionChoice[] {
  // 「臺北市跟新北市各是多少？兩個差多少？」: places the best section's passages all name are answered there, and compared.
  const places = placesNamed(question, ctx.sources.knowledge.answerKinds?.places ?? []);
  if (places.length >= 2 && places.every((names) => best.passages.some((p) => namesPlaces(p.text, [names])))) return [];
  const near = choices.slice(1).filter((c) => c.confidence >= Math.max(W.minConfidence, best.confidence * 0.5)).slice(0, 2);
  const subjects = subjectsOf(question);
  if (subjects.length < 2) return near;
  const own = sectionsOfEach(ctx, question, subjects, [best, ...near]);
  if (own.length === 0) return near;
  const all = [...near, ...own].filter((c, i, list) => c.section.id !== best.section.id && list.findIndex((o) => o.section.id === c.section.id) === i);
  return all.slice(0, Math.max(2, subjects.length - 1));
}

/**
 * 「批次保證跟直接保證是哪年開始的」 with no 各 or 分別: two or more programmes or ways of guarantee named, the best section
 * headed by one of them, is asked of each; the others' sections are quoted too. (Only things the guarantees are, not
 * attributes: 「保證成數」 named beside a programme is what is asked of it.)
 */
function eachThingsSection(ctx: FlowContext, question: string, best: SectionChoice): SectionChoice[] {
  const subjects = subjectsOf(question);
  if (subjects.length < 2) return [];
  const things = subjects.filter((subject) => namesThing(ctx.domain, subject));
  // (Named together, 「批次保證跟直接保證」, not apart in a sentence: 「不能用授權方式送保，一定要專案申請」 asks one thing.)
  const text = normalizeText(question);
  const together = things.some((a) => things.some((b) => a !== b && JOINED.some((joiner) => text.includes(`${a}${joiner}${b}`))));
  if (!together || !headingNames(best.section, things)) return [];
  return sectionsOfEach(ctx, question, things, [best]).filter((c, i, list) => c.section.id !== best.section.id && list.findIndex((o) => o.section.id === c.section.id) === i);
}

/** A programme's official name and the other names it goes by (not the weak ones, nor circumstance words). */
export function programmeNames(domain: Domain, programme: ProgrammeId): string[] {
  return [PROGRAMMES[programme].name, ...domain.programmes.names.filter((n) => n.id === programme && !n.weak).map((n) => n.name)];
}

/** Whether a section names a programme, by any of its names (not a circumstance word). */
function sectionNames(domain: Domain, section: KnowledgeSection, programme: ProgrammeId): boolean {
  const text = normalizeText(`${section.title}\n${section.heading}\n${section.text}`);
  return programmeNames(domain, programme).some((name) => text.includes(normalizeText(name)));
}

/** Whether a term names a programme or a way of guarantee (批次保證, 專案保證), read once per term and registry. */
const thingsRead = new WeakMap<Domain, Map<string, boolean>>();
function namesThing(domain: Domain, term: string): boolean {
  let read = thingsRead.get(domain);
  if (!read) thingsRead.set(domain, (read = new Map()));
  let thing = read.get(term);
  if (thing === undefined) {
    const u = understand(term, domain);
    thing = u.programmes.length > 0 || u.facts.submission !== undefined;
    if (read.size < 1000) read.set(term, thing);
  }
  return thing;
}

/** Words joining two things named together. */
const JOINED = ['跟', '和', '與', '及', '、', '以及', '還有'];

/** For each thing named that none of the sections already chosen is headed by, the section the question asked of it alone finds, when headed by it. */
function sectionsOfEach(ctx: FlowContext, question: string, subjects: string[], chosen: SectionChoice[]): SectionChoice[] {
  const headed = (subject: string) => chosen.some((c) => headingNames(c.section, [subject]));
  const asked = withoutSubjects(question);
  return subjects.filter((subject) => !headed(subject)).flatMap((subject) => {
    const u = understand(`${subject} ${asked}`, ctx.domain);
    const c = retrievalChoice(partContext(ctx, { ...u, modifiers: { ...u.modifiers, several: false } }, [], true));
    return c.covered && headingNames(c.section, [subject]) ? [c.best] : [];
  });
}

/**
 * Answers from the documents: finds the best sections, then quotes the passages in them that match the
 * question best (figures stay exactly as written), with the section as citation.
 */
export function retrievalAnswer(ctx: FlowContext): FlowResult {
  // (「監察人有幾位」: what the documents list without counting is counted.)
  const counted = countedAnswer(ctx);
  if (counted) return counted;
  const choice = retrievalChoice(ctx);
  const byParts = eachQuestionAnswered(ctx, choice);
  if (byParts) return byParts;
  if (!choice.covered) {
    if (choice.missingYears && choice.section) return yearsNotInDocuments(ctx, choice.missingYears, choice.section);
    return officesElsewhere(ctx) ?? cannotAnswer(ctx, choice.nearest, namesNotInDocuments(ctx));
  }
  const { section, quoted, others, best, missingYears, continued } = choice;
  if (others.length > 0) return severalSections(ctx, [best, ...others]);
  const elsewhere = officesElsewhere(ctx, quoted);
  if (elsewhere) return elsewhere;
  const citation = ctx.cite.forSection(section, quoted.join(' '));
  const superseded = section.supersededFrom && section.supersededFrom <= ctx.asOf;
  const ended = section.effectiveTo !== null && section.effectiveTo < ctx.asOf;
  const years = yearLines(ctx, section, quoted, continued);
  // (「哪一年最低」 answered with one year: 「那跟111年比起來差幾個百分點」 next sets that year against 111年.)
  const ends = years.flatMap((line) => EXTREME_YEAR.exec(line)?.[1] ?? []);
  // (One table row quoted, 「臺灣企銀：保證餘額 210,706.10」: 「它佔全部幾%」 next asks of it.)
  const rows = quotedRowNames(ctx, section, quoted);
  const quotes = quoted.map((q) => `「${ofYearsAsked(ctx, readableQuote(ctx.sources.knowledge, section.id, q))}」`);
  const answeredRow = rows.length === 1 ? rows[0] : rowOfWhich(ctx, quotes);
  const result = answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        missingYears.length ? `注意：目前收錄的文件沒有 ${missingYears.join('、')} 年的資料；以下是最接近的內容，如需該年度資料請洽信保基金：${serviceLinesText(ctx.service)}。` : undefined,
        // An ended plan is history: the reader learns that before reading its figures.
        // (Asked of today, naming no year and no programme, 「信保貸款利率多少」: the documents have nothing current on it.)
        ended
          ? aboutToday(ctx)
            ? endedOnlyNote(ctx, section)
            : `注意：本文件適用期間至${formatRocDate(section.effectiveTo!)}，已屆期；以下為當時的規定，不是現行規定。`
          : undefined,
        ended ? undefined : pastDatesNote(ctx, quoted),
        ended ? undefined : olderThanNewestNote(ctx, section, continued),
        `依《${section.title}》〈${section.heading}〉：`,
        ...quotes,
        computedLine(ctx, quoted) ?? rowAmountSpoken(quotes),
        combinedPlaceNote(ctx, quoted),
        exceptionNamed(ctx, quoted),
        annexNote(ctx, section, quoted) ?? listMissingNote(ctx, section, quoted),
        ...(ctx.understanding.modifiers.placeOf ? placesInRanking(ctx.sources.knowledge, section, queryGrams(normalizeText(ctx.understanding.text), ctx.domain), quoted, ctx.understanding.modifiers.neighbour) : []),
        ...years,
        superseded ? supersededNote(ctx, section) : undefined,
        sourcesLine([citation]),
      ],
      citations: [citation],
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
      // (Asked what is so now, 「現在…利率大概幾%」: that is not in the documents; the ended plan's figure is history.)
      ...(ended && asksFigureOfNow(ctx) ? { notInDocuments: true } : {}),
    },
    { task: 'fact_lookup', asks: ctx.merged.asks, quotedSections: [section.id], ...(continued ? { continuedTopic: true } : {}), ...(ends.length === 1 ? { yearAnswered: Number(ends[0]) } : {}), ...(answeredRow ? { answeredRow } : {}), ...sectionProgramme(ctx, section) },
    [section.text],
  );
  return best.confidence < 0.5 || missingYears.length > 0 ? { ...result, outcome: 'low_confidence' } : result;
}

/**
 * What a question is about, its ways of asking a kind of thing left out (「明年度的批號幾月要申請」 → 明年度的批號 要申請);
 * undefined when nothing is left out or too little is left.
 */
export function subjectOf(question: string, kinds: readonly AnswerKind[]): string | undefined {
  const first = normalizeText(question);
  const subject = kindsAsked(first, kinds).flatMap((kind) => kind.askedBy).reduce((rest, word) => rest.split(word).join(' '), first).replace(/[？?！!。，,\s]+/gu, ' ').trim();
  return subject !== first && subject.length >= 2 ? subject : undefined;
}

/** Two rows of a table compared, or the only two figures of one unit in a quoted sentence. */
function computedLine(ctx: FlowContext, quoted: string[]): string | undefined {
  // (Or a difference asked of them without a word that compares, 「新北vs桃園…新北多了多少」.)
  if (!ctx.understanding.modifiers.comparison && ctx.understanding.modifiers.arithmetic !== 'difference') return undefined;
  // (Two figures of prose the question's sides name are computed once the whole answer is quoted: flows/lookup.ts.)
  // (Only of a figure asked: 「我自己拿去信保送件還是銀行送」 sets two ways of doing against each other, not two rates the
  // quoted row happens to hold.)
  const figureAsked = kindsAsked(searchQuery(ctx), ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => !kind.qualifier && kind.shownBy.some((shown) => shown.units.length > 0));
  return rowDifference(quoted) ?? (ctx.understanding.modifiers.arithmetic || !figureAsked ? undefined : figureDifference(quoted));
}

/**
 * 「增列不得送保的行業別，具體是哪些？」 answered by 「增列行業別…（詳附件一）」: the details asked are in an annex the documents
 * refer to but do not include, so the answer says so (answer-kinds.yaml `in_annex`). The annex may be named by the
 * passage, its section, or the part of the document the section belongs to (說明二 over 說明二（四）).
 */
function annexNote(ctx: FlowContext, section: KnowledgeSection, quoted: readonly string[]): string | undefined {
  const kinds = ctx.sources.knowledge.answerKinds?.kinds ?? [];
  if (!kindsAsked(searchQuery(ctx), kinds).some((kind) => kind.inAnnex)) return undefined;
  const label = (heading: string) => (heading.split(/[：:]/u)[0] ?? heading).trim();
  const own = label(section.heading);
  const parents = ctx.sources.knowledge.sections.filter((s) => s.documentId === section.documentId && s.id !== section.id && label(s.heading).length < own.length && own.startsWith(label(s.heading)));
  for (const text of [quoted.join('\n'), section.text, ...parents.map((p) => p.text)]) {
    const annexes = annexesReferred(text);
    if (annexes.length > 0) return `注意：文件所稱的${annexes.map((a) => `「${a}」`).join('、')}未收錄於目前的文件，文件並未列出其內容；如需該附件，請洽信保基金：${serviceLinesText(ctx.service)}。`;
  }
  return undefined;
}

/** A figure with its unit: 「1 兆 2,964 億元」, 「324,206 件」, 「13.36%」. */
const FIGURE = /(?<![\d,.])\d[\d,.]*\s*(?:兆|億|萬|千|元|件|家|%)/u;
/** A table row whose cells are years, as quoted: 「新發生逾期率(%)：107年 0.98%；108年 0.94%」 → label, cells (a 合計 cell may end it). */
const YEAR_ROW = /^([^：]{1,40}：)(\d{2,3} ?年[^：]{1,300})$/u;
/** The year of such a cell: 「110年 1.12%」「99 年度 248,500」 → 110, 99. */
const YEAR_CELL = /^(\d{2,3}) ?年/u;
/** A year of the Republic (「110 年度」). */
const ROC_YEAR = /(\d{2,3})\s*年/gu;
/** A clause giving how a figure changed (「減少 13.36%」), which goes with the year it is compared with. */
const CHANGE_CLAUSE = /^\s*(?:減少|增加|成長|下降|上升|衰退|提高|降低|增|減)/u;

/**
 * 「2022年一共做了多少件信用保證？保證金額是多少？」 quoting 「本基金於 111 年度總計提供 324,206 件…，與 110 年度之保證金額
 * 1 兆 2,964 億元相較，減少 13.36%，…」: the clauses that give another year's figure, and the change from it, are left out
 * (「…」), unless the question compares or asks how it changed.
 */
function ofYearsAsked(ctx: FlowContext, text: string): string {
  const asked = ctx.understanding.years.map((year) => year - 1911);
  const { comparison, superlative, bothEnds, total, arithmetic } = ctx.understanding.modifiers;
  if (asked.length === 0 || comparison || CHANGE_ASKED.test(normalizeText(ctx.understanding.text))) return text;
  // 「111年的新發生逾期率」 of a row by year (「新發生逾期率(%)：107年 0.98%；…；111年 1.23%」): the cells of the years asked.
  // (Not a highest, lowest, sum or difference over the years: those read the whole row.)
  const row = YEAR_ROW.exec(text);
  if (row && superlative === undefined && !bothEnds && !total && arithmetic === undefined) {
    const all = row[2]!.split('；');
    const cells = all.filter((cell) => asked.includes(Number(YEAR_CELL.exec(cell)?.[1])));
    if (cells.length > 0 && all.filter((cell) => YEAR_CELL.test(cell)).length >= 2) return `${row[1]}${cells.join('；')}`;
  }
  const clauses = text.split(/(?<=，)/u);
  if (clauses.length < 2) return text;
  const kept: string[] = [];
  let afterOther = false;
  for (const clause of clauses) {
    const years = [...clause.matchAll(ROC_YEAR)].map((m) => Number(m[1]));
    const other = years.length > 0 && years.every((year) => !asked.includes(year)) && FIGURE.test(clause);
    if (other || (afterOther && CHANGE_CLAUSE.test(clause))) {
      if (kept.at(-1) !== '…') kept.push('…');
      afterOther = other;
      continue;
    }
    afterOther = false;
    kept.push(clause);
  }
  return kept.join('');
}

/** Words asking how a figure changed, or comparing it with another year's. */
const CHANGE_ASKED = /增減|增加|減少|成長|衰退|變化|差多少|相較|比較|相比|上升|下降|多了|少了|vs|versus|compared|change|increase|decrease|growth/iu;

/** A sentence announcing a list after it: 「…知悉企業有下列不良情形之一者，應依各該送保限制方式辦理：」. */
const ANNOUNCES_LIST = /(?:下列|如下)[^。]*[：:]$/u;

/**
 * 「公司之前有跳票，現在還可以申請信保嗎」 answered by the opening of 〈信用或營業狀況不良企業移送信用保證注意事項〉, whose
 * list the documents do not include: the answer says the list is not there, and where to ask.
 */
function listMissingNote(ctx: FlowContext, section: KnowledgeSection, quoted: readonly string[]): string | undefined {
  const cut = passageCatalogue(ctx.sources.knowledge).sections.get(section.id);
  if (!cut || cut.listItems.length > 0 || cut.tables.length > 0) return undefined;
  if (!quoted.some((q) => ANNOUNCES_LIST.test(q.trim()))) return undefined;
  return `注意：這段所稱的「下列」情形未收錄於目前的文件，文件並未列出其內容；請洽信保基金確認：${serviceLinesText(ctx.service)}。`;
}

/** 「除錄音室出租業以外之不動產經營業」: what a quoted rule leaves out. */
const EXCEPTED = /除(\p{Script=Han}{2,16}?)(?:以外|之外|外)/gu;

/**
 * 「那如果我是開錄音室出租的呢？」 against a restriction 「除錄音室出租業以外之不動產經營業」: the question names what the rule
 * leaves out, so the answer says that item does not restrict it.
 */
function exceptionNamed(ctx: FlowContext, quoted: readonly string[]): string | undefined {
  const text = normalizeText(ctx.understanding.text);
  for (const passage of quoted) {
    for (const match of normalizeText(passage).matchAll(EXCEPTED)) {
      const excepted = match[1]!;
      const core = excepted.replace(/[業者]$/u, '');
      if (core.length >= 2 && text.includes(core)) return `「${excepted}」是上述規定除外的情形：這一項限制不適用於它。`;
    }
  }
  return undefined;
}

/**
 * The sections worth quoting for one reading of the question, best first: asked of knowledge/retrieve.ts. `about`
 * is where the places asked about are named: the question, or with a follow-up the question before it too.
 */
function sectionsFor(ctx: FlowContext, query: string, placesIn = query): SectionChoice[] {
  // (With the names it goes by, 「相對保證專案」 for 火金姑(相對保證)專案貸款: none of their pairs is something asked.)
  const named = new Set([...ctx.understanding.programmes, ...(ctx.merged.programme ? [ctx.merged.programme] : [])]);
  const names = [...[...named].map((id) => PROGRAMMES[id].name), ...ctx.domain.programmes.names.filter((n) => named.has(n.id) && !n.weak && n.name.length >= 2).map((n) => n.name)];
  // 「幾成？」 is answered by a passage with a ratio in it, 「是誰？」 by one with a name: knowledge/documents/answer-kinds.yaml.
  const scope = programmeInQuestion(ctx);
  const addedUp = programmesAddedUp(ctx);
  // (An English question asks in the words it is read in: "what year" is 哪一年.)
  const question = searchQuery(ctx);
  const answerKinds = ctx.sources.knowledge.answerKinds?.kinds ?? [];
  // (「每年幾月要申請…代償最高限額」 asks a month: the 代償最高限額 applied for asks no amount.)
  const asking = withoutWhatIsDone(question, ctx.domain);
  const anyAsked = kindsAsked(asking, answerKinds).filter((kind) => !kind.qualifier);
  // 「批保現在還可以保到十成嗎」: a yes-or-no question that asks nothing by name asks about the kind of thing it states (a
  // ratio): a passage saying one answers it.
  const asked = statesFigureAsked(ctx, question, anyAsked) ? answerKinds.filter((kind) => !kind.qualifier && kindStated(question, kind)) : kindsOnlyAsked(asking, answerKinds);
  // (A share, 「關懷的企業佔名單上的幾成」, may be worked out of two counts the passage writes, when it writes no percentage.)
  const percentOnly = (kind: AnswerKind) => kind.shownBy.length > 0 && kind.shownBy.every((shown) => shown.units.length > 0 && shown.units.every((unit) => unit === '%'));
  const ofCounts = ctx.understanding.modifiers.share === true && asked.some(percentOnly);
  // 「新北市保了幾件」: a place or a bank named is answered by a section about it, never by the national figure beside it.
  // (A place or a bank told in a story of who asks, 「我在台中做不動產租賃，跟合庫借錢…」, is not asked about, unless what is
  // asked differs by place: a phone, an office, a statistic.)
  const subjectsIn = placeDependent(ctx, anyAsked) ? (text: string) => text : (text: string) => withoutOwnStory(ctx, text);
  // (Not a place inside a bank's name: 「臺南三信」「嘉義三信」 name a bank, not 臺南 or 嘉義.)
  const bankNames = longBankNames(ctx.sources.knowledge);
  const withoutBanks = (text: string) => bankNames.reduce((t, name) => t.replaceAll(name, ' '), placeForm(text));
  const placesAsked = placesNamed(withoutBanks(subjectsIn(query)), ctx.sources.knowledge.answerKinds?.places ?? []);
  // (A follow-up naming a place of its own, 「那桃園呢」 after 台中, is about that place only.)
  const places = placesAsked.length > 0 || placesIn === query ? placesAsked : placesNamed(withoutBanks(subjectsIn(placesIn)), ctx.sources.knowledge.answerKinds?.places ?? []);
  const rocYears = ctx.understanding.years.map((ad) => ad - 1911);
  // Banks likewise: 「那華南銀行呢」 after 臺灣企銀 is about 華南 only.
  const banksIn = (text: string) => {
    const asked = subjectsIn(text);
    return {
      short: banksNamed(ctx, asked),
      named: organisationsNamed(asked, organisationNames(ctx), ctx.sources.knowledge.answerKinds?.organisations ?? []),
    };
  };
  // (Unless it compares the two, 「那合庫呢 兩家差多少」: both banks' rows are quoted, as with places.)
  const comparing = setsAgainstOrAdds(ctx);
  const ownBanks = query === question || comparing ? undefined : banksIn(question);
  const banks = ownBanks && ownBanks.short.length + ownBanks.named.length > 0 ? ownBanks : banksIn(query);
  const shortNamed = banks.short;
  const subjects = [...places, ...shortNamed, ...banks.named];
  // (Rows added or compared over turns, 「兆豐跟玉山…」 → 「再加上台新呢」, each quoted by its best row, as the table names it:
  // 兆豐商銀, not a row another bank's name shares words with.)
  const rowsAddedUp = !addedUp && comparing && ctx.understanding.isFollowUp && shortNamed.length + places.length >= 2 && banks.named.length === 0 ? [...new Set([...shortNamed.map((names) => names[1] ?? names[0]!), ...places.map((names) => names[0]!)])] : undefined;
  // The figure asked is read in what the passage says of the years asked; a qualifier (a change from the year before)
  // in the whole passage.
  const qualifiers = asked.filter((kind) => kind.qualifier);
  const figures = asked.filter((kind) => !kind.qualifier);
  // 「批次保證的保證期間」: a passage about another thing named alike (辦理期間) does not answer (answer-kinds distinct_terms).
  const distinct = ctx.sources.knowledge.answerKinds?.distinctTerms ?? [];
  const otherThing = (passage: string) => distinct.length > 0 && namesOtherThing(question, passage, distinct);
  const carriesAsked = (passage: string, unitLine?: string, row?: boolean): boolean => {
    if (otherThing(passage)) return false;
    const text = withoutPlaces(passage, places);
    const ofAsked = row ? text : ofYears(text, rocYears);
    const counted = ofCounts && (text.match(COUNTS) ?? []).length >= 2;
    return (figures.length === 0 || carriesAny(ofAsked, figures, unitLine) || counted) && (qualifiers.length === 0 || carriesAny(text, qualifiers, unitLine));
  };
  // 「保證餘額排第二的銀行」: a ranking of the kind of row named (banks, not regions).
  const kinds = ctx.sources.knowledge.answerKinds;
  const ranking = ctx.understanding.modifiers.superlative !== undefined || ctx.understanding.modifiers.rank !== undefined;
  // (「台南的企業保證餘額」: a place named, and no bank, is read from the table of places, not from 臺南三信's row.)
  // (A figure asked of places named alone, 「台中跟高雄的保證餘額哪個多」, is in the table of places, wherever search ranks it.)
  const ofPlaces = ctx.merged.asks.includes('statistics') ? (kinds?.forPlaces ?? []) : [];
  const placeRows = !ranking && places.length > 0 && subjects.length === places.length && (kinds?.notForPlaces.length ?? 0) > 0 ? { named: ofPlaces, others: kinds!.notForPlaces } : undefined;
  const rowKinds = ranking ? rowKindsNamed(query, kinds?.rowKinds ?? []) : placeRows;
  // 「2022年保證幾件」: that year's figure, not the total since the fund began.
  const { notCumulative, cumulative } = cumulativeWanted(ctx);
  // A follow-up with words of its own (「那要準備什麼文件」, not 「那110年呢」) says what is quoted from where the question
  // before it leads.
  // (「哪一年的經費最多」: a table whose columns are years, answer-kinds.yaml `year_columns`.)
  const yearColumns = asksExtremeYear(question, ctx.domain) ? (ctx.sources.knowledge.answerKinds?.yearColumns ?? []) : [];
  const searchAlso = [...new Set([...kindsAsked(asking, answerKinds).flatMap((kind) => kind.searchedBy), ...yearColumns])];
  const ownWords = query !== question && query.endsWith(question) && topicSize(ctx) >= 2;
  // (「哪個行業排第一」: the place asked is how the ranking is read, not words to match; 第一 is no 第一商業銀行.)
  const find = (text: string) => findSections(ctx.sources.knowledge, ctx.sources.index, {
    query: ctx.understanding.modifiers.rank ? withoutRankPhrases(text) : text,
    ...(ownWords ? { own: question } : {}),
    filler: ctx.domain.words.queryFiller,
    names,
    asOf: ctx.asOf,
    defining: ctx.merged.asks.includes('definition'),
    ranking,
    // (Adding to the figure before, 「那青創呢？兩個合計多少」, keeps its row as comparing does.)
    compares: ctx.understanding.modifiers.comparison || (ctx.understanding.isFollowUp && ctx.understanding.modifiers.total),
    wantsContact: ctx.merged.asks.includes('contact'),
    // (「信保的電話」 names no place, bank or office: the fund's head office and its own lines answer.)
    ...(subjects.length === 0 && !(kinds?.offices ?? []).some((word) => normalizeText(question).includes(word)) && (kinds?.headOffice.length ?? 0) > 0 ? { headOffice: kinds!.headOffice } : {}),
    // Phone numbers, addresses and who holds a post change: asked naming no year, the newest document's answer.
    current: (ctx.understanding.modifiers.current && !ruleFigureOfToday(question, anyAsked)) || (ctx.understanding.years.length === 0 && (ctx.merged.asks.includes('contact') || asked.some((kind) => kind.current))),
    dated: ctx.understanding.years.length > 0,
    // (「以前說可以保到十成，現在還是這樣嗎」 asks of today after all.)
    ...((ctx.understanding.modifiers.past || ctx.understanding.modifiers.originally) && !ctx.understanding.modifiers.current && !ctx.understanding.modifiers.still ? { past: true } : {}),
    // (A statistic of the programme discussed, 「占多少」 after its 保證餘額, is in the year's tables about no programme in
    // particular: they compete with its own sections, as when the programme is named.)
    ...(scope ? { programme: scope, programmeName: PROGRAMMES[scope].name, named: ctx.understanding.programmes.length > 0 || ctx.merged.asks.includes('statistics') } : {}),
    ...(addedUp ? { rowProgrammes: addedUp.map((id) => PROGRAMMES[id].name) } : rowsAddedUp ? { rowProgrammes: rowsAddedUp } : {}),
    ...(asked.length > 0 ? { carries: (passage: string, unitLine?: string, row?: boolean) => carriesAsked(passage, unitLine, row) } : distinct.some((group) => namesOtherThing(question, '', [[...group, ['\u0000']]])) ? { carries: (passage: string) => !otherThing(passage) } : {}),
    ...(asked.length === 0 && anyAsked.length > 0 ? { saysAsked: (passage: string) => carriesAny(withoutPlaces(passage, places), anyAsked) } : {}),
    ...(figures.length > 1 ? { carriesEach: figures.map((kind) => (passage: string, unitLine?: string, row?: boolean) => !otherThing(passage) && carriesAny(withoutPlaces(passage, places), [kind], unitLine)) } : {}),
    // (So is the year of a highest or lowest, of a whole naming no item: 「哪一年度經費編最多」 reads the whole's total first.)
    total: (ctx.sources.knowledge.answerKinds?.totals ?? []).some((word) => normalizeText(question).includes(word)) || yearColumns.length > 0,
    eventYear: asked.some((kind) => kind.eventYear),
    ...(notCumulative ? { notCumulative } : {}),
    ...(cumulative ? { cumulative } : {}),
    ...(rowKinds ? { rowKinds } : {}),
    ...(placeRows && placeRows.named.length > 0 ? { tabledKind: true } : {}),
    ...(ctx.within ? { within: ctx.within } : {}),
    ...(searchAlso.length > 0 ? { searchAlso } : {}),
    ...(yearColumns.length > 0 ? { yearColumns: true } : {}),
  });
  if (subjects.length === 0) return find(query);
  const several = ctx.understanding.modifiers.several === true;
  const about = (choices: SectionChoice[]) =>
    choices
      .filter((c) => namesPlaces(`${c.section.title}\n${c.section.heading}\n${c.section.text}`, subjects))
      .map((c) => {
        // Within the section, the passages about a place or bank named are the ones quoted (「雲嘉南服務中心…」 for 嘉義);
        // of several things named (「玉山銀行跟中國信託的代號」), a bank is not all the question is about.
        const found = c.passages.filter((p) => (several ? places : subjects).some((names) => namesPlaces(p.text, [names])));
        // (「六都的保證餘額加起來」: every place named has its row quoted, those the search ranked lower too.)
        const unfound = places.length >= 3 ? places.filter((names) => !found.some((p) => namesPlaces(p.text, [names]))) : [];
        const rowsOf = unfound.length > 0 ? (passageCatalogue(ctx.sources.knowledge).sections.get(c.section.id)?.passages ?? []).filter((p) => p.kind === 'row' && unfound.some((names) => namesPlaces(p.text, [names]))) : [];
        const own = [...found, ...rowsOf.map((passage) => ({ passage, text: passage.text, order: passage.order, score: 0 }))];
        // (A kind asked that no passage about the place has, 「臺北本部的地址…傳真幾號」, is quoted where it is.)
        const lacking = figures.filter((kind) => !own.some((p) => carriesAny(p.text, [kind])));
        const rest = lacking.length > 0 ? c.passages.filter((p) => !own.includes(p) && lacking.some((kind) => carriesAny(p.text, [kind]))) : [];
        return own.length > 0 && (own.length < c.passages.length || rowsOf.length > 0) ? { ...c, passages: [...own, ...rest].sort((a, b) => a.order - b.order) } : c;
      });
  // The section may name the place or bank otherwise (嘉義 is served by 雲嘉南服務中心; 臺灣中小企業銀行 is 臺灣企銀 in a
  // table): when nothing is found, or none of the passages quoted names it as asked, the same question searched with
  // those names too finds the passage about it.
  const aliased = [...places, ...shortNamed];
  const otherNames = aliased.flatMap((names) => names.slice(1)).filter((name) => !query.includes(name));
  // (Where to go or whom to call near a place, 「台東要找信保最近的是哪裡」, is the office serving it, named by its area
  // (花東): searched with that name from the start, not only when the place's own name finds nothing.)
  // (Not a place inside a bank's name: 「台中商銀寄到哪個地址」 asks the bank's.)
  const serving = ctx.merged.asks.includes('contact') && places.length > 0 && otherNames.length > 0 && banks.named.length + shortNamed.length === 0;
  const found = about(find(serving ? `${query} ${otherNames.join(' ')}` : query));
  // (Rows added over turns are read from a table with a row for each, not from a list naming the banks: 〈金融機構別保證餘額〉,
  // not the award winners.)
  const tabledFirst = (list: SectionChoice[]): SectionChoice[] => {
    if (!rowsAddedUp) return list;
    const rowOf = (name: string) => new RegExp(`(?:^|\\n)\\|\\s*${escape(name)}`, 'u');
    const tabled = list.filter((c) => rowsAddedUp.every((name) => rowOf(name).test(placeForm(c.section.text))));
    return [...tabled, ...list.filter((c) => !tabled.includes(c))];
  };
  const choices = tabledFirst(found);
  const best = choices[0];
  if (best && (otherNames.length === 0 || best.passages.some((p) => namesPlaces(p.text, aliased.map((names) => names.slice(0, 1)))))) return choices;
  // (With nothing found about it, 「澎湖的中小企業用信保的金額」, the place's every name weighs in, 澎湖縣 as the table says.)
  const extra = best ? otherNames : [...new Set(aliased.flat())];
  if (extra.length === 0) return choices;
  const again = tabledFirst(about(find(`${query} ${extra.join(' ')}`)));
  if (best) return again[0]?.section.id === best.section.id ? again : choices;
  // (Still nothing, for a figure: the tables naming it are where a place's or bank's figure is, whatever else is said.)
  return again.length > 0 || !ctx.merged.asks.includes('statistics') ? again : about(find(extra.join(' '))).filter((c) => c.passages.some((p) => p.passage.kind === 'row'));
}

/**
 * How passages write a figure summed since the start (answer-kinds.yaml `cumulative`): as `notCumulative` when a year is
 * named and no such figure asked for (「2022年保證幾件」), as `cumulative` when the question asks for the sum since the start
 * (「從開辦到111年底累計」); otherwise neither.
 */
function cumulativeWanted(ctx: FlowContext): { notCumulative?: string[]; cumulative?: string[] } {
  const sums = ctx.sources.knowledge.answerKinds?.cumulative;
  if (!sums || sums.shownBy.length === 0) return {};
  // (An English question in the words it is read in: "in total up to" is 累計.)
  const text = normalizeText(searchQuery(ctx));
  if (ctx.understanding.years.length > 0 && !sums.askedBy.some((word) => text.includes(word))) return { notCumulative: sums.shownBy };
  return sums.sumAskedBy.some((word) => text.includes(word)) ? { cumulative: sums.shownBy } : {};
}

/**
 * 「第二名呢？兩個差多少」 after 「第一名是哪裡」: a place of a ranking compared in a follow-up is set against the place the
 * question before asked (its first, when it asked the largest or smallest), read the same way round.
 */
function withPlaceBefore(ctx: FlowContext): Pick<Understanding['modifiers'], 'superlative' | 'rank'> {
  const { superlative, rank, comparison } = ctx.understanding.modifiers;
  const same = { ...(superlative ? { superlative } : {}), ...(rank ? { rank } : {}) };
  const topic = ctx.state.topic === undefined ? undefined : englishToChinese(ctx.state.topic);
  if (!comparison || !rank || rank.from !== rank.to || topic === undefined) return same;
  const { most, least } = ctx.domain.modifiers;
  const endBefore = least.test(topic) ? 'least' : most.test(topic) ? 'most' : undefined;
  const before = findRank(topic) ?? (endBefore ? { from: 1, to: 1 } : undefined);
  if (!before || before.from !== before.to || before.from === rank.from) return same;
  const way = superlative ?? endBefore;
  return { ...(way ? { superlative: way } : {}), rank: { from: Math.min(before.from, rank.from), to: Math.max(before.from, rank.from) } };
}

/** The kinds of table row a question names (their first column's titles), and the other kinds; none when it names none. */
function rowKindsNamed(query: string, kinds: string[][]): { named: string[]; others: string[] } | undefined {
  const text = normalizeText(query);
  const named = kinds.filter((names) => names.some((name) => text.includes(name)));
  if (named.length !== 1) return undefined;
  return { named: [named[0]![0]!], others: kinds.filter((names) => names !== named[0]).map((names) => names[0]!) };
}

/** How many pairs of Chinese characters of the knowledge the question has, filler and words naming no topic aside. */
function topicSize(ctx: FlowContext): number {
  let text = withoutNonTopics(ctx, normalizeText(searchQuery(ctx)));
  // (Pointing back, 「這種可以走授權送保嗎」 after 公共工程, the words saying what is asked, 「走授權送保嗎」, are no topic.)
  // (Not the fee's words: 「才能用這個優惠費率」 points back and still names the rate it is about.)
  if (ctx.domain.followUp.refersBack.some((word) => text.includes(word))) text = withoutAskWords(ctx, text, false);
  const known = passageCatalogue(ctx.sources.knowledge).grams;
  return [...queryGrams(text, ctx.domain)].filter((g) => /\p{Script=Han}{2}/u.test(g) && known.has(g)).length;
}

function withoutNonTopics(ctx: FlowContext, text: string): string {
  for (const word of ctx.sources.knowledge.answerKinds?.notTopics ?? []) if (word.length > 1) text = text.split(word).join(' ');
  return text;
}

function withoutAskWords(ctx: FlowContext, text: string, fee = true): string {
  // (The asks read fee as fee_rate or fee_amount; the words are the same.)
  const asked = new Set(ctx.understanding.asks.map((a) => (fee && a.startsWith('fee') ? 'fee' : a)));
  for (const { topic, cue } of ctx.domain.asks.topics) if (asked.has(topic)) text = text.replace(cue, ' ');
  return text;
}

/** Most characters a question may keep, beside the words saying what it asks, and still be about nothing in particular. */
const TOPICLESS_REST = 1;

/**
 * 「送信保的手續費要收多少啊」「信保保幾成」: nothing but what is asked and words naming the guarantee in general
 * (programmes.yaml `unnamed.words`); 「手續費可以刷卡嗎」 is about paying by card.
 */
export function asksOfNothingInParticular(ctx: FlowContext): boolean {
  let text = withoutAskWords(ctx, withoutNonTopics(ctx, normalizeText(searchQuery(ctx))));
  for (const word of ctx.domain.programmes.unnamed?.words ?? []) text = text.split(word).join(' ');
  return [...withoutFiller(text, ctx.domain.words.queryFiller)].filter((c) => /\p{Script=Han}/u.test(c)).length <= TOPICLESS_REST;
}

/**
 * A reading's confidence; a bare follow-up's continued reading wins whenever it answers at all, a follow-up's
 * (「那要怎麼還款」 after 中期週轉融資) unless the question alone answers clearly better.
 */
function readingStrength(reading: { choices: SectionChoice[]; continued: boolean }, bare: boolean, followUp: boolean, ownLeadsOutside = false): number {
  const confidence = reading.choices[0]?.confidence ?? 0;
  if (!reading.continued || confidence < W.minConfidence) return confidence;
  if (bare || (followUp && ownLeadsOutside && reading.choices[0]?.inProgramme === true)) return confidence + 10;
  return followUp ? confidence * W.followUpWeight : confidence;
}

/**
 * 「台中跟高雄 哪個比較多」: of two rows quoted alike, the one that answers which (the higher, or the lower when the least is
 * asked), so 「那個縣市佔全台幾趴」 next asks of it.
 */
export function rowOfWhich(ctx: FlowContext, quotes: readonly string[]): string | undefined {
  const { which, comparison } = ctx.understanding.modifiers;
  const text = normalizeText(ctx.understanding.text);
  const { least, most, lowerOfTwo, higherOfTwo } = ctx.domain.modifiers;
  const lower = least.test(text) || lowerOfTwo?.test(text) === true;
  // (Asked which, or set against each other with 多/少 (intents.yaml higher_of_two, lower_of_two): 「合庫跟台企銀 哪家比較少」.)
  if (!which && !(comparison && (lower || most.test(text) || higherOfTwo?.test(text) === true))) return undefined;
  const ranked = shownRowsRanked(quotes);
  if (!ranked) return undefined;
  return lower ? ranked.low : ranked.high;
}

/** The text without the runs of three characters or more that the row's name holds (the row named in one's own words). */
function withoutRowNamed(text: string, row: string | undefined): string {
  if (!row) return text;
  let out = '';
  for (let i = 0; i < text.length; ) {
    let length = 0;
    while (i + length < text.length && row.includes(text.slice(i, i + length + 1))) length++;
    if (length >= 3) i += length;
    else out += text[i++];
  }
  return out;
}

/** The names of the table rows quoted (total rows aside). */
function quotedRowNames(ctx: FlowContext, section: KnowledgeSection, quoted: string[]): string[] {
  return quoted.flatMap((q) => {
    const cells = rowCellsOf(ctx.sources.knowledge, section.id, q.replace(/^第\d+名 /u, ''));
    const label = cells ? rowLabel(cells.row) : '';
    return label.length >= 2 && !TOTAL_ROW.test(label) ? [label] : [];
  });
}

/** 「跟110年比起來呢？」 after a fact question continues its topic; a question naming its own programme does not. */
function continuesTopic(ctx: FlowContext): boolean {
  const u = ctx.understanding;
  // (「銀行要留哪些資料」 after 具結書 asks, naming no subject of its own, about the one just discussed.)
  return ctx.state.topic !== undefined && u.programmes.length === 0 && (u.isFollowUp || u.modifiers.continuing || asksWithoutSubject(u));
}

/**
 * 「那批次信用保證呢」 after a statistic of another programme asks the same figure of this one: the question before it
 * says what is read, in the same table.
 */
function asksSameOfProgramme(ctx: FlowContext): boolean {
  const u = ctx.understanding;
  return ctx.state.topic !== undefined && u.programmes.length === 1 && u.isFollowUp && u.asks.length === 0 && (ctx.state.asks ?? []).includes('statistics');
}

const YEAR_MENTION = /(?<!\d)(\d{2,3}) *年/g;

/**
 * What a sentence says of the years asked: from each mention of one of them to the next mention of another year.
 * 「111 年度總計提供 324,206 件…，與 110 年度之保證金額 1 兆 2,964 億元相較」 gives 110's amount and no count for 110.
 * A passage naming one year, or none of those asked, is read whole. (Table rows are read whole: their years are
 * the header's columns.)
 */
function ofYears(passage: string, years: number[]): string {
  if (years.length === 0) return passage;
  const mentions = [...passage.matchAll(YEAR_MENTION)].map((m) => ({ at: m.index, year: Number(m[1]) }));
  if (new Set(mentions.map((m) => m.year)).size < 2 || !mentions.some((m) => years.includes(m.year))) return passage;
  const parts: string[] = [];
  mentions.forEach((mention, i) => {
    if (!years.includes(mention.year)) return;
    const next = mentions.slice(i + 1).find((later) => later.year !== mention.year);
    // The words before the first year belong to it (「本基金於 111 年度…」).
    parts.push(passage.slice(i === 0 ? 0 : mention.at, next?.at ?? passage.length));
  });
  return parts.join('\n');
}

/** The administrative endings of a place's name (「新北市」, 「屏東縣」, 「新竹縣市」). */
const PLACE_ENDINGS = ['縣市', '市', '縣'];

/**
 * A passage without the names of the places asked about: the place a question names does not show it carries the
 * thing asked (「新北市政府…貸款」 holds no address of a service centre in 新北, though 「市」 marks a place).
 */
function withoutPlaces(passage: string, places: string[][]): string {
  if (places.length === 0) return passage;
  let text = placeForm(passage);
  for (const name of places.flat()) {
    for (const ending of PLACE_ENDINGS) text = text.split(`${name}${ending}`).join(' ');
    text = text.split(name).join(' ');
  }
  return text;
}

/** What `build` gives for an object (a knowledge version, a registry version), worked out once while it lives. */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** The organisations the documents list by name (「第一商銀」, 「玉山商業銀行」), worked out once per knowledge version. */
const organisationsOf = oncePer((knowledge: FlowContext['sources']['knowledge']) =>
  listedNames(
    knowledge.sections.map((section) => section.text),
    knowledge.answerKinds?.organisations ?? [],
  ),
);

function organisationNames(ctx: FlowContext): ReadonlySet<string> {
  return organisationsOf(ctx.sources.knowledge);
}

/** The organisations and places a question names, each in every form it may take (「華南銀行」「華南商銀」…, 「馬祖」). */
/** The banks' names of three characters or more (answer-kinds.yaml organisation_names), once per knowledge version. */
const longBankNames = oncePer((knowledge: FlowContext['sources']['knowledge']): readonly string[] =>
  [...new Set((knowledge.answerKinds?.organisationNames ?? []).flat().filter((name) => name.length >= 3))],
);

/**
 * The banks a question names by a short name (answer-kinds.yaml organisation_names, by the name a question uses); and,
 * for a bank no such name stands for, by the name the table writes (「花蓮二信」 for 花蓮第二信用合作社).
 */
function banksNamed(ctx: FlowContext, asked: string): string[][] {
  const all = ctx.sources.knowledge.answerKinds?.organisationNames ?? [];
  const byShort = placesNamed(asked, all);
  const target = (names: readonly string[]) => names[1] ?? names[0]!;
  const covered = new Set(byShort.map(target));
  const text = placeForm(asked);
  const byTable = all.filter((names) => !covered.has(target(names)) && names.slice(1).some((name) => name.length >= 3 && text.includes(name)));
  return [...byShort, ...byTable.filter((names, i) => byTable.findIndex((other) => target(other) === target(names)) === i)];
}

function organisationForms(ctx: FlowContext, query: string): string[] {
  const endings = ctx.sources.knowledge.answerKinds?.organisations ?? [];
  // (A name the documents write otherwise, 「土銀」 for 土地銀行 or 「馬祖」 for 連江, is no unknown word either.)
  const short = placesNamed(query, ctx.sources.knowledge.answerKinds?.organisationNames ?? []).map((names) => names[0]!);
  const places = placesNamed(query, ctx.sources.knowledge.answerKinds?.places ?? []).map((names) => names[0]!);
  return [...organisationsNamed(query, organisationNames(ctx), endings).flatMap(([core]) => endings.map((ending) => `${core}${ending}`)), ...short, ...places];
}

/** The ways kinds of answer and sums are asked for (「多少家」, 「加起來」): answer-kinds.yaml, once per version. */
const askingOf = oncePer((knowledge: FlowContext['sources']['knowledge']): ReadonlySet<string> => {
  const kinds = knowledge.answerKinds;
  return new Set([...(kinds?.totals ?? []), ...(kinds?.kinds ?? []).flatMap((k) => k.askedBy)]);
});

/** Words that name no topic: the knowledge's list, the ways kinds of answer are asked for, and the registry's filler. */
const notTopicsOf = oncePer((knowledge: FlowContext['sources']['knowledge']) =>
  oncePer((domain: Domain): ReadonlySet<string> => new Set([...(knowledge.answerKinds?.notTopics ?? []), ...askingOf(knowledge), ...domain.words.filler])),
);

function notTopics(ctx: FlowContext): ReadonlySet<string> {
  return notTopicsOf(ctx.sources.knowledge)(ctx.domain);
}

function waysOfAsking(ctx: FlowContext): ReadonlySet<string> {
  return askingOf(ctx.sources.knowledge);
}

/**
 * 「批保現在還可以保到十成嗎」「上限還是1.2億嗎」: a yes-or-no question that asks nothing by name and states a figure asks
 * whether that figure holds.
 */
export function statesFigureAsked(ctx: FlowContext, question = searchQuery(ctx), asked?: AnswerKind[]): boolean {
  // (The figure is in the clause asking: 「那沒保到的那兩成我們有押擔保品，…可以先補我們沒保的部份嗎」 asks no ratio.)
  // (Unless the question asks about what was said before it: 「以前說可以保到十成，現在還是這樣嗎」.)
  const last = question.split(/[，,。；;！!？?]/u).filter((clause) => clause.trim() !== '').at(-1) ?? question;
  const asking = ctx.domain.asks.refersBack.test(last) ? question : last;
  if (!ctx.understanding.modifiers.yesNo || !HOLDS_FIGURE.test(asking)) return false;
  return (asked ?? kindsAsked(question, ctx.sources.knowledge.answerKinds?.kinds ?? []).filter((kind) => !kind.qualifier)).length === 0;
}

/** Whether the question itself writes a thing of the kind (「十成」 a ratio, 「1.2億」 an amount), its asking words aside. */
function kindStated(question: string, kind: AnswerKind): boolean {
  return carriesAny(kind.askedBy.reduce((rest, word) => rest.split(word).join(' '), normalizeText(question)), [kind]);
}

/**
 * The kinds of thing the question asks for, when every part of it asks for one: 「擴大綜合額度可以用在哪些融資？
 * 有限制只能在幾家銀行辦嗎？」 is answered by a passage on what it may be used for, whether or not it has a count.
 */
function kindsOnlyAsked(question: string, kinds: AnswerKind[]): AnswerKind[] {
  // (A few words going on from the one before, 「…誰比較多？差多少」, are no question of their own.)
  const parts = question.split(/[？?；;。！!]/).map((part) => part.trim()).filter(isOwnQuestion);
  if (parts.length > 1 && parts.some((part) => kindsAsked(part, kinds).length === 0)) return [];
  const asked = kindsAsked(question, kinds);
  // 「哪段期間的批保案件適用2.5%標準代償率」 gives the rate and asks the period: a kind the question itself states is
  // not what it asks, when it asks another.
  // (A qualifier is what the question's own words name: 「幾點結束」 says 「結束」 and asks for it.)
  // (Its words asking for the kind, 「地址」「傳真」, state nothing: the question without them must still carry it.)
  const stated = asked.filter((kind) => !kind.qualifier && kindStated(question, kind));
  return stated.length > 0 && stated.length < asked.length ? asked.filter((kind) => !stated.includes(kind)) : asked;
}

/**
 * 「聽說信保有針對出口俄羅斯的出口押匯出一個優惠？保證成數是多少」: a measure named by words the documents write in a few
 * places only (俄羅斯) is answered by the passage that writes them, not by the programmes a need told would fit (外銷).
 */
export function passageOfRareWords(ctx: FlowContext, words?: readonly string[]): FlowResult | undefined {
  // (A circumstance the rules read, 「捐款企業推薦的下游經銷商」, is the finder's to weigh.)
  // (Told in this message: one told before, 「受災企業」, is the case's, and the words asked now are about something else.)
  if (Object.values(ctx.understanding.facts.flags ?? {}).some((on) => on === true)) return undefined;
  // (Nor a word a need is told by, 「提撥勞工退休金」 (finder.yaml purposes): the finder names its programme.)
  const text = normalizeText(ctx.understanding.text);
  const needs = needCues(ctx.domain).flatMap((cue) => [...text.matchAll(cue)].map((m) => m[0]));
  // (A word longer than the need it holds names something particular: 「花蓮地震」 is an event, not the need 地震.)
  const needWord = (word: string) => needs.some((need) => need.length > 0 && need.includes(word));
  const named = words ?? rareTermsOf(ctx);
  const rare = named.filter((word) => !needWord(word));
  if (rare.length === 0) return undefined;
  const found = retrievalAnswer(ctx);
  const quoted = normalizeText(found.replies[0]?.text ?? '');
  return found.outcome === 'answered' && rare.some((word) => quoted.includes(word)) ? found : undefined;
}

/**
 * 「沒受災…走銀行公會自律機制可以延多久」 after the Morakot plan's deferral rule: a rule's figures that never say the words the
 * question names and few sections write (銀行公會, 自律) answer something else; the passage that writes them answers.
 */
export function withRareWordsAnswered(ctx: FlowContext, result: FlowResult): FlowResult {
  if (result.outcome !== 'answered') return result;
  const cited = result.replies.flatMap((r) => r.citations);
  if (!cited.some((c) => c.parameter !== undefined)) return result;
  // (Not a programme's own name, 「青年創業及啟動金貸款」: the rule's row names it otherwise.)
  const rare = notOfProgrammeNames(ctx, rareTermsOf(ctx));
  if (rare.length === 0) return result;
  // (The sections cited, by id or by document and heading, and the answer's own words: its rule names and quotes.)
  const isCited = (s: KnowledgeSection) => cited.some((c) => c.sectionId === s.id || (c.documentId === s.documentId && c.section === s.heading));
  const written = [...ctx.sources.knowledge.sections.filter(isCited).map((s) => `${s.heading}\n${s.text}`), ...result.replies.map((r) => r.text)].map((t) => normalizeText(t)).join('\n');
  if (rare.some((word) => written.includes(word))) return result;
  // (Read as a question of its own: the words it names are its topic, not the rule asked before.)
  const own: FlowContext = ctx.understanding.isFollowUp ? { ...ctx, state: { ...ctx.state, topic: undefined }, merged: { ...ctx.merged, asks: ctx.understanding.asks } } : ctx;
  const passage = passageOfRareWords(own, rare);
  if (passage) return passage;
  // 「0206 花蓮地震融資保證專案貸款信保是保幾成」: a thing the documents name only in passing (a row of the year's table),
  // asked a rule's figure with no programme named, is not answered by the ordinary guarantee's figures: they are not its.
  const unnamed = ctx.understanding.programmes.length === 0 && (ctx.merged.programme === undefined || ctx.merged.programmeUnnamed === true);
  const asked = ctx.merged.asks.flatMap((ask) => ctx.domain.asks.askNames[ask] ?? []);
  const thing = [...rare].sort((a, b) => b.length - a.length)[0]!;
  if (!unnamed || asked.length === 0) return result;
  return notStatedOf(ctx, thing, asked);
}

/**
 * The question's rare words (whole words a few sections write, rareWordsOf) and rare phrases (rarePhrasesOf); a phrase
 * of a programme's own name, 「國際專利」, is left out: it names the programme, and the finder or its rules answer.
 */
function rareTermsOf(ctx: FlowContext): string[] {
  const { ignored, checked } = questionChecked(ctx, searchQuery(ctx));
  const whole = rareWordsOf(ctx.sources.knowledge, checked, ctx.domain.words.queryFiller, ignored);
  const phrases = notOfProgrammeNames(ctx, rarePhrasesOf(ctx.sources.knowledge, checked, ctx.domain.words.queryFiller));
  return [...new Set([...whole, ...phrases])];
}

/** The words that are no part of a programme's name (and hold none), as the registry writes the names. */
function notOfProgrammeNames(ctx: FlowContext, words: readonly string[]): string[] {
  const names = programmeNamesOf(ctx.domain);
  return words.filter((word) => !names.some((name) => name.includes(word) || word.includes(name)));
}

/** The registry's programme names in the normal form, two characters or more (once per registry). */
const programmeNamesCache = new WeakMap<Domain, string[]>();
function programmeNamesOf(domain: Domain): string[] {
  let names = programmeNamesCache.get(domain);
  if (!names) {
    names = domain.programmes.names.map((n) => normalizeText(n.name)).filter((name) => name.length >= 2);
    programmeNamesCache.set(domain, names);
  }
  return names;
}

/** 「目前收錄的文件沒有寫到「X」的保證成數、保證手續費率」, with the section that names it and the fund's lines. */
function notStatedOf(ctx: FlowContext, thing: string, asked: readonly string[]): FlowResult {
  const named = ctx.sources.knowledge.sections.find((s) => normalizeText(s.text).includes(thing));
  const citations = named ? [ctx.cite.forSection(named, thing)] : [];
  return notInDocuments(ctx, {
    lines: [
      `抱歉，目前收錄的信保基金文件沒有寫到「${thing}」的${asked.join('、')}，我無法確實回答，以免提供錯誤的數字。`,
      ...(named ? [`（文件只在《${named.title}》〈${named.heading}〉提到它。）`] : []),
      `請洽信保基金：${serviceLinesText(ctx.service)}`,
    ],
    citations,
    quickReplies: ['一般貸款手續費怎麼算？', '客服電話？'],
    state: { task: 'fact_lookup', asks: ctx.merged.asks },
  });
}

/** Counts a passage writes (「2,056 家」「約 457 家」): a share may be worked out of two. */
const COUNTS = /(?<![\d,])\d[\d,]*\s*(?:家|件|戶|人)/gu;

/** The finder's need cues, each able to find every match (compiled once per registry). */
const needCuesOf = new WeakMap<Domain, RegExp[]>();
function needCues(domain: Domain): RegExp[] {
  let cues = needCuesOf.get(domain);
  if (!cues) {
    cues = domain.finder.purposes.map((p) => new RegExp(p.cue.source, `${p.cue.flags.replace('g', '')}g`));
    needCuesOf.set(domain, cues);
  }
  return cues;
}

/** Whether this message states a circumstance the documents name in words of their own (「我信用卡有遲繳」: 信用或營業狀況不良). */
export function statesDocumentedCircumstance(ctx: FlowContext): boolean {
  return circumstancesInOwnWords(ctx).length > 0;
}

/** The circumstances this message states that the documents name in words of their own (facts.yaml `documents_say`). */
function circumstancesInOwnWords(ctx: FlowContext): Domain['facts']['flags'] {
  // (Or said before, when this message asks nothing in particular: 「我是那家銀行董事的親戚」 then 「送信保有什麼特別規定嗎」.)
  const u = ctx.understanding;
  const vague = u.programmes.length === 0 && u.asks.length === 0 && u.parameterTopics.length === 0 && u.purposes.length === 0;
  const stated = { ...(vague ? ctx.merged.facts.flags : {}), ...(u.facts.flags ?? {}) };
  return ctx.domain.facts.flags.filter(({ flag, documentsSay }) => stated[flag] === true && documentsSay !== undefined);
}

/** The question without the clauses that say such a circumstance (「承貸銀行的監察人」): they name no topic to look for. */
function withoutCircumstances(ctx: FlowContext, question: string): string {
  const cues = circumstancesInOwnWords(ctx).map(({ cue }) => cue);
  if (cues.length === 0) return question;
  return question
    .split(/([\s，,。？?！!；;]+)/u)
    .filter((clause) => !cues.some((cue) => cue.test(clause)))
    .join('');
}

/**
 * The clauses of a question that only describe the one asking and ask nothing (「我在高雄做漁產加工，…電話幾號」),
 * beside one that does ask: a word the documents never use there is who they are, not what is asked.
 */
function aboutOneself(ctx: FlowContext, question: string, namesTopic = false): string[] {
  const clauses = clausesOf(question);
  const asks = (clause: string) => clauseAsks(clause, ctx.domain);
  if (!clauses.some(asks)) return [];
  // (So is a story or hearsay told before the question, 「上次打去問紓困的事一直佔線 信保有沒有免付費的客服電話」, when
  // the question after it names a topic of its own: it is why one asks, not what. A question naming none, 「要怎麼付」
  // after 「我想用信用卡付保證費」, asks of the story.)
  const last = clauses.findLastIndex(asks);
  const asking = clauses.slice(0, last + 1).filter(asks).join(' ');
  const topical = namesTopic || (withoutFiller(normalizeText(asking), ctx.domain.words.queryFiller).match(/\p{Script=Han}/gu)?.length ?? 0) >= OWN_TOPIC;
  return clauses.filter((clause, i) => !asks(clause) && (ctx.domain.intents.firstPerson.test(clause) || (topical && i < last)));
}

/**
 * Whether a place named changes the answer: a phone, an address, an office (the kinds of answer-kinds.yaml marked
 * `current`), a statistic or a ranking. Of a rule (「不動產業能不能授權送保」) the documents say the same for every place.
 */
function placeDependent(ctx: FlowContext, asked: readonly AnswerKind[]): boolean {
  // (Also a follow-up to a phone or an address asked before: 「阿我在台南 有沒有比較近的可以問」.)
  const asks = [...ctx.merged.asks, ...(ctx.understanding.isFollowUp || ctx.merged.asks.length === 0 ? (ctx.state.asks ?? []) : [])];
  // (「一家公司最多可以貸到多少」 asks a limit: its 最多 ranks no places.)
  const ranking = ctx.understanding.modifiers.superlative !== undefined && !ctx.merged.asks.includes('cap_amount');
  return asks.includes('contact') || asks.includes('statistics') || asked.some((kind) => kind.current) || ranking || ctx.understanding.modifiers.rank !== undefined;
}

/**
 * The question without the story of who asks, told before the question: 「我在台中做不動產租賃快十年了，這次跟合庫要借錢，
 * 行員說我這種行業不能用授權送保，是真的嗎」 names 台中 and 合庫 as where the business is and who lends, not as what is asked about.
 */
function withoutOwnStory(ctx: FlowContext, query: string): string {
  // (From the first clause telling of oneself on: 「之前花蓮0206地震那個…專案貸款 一家最多可以借多少」 tells no story,
  // and its place is what the question is about.)
  const clauses = clausesOf(query);
  const asks = (clause: string) => clauseAsks(clause, ctx.domain);
  const start = clauses.findIndex((clause) => !asks(clause) && ctx.domain.intents.firstPerson.test(clause));
  const last = clauses.findLastIndex(asks);
  const told = start < 0 || last < 0 ? query : clauses.slice(start, last).filter((clause) => !asks(clause)).reduce((text, clause) => text.replace(clause, ' '), query);
  // (And where the one asking is, whatever the clause: 「我在高雄有幾間套房在出租」 asks nothing by its 幾.)
  return withoutOwnPlace(told, ctx.domain.intents.locatedSelf, ctx.sources.knowledge.answerKinds?.places ?? []);
}

/** The text without the places named right after words saying where the one asking is (intents.yaml located_self). */
function withoutOwnPlace(text: string, locatedSelf: readonly string[], places: Parameters<typeof placesNamed>[1]): string {
  if (locatedSelf.length === 0) return text;
  let out = placeForm(text);
  for (const names of placesNamed(text, places)) {
    for (const name of names) {
      for (const word of locatedSelf) out = out.replaceAll(`${word}${name}`, word);
    }
  }
  return out;
}

/** 「朋友說紓困期間…」「襄理一直跟我講…」: who told something (words.yaml told_by) is not what is asked about. */
function toldBy(text: string, said: readonly string[]): (word: string) => boolean {
  // Where each telling word starts (a few places in a message): a word ending right there told it.
  const starts = new Set<number>();
  for (const after of said) for (let at = text.indexOf(after); at !== -1 && starts.size < MAX_TELLINGS; at = text.indexOf(after, at + 1)) starts.add(at);
  // (Or read with it as one word: 「聽人家說」's 人家說.)
  return (word) => said.some((after) => word.endsWith(after) && word.length > after.length) || [...starts].some((at) => at >= word.length && text.startsWith(word, at - word.length));
}

/** Tellings looked at in one message: a message of nothing but 說 tells no more. */
const MAX_TELLINGS = 20;

/** Han characters (the filler aside) a question needs to name a topic of its own. */
const OWN_TOPIC = 4;

/**
 * 「新竹有信保的服務中心嗎」: an office asked for in a place where the documents list none is told so, with the offices
 * they do list (today's contact pages), rather than "not in my documents".
 */
function officesElsewhere(ctx: FlowContext, quoted: string[] = []): FlowResult | undefined {
  const kinds = ctx.sources.knowledge.answerKinds;
  const offices = kinds?.offices ?? [];
  const office = (text: string) => namesOffice(ctx, text);
  // (Asked for an office in words of its own, 「新竹有沒有服務中心」: a bank's address there is no answer either.)
  if (!ctx.merged.asks.includes('contact') || (quoted.length > 0 && (!office(ctx.understanding.text) || quoted.some(office)))) return undefined;
  const places = placesNamed(searchQuery(ctx), kinds?.places ?? []);
  if (places.length === 0 || officeForPlace(ctx)) return undefined;
  const asOf = ctx.today ?? ctx.asOf;
  const newest = newestIssued(ctx.sources.knowledge, asOf);
  const catalogue = passageCatalogue(ctx.sources.knowledge);
  const listed = findSections(ctx.sources.knowledge, ctx.sources.index, { query: `${offices.join(' ')} 地址 電話`, filler: ctx.domain.words.queryFiller, asOf, wantsContact: true, current: true })
    .filter((c) => c.section.issued === newest)
    // (In the order the document lists them: 臺北本部 first.)
    .sort((a, b) => ctx.sources.knowledge.sections.indexOf(a.section) - ctx.sources.knowledge.sections.indexOf(b.section))
    .flatMap((c) => (catalogue.sections.get(c.section.id)?.passages ?? []).filter((p) => office(p.text) && PHONE_OR_ADDRESS.test(p.text)).map((p) => ({ text: p.text, section: c.section })));
  if (listed.length === 0) return undefined;
  const citations = [...new Set(listed.map((l) => l.section))].map((section) => ctx.cite.forSection(section));
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        `文件列出的本基金服務據點沒有位於${places.map((names) => names[0]).join('、')}的；列出的據點如下：`,
        ...listed.map((l) => `「${readableQuote(ctx.sources.knowledge, l.section.id, l.text)}」`),
        `也可以洽信保基金：${serviceLinesText(ctx.service)}。`,
        sourcesLine(citations),
      ],
      citations,
      quickReplies: ['客服電話？', '有什麼貸款適合我？'],
      notInDocuments: true,
    },
    { task: 'fact_lookup', asks: ctx.merged.asks },
  );
}

/** Whether a text names one of the fund's own offices (answer-kinds.yaml `offices`: 服務中心, 本部 …). */
function namesOffice(ctx: FlowContext, text: string): boolean {
  const form = normalizeText(text);
  return (ctx.sources.knowledge.answerKinds?.offices ?? []).some((word) => form.includes(word));
}

/**
 * The office serving a place the question names, 「我在台中」 → 中部服務中心 with its address and telephone, as a passage
 * of the newest contact page and the section it is in; undefined when no place is named or no office passage names it.
 */
export function officeForPlace(ctx: FlowContext): { passage: string; section: KnowledgeSection } | undefined {
  const places = placesNamed(searchQuery(ctx), ctx.sources.knowledge.answerKinds?.places ?? []);
  if (places.length === 0) return undefined;
  const names = places.flat();
  const choices = findSections(ctx.sources.knowledge, ctx.sources.index, {
    query: `${names.join(' ')} 服務中心 地址 電話`,
    filler: ctx.domain.words.queryFiller,
    asOf: ctx.today ?? ctx.asOf,
    wantsContact: true,
    current: true,
  });
  for (const choice of choices) {
    // (The fund's own office, not a bank's address in the same town.)
    const passage = choice.passages.find((p) => namesPlaces(p.text, places) && PHONE_OR_ADDRESS.test(p.text) && namesOffice(ctx, p.text));
    if (passage) return { passage: passage.text, section: choice.section };
  }
  return undefined;
}

/** The kinds of thing the question asks for by name (a ratio, a number of people …), qualifiers aside: answer-kinds.yaml. */
export function kindsOfQuestion(ctx: FlowContext): AnswerKind[] {
  return kindsAsked(withoutWhatIsDone(searchQuery(ctx), ctx.domain), ctx.sources.knowledge.answerKinds?.kinds ?? []).filter((kind) => !kind.qualifier);
}

/** The question as searched: English questions are read in Chinese. */
function searchQuery(ctx: FlowContext): string {
  // 「我太太是那家銀行的授信經理」: a circumstance said in one's own words is searched in the documents' words too
  // (its `documents_say` in domain/registry/facts.yaml, 利害關係者).
  const text = withYearsResolved(ctx, withCombinedPlaces(ctx, guessAsAsked(ctx, englishToChinese(ctx.understanding.text))));
  const words = circumstancesInOwnWords(ctx).flatMap(({ documentsSay }) => documentsSay ?? []).filter((word) => !text.includes(word));
  return words.length > 0 ? `${text} ${words.join(' ')}` : text;
}

/**
 * 「本年度餘絀111年跟上一年度比」: a year said relative to another is searched as the year it stands for (110年), which the
 * tables write; the relative words are in no section.
 */
function withYearsResolved(ctx: FlowContext, text: string): string {
  const u = ctx.understanding;
  if (u.relativeYear === undefined) return text;
  const named = new Set(findYears(text));
  const meant = u.years.filter((year) => !named.has(year));
  const word = ctx.domain.words.relativeYears.filter(({ word }) => text.includes(word)).sort((a, b) => b.word.length - a.word.length)[0]?.word;
  return meant.length === 1 && word !== undefined ? text.replace(word, `${meant[0]! - 1911}年`) : text;
}

/**
 * Table rows of six characters or more (「企業小頭家貸款」) the question names by their whole label, where no section is
 * headed by it: an item the documents give no rules of. (「擴大綜合額度」, a row and a rule of its own, is not.)
 */
function rowLabelsNamedWhole(ctx: FlowContext, question: string): string[] {
  const compact = (text: string) => normalizeText(text).replace(/\s+/gu, '');
  const read = compact(question);
  const labels = [...new Set(rowsNamed(ctx.sources.knowledge, question).map((row) => compact(rowLabel(row.cells?.row ?? []))).filter((label) => [...label].length >= WHOLE_ROW_LABEL && read.includes(label)))];
  return labels.filter((label) => !ctx.sources.knowledge.sections.some((section) => compact(section.heading).includes(label)));
}

/** A row label this long, named whole, names that item and nothing else. */
const WHOLE_ROW_LABEL = 6;

/** 「嘉義市的保證餘額」: a county or city the tables write only with the other (嘉義縣市) is searched as that row. */
function withCombinedPlaces(ctx: FlowContext, text: string): string {
  return combinedPlacesAsked(ctx.sources.knowledge, text).reduce((t, { asked, row }) => placeForm(t).replaceAll(asked, row), text);
}

/** 「年報表格將嘉義縣、嘉義市合併列為「嘉義縣市」」: said when the row quoted holds the place asked together with another. */
function combinedPlaceNote(ctx: FlowContext, quoted: readonly string[]): string | undefined {
  const joined = quoted.join('\n');
  const notes = combinedPlacesAsked(ctx.sources.knowledge, ctx.understanding.text)
    .filter(({ row }) => joined.includes(row))
    .map(({ asked, row, parts }) => `表中「${row}」為${parts.join('與')}合計，文件未單獨列出${asked}的數字${ctx.understanding.modifiers.comparison ? `，無法只就${asked}比較` : ''}。`);
  return notes.length > 0 ? notes.join('') : undefined;
}

/**
 * 「董事長是周作姍嗎」: a name guessed for a post (a post of the answer kinds that change over time, answer-kinds.yaml,
 * between the guessing words of domain/registry/roles.yaml `guess`) is searched as the question it stands for,
 * 「董事長是誰」: who holds the post, today unless a year is named, and not wherever the guessed name happens to appear.
 */
function guessAsAsked(ctx: FlowContext, text: string): string {
  const guess = ctx.domain.roles.guess;
  if (!guess) return text;
  const posts = (ctx.sources.knowledge.answerKinds?.kinds ?? [])
    .filter((kind) => kind.current)
    .flatMap((kind) => kind.shownBy.flatMap((shown) => shown.namesAfter))
    .sort((a, b) => b.length - a.length);
  for (const post of posts) {
    for (let at = text.indexOf(post); at >= 0; at = text.indexOf(post, at + 1)) {
      const rest = text.slice(at + post.length);
      for (let cut = 1; cut <= 3; cut++) {
        if (!guess.before.test(rest.slice(0, cut))) continue;
        for (let n = 2; n <= 4; n++) {
          const name = rest.slice(cut, cut + n);
          if (/^\p{Script=Han}+$/u.test(name) && name.length === n && guess.after.test(rest.slice(cut + n))) {
            return `${text.slice(0, at + post.length)}是誰${rest.slice(cut + n)}`;
          }
        }
      }
    }
  }
  return text;
}

/**
 * The programme whose sections are searched first: the one the question names, or for a follow-up that names
 * none (「那要準備什麼文件？」) the one the conversation is about.
 */
function programmeInQuestion(ctx: FlowContext): ProgrammeId | undefined {
  const named = ctx.understanding.programmes;
  if (named.length === 1) return programmesAddedUp(ctx) ? undefined : named[0];
  if (named.length > 0 || !ctx.merged.programme) return undefined;
  // (A follow-up naming a table row of its own, 「那非中小企業專案貸款呢」 after 鳳凰's 保證餘額, is about that row: the
  // programme before it no longer scopes the search.)
  return ctx.understanding.isFollowUp && namesOtherRow(ctx, ctx.merged.programme) ? undefined : ctx.merged.programme;
}

/** The question compares, computes or adds figures (「兩個差多少」「跟110年比」「兩家加起來」). */
function setsAgainstOrAdds(ctx: FlowContext): boolean {
  const { comparison, arithmetic, total } = ctx.understanding.modifiers;
  return comparison || arithmetic !== undefined || total === true;
}

/**
 * 「那青創呢？兩個合計多少」 after 批保's balance: a follow-up adding or comparing another programme's figure to the one
 * before reads both programmes' rows (the one before first), and is scoped to neither.
 */
function programmesAddedUp(ctx: FlowContext): ProgrammeId[] | undefined {
  const named = ctx.understanding.programmes;
  const before = ctx.state.programme;
  if (!ctx.understanding.isFollowUp || !setsAgainstOrAdds(ctx) || before === undefined || named.length !== 1 || named[0] === before) return undefined;
  return [before, named[0]!];
}

/** The first cells of the knowledge's table rows (five characters or more, normal form), once per knowledge version. */
const rowLabelsOf = oncePer((knowledge: FlowContext['sources']['knowledge']): string[] => [
  ...new Set(passageCatalogue(knowledge).all.flatMap((p) => (p.cells?.row[0] && [...p.cells.row[0]].length >= ROW_LABEL ? [normalizeText(p.cells.row[0]).replace(/\s+/gu, '')] : []))),
]);

/** A row label a message names must be this long to be told from a word of its question. */
const ROW_LABEL = 5;

/** Whether the message names a table row by its whole label (five characters or more) that the question before did not. */
function namesRowOfItsOwn(ctx: FlowContext, before: string): boolean {
  const text = normalizeText(ctx.understanding.text).replace(/\s+/gu, '');
  const earlier = normalizeText(before).replace(/\s+/gu, '');
  return rowLabelsOf(ctx.sources.knowledge).some((label) => text.includes(label) && !earlier.includes(label));
}

/** Whether the message names a table row that is not about the programme (by none of its names). */
function namesOtherRow(ctx: FlowContext, programme: ProgrammeId): boolean {
  const text = normalizeText(ctx.understanding.text).replace(/\s+/gu, '');
  const names = [PROGRAMMES[programme].name, ...ctx.domain.programmes.names.filter((n) => n.id === programme && n.name.length >= 2).map((n) => n.name)].map((n) => normalizeText(n));
  return rowLabelsOf(ctx.sources.knowledge).some((label) => text.includes(label) && !names.some((name) => label.includes(name)));
}

/**
 * Words that show a passage speaks of what was asked: a rate question needs a rate in the answer. Every ask with
 * evidence words (domain/registry/asks.yaml) must find one in the passages quoted (「青創貸款利率多少 最多能借多少」 is
 * not answered by a table of ratios and fees).
 */
function hasEvidence(domain: Domain, asks: string[], section: KnowledgeSection, passages: ScoredPassage[], any = false): boolean {
  const patterns = asks.map((a) => domain.asks.evidence[a]).filter((p): p is RegExp => p !== undefined);
  const text = [section.heading, ...passages.map((p) => p.text)].join('\n');
  return patterns.length === 0 || (any ? patterns.some((p) => p.test(text)) : patterns.every((p) => p.test(text)));
}


/** One answer quoting the best passages of several sections, each cited. */
/**
 * 「莫拉克計畫捐助信保基金多少錢？預估可以做多少融資保證？」: two questions in one message, each answered by its own
 * passage. When the passages quoted for the whole message miss the one a question finds on its own, each question's
 * section is quoted. Undefined when the message asks one question, or a question finds nothing (the whole answer stands).
 */
function eachQuestionAnswered(ctx: FlowContext, whole: RetrievalChoice): FlowResult | undefined {
  const { several, rank, comparison, list } = ctx.understanding.modifiers;
  // Only where the whole message is answered plainly: not a table read by rank or comparison, a list, or a year the
  // documents lack (that stays said).
  // (A follow-up leans on the question before it, unless it names its own subject: 「ok 那我們分行想開始做批保，批號可以分行
  // 自己去申請嗎？一年要什麼時候申請」 asks two questions of 批保.)
  if (several || rank !== undefined || (ctx.understanding.isFollowUp && ctx.understanding.programmes.length === 0)) return undefined;
  // (A message no one section answers whole may still be two questions each answered by its own.)
  if (whole.missingYears?.length) return undefined;
  const parts = questionParts(ctx.understanding, ctx.domain);
  if (parts.length < 2) return undefined;
  // 「幾月申請批號？每個批號的限額最高多少？」: a 最高 of one question is that question's own (a cap), not a ranking of
  // the whole message; a superlative every question shares is. So with a comparison (「跟…差在哪？…哪一年推出的？」)
  // and a list.
  const shared = (has: (m: Understanding['modifiers']) => boolean) => has(ctx.understanding.modifiers) && parts.every(({ own }) => has(own.modifiers));
  if (shared((m) => m.superlative !== undefined) || (comparison && shared((m) => m.comparison)) || (list && shared((m) => m.list))) return undefined;
  const choose = (u: Understanding, before: ProgrammeId[], ofAnother = false) => retrievalChoice(partContext(ctx, u, before, ofAnother));
  const kinds = ctx.sources.knowledge.answerKinds?.kinds ?? [];
  const confidence = (c: RetrievalChoice) => (c.covered ? c.best.confidence : 0);
  // A short question is read alone and with the first question; the surer reading is its answer.
  const each: RetrievalChoice[] = [];
  for (const [i, { own, withFirst, ofAnother }] of parts.entries()) each.push(partChoice(i, own, withFirst, ofAnother));
  function partChoice(i: number, own: Understanding, withFirst: Understanding | undefined, ofAnother: boolean | undefined): RetrievalChoice {
    const before = parts.slice(0, i).flatMap((part) => part.own.programmes);
    const alone = choose(own, before);
    const leaning = withFirst ? choose(withFirst, before, ofAnother) : undefined;
    // (Naming nothing of its own, its subject is the first's: it is not answered when read with the first it finds
    // nothing, 「…有原住民創業的專案嗎？保證成數多少？」 asking no ratio of anything else; and one comparing it with
    // another year, 「…手續費收入多少？比110年度少多少？」, compares the first's figure.)
    // (One asking nothing of its own, 「那批次保證呢」, asks the first question of another thing: that reading is its answer.)
    if (leaning?.covered && ofAnother) return leaning;
    // (One opening as a follow-up does, 「…不能用授權送保，是真的嗎？那我還有機會送信保嗎？」, goes on from the first: read
    // alone, its few words find something else, 「就業機會」.)
    // (Not one joined as a question of its own, 「…地址在哪，還有客服專線是幾號？」.)
    if (leaning?.covered && opensAsFollowUp(normalizeText(own.text.trim()), ctx.domain)) return leaning;
    // (So does one asking arithmetic of what the first found, 「…差多少？政府大概是銀行的幾倍」.)
    const comparing = own.modifiers.comparison || own.modifiers.change || own.modifiers.arithmetic !== undefined;
    if (leaning && namesNothing(ctx, own) && (leaning.covered ? comparing : !whole.covered)) return leaning;
    // (「安興專案到幾號截止？今年還可以申請嗎」: naming nothing after a question naming its subject, and not found with the
    // first question's asking words, it asks of that subject: read with the subject's words alone.)
    const ofSubject = () => {
      const subject = subjectOf(parts[0]!.own.text, kinds);
      // (The subject's programmes with its words: 「明年度的批號」 names 批保.)
      const programmes = own.programmes.length > 0 ? own.programmes : parts[0]!.own.programmes;
      return subject !== undefined ? choose({ ...own, text: `${subject} ${own.text}`, programmes }, before) : undefined;
    };
    if (i > 0 && leaning && !leaning.covered && namesNothing(ctx, own)) {
      const read = ofSubject();
      if (read?.covered) return read;
    }
    // (Read with the first, 「…是哪個機關在哪一天核定的？計畫總經費多少？」 finds the first's answer again, showing nothing of
    // what this one asks (經費): the part read alone answers when it shows it.)
    const shows = (c: RetrievalChoice) => c.covered && hasEvidence(ctx.domain, own.asks, c.section, c.best.passages);
    // (Finding nothing of the kind it asks by name, read alone or with the first, 「明年度的批號幾月要申請？要由誰送件」: with
    // the first question's subject words, when that finds the kind: who submits, 總管理機構. (Not an amount, which a table's
    // cells carry in their caption's unit.)
    const askedKinds = kindsAsked(own.text, kinds);
    const showsKinds = (c: RetrievalChoice) => shows(c) && c.covered && carriesAny(c.quoted.join('\n'), askedKinds);
    if (i > 0 && askedKinds.length > 0 && askedKinds.every((kind) => !kind.amount) && !showsKinds(alone) && !(leaning && showsKinds(leaning)) && namesNothing(ctx, own)) {
      const read = ofSubject();
      if (read && showsKinds(read)) return read;
    }
    // (「台南有辦公室嗎？電話幾號？週六有開嗎」, which no one section answers whole: a question naming nothing after one
    // naming a place asks it of that place.)
    if (!whole.covered && leaning && shows(leaning) && namesNothing(ctx, own) && namesPlace(ctx, parts[0]!.own)) return leaning;
    if (alone.covered && leaning?.covered && !shows(leaning) && shows(alone)) return alone;
    return leaning && confidence(leaning) > confidence(alone) ? leaning : alone;
  }
  // (「客服專線幾號？我住台南，附近有沒有服務據點」: a question its own words do not answer, which the message as a whole
  // does (the office serving 台南), is answered by the whole message's section, beside the others' own.)
  const wholeSection = whole.covered ? whole.section.id : undefined;
  // (A question asking by name a kind of thing its own reading found no passage carrying, 「安興專案到幾號截止」, is not
  // answered by the whole message's passage, which was chosen with no kind asked of it.)
  // (Only a kind every passage answering must show, answer-kinds.yaml `qualifier` (an end, a start, a change): the others
  // are read loosely enough that the whole message's passage may still carry what is asked, 「…在哪裡舉辦」.)
  const asksKind = (i: number) => {
    const asked = kindsAsked(withoutWhatIsDone(searchQuery(partContext(ctx, parts[i]!.own, [], false)), ctx.domain), kinds);
    return asked.length > 0 && asked.every((kind) => kind.qualifier) && !(whole.covered && carriesAny(whole.quoted.join('\n'), asked));
  };
  // (Not when the whole message finds only a bank's address in a town where no office of the fund is listed: that is
  // told so, 「新竹有沒有服務中心」.)
  if (whole.covered && each.some((c) => c.covered && c.section.id !== wholeSection) && !officesElsewhere(ctx, whole.quoted)) {
    for (const [i, c] of each.entries()) if (!c.covered && !asksKind(i)) each[i] = whole;
  }
  // (「…分行自己申請嗎？還是要總行統一送，大概幾月要送件」: a question whose own passage lacks a kind of thing it asks by name
  // (a month: 民國92年 is a year), which the whole message's passage carries with the others, is answered by that passage.)
  if (whole.covered) {
    for (const [i, c] of each.entries()) {
      const asked = kindsAsked(parts[i]!.own.text, kinds).filter((kind) => !kind.amount);
      const carriesAll = (quoted: string[]) => asked.every((kind) => carriesAny(quoted.join('\n'), [kind]));
      if (c.covered && c.section.id !== whole.section.id && asked.length > 0 && !carriesAll(c.quoted) && carriesAll(whole.quoted)) each[i] = whole;
    }
  }
  const found = each.filter((c): c is Extract<RetrievalChoice, { covered: true }> => c.covered && c.missingYears.length === 0);
  // 「台南有辦公室嗎？電話幾號？週六有開嗎」: when the message as a whole finds no answer, the questions the documents do
  // answer are answered, and the ones they do not are named as not in them (rather than all refused for one).
  const missed = each.filter((c) => !found.includes(c as (typeof found)[number]));
  const unanswered = parts.filter((_, i) => missed.includes(each[i]!)).map(({ own }) => own.text.trim());
  // (Only a question the documents lack a word of, 「週六有開嗎」: one unanswered for another reason, 「…and what share does
  // it guarantee」, may ask of what the others name, and their answer is not its.)
  // (Nor one asking by name a kind of thing no passage carries, 「安興專案到幾號截止？今年還可以申請嗎」: the end date is not
  // in the documents, which is said of it, while the other question is answered.)
  const kindMissing = (c: RetrievalChoice) => !c.covered && asksKind(each.indexOf(c));
  const namedKindsMissing = whole.covered && found.length > 0 && missed.length > 0 && missed.every(kindMissing);
  if (unanswered.length > 0 && !namedKindsMissing && (whole.covered || found.length === 0 || missed.some((c) => c.covered || !c.unknown?.length))) return undefined;
  const distinct = found.filter((c, i) => found.findIndex((o) => o.section.id === c.section.id && o.top === c.top) === i);
  const quotedWhole = whole.covered ? whole.quoted.join('\n') : '';
  // (Every question finding the same passage the whole message missed, 「…哪一年成立的？…總共捐了多少錢？」 both in 〈貳〉,
  // is answered by it, and by what the whole message found after it.)
  const agreed = distinct.length === 1 && found.length === parts.length && (!whole.covered || whole.section.id !== distinct[0]!.section.id);
  if (unanswered.length === 0 && ((distinct.length < 2 && !agreed) || distinct.every((c) => quotedWhole.includes(c.top)))) return undefined;
  // Each question's section once, with the passages that answer it; then the sections a question naming several
  // things quoted for the others (「批次保證跟直接保證又是哪年開始的」).
  const sections = distinct.filter((c, i) => distinct.findIndex((o) => o.section.id === c.section.id) === i);
  const quotes = sections.map((c) => [...new Set(distinct.filter((o) => o.section.id === c.section.id).flatMap((o) => o.quoted))]);
  const extra = [...distinct.flatMap((c) => c.others), ...(agreed && whole.covered ? [whole.best] : [])].filter((c, i, list) => !sections.some((o) => o.section.id === c.section.id) && list.findIndex((o) => o.section.id === c.section.id) === i);
  const allQuotes = [...quotes, ...extra.map((c) => c.passages.map((p) => p.text))];
  const notCovered = unanswered.length > 0 ? `「${unanswered.join('」「')}」：目前收錄的文件沒有這方面的資料，為避免提供不正確的資訊，請洽信保基金：${serviceLinesText(ctx.service)}。` : undefined;
  return severalSections(ctx, [...sections.map((c) => c.best), ...extra], { quotes: allQuotes, datesNote: pastDatesNote(ctx, allQuotes.flat()), ...(notCovered ? { notCovered } : {}) });
}

/** The connectives of a choice between two things (「分行還是總行」). */
const CHOICE = ['還是', '或是', '或者'];

/**
 * 「應由分行還是總行提出」: of two things offered as a choice, one the documents never write is no topic of its own when the
 * other is written; the documents answer which one it is.
 */
function withoutOtherChoice(question: string, unknown: string[]): string[] {
  const text = normalizeText(question);
  return unknown.filter((word) => {
    for (const joint of CHOICE) {
      const other = text.includes(`${word}${joint}`) ? text.slice(text.indexOf(`${word}${joint}`) + word.length + joint.length).slice(0, word.length + 1) : text.includes(`${joint}${word}`) ? text.slice(0, text.indexOf(`${joint}${word}`)).slice(-(word.length + 1)) : undefined;
      if (other !== undefined && /\p{Script=Han}{2}/u.test(other) && !unknown.some((w) => other.includes(w))) return false;
    }
    return true;
  });
}

/** Whether a question names a place or an organisation the documents list (臺南, 中部服務中心, 華南商銀). */
function namesPlace(ctx: FlowContext, u: Understanding): boolean {
  const text = englishToChinese(u.text);
  const kinds = ctx.sources.knowledge.answerKinds;
  return placesNamed(text, [...(kinds?.places ?? []), ...(kinds?.organisationNames ?? [])]).length > 0 || organisationsNamed(text, organisationNames(ctx), kinds?.organisations ?? []).length > 0;
}

/**
 * Whether a question names nothing beside what it asks (「什麼是保證成數」 asks a ratio): no term of the knowledge other
 * than its ask's words, no place, no bank.
 */
function namesNothing(ctx: FlowContext, u: Understanding): boolean {
  if (namesPlace(ctx, u)) return false;
  const text = englishToChinese(u.text);
  // (fee_rate and fee_amount are what the fee words ask.)
  const asked = new Set<string>(u.asks.map((ask) => (ask === 'fee_rate' || ask === 'fee_amount' ? 'fee' : ask)));
  const rest = ctx.domain.asks.topics.filter(({ topic }) => asked.has(topic)).reduce((left, { cue }) => left.replace(cue, ' '), text);
  return subjectsOf(rest).length === 0;
}

/**
 * The context one question of a message asking several is answered in: its own asks, and the programme it names; one
 * naming none is about the programme the questions before it named (or the conversation's, when the message names
 * none), unless it asks of another thing (「專案保證呢」). (「專案保證是幾年推出的？直接保證呢？」: the first is not about
 * 直接保證, named after it.)
 */
function partContext(ctx: FlowContext, u: Understanding, before: readonly ProgrammeId[], ofAnother: boolean): FlowContext {
  const { programme: first, ...merged } = ctx.merged;
  const inherited = first !== undefined && (ctx.understanding.programmes.length === 0 || before.includes(first));
  const programme = u.programmes.length === 1 ? u.programmes[0] : u.programmes.length === 0 && !ofAnother && inherited ? first : undefined;
  // (「信保現在的董事長是誰？那103年那封函又是誰發的？」: a part asking about now is read today, whatever day another
  // part names.)
  const now = u.modifiers.current && ctx.today !== undefined && ctx.today !== ctx.asOf ? { asOf: ctx.today, view: parametersAt(ctx.sources.rules, ctx.today) } : {};
  return { ...ctx, ...now, understanding: u, merged: { ...merged, asks: u.asks, ...(programme ? { programme } : {}) } };
}

/** What an answer about today from an ended plan alone says first: nothing current is in the documents. */
function endedOnlyNote(ctx: FlowContext, section: KnowledgeSection): string {
  return `注意：目前收錄的文件沒有這方面現行的規定；只有已結束的《${section.title}》（適用至${formatRocDate(section.effectiveTo!)}）有當時的規定，如下，不是現行規定。現行情形請洽往來銀行或信保基金：${serviceLinesText(ctx.service)}。`;
}

/** The figures a question may ask of today that only a rule in force can give. */
const FIGURES_OF_NOW: ReadonlySet<string> = new Set(['interest_rate', 'fee_rate', 'max_ratio', 'cap_amount', 'period_limit', 'subsidy']);

/**
 * 「現在銀行信保貸款的利率大概幾%」: a figure asked of now, naming no year or programme; an ended plan's figure does not
 * give it. (Not 「計畫書跟現行做法比…有什麼不足」: the plan's own words about its day.)
 */
function asksFigureOfNow(ctx: FlowContext): boolean {
  return aboutToday(ctx) && ctx.understanding.modifiers.current && ctx.merged.asks.some((a) => FIGURES_OF_NOW.has(a));
}

/**
 * A question about today: it names no year, no programme and no letter by its number (an ended plan named is asked
 * about as it was; so is the letter 「院臺經字第0990090090號函」).
 */
function aboutToday(ctx: FlowContext): boolean {
  return ctx.understanding.years.length === 0 && ctx.understanding.programmes.length === 0 && !LETTER_NUMBER.test(ctx.understanding.text);
}

/**
 * 「批次信用保證跟經濟部紓困振興貸款 111年保證餘額加起來多少」: rows of the statistics tables a sum asks of, named by the
 * question (knowledge/named-rows.ts) in two tables or more, each quoted from its own table; the sum is worked out over
 * them after (lookup withComputed). Undefined unless a total is asked (加起來, 合計) and rows of two tables are named.
 */
export function rowsAcrossTables(ctx: FlowContext): FlowResult | undefined {
  const u = ctx.understanding;
  const text = englishToChinese(u.text);
  // (「青創的保證餘額是一般貸款的幾成」: a share of one row in another is worked out as well.)
  const worksOut = u.modifiers.arithmetic !== undefined || u.modifiers.share === true;
  const computes = u.modifiers.total === true || worksOut || u.modifiers.comparison === true;
  // (「信保金質獎保證措施的餘額比批次信用保證多多少」: a difference of balances asked, its 多多少 no cap of a programme.)
  const statistics = ctx.merged.asks.includes('statistics') && ctx.merged.asks.every((ask) => ask === 'statistics' || (ask === 'cap_amount' && u.modifiers.arithmetic === 'difference'));
  if (!computes || !(statistics || ctx.merged.asks.every((ask) => ask === 'statistics'))) return undefined;
  // (A follow-up adding to the row before, 「那跟批次保證合起來呢」 after 鳳凰's balance, names that row too.)
  const before = u.isFollowUp && ctx.state.topic ? englishToChinese(ctx.state.topic) : undefined;
  const programmes = [...new Set([...u.programmes, ...(before && ctx.state.programme ? [ctx.state.programme] : [])])];
  const names = programmes.map((id) => programmeNames(ctx.domain, id));
  const asked = before ? `${before} ${text}` : text;
  // (Rows of one table are read as that table is: its short row names, 製造業, and rows set against the sum. Unless a row
  // named holds a place's name, 「臺北市中小企業融資貸款」, which would read the table of places; such rows are named by
  // their own words, not by a programme a word of theirs names (「嘉義市青創跟中小企業貸款」 is no 青創 of 臺北市).)
  const places = ctx.sources.knowledge.answerKinds?.places ?? [];
  const placeIn = (row: (typeof plain)[number]) => places.some((names) => names.some((name) => labelOf(row).length > name.length && placeForm(labelOf(row)).includes(name)));
  const plain = rowsNamed(ctx.sources.knowledge, asked);
  const placed = plain.find(placeIn);
  const ownRows = placed ? plain.filter((row) => row.section.id === placed.section.id) : [];
  const rows = ownRows.length >= 2 ? ownRows : names.length === 0 ? plain : rowsNamed(ctx.sources.knowledge, asked, names);
  const sections = [...new Set(rows.map((row) => row.section.id))];
  const holdsPlace = rows.some(placeIn);
  // (Rows of one table with arithmetic asked of them by name are quoted so too when the question would otherwise read a
  // rule's figure, 「信保金質獎保證措施的餘額比批次信用保證多多少」 (多多少 reads as a cap); search finds them otherwise.)
  const ruleAsked = ctx.merged.asks.some((ask) => ask !== 'statistics');
  if (rows.length < 2 || (sections.length < 2 && !holdsPlace && !(statistics && worksOut && ruleAsked))) return undefined;
  // (A sum across tables; within one, any arithmetic or comparison of its rows.)
  // (Or any arithmetic asked of rows named by their balance, 「一般貸款的保證餘額大概是批保的幾倍」.)
  if (sections.length >= 2 && u.modifiers.total !== true && !(statistics && worksOut && names.length >= 2)) return undefined;
  const catalogue = passageCatalogue(ctx.sources.knowledge);
  const choices = sections.map((id) => {
    const section = rows.find((row) => row.section.id === id)!.section;
    const unit = catalogue.sections.get(id)?.unit;
    return { section, quotes: [...(unit ? [unit] : []), ...rows.filter((row) => row.section.id === id).map((row) => row.text)] };
  });
  return severalSections(
    ctx,
    choices.map(({ section }) => ({ section, passages: [] })),
    { quotes: choices.map((c) => c.quotes) },
  );
}

/** Sections quoted one after another; `quotes` replaces each section's passages with what was chosen to quote in it. */
function severalSections(ctx: FlowContext, choices: ReadonlyArray<Pick<SectionChoice, 'section' | 'passages'>>, chosen?: { quotes: string[][]; datesNote?: string; notCovered?: string }): FlowResult {
  const quoted = (c: Pick<SectionChoice, 'section' | 'passages'>, i: number) => chosen?.quotes[i] ?? c.passages.map((p) => p.text);
  const parts = choices.map((c, i) => ({ choice: c, quotes: quoted(c, i), citation: ctx.cite.forSection(c.section, quoted(c, i).join(' ')) }));
  const onlyEnded = aboutToday(ctx) && choices.every((c) => c.section.effectiveTo !== null && c.section.effectiveTo < ctx.asOf);
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        // An ended plan is history: said before its first quote.
        ...parts.flatMap(({ choice, quotes }, i) => [
          choice.section.effectiveTo !== null && choice.section.effectiveTo < ctx.asOf && parts.findIndex((p) => p.choice.section.documentId === choice.section.documentId) === i
            ? onlyEnded
              ? endedOnlyNote(ctx, choice.section)
              : `注意：《${choice.section.title}》適用期間至${formatRocDate(choice.section.effectiveTo)}，已屆期；以下為當時的規定，不是現行規定。`
            : undefined,
          `依《${choice.section.title}》〈${choice.section.heading}〉：`,
          ...quotes.map((q) => `「${readableQuote(ctx.sources.knowledge, choice.section.id, q)}」`),
        ]),
        // (The details asked being in an annex the documents do not include is said once, of the first section referring to one.)
        parts.map(({ choice, quotes }) => annexNote(ctx, choice.section, quotes)).find((note) => note !== undefined),
        chosen?.datesNote,
        chosen?.notCovered,
        sourcesLine(parts.map((p) => p.citation)),
      ],
      citations: parts.map((p) => p.citation),
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
      ...(onlyEnded && asksFigureOfNow(ctx) ? { notInDocuments: true } : {}),
    },
    { task: 'fact_lookup', asks: ctx.merged.asks, quotedSections: choices.map((c) => c.section.id) },
    choices.map((c) => c.section.text),
  );
}

/** The question's grams for matching passages, without the words that carry no topic (domain/registry/words.yaml). */
export function queryGrams(query: string, domain: Domain): Set<string> {
  return passageGrams(query, domain.words.queryFiller);
}

/** A highest or lowest year worked out (「新發生逾期率(%)最低：109年 0.67%」): its ROC year. */
const EXTREME_YEAR = /最[高低]：(\d{2,3})年/u;

/** What the quoted passages say of the years asked: a table's cells of those years, or the change a sentence gives. */
function yearLines(ctx: FlowContext, section: KnowledgeSection, quoted: string[], continued = false): string[] {
  const { modifiers } = ctx.understanding;
  // (「111年跟109年比 多了多少」 after 「109年新發生逾期保證金額是多少」: the row is named by the question it continues, and
  // 「那跟108年比差多少」 after 「110年的…」 compares with the year it asked.)
  const own = ctx.understanding.years;
  // (「那前一年呢」 alone asks that year's figure, not the two years set against each other.)
  const against = modifiers.comparison || modifiers.arithmetic !== undefined || CHANGE_ASKED.test(normalizeText(ctx.understanding.text));
  // (「所以逾期金額多了幾億」 naming no year sets the years just discussed against each other, whichever reading was quoted.)
  const topic = (continued || (against && own.length === 0)) && ctx.state.topic ? englishToChinese(ctx.state.topic) : undefined;
  const text = topic ? `${topic} ${searchQuery(ctx)}` : searchQuery(ctx);
  // (「差多少」 after 「111年…」 and 「那前一年呢（110年）」: the two years the conversation named.)
  const years = topic && own.length <= 1 && against ? [...new Set([...findYears(topic), ...own])] : own;
  // (A highest, lowest or sum over years is read from the row asked, or the total, among all the table's rows, quoted or not.)
  const wholeTable = modifiers.superlative !== undefined || modifiers.bothEnds === true || modifiers.total === true;
  const rows = wholeTable ? [...new Set([...quoted, ...(passageCatalogue(ctx.sources.knowledge).sections.get(section.id)?.passages ?? []).filter((p) => p.cells).map((p) => p.text)])] : quoted;
  const cells = yearCells(
    rows,
    {
      text,
      years,
      ...(topic ? { own: searchQuery(ctx) } : {}),
      ...(modifiers.superlative ? { superlative: modifiers.superlative } : {}),
      // (「那最多是哪年 兩個差多少」 after 「哪個年度最少」: the end asked now and the one asked before.)
      ...(modifiers.bothEnds || (topic !== undefined && modifiers.superlative !== undefined && ctx.domain.modifiers.most.test(text) && ctx.domain.modifiers.least.test(text)) ? { bothEnds: true } : {}),
      ...(modifiers.arithmetic === 'difference' ? { difference: true } : {}),
      ...(modifiers.total ? { total: true } : {}),
    },
    (passage) => rowCellsOf(ctx.sources.knowledge, section.id, passage),
  );
  if (cells.length > 0) return cells;
  const columns = columnYearChanges(ctx.sources.knowledge, section.id, quoted, { text, years });
  if (columns.length > 0) return columns;
  const change = proseYearChange(ctx, quoted);
  return change ? [change] : [];
}

/**
 * 「111年度的保證金額跟110年度比少了多少」: a sentence writing the figure of each of the two years asked (「111 年度…保證金額
 * 為 1 兆 1,232 億元…與 110 年度之保證金額 1 兆 2,964 億元相較」) gives the change, worked out from the two amounts; each
 * year's amount is the first in what the sentence says of that year whose name ends as a word of the question does.
 */
function proseYearChange(ctx: FlowContext, quoted: string[]): string | undefined {
  // (The later year against the earlier, however the question orders them.)
  const years = ctx.understanding.years.map((ad) => ad - 1911).sort((a, b) => b - a);
  if (years.length !== 2) return undefined;
  const question = normalizeText(ctx.understanding.text);
  for (const passage of quoted) {
    const named = new Set([...passage.matchAll(YEAR_MENTION)].map((m) => Number(m[1])));
    if (!years.every((year) => named.has(year))) continue;
    const [first, second] = years.map((year) => amountNamed(ofYears(passage, [year]), question));
    if (first === undefined || second === undefined) continue;
    const [a, b] = [first.value, second.value];
    const how = a === b ? '相同' : `${a > b ? '增加' : '減少'} ${amountInWords(Math.abs(a - b))}`;
    return `${first.label}：${years[0]}年度較${years[1]}年度${how}（${amountInWords(a)} 對 ${amountInWords(b)}）。`;
  }
  return undefined;
}

/**
 * The first amount whose words before it in its clause (「保證金額為 1 兆 1,232 億元」 → 保證金額) end in a word of the
 * question: the thing named last in Chinese is the one meant (保證金額 is not 保證餘額).
 */
function amountNamed(text: string, question: string): { value: number; label: string } | undefined {
  const plain = text.replace(/\s+/g, '');
  const labelOf = (index: number) => trimEnd(plain.slice(Math.max(0, index - 8), index).split(/[，,。；;（(、]/u).at(-1)!, '為是:：').split(/[之的]/u).at(-1)!;
  for (const m of scanMentions(plain)) {
    const label = labelOf(m.index);
    if (m.unit === 'amount' && label.length >= 2 && question.includes(label.slice(-2))) return { value: m.value, label };
  }
  return undefined;
}

/** The text without any of these characters at its end. */
function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/**
 * 「先向信保基金取得承諾函再申貸是哪一種保證」 answered from the 直接保證 section, naming no programme: the section's one
 * programme (its 「> 項目：」 line) is what 「那它的適用對象」 next is about.
 */
function sectionProgramme(ctx: FlowContext, section: KnowledgeSection): { programme?: ProgrammeId } {
  // (Only when which one was asked: a section tagged with a programme may be quoted for something else about it.)
  if (ctx.merged.programme || !ctx.understanding.modifiers.which || section.programmes?.length !== 1) return {};
  const [only] = section.programmes;
  return only !== undefined && only in PROGRAMMES ? { programme: only as ProgrammeId } : {};
}

/**
 * Asks about what a rule says (not a year's figures, names or events): a year the rule is in force throughout is covered.
 * (Not a rate: 「111年收了多少保證手續費」 asks a year's income, and 「0.35%在2023年有沒有再調整」 a later year's rate.)
 */
const RULE_ASKS: ReadonlySet<string> = new Set([
  'procedure', 'cap_amount', 'subrogation', 'period_limit', 'eligibility_criteria', 'exclusions', 'submission_channel', 'threshold',
]);

/** Whether a section's rule is in force for the whole of a year (A.D.): it took effect before it and had not ended. */
function inForceIn(section: KnowledgeSection, ad: number): boolean {
  return section.effectiveFrom !== null && section.effectiveFrom <= `${ad}-01-01` && (section.effectiveTo === null || section.effectiveTo >= `${ad}-12-31`);
}

/**
 * 「111年底政府捐的錢比銀行多多少」: a year's figures are answered by a section that speaks of that year, when one is found
 * sure enough, before one of a document written before that year (the 莫拉克 plan's 98年 donations): the documents do
 * have that year.
 * (Not when the first is a rule in force in the years asked: a year a rule is asked of is a day it is in force, not a
 * year it names.)
 */
function ofYearsAskedFirst(ctx: FlowContext, choices: SectionChoice[]): SectionChoice[] {
  const years = ctx.understanding.years;
  const top = choices[0];
  if (!top || years.length === 0 || top.hit.example !== undefined) return choices;
  // (The year a document was issued or took effect counts: 「103年新制…不得移送保證的事項」 is the 103 letter's.)
  const dated = (section: KnowledgeSection) => [section.effectiveFrom, section.issued].flatMap((day) => (day ? [`${Number(day.slice(0, 4)) - 1911}年`] : [])).join('');
  const speaks = (c: SectionChoice) => yearsNotCovered(years, `${c.section.title}${c.section.heading}${dated(c.section)}${c.section.text}`).length < years.length;
  const inForceDuring = (section: KnowledgeSection, ad: number) => (section.effectiveFrom ?? section.issued ?? '') <= `${ad}-12-31` && (section.effectiveTo === null || section.effectiveTo >= `${ad}-01-01`);
  // (Only over a document written before the years asked, which cannot report them: the newest report not naming 109
  // does not have 109's counts, and says so.)
  const before = (section: KnowledgeSection) => (section.issued ?? section.effectiveFrom ?? '9999') < `${Math.min(...years)}-01-01`;
  if (!before(top.section) || speaks(top) || years.every((ad) => inForceDuring(top.section, ad))) return choices;
  const found = choices.find((c) => c.confidence >= W.minConfidence && speaks(c));
  return found ? [found, ...choices.filter((c) => c !== found)] : choices;
}

/** Years the question names (民國113年, 2025) that the answer's text does not mention in either calendar. */
function yearsNotCovered(years: number[], answerText: string): string[] {
  const text = answerText.replace(/\s+/g, '');
  // (A year listed before another, 「110 及 111 年度」, is named as much as the one 年 follows.)
  const named = (roc: number) => new RegExp(`(?<!\\d)${roc}(?:[及、和與至到~～-]\\d{2,3})*年`, 'u').test(text);
  return years
    .filter((ad) => !named(ad - 1911) && !text.includes(String(ad)))
    .map((ad) => `民國${ad - 1911}（${ad}）`);
}

/** 「注意：本段部分內容自民國103年12月15日起已由《…》修正：保證成數由…改為…」, from the later document's front matter. */
function supersededNote(ctx: FlowContext, section: KnowledgeSection): string {
  for (const doc of ctx.sources.knowledge.documents) {
    for (const entry of doc.meta.supersedes) {
      if (entry.document !== section.documentId || (entry.section && entry.section !== section.heading)) continue;
      const since = entry.from ?? section.supersededFrom;
      return `注意：本段內容自${since ? formatRocDate(since) : '較新文件發布'}起已由《${doc.meta.title}》修正${entry.note ? `：${entry.note}` : ''}。`;
    }
  }
  return `注意：本段自 ${section.supersededFrom} 起已由較新的規定取代，請以新規定為準。`;
}

/** The documents have nothing for the years asked: say so, with the service lines, and quote nothing. */
function yearsNotInDocuments(ctx: FlowContext, years: string[], nearest: KnowledgeSection): FlowResult {
  return notInDocuments(ctx, {
    lines: [
      `目前收錄的文件沒有 ${years.join('、')} 年的資料，我無法提供該年度的數字，以免提供錯誤的資訊。最接近的資料在《${nearest.title}》。`,
      `如需該年度資料，請洽信保基金：${serviceLinesText(ctx.service)}`,
    ],
    quickReplies: ['111年的保證件數？', '客服電話？'],
    state: { task: 'fact_lookup', asks: ctx.merged.asks },
  });
}

/**
 * The figures a question states precisely enough to name a table row by (「結構比15.81%」「495,659.15百萬元」): a
 * percentage, or a number with decimals or thousands separators — not a year, a rank or a count.
 */
function statedCells(query: string): number[] {
  // (An amount is matched as the table writes it, in the table's unit: 「495,659.15百萬元」 is the cell 495,659.15.)
  const written = (raw: string) => Number(/^\d[\d,]*(?:\.\d+)?/u.exec(raw)?.[0].replaceAll(',', '') ?? Number.NaN);
  return scanMentions(query).flatMap((m) => (m.unit === 'percent' || /[.,]/u.test(m.raw) ? [m.value, written(m.raw)] : []));
}

/** A figure in a heading: an amount, rate, ratio or multiple (「最高九成」, 「0.3%」, 「1億元」), not a year or a number. */
const HOLDS_FIGURE = /(?<![\d,.])\d[\d,.]*\s*(?:成|%|％|倍|億|萬|千|元)|[一二兩三四五六七八九十半][成倍]/u;

/** Says plainly that the sources do not answer this, and where to ask: the service lines from the knowledge. */
export function cannotAnswer(ctx: FlowContext, nearest?: SearchHit, names: readonly string[] = []): FlowResult {
  const service = ctx.service;
  const citations = service.citation ? [service.citation] : [];
  // 「信保手續費可以退嗎」: what is asked is named (asks.yaml ask_names) when no section of the documents says anything of it.
  const { askNames, evidence } = ctx.domain.asks;
  const unsaid = names.length > 0 ? [] : ctx.merged.asks.filter((ask) => askNames[ask] !== undefined && evidence[ask] !== undefined && !ctx.sources.knowledge.sections.some((section) => evidence[ask]!.test(section.text))).map((ask) => askNames[ask]!);
  return {
    outcome: 'unanswered',
    replies: [
      reply({
        kind: 'fallback',
        intent: 'unknown',
        lines: [
          names.length > 0
            ? `抱歉，目前收錄的信保基金文件沒有提到${names.map((n) => `「${n}」`).join('、')}，我無法確實回答，為避免提供不正確的資訊，請洽信保基金：`
            : unsaid.length > 0
            ? `抱歉，目前收錄的信保基金文件沒有寫到${unsaid.join('、')}，我無法確實回答，為避免提供不正確的資訊，請洽信保基金：`
            : '抱歉，我在目前收錄的信保基金文件中找不到可以確實回答這個問題的內容，所以無法回答；為避免提供不正確的資訊，請洽信保基金：',
          serviceLinesText(service),
          // (Not a heading holding a figure, 〈…最高九成…〉: beside "I cannot answer", it would read as the answer.)
          nearest && !HOLDS_FIGURE.test(nearest.section) ? `（最接近的資料：《${nearest.title}》〈${nearest.section}〉）` : undefined,
          '您也可以問我：保證手續費試算、保證成數、申請資格、批次保證規定等。',
        ],
        citations,
        quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '批次保證手續費率？'],
      }),
    ],
    state: {},
  };
}

/**
 * 「說明會是哪天？我還能報名嗎」: asked whether something still holds today, and every full date in the passage quoted
 * has passed, the answer says so first, with the latest of them.
 */
/**
 * 「信保現在的總經理是誰」 answered by a 2014 letter's signature: what changes over time (answer-kinds.yaml `current`: who
 * holds a post, a phone) read from a document older than the newest one is said to be as of that document, before it is
 * quoted: the newest does not say it, and it may have changed.
 */
function olderThanNewestNote(ctx: FlowContext, section: KnowledgeSection, continued: boolean): string | undefined {
  // (Of a follow-up read with the question before, 「那總經理呢」 after 「董事長是誰」, what that one asked.)
  const asked = continued && ctx.state.topic !== undefined ? `${englishToChinese(ctx.state.topic)} ${searchQuery(ctx)}` : searchQuery(ctx);
  const changing = kindsAsked(asked, ctx.sources.knowledge.answerKinds?.kinds ?? []).some((kind) => kind.current && !kind.qualifier);
  if (!changing || ctx.understanding.years.length > 0 || section.issued === null) return undefined;
  const newest = newestIssued(ctx.sources.knowledge, ctx.asOf);
  if (newest === undefined || section.issued >= newest) return undefined;
  const latest = ctx.sources.knowledge.documents.find((d) => d.meta.issued === newest);
  return `注意：以下是${formatRocDate(section.issued)}《${section.title}》當時的資料；最新的${latest ? `《${latest.meta.title}》` : '文件'}沒有寫到，現在可能已經不同，請洽信保基金確認：${serviceLinesText(ctx.service)}。`;
}

function pastDatesNote(ctx: FlowContext, quoted: string[]): string | undefined {
  const { current, still } = ctx.understanding.modifiers;
  if (!current && !still) return undefined;
  const dates = quoted.flatMap((q) => scanMentions(normalizeText(q))).flatMap((m) => (m.unit === 'date' && m.iso ? [m.iso] : []));
  if (dates.length === 0) return undefined;
  const latest = dates.sort().at(-1) as string;
  return latest < ctx.asOf ? `注意：文中的日期（最晚為${formatRocDate(latest)}）已過；以下為當時的安排，現在是否仍適用請洽信保基金：${serviceLinesText(ctx.service)}。` : undefined;
}
