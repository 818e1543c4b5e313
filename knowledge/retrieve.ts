import type { KnowledgeBase } from './load.ts';
import { normalizeText } from './normalize.ts';
import { rankerWeights as W } from './ranker-weights.ts';
import { canonical, coverage, escape, matchForm, synonymHeads } from './passage-terms.ts';
import { passageCatalogue, wordsAfterYears, type KnowledgePassage, type PassageCatalogue, type SectionPassages, type Table } from './passages.ts';
import type { KnowledgeSection } from './schema.ts';
import { NO_PROGRAMME, type SearchHit, type SearchIndex } from './search.ts';
import { DOMAIN_TERMS, NAMED_KINDS, STOP_WORDS, SYNONYM_GROUPS } from './vocabulary.ts';
import { foldForSearch } from './tokenizer.ts';
import { rowDifference } from './quote.ts';

/**
 * Retrieval: the sections search finds, and in each the passages that answer the question best. The one ranker
 * between a question and the passage the bot quotes; flows describe the question (what it asks, which programme
 * the conversation is about) and get passages back, without reading Markdown.
 */

const MAX_PASSAGES = 3;
/** Rows a question names by their labels, quoted each (more share the label named: every 董事 of a board). */
const MAX_NAMED_ROWS = 5;
/** Sections of the newest document weighed for a question about today besides those search ranks first. */
const NEWEST_EXTRA = 8;
/** Sections writing a year right before a word of the question weighed for 「哪一年…」 besides those search ranks first. */
const DATED_EXTRA = 4;

export interface PassageRequest {
  /** The question as searched. */
  query: string;
  /** Words that carry no topic (question words, politeness): left out when passages are matched. */
  filler?: RegExp;
  /** Names of the programmes the question is about: a passage must match more than the name to answer. */
  names?: string[];
  /** ISO date the question is asked for: later documents are left out, superseded ones rank lower. */
  asOf: string;
  /** 「什麼是批次保證？」: the section headed by the term, or a passage defining it, wins. */
  defining?: boolean;
  /** 「哪家銀行最多？」: a table with a column of figures the question names wins. */
  ranking?: boolean;
  /** A phone number or address is asked: passages holding one win. */
  wantsContact?: boolean;
  /** A contact asked of the fund with no place or office named: sections naming its head office answer first. */
  headOffice?: readonly string[];
  /** 「現任」, 「目前」: the newest document wins. */
  current?: boolean;
  /**
   * The question names a year or date. One that does not (「董事長是誰」) asks about today: of two documents that
   * answer it equally well, the later one's answer is quoted.
   */
  /** 「以前批次保證可以保到十成嗎」: asked of the past; a replaced rule is what answers, its replacement is not brought in. */
  past?: boolean;
  dated?: boolean;
  /**
   * The programme the conversation is about when the question names none (「那要準備什麼文件？」 after a question
   * about 青創): its sections are searched first, and the whole knowledge only when none of them answers.
   */
  programme?: string;
  /** The question itself names that programme (rather than the conversation before it). */
  named?: boolean;
  /** That programme's official name: its table row is the one quoted. */
  programmeName?: string;
  /**
   * Programmes (or banks and places, as tables name them) whose figures a follow-up adds or compares (「那青創呢？兩個合計多少」 after 批保's balance), by official
   * name: each one's own table row (the one its name matches best) is quoted.
   */
  rowProgrammes?: string[];
  /**
   * Kinds of thing asked (a figure, a name, a place …) and what shows a passage carries each: see answer-kinds.ts.
   * A table row comes with its table's unit line and `row` set.
   */
  carries?: (passage: string, unitLine?: string, row?: boolean) => boolean;
  /** Of several kinds asked (「客服電話跟信箱」), one test per kind: a passage showing each is quoted. */
  carriesEach?: Array<(passage: string, unitLine?: string, row?: boolean) => boolean>;
  /**
   * Whether a passage says one of the kinds of thing any part of the question asks (「保幾成？保證費要自己付嗎」: a
   * ratio), when `carries` is not set because not every part asks one.
   */
  saysAsked?: (passage: string) => boolean;
  /** The year of a highest or lowest is asked (「哪一年最多」): a table whose columns are years answers. */
  yearColumns?: boolean;
  /** A sum is asked (「四年合計」, 「加起來」): a table's total row answers. */
  total?: boolean;
  /** When something happened is asked (「哪一年成立」): a year written beside the thing named wins. */
  eventYear?: boolean;
  /**
   * How a passage writes a figure summed since the start (「成立迄 111 年底累計」), when the question names a year and
   * does not ask for one: that year's own figure answers first.
   */
  notCumulative?: string[];
  /** How passages write a figure summed since the start, when the question asks for one (「從開辦到111年底累計保了幾件」). */
  cumulative?: string[];
  /**
   * Kinds of table row the question names (「銀行」 → 金融機構) and the other kinds known, each as the first column's
   * title writes it: a ranking is read from a table of the kind named, never from one of another kind.
   */
  rowKinds?: { named: string[]; others: string[] };
  /** The tables of the row kind named are weighed wherever search ranks them (a figure of a place named alone), as for a ranking. */
  tabledKind?: boolean;
  /**
   * A follow-up searched with the question before it: the follow-up's own words. The question before chooses where to
   * look; within a section, the follow-up's own words choose what is quoted (「那要準備什麼文件」 after a fee question
   * quotes the passage on papers, not the fee passage the question before matched).
   */
  own?: string;
  /** Two or more things are compared (「那新北市呢？兩個差多少」): a follow-up's rows are quoted beside those before it. */
  compares?: boolean;
  /**
   * Sections that answer first when any of them does (the sections a rule's figure was read from, for the sentence
   * saying it: 「批保現在還可以保到十成嗎」 → 〈說明二（三）〉), wherever search ranks them.
   */
  within?: string[];
  /**
   * Words the kind asked is written with that the question does not use (「拿過什麼獎」: 榮獲、頒贈): searched for as well,
   * never matched as the question's own words.
   */
  searchAlso?: string[];
}

export interface ScoredPassage {
  passage: KnowledgePassage;
  text: string;
  order: number;
  score: number;
}

export interface SectionChoice {
  hit: SearchHit;
  section: KnowledgeSection;
  /** The passages to quote, in the section's order. */
  passages: ScoredPassage[];
  confidence: number;
  /** Found within the programme under discussion. */
  inProgramme?: boolean;
  /** Share of the question's words its passages (with the document's title) hold. */
  cover: number;
}

/** The sections worth quoting for a question, best first, each with its best passages. */
export function findSections(knowledge: KnowledgeBase, index: SearchIndex, asked: PassageRequest): SectionChoice[] {
  const r = originalFirst(passageCatalogue(knowledge), rankedSections(knowledge, index, asked), asked.carries ?? asked.saysAsked);
  return r;
}

function rankedSections(knowledge: KnowledgeBase, index: SearchIndex, asked: PassageRequest): SectionChoice[] {
  // Passages are matched in the documents' normal form: 「批次保证」 finds 「批次保證」.
  const request = { ...asked, query: normalizeText(asked.query) };
  // 「莫拉克…計畫（核定本）的總經費？」 names a document: look inside it for the rest of the question.
  // (A phone asked about a document's rules, 「對批次保證要點有疑問打哪支電話」, is today's line, not the letterhead's.)
  const named = request.wantsContact && request.current ? undefined : namedDocument(knowledge, request.query);
  if (named) {
    // (A follow-up about the document the question before named, 「這封函副本寄給了哪些機關」, is answered by its own words
    // inside that document: the words of the question before chose the document and say nothing of what is asked now.)
    const own = request.own !== undefined && namedDocument(knowledge, request.own) === undefined ? normalizeText(request.own) : undefined;
    const readings: Array<[PassageRequest, string]> = own ? [[{ ...request, query: own, own: undefined, programmeName: undefined }, own], [request, named.rest]] : [[request, named.rest]];
    for (const [asked, rest] of readings) {
      const inside = sectionsWithin(knowledge, index, asked, rest, undefined, named.documentId);
      if (inside.length > 0 && inside[0]!.confidence >= W.minConfidence) return inside;
    }
  }
  // (So does a question about today's holder of a post or a number, 「信保基金的董事長是誰」 after 批保: the newest
  // document says it, not the programme's own letter signed years ago.)
  if (request.programme && (request.named || request.current)) {
    // 「111年底批次信用保證的保證餘額」 names 批次保證 and is answered by a statistics table about no programme in
    // particular: the programme's sections and those about none compete, the programme's own a little ahead;
    // another programme's sections are left out.
    const within = sectionsWithin(knowledge, index, request, request.query, [request.programme, NO_PROGRAMME]);
    // (Not for a phone or an address asked of today: the fund's lines serve every programme, and a programme's old
    // letterhead is no better an answer to 「規章問題打哪支電話」 than today's list, which the ranking puts first.)
    if (request.wantsContact && request.current) return closeCallByPassage(within);
    const own = passageCatalogue(knowledge).byProgramme.get(request.programme) ?? new Set<string>();
    return closeCallByPassage(
      within.map((c) => (own.has(c.section.id) ? { ...c, confidence: c.confidence + W.ownProgrammeBonus, inProgramme: true } : c)).sort((a, b) => b.confidence - a.confidence),
    );
  }
  if (request.programme) {
    const inside = sectionsWithin(knowledge, index, request, request.query, [request.programme]);
    if (inside.length > 0 && inside[0]!.confidence >= W.minConfidence) return inside.map((c) => ({ ...c, inProgramme: true }));
    // Nothing of the programme's own answers: a section about another programme does not answer for it either
    // (「青創要準備什麼文件？」 is not answered by the 促進就業 papers), one about none in particular may.
    return sectionsWithin(knowledge, index, request, request.query, [request.programme, NO_PROGRAMME]);
  }
  return sectionsWithin(knowledge, index, request, request.query);
}

function sectionsWithin(
  knowledge: KnowledgeBase,
  index: SearchIndex,
  request: PassageRequest,
  query: string,
  programmes?: string[],
  documentId?: string,
): SectionChoice[] {
  // Pairs the knowledge never holds (「那封」, 「證函」 across two words) say nothing about which passage answers.
  const vocabulary = passageCatalogue(knowledge).grams;
  const known = (g: string) => !/\p{Script=Han}/u.test(g) || /\d/.test(g) || vocabulary.has(g);
  const grams = new Set([...queryGrams(query, request.filler)].filter(known));
  // A figure alone (「保120%」) matches any passage that happens to hold it; words must match too. (「信保基金得過什麼獎」
  // has no word of its own besides the fund's name: the words the kind asked is written with are searched.)
  // (A Latin word the knowledge writes is a word: 「信保有LINE嗎」.)
  if (![...grams].some((g) => /\p{Script=Han}/u.test(g) || /^[a-z]{2,}$/.test(g)) && !request.searchAlso?.length) return [];
  const wide = request.defining || request.ranking;
  // A definition sits in the section headed by the term, and a ranking in a table; either can sit below the top 3,
  // and so can the newest document's answer to a question about today (its contact page says 「TEL」, not 「電話」).
  // So can the passage dating an event (「自 63 年設立」 in a section about the fund's capital).
  const rankingOfKind = (request.ranking === true || request.tabledKind === true) && (request.rowKinds?.named.length ?? 0) > 0;
  const limit = documentId ? 10 : programmes ? 5 : wide || request.eventYear ? 8 : request.current ? 6 : 3;
  const searched = index.search(request.searchAlso?.length ? `${query} ${request.searchAlso.join(' ')}` : query, { limit: documentId || request.current || request.eventYear || request.total || request.carries || request.cumulative?.length ? 40 : limit, asOf: request.asOf, includeHistory: true, ...(programmes ? { programmes } : {}) });
  const hits = searched.filter((hit) => !documentId || hit.documentId === documentId).slice(0, limit);
  if (request.carries) {
    // 「2014年發那份函的時候又是誰？」: when no section search ranks first has the kind of thing asked (a name), those
    // further down that have it are weighed too (the signature under the letter).
    const carries = request.carries;
    const has = (sectionId: string) => passageCatalogue(knowledge).sections.get(sectionId)?.passages.some((p) => carries(p.text)) === true;
    // (Nor when those that have it are only history: 「可保證至十成」, replaced by the 2014 letter's 九成 further down.)
    const current = (sectionId: string) => {
      const section = passageCatalogue(knowledge).sections.get(sectionId)?.section;
      return section !== undefined && (request.dated === true || request.eventYear === true || !isHistory(section, request.asOf));
    };
    if (!hits.some((hit) => has(hit.sectionId) && current(hit.sectionId))) {
      const seen = new Set(hits.map((hit) => hit.sectionId));
      // (Only those search still finds close to the first: a section far down that happens to hold a count is no answer.)
      const floor = (searched[0]?.score ?? 0) * W.carryingShare;
      hits.push(...searched.filter((hit) => !seen.has(hit.sectionId) && hit.score >= floor && (!documentId || hit.documentId === documentId) && has(hit.sectionId)).slice(0, CARRYING_EXTRA));
    }
  }
  if (request.eventYear) {
    // 「哪一年成立」 also weighs the sections that write a year right before a word of the question (「自 63 年設立」),
    // wherever search ranks them: a short sentence about something else may be where the date is said.
    const dated = passageCatalogue(knowledge).datedWords;
    const sections = new Set([...grams].flatMap((g) => [...(dated.get(g) ?? [])]));
    const seen = new Set(hits.map((hit) => hit.sectionId));
    hits.push(...searched.filter((hit) => sections.has(hit.sectionId) && !seen.has(hit.sectionId)).slice(0, DATED_EXTRA));
  }
  if (rankingOfKind && request.rowKinds) {
    // 「第二名的銀行是哪家」 names the kind of row ranked and no column: the sections whose tables list rows of that kind
    // are weighed too, wherever search ranks them or whether it finds them at all (the bank table's rows say 商銀, not 銀行).
    const kinds = request.rowKinds;
    const seen = new Set(hits.map((hit) => hit.sectionId));
    const tabled = [...passageCatalogue(knowledge).sections.values()]
      .filter(({ section, tables }) => !seen.has(section.id) && (!documentId || section.documentId === documentId) && (section.issued === null || section.issued <= request.asOf) && rowKindOf(tables, kinds) === 'named')
      .slice(0, ROW_KIND_EXTRA);
    hits.push(...tabled.map(({ section }) => sectionHit(section)));
  }
  if (request.carries && !documentId) {
    // 「挖礦跟砂石業的保證餘額」: a figure asked of something a table lists by name (礦業及土石採取業, in the knowledge's own
    // words once synonyms are read) is in that table, wherever search ranks it among sections matching the rest.
    const labelled = rowsNaming(knowledge, query, request.asOf);
    const seen = new Set(hits.map((hit) => hit.sectionId));
    if (labelled.length > 0 && !labelled.some((section) => seen.has(section.id))) hits.push(...labelled.slice(0, ROW_KIND_EXTRA).map(sectionHit));
  }
  if (request.total) {
    // 「計畫總共編了多少經費」 also weighs the sections headed by a total (〈經費需求…（合計 1,483,263 千元）〉), wherever
    // search ranks them among the question's own: the sum is said once, in its own table.
    const seen = new Set(hits.map((hit) => hit.sectionId));
    hits.push(...searched.filter((hit) => !seen.has(hit.sectionId) && TOTAL_ROW.test(catalogueHeading(knowledge, hit.sectionId))).slice(0, TOTAL_EXTRA));
  }
  if (request.cumulative?.length) {
    // 「累積至今保證了多少件」 also weighs the sections writing a sum since the start (「成立迄 111 年底止」), wherever search
    // ranks them among the year's own figures.
    const shownBy = request.cumulative;
    const seen = new Set(hits.map((hit) => hit.sectionId));
    const sums = (sectionId: string) => passageCatalogue(knowledge).sections.get(sectionId)?.passages.some((p) => shownBy.some((word) => normalizeText(p.text).includes(word))) === true;
    hits.push(...searched.filter((hit) => !seen.has(hit.sectionId) && (!documentId || hit.documentId === documentId) && sums(hit.sectionId)).slice(0, TOTAL_EXTRA));
  }
  if (request.current && !documentId) {
    // A question about today also weighs the newest document's best sections, wherever search ranks them.
    const newest = newestIssued(knowledge, request.asOf);
    const seen = new Set(hits.map((hit) => hit.sectionId));
    hits.push(...searched.filter((hit) => hit.issued === newest && !seen.has(hit.sectionId)).slice(0, NEWEST_EXTRA));
  }
  const catalogue = passageCatalogue(knowledge);
  if (!documentId && !request.dated && !request.eventYear && !request.past) {
    // 「批次保證現在還可以保到十成嗎」: a section a later document replaced (〈3. 批次保證〉, by the 2014 letter) brings that
    // document's best sections for the question into the weighing right after it, wherever search ranks them: what
    // applies now is said there, in words of its own (〈說明二（三）〉 never writes 批次).
    const replaced = hits.filter((hit) => {
      const section = catalogue.sections.get(hit.sectionId)?.section;
      return section !== undefined && isHistory(section, request.asOf) && (section.supersededBy?.length ?? 0) > 0;
    });
    if (replaced.length > 0) {
      const seen = new Set(hits.map((hit) => hit.sectionId));
      const found = index.search(query, { limit: 40, asOf: request.asOf, includeHistory: true, ...(programmes ? { programmes } : {}) });
      // (Those saying the kind of thing asked, a ratio for 「保到幾成」, when it is known.)
      const carries = request.carries;
      const says = (sectionId: string) => !carries || catalogue.sections.get(sectionId)?.passages.some((p) => carries(p.text)) === true;
      for (const hit of replaced) {
        const by = new Set(catalogue.sections.get(hit.sectionId)?.section.supersededBy ?? []);
        const replacements = found.filter((f) => by.has(f.documentId) && !seen.has(f.sectionId) && says(f.sectionId)).slice(0, REPLACING_EXTRA);
        replacements.forEach((r) => seen.add(r.sectionId));
        hits.splice(hits.indexOf(hit) + 1, 0, ...replacements);
      }
    }
  }
  // The sections a rule's figure was read from (PassageRequest.within).
  if (request.within?.length) withSections(hits, catalogue, request.within);
  // 「財報裡 89,422,873,789.96 元這個數字代表什麼」: an amount the question states that few sections write is in one of
  // them, wherever search ranks them (the question's other words may say nothing of it).
  const stated = distinctiveFigures(knowledge, query);
  if (!documentId && stated.length > 0) {
    const figures = sectionsByFigure(knowledge);
    const inScope = (cut: SectionPassages) => !programmes || programmes.some((p) => cut.programmes.includes(p) || (p === NO_PROGRAMME && cut.programmes.length === 0));
    withSections(hits, catalogue, stated.flatMap((value) => figures.get(value) ?? []), inScope);
  }
  // A section quoting another's words (a strategy citing the act) brings the one where they are written into the
  // weighing: it may say them as well, and is where they come from (originalFirst).
  withSections(hits, catalogue, hits.flatMap((hit) => catalogue.quotingSections.get(hit.sectionId) ?? []));
  // (A figure with its unit, 「10成」, is no pair of the knowledge and still says what is asked.)
  const asked = new Set([...askedGrams(query, request)].filter((g) => vocabulary.has(g) || (/\d/.test(g) && /\p{Script=Han}/u.test(g))));
  // A follow-up scoped to a programme (「那手續費呢」 after 鳳凰) picks, among a table's rows, the programme's own.
  const scoped = request.programme && request.programmeName ? queryGrams(normalizeText(request.programmeName)) : undefined;
  const ownGrams = request.own !== undefined ? queryGrams(normalizeText(request.own), request.filler) : undefined;
  const context = ownGrams ? new Set([...grams].filter((g) => !ownGrams.has(g))) : undefined;
  // (The words the kind asked is written with choose among passages too: 「榮獲…頒贈」 before a 頒獎典禮.)
  const alsoGrams = new Set((request.searchAlso ?? []).flatMap((word) => [...queryGrams(word)]).filter((g) => !grams.has(g)));
  const ranked = alsoGrams.size > 0 ? new Set([...grams, ...alsoGrams]) : grams;
  return rankSections(knowledge, hits, ranked, asked, {
    ...(request.within?.length ? { within: new Set(request.within) } : {}),
    ...(context?.size ? { context } : {}),
    ...(ownGrams && !request.compares ? { ownRowGrams: ownGrams } : {}),
    ...(scoped ? { rowGrams: scoped } : {}),
    ...(request.rowProgrammes?.length ? { rowGrams: request.rowProgrammes.map((name) => queryGrams(normalizeText(name))) } : {}),
    ...(alsoGrams.size > 0 ? { alsoGrams } : {}),
    asOf: request.asOf,
    wantsContact: request.wantsContact ?? false,
    ...(request.wantsContact && request.headOffice?.length ? { headOffice: request.headOffice } : {}),
    ...(request.defining ? { term: definedTerm(query, request.filler) } : {}),
    subjects: subjectsOf(query),
    wantsTable: request.ranking ?? false,
    ...(request.yearColumns ? { yearColumns: true } : {}),
    current: request.current ?? false,
    dated: request.dated ?? false,
    past: request.past ?? false,
    total: request.total ?? false,
    eventYear: request.eventYear ?? false,
    ...(request.rowKinds ? { rowKinds: request.rowKinds } : {}),
    ...(request.notCumulative?.length ? { notCumulative: request.notCumulative } : {}),
    ...(request.cumulative?.length ? { cumulative: request.cumulative } : {}),
    // (A question asking when something happened asks about the past.)
    today: !request.dated && !request.programme && !request.eventYear,
    ...(request.carries ? { carries: request.carries } : {}),
    ...(request.carriesEach ? { carriesEach: request.carriesEach } : {}),
    ...(stated.length > 0 ? { stated: new Set(stated) } : {}),
    figuresStated: new Set(amountsWritten(query)),
  });
}

/**
 * The amounts a text states that few sections write. 「政府捐給信保基金那4.5億，預估能撐起多少融資保證」: 4.5 億 points at
 * the passage writing it, among others sharing the question's words (政府捐助信保基金 50 億元).
 */
function distinctiveFigures(knowledge: KnowledgeBase, query: string): number[] {
  const amounts = amountsWritten(query);
  if (amounts.length === 0) return [];
  const sections = sectionsByFigure(knowledge);
  return amounts.filter((value) => {
    const count = sections.get(value)?.length ?? 0;
    return count > 0 && count <= STATED_SECTIONS;
  });
}

/**
 * The amounts a text writes from STATED_MINIMUM on: with their units (「4.5 億」), and as the digits stand (「115,548」 in a
 * table whose unit line says 百萬元, asked as 「115,548百萬元」).
 */
function amountsWritten(text: string): number[] {
  // (A letter's number, 「院臺經字第0990090090號」, names the letter: it is no amount.)
  const amounts = text.replace(LETTER_NUMBERS, ' ');
  const digits = [...amounts.matchAll(/\d[\d,]*(?:\.\d+)?/gu)].map((m) => Number(m[0].replaceAll(',', '')));
  return [...new Set([...figuresIn(amounts), ...digits])].filter((value) => value >= STATED_MINIMUM);
}

/** A letter's number: 「院臺經字第0990090090號」, 「經企字第 09804408530 號」 (the characters before 字第, the number). */
export const LETTER_NUMBER = /(\p{Script=Han}{1,4})字第\s*([\dA-Za-z]+)\s*號/u;
const LETTER_NUMBERS = new RegExp(LETTER_NUMBER.source, 'gu');

const FIGURE_SECTIONS = new WeakMap<KnowledgeBase, Map<number, string[]>>();

/** The sections writing each amount (from STATED_MINIMUM on), found once per knowledge version. */
function sectionsByFigure(knowledge: KnowledgeBase): Map<number, string[]> {
  let sections = FIGURE_SECTIONS.get(knowledge);
  if (!sections) {
    sections = new Map();
    for (const cut of passageCatalogue(knowledge).sections.values()) {
      for (const value of new Set(cut.passages.flatMap((p) => amountsWritten(p.text)))) {
        const list = sections.get(value);
        if (list) list.push(cut.section.id);
        else sections.set(value, [cut.section.id]);
      }
    }
    FIGURE_SECTIONS.set(knowledge, sections);
  }
  return sections;
}

/** Whether a passage writes one of the amounts the question states. */
function writesStated(text: string, stated: ReadonlySet<number>): boolean {
  return amountsWritten(text).some((value) => stated.has(value));
}

/** Amounts (with their unit: 萬, 億) from this size on are read as stated figures; smaller numbers are counts and years. */
const STATED_MINIMUM = 10_000;
/** A figure written in more sections than this names none of them. */
const STATED_SECTIONS = 3;

/**
 * A document the question names by (most of) its title, and the question without the title's words.
 * Titles are matched in canonical form, so 「修正批次信用保證要點那份函」 names 修正「批次信用保證要點」函.
 */
function namedDocument(knowledge: KnowledgeBase, query: string): { documentId: string; rest: string } | undefined {
  // 「院臺經字第0990090090號函的發文日期」: a letter named by its number is the document that writes the number.
  const letter = LETTER_NUMBER.exec(query);
  if (letter) {
    const documents = lettersWritten(knowledge).get(letterKey(letter));
    const rest = query.replace(letter[0], ' ');
    if (documents?.size === 1 && /\p{Script=Han}{2}/u.test(rest)) return { documentId: [...documents][0]!, rest };
  }
  const text = canonical(query);
  for (const { documentId, titleGrams } of titlesOf(knowledge)) {
    const present = [...titleGrams].filter((g) => text.includes(g)).length;
    if (present / titleGrams.size < 0.7) continue;
    // Drop each character of the question that begins or ends a pair of the title.
    const chars = [...text];
    const keep = chars.map((_, i) => !titleGrams.has(chars.slice(i, i + 2).join('')) && !titleGrams.has(chars.slice(i - 1, i + 1).join('')));
    const rest = chars.filter((_, i) => keep[i]).join('');
    if (/\p{Script=Han}{2}/u.test(rest)) return { documentId, rest };
  }
  return undefined;
}

/**
 * A letter's number as compared: the character right before 字第 and the number (「院臺經字第0990090090號」 →
 * 經0990090090), whatever else a question writes before it (「行政院院臺經字第…」).
 */
function letterKey(letter: RegExpMatchArray): string {
  return `${letter[1]!.slice(-1)}${letter[2]}`;
}

const lettersCache = new WeakMap<KnowledgeBase, Map<string, Set<string>>>();

/** Each letter number the knowledge writes, with the documents writing it, once per knowledge version. */
function lettersWritten(knowledge: KnowledgeBase): Map<string, Set<string>> {
  let letters = lettersCache.get(knowledge);
  if (!letters) {
    letters = new Map();
    for (const section of knowledge.sections) {
      for (const m of section.text.matchAll(LETTER_NUMBERS)) {
        const key = letterKey(m);
        letters.set(key, (letters.get(key) ?? new Set()).add(section.documentId));
      }
    }
    lettersCache.set(knowledge, letters);
  }
  return letters;
}

const titleCache = new WeakMap<KnowledgeBase, Array<{ documentId: string; titleGrams: Set<string> }>>();

/** Each document's title as pairs of its canonical form, worked out once per knowledge version. */
function titlesOf(knowledge: KnowledgeBase): Array<{ documentId: string; titleGrams: Set<string> }> {
  let titles = titleCache.get(knowledge);
  if (!titles) {
    titles = knowledge.documents
      .map((doc) => ({ documentId: doc.meta.id, titleGrams: gramsOf(canonical(doc.meta.title).replace(/[「」《》（）()\s]/g, '')) }))
      .filter((t) => t.titleGrams.size >= 4);
    titleCache.set(knowledge, titles);
  }
  return titles;
}

/** A column heading that is a year: 「107年」, 「98 年度」 (the year captured). */
export const YEAR_COLUMN = /^(\d{2,3})\s*年度?$/u;

export const PHONE_OR_ADDRESS = /\(?0\d{1,3}\)?[\d-]{6,}|TEL|地址|[市縣][^，。]{1,6}[路街]/;

/**
 * The part of the question that is not a programme's name: what is asked about it (「資格」, 「文件」).
 * A passage about the right programme that says nothing of that does not answer the question.
 */
function askedGrams(query: string, request: PassageRequest): Set<string> {
  const forms = (request.names ?? []).map((name) => canonical(name));
  const names = forms.join(' ');
  // The canonical form turns an alias (青創) into the official name, so the name's pairs drop out whole.
  // (So does the name written without its bracketed part, 「火金姑專案貸款」 for 火金姑(相對保證)專案貸款: no pair across
  // where the bracket was, 「證專」, is left over as something asked.)
  const cleaned = withoutFiller(query, request.filler);
  let text = canonical(cleaned);
  const written = [...new Set(forms.flatMap((form) => [form, form.replace(/[(（][^()（）]*[)）]/gu, '')]))].sort((a, b) => b.length - a.length);
  for (const form of written) if (form.length >= 2) text = text.split(form).join(' ');
  return new Set([...gramsOf(text)].filter((g) => !names.includes(g)));
}

interface Wants {
  /** The words a kind of answer is written with, searched beside the question's (PassageRequest.searchAlso): one part of it. */
  alsoGrams?: ReadonlySet<string>;
  /** Asked of the past (PassageRequest.past). */
  past: boolean;
  /** Sections that answer first when they can (PassageRequest.within): weighed as if search ranked them first. */
  within?: ReadonlySet<string>;
  /** Distinctive amounts the question states (distinctiveFigures). */
  stated?: Set<number>;
  /** Every amount the question writes, however many sections write it too. */
  figuresStated?: Set<number>;
  /** Pairs that choose passages without counting towards how well the section answers (the programme's name, or each one's). */
  rowGrams?: Set<string> | Array<Set<string>>;
  asOf: string;
  wantsContact: boolean;
  headOffice?: readonly string[];
  term?: string | undefined;
  /** The knowledge's terms of four characters or more the question names (專案保證, 批次保證), in canonical form. */
  subjects: string[];
  wantsTable: boolean;
  /** The year of a highest or lowest is asked (PassageRequest.yearColumns). */
  yearColumns?: boolean;
  current: boolean;
  dated: boolean;
  total: boolean;
  eventYear: boolean;
  /** Asked about today: no year named or asked for, no programme in question. */
  today: boolean;
  rowKinds?: { named: string[]; others: string[] };
  notCumulative?: string[];
  /** How passages write a figure summed since the start, when the question asks for one (「從開辦到111年底累計保了幾件」). */
  cumulative?: string[];
  /** Pairs only the question before a follow-up brought: they count less in choosing the passages quoted. */
  context?: Set<string>;
  /** A follow-up's own pairs, when it compares nothing: a table row it names is quoted without the one named before. */
  ownRowGrams?: Set<string>;
  carries?: (passage: string, unitLine?: string, row?: boolean) => boolean;
  /** Of several kinds asked (「客服電話跟信箱」), one test per kind: a passage showing each is quoted. */
  carriesEach?: Array<(passage: string, unitLine?: string, row?: boolean) => boolean>;
}

/** The sections worth quoting, best first. */
function rankSections(knowledge: KnowledgeBase, hits: SearchHit[], grams: Set<string>, asked: Set<string>, wants: Wants): SectionChoice[] {
  const { wantsContact, term, wantsTable } = wants;
  const catalogue = passageCatalogue(knowledge);
  // The words a kind of answer is written with (「榮獲」「頒贈」 for an award, PassageRequest.searchAlso) are alternatives: a
  // passage holding one of them holds that part of the question, and one holding none misses one part, not several.
  const also = wants.alsoGrams;
  const own = also ? new Set([...grams].filter((g) => !also.has(g))) : grams;
  const cover = (text: string): number => {
    if (!also || own.size === 0) return coverage(text, grams);
    // (Two of them, 「榮獲…頒贈」, say it more surely than one: half the part for each, up to the whole.)
    const held = [...also].filter((g) => text.includes(g)).length;
    return (coverage(text, own) * own.size + Math.min(1, held / 2)) / (own.size + 1);
  };
  const choices: SectionChoice[] = [];
  const newest = wants.current ? newestIssued(knowledge, wants.asOf) : undefined;
  const topScore = Math.max(0, ...hits.filter((h) => h.example === undefined).map((h) => h.score));
  // 「哪一年成立」: the question's words that the knowledge writes right after a year (「設立」), the event asked about.
  const events = wants.eventYear ? new Set([...grams].filter((g) => catalogue.datedWords.has(g))) : undefined;
  for (const [rank, hit] of hits.entries()) {
    const cut = catalogue.sections.get(hit.sectionId);
    if (!cut) continue;
    const { section } = cut;
    const choose = (apart: boolean) => {
      const best = bestPassages(cut, grams, wantsContact, wants.carries, wants.rowGrams, wants.total, events, wants.context, wants.carriesEach, wants.stated, apart);
      // Staff attached the question to this section: its best passages answer it even when none has the kind asked for.
      return best.length === 0 && hit.example !== undefined ? bestPassages(cut, grams, wantsContact, undefined, wants.rowGrams, wants.total, events, wants.context, undefined, undefined, apart) : best;
    };
    const quotedPassages = choose(true);
    if (quotedPassages.length === 0) continue;
    // (How sure the section is is weighed on the passages its heading's words do not single out: a heading listing
    // measures says which passage of it answers, not that it answers better than another section.)
    const passages = listsApart(cut, wantsContact) ? choose(false) : quotedPassages;
    if (passages.length === 0) continue;
    const heading = cut.heading;
    const quoted = passages.map((p) => p.passage.match).join('\n');
    // The words naming the document (「莫拉克計畫」 in 「莫拉克計畫核定函的字號」) are answered by every section of it.
    const title = cut.title;
    const headingCover = cover(`${heading}\n${title}`);
    const passageCover = cover(`${quoted}\n${title}`);
    // What the heading and the passages say together, each word once: a heading repeating the passage adds nothing.
    const unionCover = cover(`${quoted}\n${heading}\n${title}`);
    // Staff attached this question to the section as an example: it answers it, whatever words they share.
    const attached = hit.example !== undefined ? W.exampleBonus : 0;
    // What is asked about the programme must be there: its words, or the kind of thing asked (a ratio for 「保幾成」).
    // (Or a passage writing the amount the question states: 「89,422,873,789.96 元這個數字代表什麼」.)
    const statesFigure = wants.stated !== undefined && passages.some((p) => writesStated(p.text, wants.stated!)) ? W.statedBonus : 0;
    if (!attached && !statesFigure && !wants.carries && asked.size > 0 && coverage(`${heading}${quoted}`, asked) === 0) continue;
    // Search rank leads; passage and heading coverage decide how sure the answer is.
    const contactBonus = wantsContact && passages.some((p) => PHONE_OR_ADDRESS.test(p.text)) ? W.contactBonus : 0;
    // A section a later rule replaced answers only when no current one does as well.
    // (More so for a question about today — no year, no programme named — as 「政府捐了多少錢給信保基金」: an ended plan's
    // donation of 98年 is history beside the newest annual report's.)
    // (A rule a later one replaced, 「可保證至十成」 under 〈3. 批次保證〉, is history for a question naming no year even when it
    // names the programme: 「批次保證現在最多保幾成」 is the 2014 letter's 九成.)
    // (Not for when something happened, 「批次保證哪一年推出」: that is history by its nature.)
    const replaced = section.supersededFrom !== undefined && section.supersededFrom <= wants.asOf && !wants.dated && !wants.eventYear;
    // (Asked of the past, 「以前批次保證保幾成」, history is what is asked.)
    const supersededPenalty = isHistory(section, wants.asOf) && !wants.past ? (wants.today || replaced ? W.historyPenaltyToday : W.historyPenalty) : 0;
    const headedByTerm = term !== undefined && headingTopic(section.heading).startsWith(term) ? W.headedByTermBonus : 0;
    // 「專案保證的作業順序」: the section whose heading starts with a term the question names is about it; another that
    // only mentions the term (促進就業's 「專案申請」 among its filing notes) is not.
    const topic = headingTopic(section.heading);
    const headedBySubject = wants.subjects.some((subject) => topic.startsWith(subject)) ? W.subjectHeadingBonus : 0;
    const definesTerm = term !== undefined && passages.some((p) => defines(p.text, term)) ? W.definesTermBonus : 0;
    // (A section dating the event asked about counts as if search had ranked it third at worst: a short sentence in it
    // says when, among words about something else.)
    const dates = events !== undefined && passages.some((p) => yearOfEvent(p.passage, events));
    const first = wants.within?.has(section.id) === true;
    const rankPenalty = first ? 0 : (dates ? Math.min(rank, 2) : rank) * (term === undefined && !wantsTable ? W.rankStep : W.rankStepWide);
    // How strongly search itself (words, headings, example questions over the whole section) prefers it.
    // (Not for a definition or a ranking, whose section search often ranks below the top: see findSections' limit.)
    const searchShare = topScore > 0 && term === undefined && !wantsTable && !first ? 1 - W.searchWeight + W.searchWeight * Math.min(1, hit.score / topScore) : 1;
    // 「排第二的銀行」: a table of banks answers, a table of regions beside it does not.
    const kindOfRows = wants.rowKinds && cut.tables.length > 0 ? rowKindOf(cut.tables, wants.rowKinds) : undefined;
    if (kindOfRows === 'other') continue;
    // (「哪一年度經費編最多」: a table whose columns are years ranks the years asked about.)
    const yearTable = wants.yearColumns === true && cut.tables.some((table) => table.header.filter((cell) => YEAR_COLUMN.test(cell.trim())).length >= 2);
    const tableBonus = ((wantsTable && rankedColumn(cut.tables, grams) !== undefined) || yearTable ? W.rankedTableBonus : 0) + (kindOfRows === 'named' ? W.rowKindBonus : 0);
    // 「哪一年成立」: a section saying 「自 63 年設立」 states it; one where a year only bounds a total does not.
    const eventBonus = dates ? W.eventYearBonus : 0;
    // 「現任董事長是誰？」: today's state is in the newest document, not in an older one that happens to match as well.
    const newestBonus = newest !== undefined && section.issued === newest ? W.newestBonus : 0;
    // 「2022年提供幾件保證」: that year's count, not the total since the fund began (「成立迄 111 年底止」).
    const cumulativePenalty = onlyCumulative(passages, wants.notCumulative) ? W.cumulativePenalty : 0;
    // 「計畫總共編了多少經費」: the whole's total (〈…經費總需求表〉) before one item's (〈融資協助及補貼經費表〉).
    const wholeTotal = wants.total && (knowledge.answerKinds?.wholeTotals ?? []).some((word) => normalizeText(section.heading.split(' > ').at(-1) ?? '').includes(word)) ? W.wholeTotalBonus : 0;
    const confidence =
      (first ? W.withinBonus : 0) + statesFigure + Math.max(passageCover, unionCover + headingCover * W.headingCoverShare) * searchShare - rankPenalty + contactBonus - supersededPenalty + headedByTerm + headedBySubject + definesTerm + tableBonus + eventBonus + attached + newestBonus - cumulativePenalty + wholeTotal;
    choices.push({ hit, section, passages: wants.ownRowGrams ? followedRows(quotedPassages, wants.ownRowGrams) : quotedPassages, confidence, cover: passageCover });
  }
  const byConfidence = closeCallByPassage(choices.sort((a, b) => b.confidence - a.confidence));
  const inForce = wants.today ? inForceFirst(byConfidence, wants.asOf) : replacementFirst(byConfidence, wants);
  const sorted = headOfficeFirst(cumulativeFirst(exactBeforeRounded(changedFromStatedFirst(knowledge, inForce, wants), wants.carries), wants.cumulative), wants.headOffice);
  // 「信保基金哪一年成立」: the sections that date the event named (「自 63 年設立」) answer before those where a year only
  // bounds a figure (「成立迄 111 年底」), however much more of the question the latter's words match.
  const dating = events !== undefined && sorted[0]?.hit.example === undefined
    ? sorted.filter((c) => c.confidence >= W.minConfidence && c.passages.some((p) => yearOfEvent(p.passage, events)))
    : [];
  const ranked = [...dating, ...sorted.filter((c) => !dating.includes(c))];
  // 「現任董事長是誰？」: what is so today is in the newest document; an older one answers only when it has nothing, or
  // when only it says what was asked (「彰化銀行總行地址」 is in a 2014 list, not in the newest contact page).
  if (newest !== undefined) {
    const best = Math.max(0, ...ranked.map((c) => c.cover));
    // A section staff attached the question to (an example question) answers it whatever its date.
    if (ranked[0]?.hit.example !== undefined) return ranked;
    // (The section a rule's figure in force today was read from, when asked whether a figure still holds, is today's
    // answer before any: 「批保現在還可以保到十成嗎」 → 〈說明二（三）〉.)
    const read = ranked.filter((c) => wants.within?.has(c.section.id) === true && c.confidence >= W.minConfidence);
    const current = [...read, ...ranked.filter((c) => !read.includes(c) && c.section.issued === newest && c.confidence >= W.minConfidence && c.cover >= best - W.currentMargin)];
    return [...current, ...ranked.filter((c) => !current.includes(c))];
  }
  // (Asked of the past, an older document answering as well is what is asked.)
  return wants.dated || wants.past ? ranked : laterFirst(ranked, wants.today ? wants : undefined);
}

/**
 * 「八八風災復工貸款保幾成」: a plan's strategy quoting the act (「依…條例第 19 條規定「……前項信用保證成數為九成…」」) says
 * the act's words; when the passage saying what is asked is such a quotation, the section where the act itself is
 * written answers, as sure as the one quoting it.
 */
function originalFirst(catalogue: PassageCatalogue, ranked: SectionChoice[], carries: ((passage: string) => boolean) | undefined): SectionChoice[] {
  const top = ranked[0];
  if (!top || !carries || top.hit.example !== undefined) return ranked;
  const saying = top.passages.find((p) => carries(p.text));
  const origins = saying ? catalogue.quotedFrom.get(saying.passage.id) : undefined;
  if (!origins) return ranked;
  const originals = ranked.filter((c) => origins.includes(c.section.id) && c.passages.some((p) => carries(p.text)));
  if (originals.length === 0) return ranked;
  return [...originals.map((c) => ({ ...c, confidence: Math.max(c.confidence, top.confidence) })), ...ranked.filter((c) => !originals.includes(c))];
}



/**
 * Two sections about as sure (「批保新規定的實施日期」: 〈發文日期…〉 by its heading, 〈主旨〉 by its passage): the one whose
 * passages themselves hold more of the question answers; a heading that matches says less than a passage that does.
 */
function closeCallByPassage(ranked: SectionChoice[]): SectionChoice[] {
  const [first, second] = ranked;
  if (!first || !second || first.hit.example !== undefined) return ranked;
  return first.confidence - second.confidence < W.closeCall && second.cover > first.cover ? [second, first, ...ranked.slice(2)] : ranked;
}

/**
 * A question about today (no year, no programme named), 「週轉金貸款最長可以借多久」: a rule in force that answers it nearly
 * as surely answers before an ended plan's or a replaced rule's, however many more of the question's words the old
 * passage writes (「展延期限，週轉金最長一年」 of 莫拉克's plan beside the general loan's 「最長以一年為限」).
 */
function inForceFirst(ranked: SectionChoice[], asOf: string): SectionChoice[] {
  const top = ranked[0];
  if (!top || top.hit.example !== undefined || !isHistory(top.section, asOf)) return ranked;
  return nearlyAsSureFirst(ranked, (c) => !isHistory(c.section, asOf), W.inForceMargin);
}

/**
 * 「批次保證現在還可以保到十成嗎」 (a programme named, no year): a section a later document replaced answers after that
 * document's section saying the kind of thing asked (a ratio), when one does: what applies now is the replacement's, and
 * the replaced passage is history. Asked of the past (「以前…」), the replaced section answers before its replacement.
 * (Not for a question dated or asking when something happened; not when no kind is asked: 「批次保證是什麼」 is still
 * described by the older overview.)
 */
function replacementFirst(ranked: SectionChoice[], wants: Wants): SectionChoice[] {
  const top = ranked[0];
  const carries = wants.carries;
  if (!top || !carries || wants.dated || wants.eventYear || top.hit.example !== undefined) return ranked;
  // (Asked of the past, 「以前批次保證保幾成」, the other way round: the replaced section before its replacement.)
  const stands = wants.past
    ? (c: SectionChoice) => isHistory(c.section, wants.asOf) && (c.section.supersededBy ?? []).includes(top.section.documentId)
    : (c: SectionChoice) => isHistory(top.section, wants.asOf) && (top.section.supersededBy ?? []).includes(c.section.documentId) && !isHistory(c.section, wants.asOf);
  // (The link between the two, a later document's `supersedes`, says they answer the same thing: the one standing in
  // needs only to say the kind asked and some of the question's words, not to be sure on its own.)
  const found = ranked.find((c) => c !== top && stands(c) && c.confidence > 0 && c.passages.some((p) => carries(p.text)));
  // (It stands in for the passage it replaces, as sure and as close to the question: later sorts keep it first.)
  return found ? [{ ...found, confidence: Math.max(found.confidence, top.confidence), cover: Math.max(found.cover, top.cover) }, ...ranked.filter((c) => c !== found)] : ranked;
}

/**
 * 「總額度上限目前是多少？還是1.2億嗎」: a figure the question states, asked of today, is answered first by a section
 * saying it was changed from that figure (「由 1 億 2 千萬元提高至 1 億 5 千萬元」), when nearly as sure as one that only
 * writes it. The words saying a change are knowledge/documents/answer-kinds.yaml `changes`.
 */
function changedFromStatedFirst(knowledge: KnowledgeBase, ranked: SectionChoice[], wants: Wants): SectionChoice[] {
  const top = ranked[0];
  const changes = knowledge.answerKinds?.changes ?? [];
  const stated = wants.figuresStated;
  if (!top || !stated || stated.size === 0 || wants.dated || !(wants.today || wants.current) || changes.length === 0 || top.hit.example !== undefined) return ranked;
  const changesStated = (c: SectionChoice) => c.passages.some((p) => changedFrom(p.text, changes).some((value) => stated.has(value)));
  return changesStated(top) ? ranked : nearlyAsSureFirst(ranked, changesStated, W.changedFromMargin);
}

/** The old figures a passage says were changed: 「由 1 億 2 千萬元提高至」 → 120000000. */
function changedFrom(text: string, changes: readonly string[]): number[] {
  const normal = normalizeText(text);
  return [...normal.matchAll(/由\s*(\d[\d,.\s千百萬億兆]*)(?:元|%|成)?/gu)].flatMap((m) => {
    const after = normal.slice(m.index + m[0].length).trimStart();
    return changes.some((word) => after.startsWith(word)) ? amountsWritten(m[1]!) : [];
  });
}

/**
 * A question naming no year asks about today: when a later document's section answers it about as surely as the
 * best one and its passages hold as many of the question's words, the later one answers.
 */
function laterFirst(ranked: SectionChoice[], today: { asOf: string } | undefined): SectionChoice[] {
  const top = ranked[0];
  if (!top) return ranked;
  // (Asked about today, not an ended plan's over a rule in force: a later document whose period is over is no answer.)
  const inForce = today !== undefined && !isHistory(top.section, today.asOf);
  const later = ranked.find(
    (c) =>
      c !== top &&
      c.section.documentId !== top.section.documentId &&
      issuedDay(c.section) > issuedDay(top.section) &&
      !(inForce && isHistory(c.section, today.asOf)) &&
      c.cover >= top.cover &&
      c.confidence >= Math.max(W.minConfidence, top.confidence - W.laterMargin),
  );
  return later ? [later, ...ranked.filter((c) => c !== later)] : ranked;
}

/** Undated documents (an excerpt with no date) count as older than any dated one. */
function issuedDay(section: KnowledgeSection): string {
  return section.issued ?? '';
}

/** 「什麼是批次保證？」 → 「批次保證」: the question without its question words, in canonical form. */
function definedTerm(query: string, filler: RegExp | undefined): string | undefined {
  const term = canonical(withoutFiller(query, filler, '').replace(/[\s？?。！!，,：:]/g, ''));
  return term.length >= 2 ? term : undefined;
}

/** 「營授比（Business Finance Ratio）：授信總餘額除以…」, 「新創事業（…）…係指」: a passage that defines the term. */
function defines(passage: string, term: string): boolean {
  const text = canonical(passage);
  const at = text.indexOf(term);
  if (at < 0) return false;
  const after = text.slice(at + term.length, at + term.length + 40);
  return /^\s*(?:[（(][^）)]{0,30}[）)]\s*)?[：:]/.test(after) || /^.{0,12}(?:係指|是指|指的是|係)/.test(after);
}

/** The whole terms of the knowledge (four characters or more) a question names, in canonical form. */
export function subjectsOf(query: string): string[] {
  return [...new Set([...normalizeText(query).matchAll(WHOLE_TERMS)].map((m) => canonical(m[0])).filter((term) => term.length >= 4))];
}

/** What a question asks of the whole terms it names (normalised, the terms left out): 「專案保證跟批次保證各自是幾年推出的」 → 「 跟 各自是幾年推出的」. */
export function withoutSubjects(query: string): string {
  return normalizeText(query).replace(WHOLE_TERMS, (term) => (canonical(term).length >= 4 ? ' ' : term));
}

/** Whether a section's heading names one of the terms (canonical form) a question names. */
export function headingNames(section: KnowledgeSection, subjects: readonly string[]): boolean {
  const heading = canonical(section.heading);
  return subjects.some((subject) => heading.includes(subject));
}

/** A heading without its numbering: 「3. 批次保證(民國92年推出)」 → 「批次保證(民國92年推出)」. */
function headingTopic(heading: string): string {
  return canonical(heading.replace(/^[\s\d.、()（）一二三四五六七八九十壹貳參肆伍陸①-⑳]+/, ''));
}

const SEGMENTER = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

/**
 * Grammatical characters at the edge of a colloquial word: a modal or adverb before a verb (「會變」, 「最晚」, 「就好」,
 * 「能借」) and an aspect mark or a directional or resultative complement after one (「留著」, 「用過」, 「寄到」, 「送去」, 「穩住」,
 * 「改成」, 「處在」). They are a closed class of the language, not topics: what is left of the word is what it is about.
 */
const GRAMMATICAL_BEFORE = new Set('最就才也再又已很能可會要想該');
/** A size or age before a noun (「大廠」 is a kind of 廠, 「老店」 a kind of 店): the noun is what the word names. */
const ATTRIBUTIVE = new Set('大小新舊老');
const GRAMMATICAL_AFTER = new Set('了著過到去住');
/**
 * Words made only of closed classes, which point at a topic without naming one: a demonstrative or a number with a
 * classifier (「這種」, 「那個」, 「哪一類」, 「一家」, 「這一」 of 「這一行」) and a place word (「裡面」, 「當中」, 「之間」).
 */
const POINTING_WORD = /^(?:[這那哪此該每各某其一兩幾]一?[種個類項些樣款筆件位家次行批張份間]|[這那哪此該]一|[裡上下前後外內其之當中][面頭中邊間])$/u;

/** 「增加到」 → 「增加」, 「會變」 → 「變」, 「就好」 → 「好」: the word without grammatical characters at its edges. */
function contentStem(word: string): string {
  if (POINTING_WORD.test(word)) return '';
  let stem = word;
  while (stem.length >= 2 && (GRAMMATICAL_BEFORE.has(stem[0]!) || ATTRIBUTIVE.has(stem[0]!))) stem = stem.slice(1);
  while (stem.length >= 2 && GRAMMATICAL_AFTER.has(stem.at(-1)!)) stem = stem.slice(0, -1);
  return stem;
}

const phraseLists = new WeakMap<ReadonlySet<string>, string[]>();

/** The words that carry no topic, longest first, as cut out of a question before it is segmented. */
function phrasesOf(ignored: ReadonlySet<string>): string[] {
  let phrases = phraseLists.get(ignored);
  if (!phrases) {
    phrases = [...ignored].filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
    phraseLists.set(ignored, phrases);
  }
  return phrases;
}

/**
 * Words of the question the knowledge never uses (「刷卡」, 「星期六」), when they are a real part of what it asks:
 * at least W.unknownShare of the characters of its topic words. A question about one of them is not answered by a
 * passage that only shares its other words; a long question with a stray unknown word (「變高」) still is. Words
 * are the segmenter's, of two or more Chinese characters, other than the words that carry no topic (`ignored`, and
 * the filler). The ways a kind of thing is asked (`askedWith`: 「多少家」) are cut out of the question first, so that
 * the segmenter does not join what is left of one with its neighbour (「有多少家用過」 is 「有」 and 「用過」, not 「家用」);
 * a word counts as used when every pair of its characters (in match form) is in the knowledge, once the grammatical
 * characters at its edges are left aside (「寄到」 is 「寄」).
 */
export function unknownWords(
  knowledge: KnowledgeBase,
  query: string,
  filler?: RegExp,
  ignored: ReadonlySet<string> = new Set(),
  askedWith: ReadonlySet<string> = new Set(),
): string[] {
  const vocabulary = passageCatalogue(knowledge).grams;
  // (A date's unit is no part of the word after it: 「110年少了」 is not 「年少」.)
  // (Nor is a clock time, 「十二點」「9點半」, a topic.)
  const figuresOut = (text: string) => text
    .replace(/(?<!\d)\d+ ?[年月日]/gu, ' ')
    .replace(/(?<![\d一二兩三四五六七八九十])[\d一二兩三四五六七八九十]+點(?:半|鐘)?/gu, ' ')
    // (Nor an amount in Chinese numerals, 「一百萬」「兩千五百萬」: a figure, as 「100萬」 is.)
    .replace(/(?<![零〇一二兩三四五六七八九十\d])[零〇一二兩三四五六七八九十\d]*[百千萬億][零〇一二兩三四五六七八九十百千萬億]*/gu, ' ')
    // (Nor a count of things, 「三家一共」「兩個縣市」: how many rows are meant, not what they are.)
    .replace(/(?<![零〇一二兩三四五六七八九十\d])[一二兩三四五六七八九十]+[家個間項筆位種]/gu, ' ');
  const normal = figuresOut(synonymHeads(normalizeText(query)));
  // Cut out before the filler: 「多少家」 is a way of asking, though 「多少」 alone is filler.
  // (And before a synonym's head stands in for words of it: 「分行能不能自己」 asks who submits, though 「自己跟信保申請」
  // alone is the vocabulary's 直接保證.)
  const cutOut = (text: string) => phrasesOf(askedWith).reduce((rest, phrase) => (rest.includes(phrase) ? rest.split(phrase).join(' ') : rest), text);
  const unfilled = cutOut(figuresOut(synonymHeads(cutOut(normalizeText(query)))));
  const cleaned = withoutFiller(normal, filler);
  // A word is unknown only as the question is segmented both with and without those cut out: cutting them out
  // removes words that straddled them, and adds none.
  // Whether each word is unknown, worked out once per word of the question (a long message repeats its words).
  const verdicts = new Map<string, boolean>();
  const isUnknown = (segment: string): boolean => {
    let verdict = verdicts.get(segment);
    if (verdict === undefined) {
      // 「如果有」: a word that names no topic and one character more.
      const rest = segment.length > 2 && (ignored.has(segment.slice(1)) || ignored.has(segment.slice(0, -1)));
      const stem = contentStem(segment);
      verdict = !rest && stem.length >= 2 && !matchForm(stem).split('\u0000').some((form) => allPairsKnown(form, vocabulary));
      verdicts.set(segment, verdict);
    }
    return verdict;
  };
  const read = (text: string) => {
    const words: string[] = [];
    let chars = 0;
    for (const { segment, isWordLike } of SEGMENTER.segment(text)) {
      if (!isWordLike || !/^\p{Script=Han}+$/u.test(segment) || ignored.has(segment)) continue;
      chars += segment.length;
      if (isUnknown(segment)) words.push(segment);
    }
    return { words, chars };
  };
  const whole = read(cleaned);
  const cut = unfilled === normal ? whole : read(withoutFiller(unfilled, filler));
  const inCut = new Set(cut.words);
  const unknown = whole.words.filter((word) => inCut.has(word));
  let topic = whole.chars;
  // A Latin word the knowledge never writes (「IG」) is as much a topic as a Chinese one; an English question's
  // words were read in Chinese already, and what is left of it is filler; so are English stop words (「which」, 「by」).
  const latin = cleaned.match(/[a-z]{2,}/g) ?? [];
  if (latin.length <= 3) {
    for (const word of latin.filter((w) => !STOP_WORDS.has(w))) {
      topic += word.length;
      const known = passageCatalogue(knowledge).latin;
      if (!known.has(word) && ![...word].every((letter) => known.has(letter))) unknown.push(word);
    }
  }
  const share = unknown.join('').length / Math.max(1, topic);
  return share >= W.unknownShare ? unknown : [];
}

/** At most this many sections hold a word for it to name something particular (「原住民」, not 「創業」). */
const RARE_SECTIONS = 2;
/** A name (「安興」, 「KODIT」) written in this many sections at most is a particular thing, not a general word. */
const RARE_NAME_SECTIONS = 5;

/**
 * The words of the question that name something particular — held by at most RARE_SECTIONS sections of the knowledge
 * — and that the section chosen does not hold: 「原住民創業保幾成」 answered from a section that never says 原住民 answers
 * some other question. Words as in unknownWords (filler, words naming no topic and ways of asking aside).
 */
export function rareWordsMissing(
  knowledge: KnowledgeBase,
  query: string,
  section: KnowledgeSection,
  filler?: RegExp,
  ignored: ReadonlySet<string> = new Set(),
): string[] {
  const catalogue = passageCatalogue(knowledge);
  const cut = catalogue.sections.get(section.id);
  if (!cut) return [];
  const held = [cut.heading, cut.title, ...cut.passages.map((p) => p.match)].join('\n');
  const missing = rareWordsNotHeld(catalogue, query, held, filler, ignored);
  // Names the segmenter cuts up or passes over: a Latin word (「KODIT」) and two characters naming a plan (「安興專案」).
  // Written in few sections and not in the one chosen, they are what is asked about.
  for (const name of namesUnwritten(knowledge, query, [section])) if (!ignored.has(name) && !missing.includes(name)) missing.push(name);
  return missing;
}

/**
 * The question's words of three characters or more that name something particular: written whole in a few sections of
 * the knowledge at most, one at least (俄羅斯, 押匯 of 出口押匯 is two characters and is not read).
 */
export function rareWordsOf(knowledge: KnowledgeBase, query: string, filler?: RegExp, ignored: ReadonlySet<string> = new Set()): string[] {
  const texts = sectionTexts(knowledge);
  const found: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(withoutFiller(normalizeText(query), filler))) {
    if (!isWordLike || !/^\p{Script=Han}{3,}$/u.test(segment) || ignored.has(segment)) continue;
    const stem = contentStem(segment);
    if (stem.length < 3 || found.includes(stem)) continue;
    const sections = texts.filter((text) => text.includes(stem)).length;
    if (sections >= 1 && sections <= RARE_SECTIONS) found.push(stem);
  }
  return found;
}

/**
 * 「走銀行公會自律機制可以延多久」: the runs of four Han characters or more of the question that one or two sections write
 * (銀行公會, 自律), whatever the word segmenter makes of them; each at its longest, once.
 */
export function rarePhrasesOf(knowledge: KnowledgeBase, query: string, filler?: RegExp): string[] {
  const texts = sectionTexts(knowledge);
  const found: string[] = [];
  for (const run of withoutFiller(normalizeText(query), filler).match(/\p{Script=Han}{4,}/gu) ?? []) {
    for (let start = 0; start + PHRASE <= run.length; ) {
      let end = start + PHRASE;
      let holding = texts.filter((text) => text.includes(run.slice(start, end)));
      if (holding.length === 0) {
        start += 1;
        continue;
      }
      while (end < run.length && holding.some((text) => text.includes(run.slice(start, end + 1)))) {
        end += 1;
        holding = holding.filter((text) => text.includes(run.slice(start, end)));
      }
      const phrase = run.slice(start, end);
      // (A phrase of common words, 「比率超過」, is no name: one of its words must be written in few sections too, 公會 of 銀行公會.)
      const rarePair = [...SEGMENTER.segment(phrase)].some(({ segment, isWordLike }) => isWordLike && /^\p{Script=Han}{2,}$/u.test(segment) && texts.filter((text) => text.includes(segment)).length <= FEW_SECTIONS);
      // (Nor an amount in Chinese numerals, 「一億五千萬」.)
      const numeral = /^[零〇一二兩两三四五六七八九十百佰千仟萬万億亿兆]+$/u.test(phrase);
      if (holding.length <= RARE_SECTIONS && rarePair && !numeral && !found.includes(phrase)) found.push(phrase);
      start = end;
    }
  }
  return found;
}

/** Each section's heading and text in normal form, once per knowledge version. */
const sectionTextsCache = new WeakMap<KnowledgeBase, string[]>();
function sectionTexts(knowledge: KnowledgeBase): string[] {
  let texts = sectionTextsCache.get(knowledge);
  if (!texts) {
    texts = knowledge.sections.map((s) => normalizeText(`${s.heading}\n${s.text}`));
    sectionTextsCache.set(knowledge, texts);
  }
  return texts;
}

/**
 * 「111年先行交付備償款項金額是多少」: the question's rare words (as rareWordsMissing reads them) that the passages an answer
 * quotes never write, though the section does (in its heading, in a line of its own with nothing under it).
 */
export function rareWordsUnquoted(knowledge: KnowledgeBase, query: string, section: KnowledgeSection, quoted: readonly string[]): string[] {
  const text = normalizeText(query);
  const written = normalizeText(section.text);
  const said = normalizeText(quoted.join('\n'));
  const found: string[] = [];
  // (The longest runs of four Han characters or more the section writes, one at each place of the question.)
  for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? []) {
    for (let start = 0; start + PHRASE <= run.length; ) {
      let end = start + PHRASE;
      if (!written.includes(run.slice(start, end))) {
        start += 1;
        continue;
      }
      while (end < run.length && written.includes(run.slice(start, end + 1))) end += 1;
      // (The unit of a year before it, 「111年先行交付…」, is no part of the phrase.)
      const phrase = run.slice(start, end).replace(/^[年月日度]+/u, '');
      if (phrase.length >= PHRASE && !said.includes(phrase) && knowledge.sections.filter((s) => s.text.includes(phrase)).length <= FEW_SECTIONS) found.push(phrase);
      start = end;
    }
  }
  return found;
}

/** The fewest characters of a phrase of the question looked for in the passages quoted. */
const PHRASE = 4;
/** The most sections a phrase looked for may be written in: more, and it names no particular thing. */
const FEW_SECTIONS = 5;

function rareWordsNotHeld(catalogue: ReturnType<typeof passageCatalogue>, query: string, held: string, filler: RegExp | undefined, ignored: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(withoutFiller(normalizeText(query), filler))) {
    // (Two characters are too often half of a word the section writes otherwise: 「工程」 of 公共工程, written 公共建設.)
    if (!isWordLike || !/^\p{Script=Han}{3,}$/u.test(segment) || ignored.has(segment)) continue;
    const forms = matchForm(contentStem(segment)).split('\u0000');
    // Rare: every pair of it is in few sections (「各縣市」 is not: 縣市 is everywhere), and in one at least (a word the
    // knowledge never writes is unknownWords' business).
    const rare = forms.some((form) => {
      let most = 0;
      for (let i = 0; i + 1 < form.length; i += 1) most = Math.max(most, catalogue.sectionsWithPair.get(form.slice(i, i + 2)) ?? 0);
      let fewest = Infinity;
      for (let i = 0; i + 1 < form.length; i += 1) fewest = Math.min(fewest, catalogue.sectionsWithPair.get(form.slice(i, i + 2)) ?? 0);
      return fewest >= 1 && most <= RARE_SECTIONS;
    });
    if (rare && !forms.some((form) => held.includes(form)) && !heldAsSynonym(segment, normalizeText(query), held)) missing.push(segment);
  }
  return missing;
}

/**
 * The names a question brings (a Latin word, two characters before 專案/計畫/方案/措施) that the knowledge writes in a few
 * sections, but none of `sections` does: 「KOTEC的保證成數」 answered from a rule whose source never names KOTEC.
 */
export function namesUnwritten(knowledge: KnowledgeBase, query: string, sections: readonly KnowledgeSection[]): string[] {
  // (Most questions name nothing of the kind: the sections' text is not gathered for them.)
  const names = namesIn(normalizeText(query));
  if (names.length === 0) return [];
  const catalogue = passageCatalogue(knowledge);
  const held = sections.map((section) => {
    const cut = catalogue.sections.get(section.id);
    return cut ? [cut.heading, cut.title, ...cut.passages.map((p) => p.match)].join('\n') : '';
  });
  return names.filter((name) => {
    if (KNOWN_WORDS.has(name)) return false;
    const [form] = matchForm(name).split('\u0000') as [string];
    const inSections = sectionsWriting(catalogue, form);
    return inSections >= 1 && inSections <= RARE_NAME_SECTIONS && !held.some((text) => text.includes(form));
  });
}

/** Pronouns and demonstratives: a word opening with one points at a thing, it names none (「這是」, 「那種」). */
const POINTING_START = new Set('這那哪此該每各某其我你妳他她它您咱');
/** Characters that stand between words, not inside a name: particles, prepositions, the copula (a closed class). */
const BETWEEN_WORDS = new Set('的是有在跟和與及或向對把被給從到去來了嗎呢吧也都就還又像如比');

/**
 * 「凡那比颱風受災的企業可以比照莫拉克嗎」「921地震的重建貸款」「農業信用保證基金的費率」: a thing of a kind that has names
 * (vocabulary.yaml `named`) called by a name the documents never give one of that kind. What is asked about is
 * something the documents do not hold, however much of the rest of the question they write. The name is what stands
 * right before the kind's word: a number; a run of single characters the segmenter made no word of (a transliterated
 * name, 凡/那/比), the characters between words before it aside; or one word opening its clause (「農業」, 「海外」), not
 * a verb taking the kind as its object (「曾經用過信保基金」「一起送給信保基金」) nor a word carrying no topic
 * (the filler and `ignored`: 「聽說」「目前」). A name the documents write before any word of the kind (「莫拉克颱風」「中小企業信用保證
 * 基金」), or that a synonym group writes with it (「八八風災」), is known.
 */
export function unknownNames(knowledge: KnowledgeBase, query: string, filler: RegExp | undefined, ignored: ReadonlySet<string>): string[] {
  const text = foldForSearch(normalizeText(query)).replace(/\s+/gu, ' ');
  const found: string[] = [];
  for (const kind of namedKinds()) {
    for (const match of text.matchAll(kind.pattern)) {
      const before = withoutFiller(text.slice(Math.max(0, match.index - 16), match.index), filler);
      const name = nameBefore(before.endsWith(' ') ? '' : before, ignored, match[0].length >= 4);
      // (A name is known when its end is: 「十幾年前莫拉克風災」 reads 前莫拉克 as one run of single characters.)
      const known = (tail: string) => kind.words.some((word) => namesWritten(knowledge).includes(`${tail}${word}`) || KNOWN_NAMES.has(`${tail}${word}`));
      if (name && ![...name].slice(0, -1).some((_char, i) => known(name.slice(i)))) found.push(`${name}${match[0]}`);
    }
  }
  return [...new Set(found)];
}

/** The named kinds, each as its words (folded) and a pattern finding any of them, longest first. */
let kindsCache: Array<{ words: string[]; pattern: RegExp }> | undefined;
function namedKinds(): Array<{ words: string[]; pattern: RegExp }> {
  kindsCache ??= NAMED_KINDS.map((group) => {
    const words = group.map((w) => foldForSearch(w)).sort((a, b) => b.length - a.length);
    return { words, pattern: new RegExp(words.map(escape).join('|'), 'gu') };
  });
  return kindsCache;
}

/** The synonym groups' words, folded: 「八八風災」 is a name the vocabulary gives the typhoon the documents write of. */
const KNOWN_NAMES: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flat().map((w) => foldForSearch(w)));

/** The documents' text as one string (folded, without white space), once per knowledge version. */
const writtenTexts = new WeakMap<KnowledgeBase, string>();
function namesWritten(knowledge: KnowledgeBase): string {
  let text = writtenTexts.get(knowledge);
  if (text === undefined) {
    text = foldForSearch(normalizeText(knowledge.sections.map((s) => `${s.heading}\n${s.text}`).join('\n'))).replace(/\s+/gu, '');
    writtenTexts.set(knowledge, text);
  }
  return text;
}

/** The name right before a kind's word, if one stands there (see unknownNames); `formal` when that word is a formal name (四字以上: 信用保證基金). */
function nameBefore(before: string, ignored: ReadonlySet<string>, formal: boolean): string | undefined {
  const segments = [...SEGMENTER.segment(before)];
  const last = segments.at(-1);
  if (!last?.isWordLike) return undefined;
  // (A number of three digits or more: 921, 0206; not the day of a date, 「8/10颱風」.)
  if (/^\d+$/u.test(last.segment)) return last.segment.length >= 3 && !/[/／.-]$/u.test(before.slice(0, -last.segment.length)) ? last.segment : undefined;
  if (!/^\p{Script=Han}+$/u.test(last.segment) || ENDS_NO_NAME.has(last.segment.at(-1)!)) return undefined;
  if (last.segment.length === 1) {
    let run = '';
    for (let i = segments.length - 1; i >= 0 && /^\p{Script=Han}$/u.test(segments[i]!.segment); i--) run = segments[i]!.segment + run;
    while (run.length > 0 && (BETWEEN_WORDS.has(run[0]!) || POINTING_START.has(run[0]!) || DATE_UNIT.has(run[0]!))) run = run.slice(1);
    return run.length >= 2 && !ignored.has(run) ? run : undefined;
  }
  // One word names one of its kind only before a formal name (「農業信用保證基金」「海外信保基金」): before 「颱風」 a word
  // is as often what the typhoon struck (「倉庫颱風淹水」).
  const word = last.segment;
  if (!formal || ignored.has(word) || POINTING_START.has(word[0]!) || contentStem(word) !== word) return undefined;
  // (Opening its clause: nothing before it, a mark, or a word or character carrying no topic.)
  const previous = segments.at(-2);
  const opens = !previous || !previous.isWordLike || BETWEEN_WORDS.has(previous.segment) || POINTING_START.has(previous.segment);
  return opens ? word : undefined;
}

/** A last character no name ends with: a particle or preposition, an aspect mark or complement (「用過」「捐給」), a classifier (「那次」). */
const ENDS_NO_NAME = new Set([...[...BETWEEN_WORDS].filter((c) => !'像如比'.includes(c)), ...GRAMMATICAL_AFTER, ...'給達入次場個種件位些年月日號']);
/** The unit of a date, before a name (「98年八八風災」). */
const DATE_UNIT = new Set('年月日號');

/**
 * 「中國輸出入銀行」 for the table's 「中國輸銀」: a word inside a synonym written in the question is held when the section
 * writes any word of that synonym's group (vocabulary.yaml).
 */
function heldAsSynonym(segment: string, query: string, held: string): boolean {
  return SYNONYM_GROUPS.some((group) => group.some((word) => word.includes(segment) && query.includes(word)) && group.some((word) => held.includes(matchForm(word).split('\u0000')[0]!)));
}

/** How many sections write a word (in match form), counted once per knowledge version. */
const writtenIn = new WeakMap<object, Map<string, number>>();
function sectionsWriting(catalogue: ReturnType<typeof passageCatalogue>, form: string): number {
  let known = writtenIn.get(catalogue);
  if (!known) writtenIn.set(catalogue, (known = new Map()));
  let count = known.get(form);
  if (count === undefined) {
    if (known.size >= 10_000) known.clear();
    count = [...catalogue.sections.values()].filter((c) => [c.heading, c.title, ...c.passages.map((p) => p.match)].some((t) => t.includes(form))).length;
    known.set(form, count);
  }
  return count;
}

/** The vocabulary's own words (synonym groups, terms): never a name the question brings. */
const KNOWN_WORDS: ReadonlySet<string> = new Set([...DOMAIN_TERMS, ...SYNONYM_GROUPS.flat()].map((w) => w.toLowerCase()));

/** The vocabulary's words of three characters or more, longest first: a name is never a piece of one (火金姑專案). */
const KNOWN_HAN = new RegExp([...KNOWN_WORDS].filter((w) => /^\p{Script=Han}{3,}$/u.test(w)).sort((a, b) => b.length - a.length).join('|') || '(?!)', 'gu');

/**
 * A Latin word of three letters or more standing alone in a question written in Chinese (what is left of an English
 * question after its words were put in Chinese is several), and
 * the two characters before 專案, 計畫, 方案 or 措施 that are no particle (「信保基金的專案保證」) and no piece of a known word.
 */
function namesIn(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z]+/g) ?? [];
  const latin = words.length === 1 && words[0]!.length >= 3 ? words : [];
  // (Not a piece of a known word, 火金姑專案's 金姑; a known word after the name, 「安興專案保證成數」's 專案保證, leaves it one.)
  const known = [...lower.matchAll(KNOWN_HAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const plans = [...lower.matchAll(/\p{Script=Han}{2}(?=專案|計畫|方案|措施)/gu)]
    .filter((m) => !known.some(([from, to]) => m.index < to && m.index + 2 > from))
    .map((m) => m[0])
    .filter((name) => !/[的之與和跟及或各等]/u.test(name));
  return [...new Set([...latin, ...plans])];
}

function allPairsKnown(form: string, vocabulary: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < form.length; i += 1) if (!vocabulary.has(form.slice(i, i + 2))) return false;
  return true;
}

/** The question's pairs for matching passages, without the words that carry no topic. */
export function queryGrams(query: string, filler?: RegExp): Set<string> {
  return gramsOf(matchForm(withoutFiller(query, filler)));
}

/** The knowledge's whole terms (vocabulary.yaml), longest first, as one pattern. */
const WHOLE_TERMS = new RegExp(
  [...new Set([...DOMAIN_TERMS, ...SYNONYM_GROUPS.flat()])]
    .filter((term) => /^\p{Script=Han}{3,}$/u.test(term))
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);

/**
 * The question without its filler words (「信保」, 「請問」), except inside a whole term of the knowledge that is
 * more than filler: 「信保金質獎」 stays as it is.
 */
export function withoutFiller(query: string, filler: RegExp | undefined, by = ' '): string {
  if (!filler) return query;
  const kept: string[] = [];
  // A term that is filler through and through (「信保基金」) is dropped like any filler.
  const masked = query.replace(WHOLE_TERMS, (term) => (/\p{Script=Han}/u.test(term.replace(filler, '')) ? `\u0001${kept.push(term) - 1}\u0002` : term));
  return masked.replace(filler, by).replace(/\u0001(\d+)\u0002/g, (_, at: string) => kept[Number(at)] ?? '');
}

/** Character pairs of the Chinese runs, and numbers and Latin words whole. */
export function gramsOf(cleaned: string): Set<string> {
  const grams = new Set<string>();
  for (const run of cleaned.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i += 1) grams.add(run.slice(i, i + 2));
  }
  // 「98年1月」 whole: a table row for that month, not every row with a 1 in it.
  for (const date of cleaned.match(/(?<!\d)\d{1,4}年\d{1,2}月(?:\d{1,2}日)?/g) ?? []) grams.add(date);
  // 「十成」 (10成 once folded), 「0.5%」 whole: a ratio or a rate stated, not every passage with a 10 in it (「10 月」).
  const ratios = new Set<string>();
  for (const [, figure, unit] of cleaned.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)\s*(成|%)/g)) {
    grams.add(`${figure}${unit}`);
    ratios.add(figure!);
  }
  const words = cleaned.match(/[a-z0-9][a-z0-9.]*/g) ?? [];
  // In an English question the words that matter were already rewritten in Chinese; the rest are filler the
  // documents do not contain. A Latin word or two in a Chinese question (AI, LINE) is a real term.
  const english = words.filter((w) => /^[a-z.]+$/.test(w)).length > 3;
  for (const word of words) if ((!english || /\d/.test(word)) && !ratios.has(word)) grams.add(word);
  return grams;
}

/**
 * A heading listing what its passages say one by one (〈…、紓困期間…總額度上限…提高至1億5千萬元〉). (Not for a phone or an
 * address: a contact page's passages all answer one, and which the question's own words pick is weighed with the
 * section's other lines, not against them.)
 */
function listsApart(cut: SectionPassages, wantsContact: boolean): boolean {
  return !wantsContact && cut.heading.includes('、');
}

/** A heading's word held by at most one in LISTED_SHARE of a section's passages (of LISTED_MIN or more) tells them apart. */
const LISTED_MIN = 3;
const LISTED_SHARE = 3;

/** The passages of a section that match best, in order (at most three). */
function bestPassages(
  cut: SectionPassages,
  grams: Set<string>,
  wantsContact: boolean,
  carries?: (passage: string, unitLine?: string, row?: boolean) => boolean,
  ownRows?: Set<string> | Array<Set<string>>,
  total = false,
  events?: Set<string>,
  context?: Set<string>,
  carriesEach?: Array<(passage: string, unitLine?: string, row?: boolean) => boolean>,
  stated?: Set<number>,
  apart = true,
): ScoredPassage[] {
  // A line that only repeats the section's heading (「三、經費來源及計算基準」) is not an answer, unless it holds the
  // kind of thing asked (「2. 專案保證（民國63年推出）：」 for 「哪一年」).
  const answering = cut.passages.filter((p) => !repeatsHeading(p, cut.heading) || (carries !== undefined && carries(p.text)));
  const units = answering.length > 0 ? answering : cut.passages;
  if (units.length === 0) return [];
  // The programme's name (`ownRows`) chooses among a table's rows; it does not choose among sentences, where the
  // question's own words do (「莫拉克計畫預計協助幾件貸款展延」 is about 展延, not the 復工營業 named by the programme).
  const textWeights = gramWeights(units, grams);
  const eachOwn = ownRows === undefined ? [] : Array.isArray(ownRows) ? ownRows : [ownRows];
  const rowWeights = eachOwn.length > 0 ? gramWeights(units, new Set([...grams, ...eachOwn.flatMap((names) => [...names])])) : textWeights;
  // Within a section its heading's words tell no passage from another: a line repeating the heading is not the answer.
  // (Nor do the words of its document's title: 「莫拉克計畫」 is in every passage's document.)
  // (Unless the heading lists what its passages say one by one, 〈…、紓困期間企業保證融資總額度上限…提高至1億5千萬元〉: a
  // word of it that few of its passages hold tells them apart.)
  const listedApart = new Set(
    apart && listsApart(cut, wantsContact) && units.length >= LISTED_MIN
      ? [...new Set([...textWeights.keys(), ...rowWeights.keys()])].filter((g) => {
          const holding = units.filter((u) => u.match.includes(g)).length;
          return cut.heading.includes(g) && holding > 0 && holding * LISTED_SHARE <= units.length;
        })
      : [],
  );
  for (const weights of new Set([textWeights, rowWeights])) {
    for (const [g, w] of weights) if ((cut.heading.includes(g) && !listedApart.has(g)) || cut.title.includes(g)) weights.set(g, w * W.headingPairWeight);
    for (const [g, w] of weights) if (context?.has(g)) weights.set(g, w * W.contextPairWeight);
  }
  // 「資產總計」: of several total rows, the one whose label the question names whole (not 「流動資產總計」).
  const totals = total ? units.filter(isTotalRow) : [];
  const named = totals.filter((passage) => labelNamed(passage, grams));
  const sums = new Set(named.length > 0 ? named : totals);
  const scored = units.map((passage) => {
    const base = score(passage.match, passage.kind === 'text' || passage.kind === 'item' ? textWeights : rowWeights);
    const contact = wantsContact && PHONE_OR_ADDRESS.test(passage.text) ? base * W.contactPassageShare : 0;
    // 「四年合計多少」: the total row answers, whatever words the other rows share with the question.
    const sum = sums.has(passage) ? base + TOTAL_ROW_BONUS : 0;
    // 「哪一年成立」: the passage with the year beside the event named, over one where a year bounds a total.
    const event = events !== undefined && yearOfEvent(passage, events) ? base + 1 : 0;
    // (A passage writing the amount the question states, 「4.5 億元保證專款」, is where it is talked about.)
    const figure = stated !== undefined && writesStated(passage.text, stated) ? base + 1 : 0;
    return { passage, text: passage.text, order: passage.order, score: base + contact + sum + event + figure };
  });
  // A table with a row for the programme asked about answers from that row, not from another programme's.
  // (Of several programmes, each one's row its name matches best: 青年創業及啟動金貸款 for 青年創業貸款, not 青年築夢….)
  const own = Array.isArray(ownRows) ? [...new Set(ownRows.flatMap((names) => bestNamedRows(scored, names)))] : ownRows ? scored.filter((p) => p.passage.kind === 'row' && namesRow(p.passage.match, ownRows)) : [];
  // (A row the question names whole in the table of the programme's own, 「一般貸款是小額貸款擴大保證措施的幾倍」, stays too;
  // not one named mostly by the programme's own names, 「災害復舊貸款」, which its own rows answer for.)
  const outsideNames = (g: string) => !eachOwn.some((names) => names.has(g));
  const besideOwn = (p: ScoredPassage) =>
    labelNamed(p.passage, grams) && own.some((o) => o.passage.section === p.passage.section) && labelPairs(p.passage).filter(outsideNames).length * 2 > labelPairs(p.passage).length;
  const ofProgramme = own.length > 0 ? scored.filter((p) => p.passage.kind !== 'row' || own.includes(p) || besideOwn(p)) : scored;
  // 「上櫃公司有幾成用過信保」: when the question names a row's label whole (上櫃), the rows whose labels it does not touch
  // at all (上市, 興櫃) are left out; a label named in part (玉山銀行 for 玉山商銀) stays.
  const rowNamed = ofProgramme.some((p) => p.passage.kind === 'row' && labelNamed(p.passage, grams));
  const candidates = rowNamed ? ofProgramme.filter((p) => p.passage.kind !== 'row' || labelTouched(p.passage, grams) || sums.has(p.passage)) : ofProgramme;
  // What was asked (a figure, a name, a place) must be in a passage quoted for it.
  const eligible = carries ? candidates.filter((p) => (p.passage.kind === 'row' ? carries(p.text, cut.unit, true) : carries(p.text))) : candidates;
  if (eligible.length === 0) return [];
  const top = [...eligible].sort((a, b) => b.score - a.score || a.order - b.order).filter((p) => p.score > 0);
  // Nothing but the heading matches (「總經費需求」 over a table whose rows repeat only its header): the first passage
  // that carries what was asked stands for the section, which the heading then has to earn.
  if (top.length === 0) return eligible.slice(0, 1);
  const cutoff = top[0]!.score * W.passageCutoff;
  // A row whose label the question names whole (「上櫃」) answers for that label, however many of the question's other
  // words a sentence beside it shares: quoted after the best passage. (Not when many rows share the label named, as
  // every 董事 of a board.)
  const labelRows = rowNamed ? top.filter((p) => p.passage.kind === 'row' && labelNamed(p.passage, grams)) : [];
  // (「上市、上櫃、興櫃各有多少家」: each row named is quoted, up to a few.)
  const namedRows = labelRows.length <= MAX_NAMED_ROWS ? labelRows : [];
  // (Passages as good as the best are each an answer: 「玉山銀行拿過哪些獎」 names it in four award lists; up to a few.)
  const ties = top.filter((p) => p.score === top[0]!.score).length;
  // (Each programme's row found, those rows are what is added or compared.)
  const eachProgramme = Array.isArray(ownRows) ? own.filter((p) => eligible.includes(p)) : [];
  if (Array.isArray(ownRows) && eachProgramme.length === ownRows.length) return eachProgramme.sort((a, b) => a.order - b.order);
  const chosen = [...new Set([top[0]!, ...namedRows, ...top.filter((p) => p.score >= cutoff)])].slice(0, Math.max(MAX_PASSAGES, 1 + namedRows.length, ties <= MAX_NAMED_ROWS ? ties : 0));
  // 「客服電話跟信箱」: each kind asked is shown by a passage quoted, the best one sharing words with the question that
  // shows it, when none chosen does.
  const shows = (test: NonNullable<typeof carriesEach>[number], p: ScoredPassage) => (p.passage.kind === 'row' ? test(p.text, cut.unit, true) : test(p.text));
  for (const test of carriesEach ?? []) {
    if (chosen.some((p) => shows(test, p))) continue;
    const showing = top.find((p) => shows(test, p));
    if (showing) chosen.push(showing);
  }
  // 「授權送保：…」 indented under 「承貸金融機構…應逐案徵提…，連同員工人數認定文件…相關作業如下：」 is read with the line it
  // continues: that line is quoted before it (as strong as the item, no stronger).
  for (const item of [...chosen]) {
    const lead = item.passage.lead === undefined ? undefined : scored.find((p) => p.order === item.passage.lead);
    if (lead && !chosen.some((p) => p.order === lead.order)) chosen.push({ ...lead, score: Math.min(lead.score, item.score) });
  }
  return chosen.sort((a, b) => a.order - b.order);
}



/**
 * 「111年協助企業取得融資多少」: a figure written exactly (〈參、一〉「1 兆 4,075 億元」) answers before one only rounded
 * (the preface's 「逾 1 兆 4 千億元」) that matches the question's words a little better; the rounded one still answers
 * when no section nearly as sure has the figure exactly.
 */
function exactBeforeRounded(ranked: SectionChoice[], carries: Wants['carries']): SectionChoice[] {
  const [first] = ranked;
  if (!first || !carries || first.hit.example !== undefined || !onlyApproximate(first.passages, carries)) return ranked;
  // (The same figure, written exactly: 「24兆15億餘元」 since the fund began is not replaced by 111's 「1 兆 4,075 億元」.)
  const rounded = first.passages.filter((p) => carries(p.text)).flatMap((p) => [...p.text.matchAll(APPROXIMATE)].flatMap((m) => figuresIn(m[0])));
  const writesExactly = (c: SectionChoice) => c.passages.some((p) => carries(p.text) && figuresIn(p.text.replace(APPROXIMATE, ' ')).some((x) => rounded.some((r) => Math.abs(x - r) <= r * SAME_FIGURE)));
  return nearlyAsSureFirst(ranked, writesExactly);
}

/** The first section after the best that passes `test` and is nearly as sure (within `margin`), moved to the front. */
function nearlyAsSureFirst(ranked: SectionChoice[], test: (c: SectionChoice) => boolean, margin: number = W.exactMargin): SectionChoice[] {
  const [first] = ranked;
  const found = first && ranked.find((c) => c !== first && c.confidence >= W.minConfidence && c.confidence >= first.confidence - margin && test(c));
  return found ? [found, ...ranked.filter((c) => c !== found)] : ranked;
}

/** A figure written as a bound or a round number: 「逾 1 兆 4 千億元」, 「約 85%」, 「210 萬餘」. */
const APPROXIMATE = /(?:逾|約|近|超過|將近|大約)[\s\d,.兆億萬千百]*[元%]?|(?<![\d,.\s兆億萬千百])[\d,.兆億萬千百\s]+餘/gu;

/**
 * 「從開辦到111年底累計保了幾件」: a figure summed since the start is asked, so a section writing one (「綜計自本基金成立迄
 * 111 年底止」) answers before the one year's figures that match the question's other words a little better.
 */
function cumulativeFirst(ranked: SectionChoice[], shownBy: string[] | undefined): SectionChoice[] {
  const [first] = ranked;
  if (!first || !shownBy || first.hit.example !== undefined) return ranked;
  const sums = (c: SectionChoice) => c.passages.some((p) => {
    const text = normalizeText(p.text);
    return shownBy.some((word) => text.includes(word));
  });
  return sums(first) ? ranked : nearlyAsSureFirst(ranked, sums);
}

/**
 * 「信保的電話」: a contact asked of the fund, naming no place or office, is the head office's and its own lines
 * (〈臺北本部…企業客服專線〉) before a regional office's list, which names 電話 in its heading.
 */
function headOfficeFirst(ranked: SectionChoice[], words: readonly string[] | undefined): SectionChoice[] {
  const [first] = ranked;
  if (!first || !words?.length || first.hit.example !== undefined) return ranked;
  const names = (c: SectionChoice) => c.passages.some((p) => words.some((word) => normalizeText(p.text).includes(word)));
  return names(first) ? ranked : nearlyAsSureFirst(ranked, names);
}

/** How close a figure written exactly is to a rounded one to be the same figure (「1 兆 4,075 億」 for 「逾 1 兆 4 千億」). */
const SAME_FIGURE = 0.1;

const FIGURE_UNITS: Record<string, number> = { 千: 1e3, 百: 1e2, 萬: 1e4, 億: 1e8, 兆: 1e12 };

/** The figures a text writes, with their Chinese units read: 「1 兆 4,075 億元」 is 1.4075e12, 「210 萬」 2.1e6. */
export function figuresIn(text: string): number[] {
  const figures: number[] = [];
  let value = 0;
  let pending: number | undefined;
  let end = 0;
  const flush = () => {
    if (pending !== undefined) value += pending;
    if (value > 0) figures.push(value);
    value = 0;
    pending = undefined;
  };
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?|[千百萬億兆]/gu)) {
    if (text.slice(end, m.index).trim() !== '') flush();
    end = m.index + m[0].length;
    const unit = FIGURE_UNITS[m[0]];
    if (unit === undefined) {
      // (A number right after a 兆 or 億 goes on the same figure: 「1 兆 4,075 億」.)
      if (pending !== undefined) flush();
      pending = Number(m[0].replaceAll(',', ''));
    } else if (pending !== undefined && unit < 1e4) pending *= unit;
    else if (pending !== undefined) {
      value += pending * unit;
      pending = undefined;
    }
  }
  flush();
  return figures;
}

/** Whether the passages carry the kind of figure asked only in rounded form. */
function onlyApproximate(passages: ScoredPassage[], carries: (passage: string) => boolean): boolean {
  const carrying = passages.filter((p) => carries(p.text));
  return carrying.length > 0 && carrying.every((p) => p.text.search(APPROXIMATE) >= 0 && !carries(p.text.replace(APPROXIMATE, ' ')));
}

/** Every passage writes a figure summed since the start (one of `words`: 累計, 成立迄 …). */
function onlyCumulative(passages: ScoredPassage[], words: string[] | undefined): boolean {
  return words !== undefined && passages.every((p) => words.some((word) => p.text.includes(word)));
}


/**
 * The sections with a table whose rows are named (first cell) by a term of the question of three characters or more,
 * in canonical form (「砂石」 is 土石採取, the row 「礦業及土石採取業」): few, or none when the term names rows everywhere.
 */
function rowsNaming(knowledge: KnowledgeBase, query: string, asOf: string): KnowledgeSection[] {
  const terms = [...new Set(canonical(query).match(WHOLE_TERMS) ?? [])].filter((term) => term.length >= 3);
  if (terms.length === 0) return [];
  const found = new Set<KnowledgeSection>();
  const labels = rowLabelsOf(knowledge);
  for (const term of terms) {
    const naming = labels.filter(({ section, text }) => (section.issued === null || section.issued <= asOf) && text.includes(term)).map(({ section }) => section);
    if (naming.length <= ROW_KIND_EXTRA) for (const section of naming) found.add(section);
  }
  return [...found];
}

/** Each section with tables, and its rows' first cells in canonical form, once per knowledge version. */
const rowLabels = new WeakMap<KnowledgeBase, Array<{ section: KnowledgeSection; text: string }>>();
function rowLabelsOf(knowledge: KnowledgeBase): Array<{ section: KnowledgeSection; text: string }> {
  let labels = rowLabels.get(knowledge);
  if (!labels) {
    labels = [...passageCatalogue(knowledge).sections.values()]
      .filter(({ tables }) => tables.length > 0)
      .map(({ section, tables }) => ({ section, text: tables.flatMap((table) => table.rows.map((row) => canonical(row[0] ?? ''))).join('\n') }));
    rowLabels.set(knowledge, labels);
  }
  return labels;
}

/** Whether a section's tables list rows of a kind named, only of another kind, or neither (its first column's title). */
function rowKindOf(tables: Table[], kinds: { named: string[]; others: string[] }): 'named' | 'other' | undefined {
  const titles = tables.map((t) => normalizeText(t.header[0] ?? ''));
  if (titles.some((title) => kinds.named.some((kind) => title.includes(kind)))) return 'named';
  return titles.some((title) => kinds.others.some((kind) => title.includes(kind))) ? 'other' : undefined;
}

/**
 * The passage writes a year right before one of `events`, the question's words (written or canonical) that the
 * knowledge writes after a year and seldom elsewhere (knowledge/passages.ts datedWords). Not a table row:
 * 「111年保證餘額」 in its header names a column, not something that happened that year.
 */
function yearOfEvent(passage: KnowledgePassage, events: ReadonlySet<string>): boolean {
  return passage.kind !== 'row' && wordsAfterYears(passage.match).some((word) => events.has(word));
}

/** A short passage whose words, numbering aside, are all in the heading. */
function repeatsHeading(passage: KnowledgePassage, heading: string): boolean {
  const core = passage.text.replace(/^[\s\d.、()（）一二三四五六七八九十壹貳參肆伍陸①-⑳]+/, '').replace(/[\s：:]/g, '');
  return passage.kind !== 'row' && core.length >= 2 && core.length <= 30 && heading.includes(matchForm(core).split('\u0000')[0]!);
}

/** Words that appear in every row of a table (「銀行」 in a bank list) tell rows apart less than rare ones. */
function gramWeights(units: KnowledgePassage[], grams: Set<string>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const g of grams) {
    let df = 0;
    for (const u of units) if (u.match.includes(g)) df++;
    // Near zero for a pair in every passage (a table's header repeated on each row), high for a rare one.
    weights.set(g, g.length * Math.log((units.length + 1) / (df + 0.5)));
  }
  return weights;
}


function score(text: string, weights: Map<string, number>): number {
  // Match form is the text as written, then its canonical form (knowledge/passage-terms.ts matchForm).
  const written = text.slice(0, text.indexOf('\u0000') >>> 0);
  let s = 0;
  for (const [g, w] of weights) if (text.includes(g)) s += written.includes(g) ? w : w * W.synonymOnly;
  return s / Math.sqrt(Math.max(20, text.length / 2) / 20);
}

/** A row that names the programme: most of the pairs of its name are in the row. */
function namesRow(match: string, nameGrams: Set<string>): boolean {
  return rowNameShare(match, nameGrams) >= 0.6;
}

function rowNameShare(match: string, nameGrams: Set<string>): number {
  const han = [...nameGrams].filter((g) => /\p{Script=Han}/u.test(g));
  return han.length === 0 ? 0 : han.filter((g) => match.includes(g)).length / han.length;
}

/** The rows a programme's name matches best (enough to name it). */
function bestNamedRows<P extends { passage: { kind: string; match: string } }>(scored: P[], nameGrams: Set<string>): P[] {
  const rows = scored.filter((p) => p.passage.kind === 'row' && namesRow(p.passage.match, nameGrams));
  const best = Math.max(0, ...rows.map((p) => rowNameShare(p.passage.match, nameGrams)));
  return rows.filter((p) => rowNameShare(p.passage.match, nameGrams) === best);
}

export const TOTAL_ROW = /合\s*計|總\s*計|小\s*計|總額|total/i;
/** Sections with the kind of thing asked weighed when none of search's first has it. */
const CARRYING_EXTRA = 3;
/** Sections headed by a total weighed beside search's own when a total is asked. */
/** Sections with tables of the kind of row a ranking names, weighed besides those search ranks first. */
const ROW_KIND_EXTRA = 3;
const TOTAL_EXTRA = 3;
/** Sections of the document replacing one found weighed beside search's own. */
const REPLACING_EXTRA = 3;

function catalogueHeading(knowledge: KnowledgeBase, sectionId: string): string {
  return passageCatalogue(knowledge).sections.get(sectionId)?.heading ?? '';
}
/** Score added to a table's total row when a sum is asked: more than any row's words can earn. */
const TOTAL_ROW_BONUS = 10;

/** Every pair of a row's label (its first cell) is in the question. */
function labelNamed(passage: KnowledgePassage, grams: Set<string>): boolean {
  const pairs = labelPairs(passage);
  return pairs.length > 0 && pairs.every((g) => grams.has(g));
}

/** A table row whose label (first cell) shares a pair of characters with the question. */
function labelTouched(passage: KnowledgePassage, grams: Set<string>): boolean {
  return labelPairs(passage).some((g) => grams.has(g));
}

function labelPairs(passage: KnowledgePassage): string[] {
  const label = passage.text.slice(passage.text.lastIndexOf('：') + 1).trim().split(' ')[0] ?? '';
  return [...gramsOf(matchForm(label).split('\u0000')[0]!)].filter((g) => /\p{Script=Han}{2}/u.test(g));
}

/**
 * 「製造業的保證餘額」→「那運輸倉儲業呢」: a follow-up naming a row of its own asks the question before of that row
 * alone. The rows only the question before named are not quoted (they still counted in choosing the section).
 */
function followedRows(passages: ScoredPassage[], own: Set<string>): ScoredPassage[] {
  const rows = passages.filter((p) => p.passage.kind === 'row' && !isTotalRow(p.passage));
  const ownRows = rows.filter((p) => labelTouched(p.passage, own));
  if (ownRows.length === 0 || ownRows.length === rows.length) return passages;
  return passages.filter((p) => !rows.includes(p) || ownRows.includes(p));
}

/** Adds the sections named, each once and after those already there, as hits search did not score. */
function withSections(hits: SearchHit[], catalogue: PassageCatalogue, ids: readonly string[], keep: (cut: SectionPassages) => boolean = () => true): void {
  const seen = new Set(hits.map((hit) => hit.sectionId));
  for (const id of ids) {
    const cut = catalogue.sections.get(id);
    if (!cut || seen.has(id) || !keep(cut)) continue;
    seen.add(id);
    hits.push(sectionHit(cut.section));
  }
}

/** A section as a search hit it was not found by (score 0: nothing of it matched the words). */
function sectionHit(section: KnowledgeSection): SearchHit {
  return { sectionId: section.id, documentId: section.documentId, title: section.title, section: section.heading, snippet: '', score: 0, issued: section.issued, effectiveFrom: section.effectiveFrom, effectiveTo: section.effectiveTo };
}

/** A table row labelled 合計, 總計 or 小計. */
function isTotalRow(passage: KnowledgePassage): boolean {
  if (passage.kind !== 'row') return false;
  const row = passage.text.slice(passage.text.indexOf('：') + 1);
  return TOTAL_ROW.test(row.split(' ')[0] ?? '');
}

/**
 * 「哪個行業的保證餘額最多？」: the row with the largest (or smallest) figure in the column the question names,
 * as 「header：row」 like any other table passage. Totals are not candidates.
 */
export function extremeRow(knowledge: KnowledgeBase, section: KnowledgeSection, grams: Set<string>, smallest: boolean, against = false): string[] | undefined {
  return rankedRows(knowledge, section, grams, smallest, { from: 1, to: 1 }, against);
}

/**
 * 「保證餘額前三名」「第四名呢」: the rows ranked by the column of figures the question names (largest first, or smallest
 * first), from place `from` to place `to`, each read with the header and its place.
 */
export function rankedRows(knowledge: KnowledgeBase, section: KnowledgeSection, grams: Set<string>, smallest: boolean, places: { from: number; to: number }, against = false): string[] | undefined {
  const cut = passageCatalogue(knowledge).sections.get(section.id);
  const found = cut ? rankedColumn(cut.tables, grams) : undefined;
  if (!found) return undefined;
  const { table, column } = found;
  const candidates = table.rows.filter((r) => !TOTAL_ROW.test(r[0] ?? '') && parseCell(r[column]) !== undefined);
  if (candidates.length < 2) return undefined;
  // 「一般貸款授權最高保幾成」 names its row: 「最高」 is the rule's own word, not a ranking of the rows.
  // (A word of the table's header, 「行業」 in 「行業別」, names no row even when a row label repeats it.)
  const header = matchForm(table.header.join(' '));
  const names = (label: string, share = 0.5) => {
    // Most of the label's pairs are in the question (「一般貸款」), not just a word many labels share (「銀行」).
    const own = [...gramsOf(canonical(label))].filter((g) => /\p{Script=Han}/u.test(g) && !header.includes(g));
    return own.length > 0 && own.filter((g) => grams.has(g)).length / own.length >= share;
  };
  // (「前三名合計」: the total row named is no row of the ranking.)
  // (Set against a row it names, 「第二名的銀行跟臺灣企銀差多少」, the ranking is read and that row quoted after it.)
  const rows = table.rows.filter((r) => !TOTAL_ROW.test(r[0] ?? ''));
  if (!against && rows.some((r) => names(r[0] ?? ''))) return undefined;
  // (The row set against is named whole, 「臺灣企銀」 (not 臺灣銀行 for sharing 臺灣), or by a start no other row has: 「合庫」.)
  const start = (label: string) => [...gramsOf(canonical(label))].find((g) => /^\p{Script=Han}{2}$/u.test(g));
  const startOnly = (label: string) => {
    const pair = start(label);
    // (「第一」 of 「跟第一名差多少」 is a place, not 第一商銀.)
    return pair !== undefined && !/^第[一二三四五六七八九十]$/u.test(pair) && grams.has(pair) && rows.filter((r) => canonical(r[0] ?? '').includes(pair)).length === 1;
  };
  const named = against ? rows.filter((r) => names(r[0] ?? '', 1) || startOnly(r[0] ?? '')) : [];
  const ordered = [...candidates].sort((a, b) => (smallest ? 1 : -1) * (parseCell(a[column])! - parseCell(b[column])!));
  const picked = ordered.slice(places.from - 1, places.to);
  if (picked.length === 0) return undefined;
  const single = places.from === 1 && places.to === 1;
  const line = (row: string[]) => `${table.header.join(' ')}：${row.join(' ')}`;
  return [...picked.map((row, i) => `${single ? '' : `第${places.from + i}名 `}${line(row)}`), ...named.filter((row) => !picked.includes(row)).map(line)];
}

/**
 * 「上市櫃跟興櫃有多少家」: when the rows quoted are every row of a table but its total, the total row answers the
 * question as a whole; it is returned to be quoted after them.
 */
export function totalRowOf(knowledge: KnowledgeBase, section: KnowledgeSection, quoted: readonly string[]): string | undefined {
  const cut = passageCatalogue(knowledge).sections.get(section.id);
  for (const table of cut?.tables ?? []) {
    const total = table.rows.find((r) => TOTAL_ROW.test(r[0] ?? ''));
    const parts = table.rows.filter((r) => r !== total);
    if (!total || parts.length < 2) continue;
    const shown = (row: string[]) => quoted.some((q) => q.includes(row.join(' ')));
    if (parts.every(shown) && !shown(total)) return `${table.header.join(' ')}：${total.join(' ')}`;
  }
  return undefined;
}

/**
 * 「臺灣企銀的保證餘額排第幾」: where a quoted table row stands in its table, by the column the question names (else the
 * first column of figures), largest first; total rows are not ranked. One line per quoted row found in a table.
 */
export function placesInRanking(knowledge: KnowledgeBase, section: KnowledgeSection, grams: Set<string>, quoted: readonly string[], neighbour?: 'above' | 'below'): string[] {
  const cut = passageCatalogue(knowledge).sections.get(section.id);
  if (!cut) return [];
  const lines: string[] = [];
  for (const table of cut.tables) {
    const named = rankedColumn([table], grams)?.column;
    const column = named ?? table.header.findIndex((_, i) => i > 0 && table.rows.some((r) => parseCell(r[i]) !== undefined));
    if (column <= 0) continue;
    const candidates = table.rows.filter((r) => !TOTAL_ROW.test(r[0] ?? '') && parseCell(r[column]) !== undefined);
    if (candidates.length < 2) continue;
    const ordered = [...candidates].sort((a, b) => parseCell(b[column])! - parseCell(a[column])!);
    for (const row of candidates) {
      if (!quoted.some((q) => q.includes(row.join(' ')))) continue;
      const place = ordered.filter((r) => parseCell(r[column])! > parseCell(row[column])!).length + 1;
      lines.push(`「${row[0]}」依「${table.header[column]}」在本表 ${candidates.length} 列中由高至低排第 ${place}。`);
      // (「跟前一名差多少」: the row ranked next to it, quoted whole, and the difference of the two.)
      const next = neighbour ? ordered[neighbour === 'above' ? place - 2 : place] : undefined;
      if (!next || next === row) continue;
      const asLine = (r: string[]) => `${table.header.join(' ')}：${r.join(' ')}`;
      const cells = next.slice(1).map((cell, i) => `${table.header[i + 1] ?? ''} ${cell}`.trim()).join('；');
      lines.push(`排在${neighbour === 'above' ? '前' : '後'}一名（第 ${neighbour === 'above' ? place - 1 : place + 1} 名）的是「${next[0]}」：${cells}。`);
      const unit = quoted.find((q) => /單位：/u.test(q));
      const difference = rowDifference([...(unit ? [unit] : []), asLine(row), asLine(next)]);
      if (difference) lines.push(difference);
    }
  }
  return lines;
}

/** A table column of figures whose header the question names (「保證餘額」, 「結構比」): what a ranking ranks. */
function rankedColumn(tables: Table[], grams: Set<string>): { table: Table; column: number } | undefined {
  const figures = (table: Table, i: number) => i > 0 && table.rows.some((r) => parseCell(r[i]) !== undefined);
  for (const table of tables) {
    const column = table.header.findIndex((title, i) => figures(table, i) && [...grams].some((g) => g.length > 1 && matchForm(title).includes(g)));
    if (column > 0) return { table, column };
  }
  // 「第三名的地區是哪裡」 names the kind of row (the first column's title, 「地區別」) and no column: the table's first
  // column of figures is what it ranks by.
  for (const table of tables) {
    const kind = [...gramsOf(matchForm(table.header[0] ?? '').split('\u0000')[0]!)].filter((g) => /\p{Script=Han}{2}/u.test(g));
    const column = table.header.findIndex((_, i) => figures(table, i));
    if (column > 0 && kind.some((g) => grams.has(g))) return { table, column };
  }
  return undefined;
}

function parseCell(cell: string | undefined): number | undefined {
  const m = /^-?[\d,]+(?:\.\d+)?%?$/.exec((cell ?? '').replace(/\s+/g, ''));
  return m ? Number(m[0].replace(/[,%]/g, '')) : undefined;
}

/** Table rows read with the table's unit (「金額單位：新臺幣百萬元」), which the rows themselves do not carry. */
export function withUnit(knowledge: KnowledgeBase, section: KnowledgeSection, quoted: string[]): string[] {
  const cut = passageCatalogue(knowledge).sections.get(section.id);
  if (!cut || cut.tables.length === 0 || !quoted.some((q) => /：[^：\n\r\u2028\u2029]*\d/.test(q))) return quoted;
  return cut.unit && !quoted.includes(cut.unit) ? [cut.unit, ...quoted] : quoted;
}

/** The list items of a section (「1. …」, 「① …」). */
export function listItemsOf(knowledge: KnowledgeBase, section: KnowledgeSection): string[] {
  return passageCatalogue(knowledge).sections.get(section.id)?.listItems ?? [];
}

/** The issue date of the newest document in force at the date asked. */
export function newestIssued(knowledge: KnowledgeBase, asOf: string): string | undefined {
  const dates = knowledge.documents.map((d) => d.meta.issued).filter((issued): issued is string => issued !== null && issued <= asOf);
  return dates.sort().at(-1);
}

/** Replaced by a later rule, or in a document whose period has ended. */
export function isHistory(section: KnowledgeSection, asOf: string): boolean {
  return (section.supersededFrom !== undefined && section.supersededFrom <= asOf) || (section.effectiveTo !== null && section.effectiveTo < asOf);
}
