import type { FactFlags, Facts } from '../rules/facts.ts';
import type { ProgrammeId } from '../rules/programmes.ts';
import { cueRegExp, prefixRegExp } from './cues.ts';
import type { DomainFiles } from './load.ts';
import type { ASK_IDS, ROLES } from './schema.ts';

export type AskTopic = (typeof ASK_IDS)[number];
type Choice<K extends keyof Facts> = Array<{ value: NonNullable<Facts[K]>; cue: RegExp }>;

export interface FactQuestionWords {
  label: string;
  question: string;
  quickReplies: string[];
  /** Other answers users give, which understanding must read (checked by the registry test). */
  examples: string[];
  /** What a bare answer is read after (「300萬」 → 「短、中期週轉授信總餘額300萬」); the label unless given. */
  context?: string;
  /** The unit a bare number is read with (「四十八」 → 「四十八歲」). */
  unit?: string;
  /** Questions stating the fact makes answerable (offered when a message states it and asks nothing). */
  leadsTo: string[];
}

/** The registry, compiled once per version: what understanding and dialogue read instead of word lists in code. */
export interface Domain {
  /** A hash of the files' content. */
  version: string;
  programmes: {
    /** Every name, with its programme; circumstances are weak names (莫拉克 names a plan only when nothing else is named). */
    names: Array<{ id: ProgrammeId; name: string; weak: boolean }>;
    /** Names a programme went by before it was renamed (programmes.yaml `former_names`): they name it in a message, never in the documents. */
    formerNames: Array<{ id: ProgrammeId; name: string }>;
    /** Phrases that hold a name without naming the programme; the longest reading wins, as between names. */
    notNames: string[];
    /** Words that may stand beside a name in a message only naming a programme (longest first). */
    nameAlone: string[];
    /** Words standing for the part of a name one does not remember (「鳳什麼的」). */
    nameWildcards: string[];
    /** What may follow a wildcard when no character of the name does (「鳳什麼的」). */
    nameWildcardEnds: string[];
    /** A programme described rather than named (「專門給婦女創業的」), by the words of programmes.yaml `described_by`. */
    described: Array<{ id: ProgrammeId; pattern: RegExp }>;
    documents: Record<ProgrammeId, string[]>;
    /** The plan a programme is one measure of (programmes.yaml `part_of`): its rules answer what the programme's own do not. */
    partOf: Partial<Record<ProgrammeId, ProgrammeId>>;
    /** The programme a figure question naming none is answered for, the asks that applies to, and what is said first. */
    unnamed?: { programme: ProgrammeId; asks: string[]; words: string[]; note: string; feeNote?: string };
  };
  facts: {
    questions: Partial<Record<keyof Facts, FactQuestionWords>>;
    /** The reply to a first message that only states facts: its question and chips (after each fact's `leadsTo`). */
    factsOnly: { question: string; quickReplies: string[] };
    /**
     * Facts and circumstances only one programme's rules read (the recovery need of 災害復舊貸款, a 促進就業具結書), and
     * that programme: stating one names it.
     */
    namingProgramme: { facts: Partial<Record<keyof Facts, ProgrammeId>>; flags: Partial<Record<keyof FactFlags, ProgrammeId>> };
    /** `verb`: what a follow-up says of the circumstance without naming it (「如果沒簽呢」 of the 具結書). */
    /** `documentsSay`: how the documents name the circumstance said in one's own words, searched with the question. */
    /** `notANeed`: the words telling the circumstance (「房貸有逾期」) name no need of the finder (房貸 is no request for one). */
    /** `against`: words saying the circumstance does not hold (「幫建商蓋民間住宅大樓」 is no public construction). */
    flags: Array<{ flag: keyof FactFlags; label: string; question: string; cue: RegExp; verb?: RegExp; documentsSay?: string[]; notANeed?: boolean; against?: RegExp; lenderListed?: boolean }>;
    industry: Choice<'industry'>;
    /** The category named outright (生產事業, 一般事業): it decides over the words describing a business. */
    industryOutright: Choice<'industry'>;
    gender: Choice<'gender'>;
    submission: Choice<'submission'>;
    lender: Choice<'lender'>;
    loanPurpose: Choice<'loanPurpose'>;
  };
  asks: {
    topics: Array<{ topic: AskTopic; cue: RegExp }>;
    /** Asks that need the case's loan amount, and what their words ask without one. */
    withoutAmount: Partial<Record<AskTopic, AskTopic>>;
    /** Words naming the ratio itself (asks.yaml ratio_named). */
    ratioNamed: RegExp;
    answeredByFact: Partial<Record<AskTopic, string>>;
    /** Words saying the clauses before also asked something (也問一下, 順便問). */
    also: RegExp;
    /** Words between an ask's word and a figure that change the case (縮短成): the figure is stated, not asked. */
    changedTo: RegExp;
    /** The only other words (besides asks and programme names) a clause listing what is asked may hold. */
    listedWith: string[];
    /** Phrases pointing back at what was discussed (這個…的額度): their words name it, they do not ask it. */
    referent: { opens: RegExp; ends: RegExp; within: number; askedOf: Set<string> };
    /** 「現在還是這樣嗎」: a question about what the clauses before it said. */
    refersBack: RegExp;
    /** A question of when something is done (幾月…申請): what follows it in the clause is what is done, not asked. Global: for matchAll. */
    asksWhenDone: RegExp;
    feeAmountQuestion: RegExp;
    /** The same, global: every place an amount to pay is asked (for matchAll). */
    feeAmountQuestions: RegExp;
    feeAmountWithFee: RegExp;
    /** 「每年要繳多少」: the fee for one year, when no period is stated. */
    perYear: RegExp;
    interrogative: RegExp;
    vagueDefinition: RegExp;
    /** Asks whose words only label a case fact when the message asks nothing and states a loan. */
    labelsWhenStating: ReadonlySet<AskTopic>;
    /** Per ask, fragments of the names of the parameters that answer it (「!fee_cap」 excludes; see `readsParameter`). */
    parameters: Record<string, readonly string[]>;
    /** Parameter folders or names that a question's words point to (營授比 → business_finance_ratio). */
    parameterTopics: Array<{ topic: string; cue: RegExp }>;
    /** Per ask, what a passage must contain to answer it. */
    evidence: Partial<Record<string, RegExp>>;
    /** What an answer calls an ask when saying the documents do not give it (interest_rate → 貸款利率). */
    askNames: Partial<Record<string, string>>;
    /** An ask whose clause names another's thing as its subject (payment of a fee): that thing is not asked, unless these words are there. */
    askSubjects: Array<{ ask?: AskTopic; said?: RegExp; subjects: ReadonlySet<AskTopic>; unless: RegExp }>;
    /** A rule topic named turns these ambiguous asks into its own (unless the words said). */
    topicAsks: Array<{ topic: string; ask: AskTopic; insteadOf: ReadonlySet<string>; unless: RegExp }>;
  };
  intents: {
    /** Words around a programme named only as a contrast (「只有一般貸款才有」). */
    contrast: { before: RegExp; after: RegExp } | undefined;
    /** Words right before a programme left out of what is asked about (「除了一般貸款，…還有哪些」). */
    excluding: RegExp | undefined;
    reset: RegExp;
    thanks: RegExp;
    complaint: RegExp;
    help: RegExp;
    convertUnits?: RegExp;
    greeting: RegExp;
    outOfScope: RegExp;
    /** Requests declined whatever else the message says, first match wins, each with its reply. */
    /**
     * Requests the bot turns down. `claimAsks`: for a claim the user wants told to others (「幫我寫文宣說批保手續費全免」),
     * the asks whose words the message says (手續費 → fee_rate), answered from the rules after the refusal.
     */
    declines: ReadonlyArray<{ key: string; cue: RegExp; reply: string; ruleWords: readonly string[]; decideCase: boolean; toldUntrue: boolean; claimAsks: ReadonlyArray<{ ask: string; words: readonly string[] }> }>;
    onTopic: RegExp;
    firstPerson: RegExp;
    locatedSelf: readonly string[];
    question: RegExp;
    eligibilityQuestion: RegExp;
    /** 「有什麼貸款適合我？」「信保可以幫忙嗎」: which programme fits, the user names none. */
    recommend: RegExp;
    others: RegExp;
    /** 「聽說…1%」: a figure heard, not quoted by the lender (`quoted` words in the same clause make it the lender's). */
    hearsay?: { heard: RegExp; quoted: RegExp; feared?: RegExp };
    /** 「哪些公司符合」: who may apply (of the programme discussed, or in general), not which programme fits. */
    whoQualifies: RegExp;
    mayUse: RegExp;
    change: RegExp;
  };
  modifiers: { threshold?: RegExp; lower?: RegExp; lowerOfTwo?: RegExp; higherOfTwo?: RegExp; whichLender?: RegExp; originally?: RegExp; past?: RegExp; until?: RegExp; longestTerm?: RegExp; rowAbove?: RegExp; rowBelow?: RegExp; difference?: RegExp; addsToBefore?: RegExp; share?: RegExp; whichYear?: RegExp; times?: RegExp; growth?: RegExp; per?: RegExp; yearsBetween?: RegExp; westernYear?: RegExp; which: RegExp; still: RegExp; several: RegExp; most: RegExp; least: RegExp; yesNo: RegExp; list: RegExp; comparison: RegExp; current: RegExp; bothWays: RegExp; notWaived: RegExp; total: RegExp; placeOf: RegExp };
  followUp: { leaning: RegExp; conditional: RegExp; comparing: RegExp; pointing: RegExp; opening: RegExp; alone: ReadonlySet<string>; joiners: readonly string[]; ending: RegExp; pronoun: RegExp; refersBack: readonly string[]; rowPointer: RegExp };
  /** Whole-message answers to a yes-or-no question. */
  answers: { yes: ReadonlySet<string>; no: ReadonlySet<string> };
  finder: Finder;
  roles: RoleWords;
  english: EnglishWords;
  words: {
    filler: ReadonlySet<string>;
    /** Words removed from a question before its passages are matched. */
    queryFiller: RegExp;
    /** The fund's terms and every programme name, longest first. */
    terms: readonly string[];
    /** What follows the one who told something (words.yaml told_by). */
    toldBy: readonly string[];
    /** Words of not knowing (words.yaml not_known), each followed in its clause by what is not known. */
    notKnown: RegExp | undefined;
    /** Words of a year relative to another (words.yaml relative_years), longest first, with how many years they move. */
    relativeYears: ReadonlyArray<{ word: string; offset: number }>;
    /** Known misspellings (手續廢 → 手續費) and short forms (上市櫃 → 上市、上櫃): any of them, and what each is written as. */
    misspellings: { any: RegExp; right: ReadonlyMap<string, string> } | undefined;
  };
}

type RoleKind = keyof typeof ROLES;
/** A cue of a figure's role; `within`: how close to the figure it must end to count. */
export interface RoleCue<R extends string> {
  /** Read only when the cue follows the figure (「一年後」, not 「優惠後一年」). */
  afterOnly?: boolean;
  /** Names the role only as the default would (「需要5000萬」): a figure it reads may be the conversation's own kind again. */
  byDefault?: boolean;
  role: R;
  cue: RegExp;
  within?: number;
}

/** Which figure is which (domain/registry/roles.yaml). */
export interface RoleWords {
  cues: { [K in RoleKind]: Array<RoleCue<(typeof ROLES)[K][number]>> };
  /** 「復工要重買設備跟原料，大概需要250萬」: amount cues that reach across a comma, ending right before the figure. */
  reaching: Array<RoleCue<(typeof ROLES)['amount'][number]>>;
  /** 「未滿一年」「5年以內」「超過45歲」: the figure is a bound. */
  underBefore: RegExp;
  underAfter: RegExp;
  /** 「是1億嗎」: the words around a guessed figure. */
  guess?: { before: RegExp; after: RegExp; whichRight?: RegExp };
  overBefore: RegExp;
  overAfter: RegExp;
  /** 「103年12月15日以前」: after a day, words making it the last day before it. */
  beforeDay?: RegExp;
  /** 「今年45」: a bare number right after these is an age. */
  ageBefore: RegExp;
  /** Words after that number making it part of a name (「八八水災」), not an age. */
  ageNotAfter: RegExp;
  /** 「借兩百五」: a number with no unit right after a borrowing word (`after`, matched at the end of the text before it) is in `unit`. */
  unitOmitted: { after: RegExp; unit: number; below: number; opening?: boolean; standalone?: boolean } | undefined;
  /** Beside a revenue, a 週轉借款 is the balance the 營授比 divides. */
  balanceBesideRevenue: RegExp;
  /** 「餘額含這筆共700萬」: the balance already counts the loan asked about. */
  balanceIncludesLoan: RegExp;
  disasterWords: RegExp;
  extraQuotaUsed?: { partOf: RegExp; quota: RegExp };
  /** 「（已乘保證成數）」: the amount stated is the guaranteed amount. */
  guaranteedMarkers: RegExp | undefined;
  /** Words correcting the figure just said (不對 是…, 打錯了 是…). */
  corrections: RegExp;
  /** Words saying the 火金姑 donation is the lowest allowed (roles.yaml donation_at_minimum). */
  donationAtMinimum: RegExp;
  /** Words saying the 火金姑 donation is the amount the rules name as the norm (roles.yaml donation_at_standard). */
  donationAtStandard: RegExp;
  /** Words saying how many years ago the business was founded (「去年才開」 → 1), with the founding words near them. */
  yearsAgo: { word: RegExp; cue: RegExp; years: ReadonlyMap<string, number>; within: number } | undefined;
}

/** English phrases and the Chinese words understanding knows them by (domain/registry/english.yaml). */
export interface EnglishWords {
  /** Every phrase, longest first, as whole words, global. */
  pattern: RegExp;
  /** A phrase matched, lower-case without spaces or hyphens (and without a plural ending) → its Chinese. */
  chinese: ReadonlyMap<string, string>;
}

/** The programme finder's words (domain/registry/finder.yaml). */
export interface Finder {
  /** Needs users describe (創業, 週轉, 自有品牌 …), each with the programmes to look at first; none means nothing fits. */
  purposes: Array<{
    id: string;
    label: string;
    cue: RegExp;
    flags: Partial<Record<keyof FactFlags, boolean>>;
    programmes: ProgrammeId[];
    /** Circumstances the need amounts to (多請員工、不裁員 is what the 促進就業具結書 pledges): its programmes are weighed with them, said so. */
    weighedWith: Partial<Record<keyof FactFlags, boolean>>;
    /** Guarantees the documents name for the need without their figures (赴有邦交國家投資): told with the passage that names them. */
    mentioned: Array<{ name: string; document: string; section: string; quote: string }>;
    /** A circumstance (受災): told with a use (重建廠房), its programmes come before the use's. */
    leads: boolean;
    /** The need says who applies (a large enterprise), not what the loan is for. */
    applicant: boolean;
  }>;
  /** Programmes that fit by who the applicant is (age, gender, business age), whatever the purpose. */
  audienceProgrammes: ProgrammeId[];
  /** Who a programme is for, where no parameter says it. */
  audience: Partial<Record<ProgrammeId, string>>;
  /** The parameter holding a plan's period: once it has ended, the programme is history, not a recommendation. */
  planPeriods: Partial<Record<ProgrammeId, string>>;
  /**
   * Programmes the documents describe only as in force at their own date (災害復舊專案貸款, listed in 民國99年 as a
   * current policy loan): shown marked with that date and the service lines to confirm what applies now.
   */
  asOfDocument: ProgrammeId[];
  /** Facts worth asking for, most decisive first. */
  questionOrder: string[];
  /** What the money is for, asked when no need is stated and who the applicant is decides nothing (a 12-year-old factory). */
  needQuestion: { question: string; quickReplies: string[] };
  /** Answers to tap, with a short note of what each means, by fact. */
  quickReplies: Record<string, string[]>;
  /**
   * 「要去哪裡申請」「要準備什麼文件」: an applicant asking how to apply (`cue`), and for the documents to bring
   * (`documents`); a lending bank's question about filing (`lenderSide`: 勾哪個欄位) is not one.
   */
  howToApply: { cue: RegExp; documents: RegExp; lenderSide: RegExp; direct: RegExp; whereSaid: RegExp };
}

function choices<K extends keyof Facts>(record: Record<string, Parameters<typeof cueRegExp>[0]>): Choice<K> {
  return Object.entries(record).map(([value, cues]) => ({ value: value as NonNullable<Facts[K]>, cue: cueRegExp(cues) }));
}

function escapedWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Whether an ask's fragments read a parameter: its name holds one of them and none of the excluded ones (written with a
 * leading 「!」): cap_amount reads every 「cap」 but 「!fee_cap」, a fee rate's ceiling.
 */
export function readsParameter(fragments: readonly string[] | undefined, name: string): boolean {
  if (!fragments) return false;
  return fragments.some((f) => !f.startsWith('!') && name.includes(f)) && !fragments.some((f) => f.startsWith('!') && name.includes(f.slice(1)));
}

/** The words as one alternation, escaped, longest first (so 「借款」 is tried before 「借」). */
function longestFirst(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapedWord).join('|');
}

/** One of the words at the end of a text, optionally followed by up to two of `between` (「借款總共有」 ends with 借款). */
function suffixRegExp(words: readonly string[], between: readonly string[] = []): RegExp {
  const gap = between.length > 0 ? `(?:(?:${longestFirst(between)})\\s*){0,2}` : '';
  return new RegExp(`(?:${longestFirst(words)})\\s*${gap}$`);
}

function startRegExp(words: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${longestFirst(words)})`);
}

/** A phrase's key: lower-case letters and digits only, so "start-up", "start up" and "startup" are one. */
export function englishKey(phrase: string): string {
  return phrase.toLowerCase().replace(/[\s-]+/g, '');
}

/** Alternatives (longest first) grouped under their first letter, each group keeping that order: the same matches. */
function byFirstLetter(alternatives: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const others: string[] = [];
  for (const alternative of alternatives) {
    const first = alternative[0] ?? '';
    if (!/[a-z0-9]/.test(first)) others.push(alternative);
    else groups.set(first, [...(groups.get(first) ?? []), alternative.slice(1)]);
  }
  const grouped = [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`);
  return [...grouped, ...others].join('|');
}

function compileEnglish(file: DomainFiles['english.yaml'], programmes: DomainFiles['programmes.yaml']['programmes']): EnglishWords {
  const chinese = new Map<string, string>();
  for (const [id, phrases] of Object.entries(file.programmes)) {
    const name = programmes[id as ProgrammeId]?.aliases[0];
    if (name) for (const phrase of phrases ?? []) chinese.set(englishKey(phrase), name);
  }
  for (const [word, phrases] of Object.entries(file.words)) for (const phrase of phrases) chinese.set(englishKey(phrase), word);
  const phrases = [...new Set([...Object.values(file.programmes).flatMap((p) => p ?? []), ...Object.values(file.words).flat()])];
  const alternatives = phrases
    .sort((a, b) => b.length - a.length)
    .map((phrase) => {
      const words = phrase.trim().split(/[\s-]+/);
      // A plural ending ("fees", "branches"), though not on a word of one or two letters: "his" is no plural of "hi".
      // (Words apart by a space, a hyphen, both, or nothing: "short- and medium-term", "start-up", "startup".)
      return `${words.map(escapedWord).join('(?:\\s|-){0,2}')}${(words.at(-1)?.length ?? 0) >= 3 ? '(?:e?s)?' : ''}`;
    });
  // (The first letter looked at first: a message of Chinese with one Latin letter is not tried at every position;
  // then only the phrases starting with the letter there, so 「a一a一…」 is not tried against every phrase.)
  return { pattern: new RegExp(`(?=[a-z])(?<![a-z0-9])(?:${byFirstLetter(alternatives)})(?![a-z0-9])`, 'g'), chinese };
}

function compileRoles(file: DomainFiles['roles.yaml']): RoleWords {
  const cues = <K extends RoleKind>(kind: K) =>
    file[kind].map((entry) => ({ role: entry.role, cue: cueRegExp(entry.cues, 'gu'), ...(entry.within !== undefined ? { within: entry.within } : {}), ...(entry.after_only ? { afterOnly: true } : {}), ...(entry.by_default ? { byDefault: true } : {}) })) as RoleWords['cues'][K];
  // Cues that may reach across a comma (`sentence: true`), for an amount read in its own clause otherwise.
  const reaching = file.amount.flatMap((entry) => {
    const spanning = entry.cues.filter((cue) => typeof cue === 'object' && 'first' in cue && cue.sentence === true);
    return spanning.length > 0 ? [{ role: entry.role, cue: cueRegExp(spanning, 'gu'), within: 0 }] : [];
  }) as RoleWords['reaching'];
  return {
    cues: { amount: cues('amount'), percent: cues('percent'), duration: cues('duration'), date: cues('date') },
    reaching,
    underBefore: suffixRegExp(file.bounds.under_before),
    underAfter: startRegExp(file.bounds.under_after),
    ...(file.guess ? { guess: { before: suffixRegExp(file.guess.before), after: startRegExp(file.guess.after), ...(file.guess.which_right ? { whichRight: cueRegExp(file.guess.which_right) } : {}) } } : {}),
    overBefore: suffixRegExp(file.bounds.over_before),
    overAfter: startRegExp(file.bounds.over_after),
    ...(file.bounds.before_day ? { beforeDay: startRegExp(file.bounds.before_day) } : {}),
    ageBefore: suffixRegExp(file.age_before),
    ageNotAfter: startRegExp(file.age_not_after),
    unitOmitted: file.unit_omitted
      ? {
          after: suffixRegExp(file.unit_omitted.after, file.unit_omitted.between),
          unit: file.unit_omitted.unit,
          below: file.unit_omitted.below,
          ...(file.unit_omitted.opening ? { opening: true } : {}),
          ...(file.unit_omitted.standalone ? { standalone: true } : {}),
        }
      : undefined,
    balanceBesideRevenue: cueRegExp(file.balance_beside_revenue),
    balanceIncludesLoan: cueRegExp(file.balance_includes_loan),
    disasterWords: cueRegExp(file.disaster_words),
    ...(file.extra_quota_used ? { extraQuotaUsed: { partOf: cueRegExp(file.extra_quota_used.part_of), quota: cueRegExp(file.extra_quota_used.quota) } } : {}),
    guaranteedMarkers: file.guaranteed_markers ? cueRegExp(file.guaranteed_markers) : undefined,
    corrections: cueRegExp(file.corrections ?? []),
    donationAtMinimum: file.donation_at_minimum ? cueRegExp(file.donation_at_minimum) : /(?!)/u,
    donationAtStandard: file.donation_at_standard ? cueRegExp(file.donation_at_standard) : /(?!)/u,
    yearsAgo: file.years_ago
      ? {
          word: new RegExp(longestFirst(Object.keys(file.years_ago.words)), 'g'),
          cue: cueRegExp(file.years_ago.cues, 'g'),
          years: new Map(Object.entries(file.years_ago.words)),
          within: file.years_ago.within,
        }
      : undefined,
  };
}


export function compileDomain(files: DomainFiles, version: string): Domain {
  const { programmes, not_names: notNames = [], name_alone: nameAlone = [], name_wildcards: nameWildcards = [], name_wildcard_ends: nameWildcardEnds = [], unnamed } = files['programmes.yaml'];
  const facts = files['facts.yaml'];
  const asks = files['asks.yaml'];
  const intents = files['intents.yaml'];
  const words = files['words.yaml'];
  const finder = files['finder.yaml'];
  const names = (Object.entries(programmes) as Array<[ProgrammeId, (typeof programmes)[ProgrammeId]]>).flatMap(([id, p]) => [
    ...p.aliases.map((name) => ({ id, name, weak: false })),
    ...(p.circumstances ?? []).map((name) => ({ id, name, weak: true })),
  ]);
  const questionOf = (q: {
    label: string;
    question: string;
    quick_replies?: string[] | undefined;
    examples?: string[] | undefined;
    context?: string | undefined;
    unit?: string | undefined;
    leads_to?: string[] | undefined;
  }): FactQuestionWords => ({
    label: q.label,
    question: q.question,
    quickReplies: q.quick_replies ?? [],
    examples: q.examples ?? [],
    leadsTo: q.leads_to ?? [],
    ...(q.context ? { context: q.context } : {}),
    ...(q.unit ? { unit: q.unit } : {}),
  });
  return {
    version,
    programmes: {
      names,
      formerNames: (Object.entries(programmes) as Array<[ProgrammeId, (typeof programmes)[ProgrammeId]]>).flatMap(([id, p]) => (p.former_names ?? []).map((name) => ({ id, name }))).sort((a, b) => b.name.length - a.name.length),
      notNames,
      nameAlone: [...nameAlone].sort((a, b) => b.length - a.length),
      nameWildcards,
      nameWildcardEnds,
      described: (Object.entries(programmes) as Array<[ProgrammeId, (typeof programmes)[ProgrammeId]]>).flatMap(([id, p]) => (p.described_by ? [{ id, pattern: cueRegExp(p.described_by, 'gu') }] : [])),
      documents: Object.fromEntries(Object.entries(programmes).map(([id, p]) => [id, p.documents])) as Record<ProgrammeId, string[]>,
      partOf: Object.fromEntries(Object.entries(programmes).flatMap(([id, p]) => (p.part_of ? [[id, p.part_of]] : []))) as Partial<Record<ProgrammeId, ProgrammeId>>,
      ...(unnamed ? { unnamed: { programme: unnamed.programme as ProgrammeId, asks: unnamed.asks, words: unnamed.words, note: unnamed.note, ...(unnamed.fee_note ? { feeNote: unnamed.fee_note } : {}) } } : {}),
    },
    facts: {
      questions: Object.fromEntries(Object.entries(facts.facts).flatMap(([fact, q]) => (q ? [[fact, questionOf(q)]] : []))),
      factsOnly: { question: facts.facts_only.question, quickReplies: facts.facts_only.quick_replies },
      namingProgramme: {
        facts: Object.fromEntries(Object.entries(facts.facts).flatMap(([fact, q]) => (q?.names_programme ? [[fact, q.names_programme as ProgrammeId]] : []))),
        flags: Object.fromEntries(Object.entries(facts.flags).flatMap(([flag, f]) => (f.names_programme ? [[flag, f.names_programme as ProgrammeId]] : []))),
      },
      flags: Object.entries(facts.flags).map(([flag, f]) => ({
        flag: flag as keyof FactFlags,
        label: f.label,
        question: f.question,
        cue: cueRegExp(f.cues),
        ...(f.follow_up_verbs?.length ? { verb: cueRegExp(f.follow_up_verbs) } : {}),
        ...(f.documents_say?.length ? { documentsSay: f.documents_say } : {}),
        ...(f.not_a_need ? { notANeed: true } : {}),
        ...(f.cues_against?.length ? { against: cueRegExp(f.cues_against) } : {}),
        ...(f.lender_listed ? { lenderListed: true } : {}),
      })),
      industry: choices<'industry'>(facts.choices.industry),
      industryOutright: choices<'industry'>(facts.choices.industry_outright ?? {}),
      gender: choices<'gender'>(facts.choices.gender),
      submission: choices<'submission'>(facts.choices.submission),
      lender: choices<'lender'>(facts.choices.lender ?? {}),
      loanPurpose: choices<'loanPurpose'>(facts.choices.loanPurpose),
    },
    asks: {
      topics: Object.entries(asks.asks).map(([topic, cues]) => ({ topic: topic as AskTopic, cue: cueRegExp(cues, 'g') })),
      withoutAmount: asks.without_amount,
      ratioNamed: asks.ratio_named.length > 0 ? cueRegExp(asks.ratio_named) : /(?!)/u,
      answeredByFact: asks.answered_by_fact,
      also: asks.also ? cueRegExp(asks.also) : /(?!)/,
      changedTo: new RegExp(`^\\s*(?:${longestFirst(asks.changed_to ?? [])})\\s*$`),
      listedWith: [...(asks.listed_with ?? [])].sort((a, b) => b.length - a.length),
      refersBack: asks.refers_back.length > 0 ? cueRegExp(asks.refers_back) : /(?!)/,
      referent: asks.referent ? { opens: cueRegExp(asks.referent.opens, 'g'), ends: cueRegExp(asks.referent.ends, 'g'), within: asks.referent.within, askedOf: new Set(asks.referent.asked_of) } : { opens: /(?!)/g, ends: /(?!)/g, within: 0, askedOf: new Set<string>() },
      asksWhenDone: asks.asks_when_done ? cueRegExp(asks.asks_when_done, 'g') : /(?!)/g,
      feeAmountQuestion: cueRegExp(asks.fee_amount_question),
      feeAmountQuestions: cueRegExp(asks.fee_amount_question, 'g'),
      feeAmountWithFee: cueRegExp([...asks.fee_amount_question, ...asks.fee_amount_with_fee]),
      perYear: cueRegExp(asks.per_year ?? []),
      interrogative: cueRegExp(asks.interrogative),
      vagueDefinition: prefixRegExp(asks.vague_definition),
      labelsWhenStating: new Set(asks.labels_when_stating),
      parameters: asks.parameters,
      parameterTopics: Object.entries(asks.parameter_topics).map(([topic, cues]) => ({ topic, cue: cueRegExp(cues) })),
      evidence: Object.fromEntries(Object.entries(asks.evidence).flatMap(([ask, cues]) => (cues ? [[ask, cueRegExp(cues)]] : []))),
      askNames: asks.ask_names,
      askSubjects: asks.ask_subjects.map((s) => ({
        ...(s.asked ? { ask: s.asked as AskTopic } : {}),
        ...(s.said ? { said: cueRegExp(s.said) } : {}),
        subjects: new Set(s.subjects as AskTopic[]),
        unless: s.unless ? cueRegExp(s.unless) : /(?!)/,
      })),
      topicAsks: Object.entries(asks.topic_asks).map(([topic, t]) => ({ topic, ask: t.ask as AskTopic, insteadOf: new Set(t.instead_of), unless: t.unless ? cueRegExp(t.unless) : /(?!)/ })),
    },
    intents: {
      contrast: intents.contrast ? { before: suffixRegExp(intents.contrast.before), after: startRegExp(intents.contrast.after) } : undefined,
      excluding: intents.excluding?.length ? suffixRegExp(intents.excluding) : undefined,
      reset: cueRegExp(intents.reset),
      thanks: cueRegExp(intents.thanks),
      complaint: cueRegExp(intents.complaint),
      help: cueRegExp(intents.help),
      ...(intents.convert_units?.length ? { convertUnits: cueRegExp(intents.convert_units) } : {}),
      greeting: prefixRegExp(intents.greeting),
      outOfScope: cueRegExp(intents.out_of_scope),
      declines: Object.entries(intents.declines).map(([key, d]) => ({ key, cue: cueRegExp(d.cues), reply: d.reply, ruleWords: d.rule_words ?? [], decideCase: d.decide_case === true, toldUntrue: d.told_untrue === true, claimAsks: Object.entries(d.claim_asks ?? {}).map(([ask, words]) => ({ ask, words: words ?? [] })) })),
      onTopic: cueRegExp(intents.on_topic),
      firstPerson: cueRegExp(intents.first_person),
      locatedSelf: intents.located_self ?? [],
      question: cueRegExp(intents.question),
      eligibilityQuestion: cueRegExp(intents.eligibility_question),
      recommend: cueRegExp(intents.recommend),
      others: intents.others.length > 0 ? cueRegExp(intents.others) : /(?!)/u,
      ...(intents.hearsay ? { hearsay: { heard: cueRegExp(intents.hearsay.heard), quoted: cueRegExp(intents.hearsay.quoted), ...(intents.hearsay.feared ? { feared: cueRegExp(intents.hearsay.feared) } : {}) } } : {}),
      whoQualifies: cueRegExp(intents.who_qualifies),
      mayUse: intents.may_use ? cueRegExp(intents.may_use) : /(?!)/,
      change: cueRegExp(intents.change),
    },
    modifiers: {
      total: cueRegExp(intents.modifiers.total),
      placeOf: cueRegExp(intents.modifiers.place_of),
      which: cueRegExp(intents.modifiers.which),
      ...(intents.modifiers.lower ? { lower: cueRegExp(intents.modifiers.lower) } : {}),
      ...(intents.modifiers.lower_of_two ? { lowerOfTwo: cueRegExp(intents.modifiers.lower_of_two) } : {}),
      ...(intents.modifiers.row_above ? { rowAbove: cueRegExp(intents.modifiers.row_above) } : {}),
      ...(intents.modifiers.row_below ? { rowBelow: cueRegExp(intents.modifiers.row_below) } : {}),
      ...(intents.modifiers.higher_of_two ? { higherOfTwo: cueRegExp(intents.modifiers.higher_of_two) } : {}),
      ...(intents.modifiers.which_lender ? { whichLender: cueRegExp(intents.modifiers.which_lender) } : {}),
      ...(intents.modifiers.originally ? { originally: cueRegExp(intents.modifiers.originally) } : {}),
      ...(intents.modifiers.past ? { past: cueRegExp(intents.modifiers.past) } : {}),
      ...(intents.modifiers.until ? { until: cueRegExp(intents.modifiers.until) } : {}),
      still: cueRegExp(intents.modifiers.still),
      ...(intents.modifiers.longest_term ? { longestTerm: cueRegExp(intents.modifiers.longest_term) } : {}),
      ...(intents.modifiers.difference ? { difference: cueRegExp(intents.modifiers.difference) } : {}),
      ...(intents.modifiers.adds_to_before ? { addsToBefore: cueRegExp(intents.modifiers.adds_to_before) } : {}),
      ...(intents.modifiers.share ? { share: cueRegExp(intents.modifiers.share) } : {}),
      ...(intents.modifiers.which_year ? { whichYear: cueRegExp(intents.modifiers.which_year) } : {}),
      ...(intents.modifiers.times ? { times: cueRegExp(intents.modifiers.times) } : {}),
      ...(intents.modifiers.western_year ? { westernYear: cueRegExp(intents.modifiers.western_year) } : {}),
      ...(intents.modifiers.growth ? { growth: cueRegExp(intents.modifiers.growth) } : {}),
      ...(intents.modifiers.per ? { per: cueRegExp(intents.modifiers.per) } : {}),
      ...(intents.modifiers.years_between ? { yearsBetween: cueRegExp(intents.modifiers.years_between) } : {}),
      ...(intents.modifiers.threshold ? { threshold: cueRegExp(intents.modifiers.threshold) } : {}),
      several: cueRegExp(intents.modifiers.several),
      most: cueRegExp(intents.modifiers.most),
      least: cueRegExp(intents.modifiers.least),
      yesNo: cueRegExp(intents.modifiers.yes_no),
      list: cueRegExp(intents.modifiers.list),
      comparison: cueRegExp(intents.modifiers.comparison),
      current: cueRegExp(intents.modifiers.current),
      bothWays: cueRegExp(intents.modifiers.both_ways),
      notWaived: cueRegExp(intents.modifiers.not_waived),
    },
    followUp: {
      leaning: prefixRegExp(intents.follow_up.leaning),
      conditional: prefixRegExp(intents.follow_up.conditional),
      comparing: prefixRegExp(intents.follow_up.comparing),
      // 「好的，那C組呢？」: the courtesy and what separates it from the message.
      // 「拿到這個獎，對企業有什麼好處」: a thing of the question before pointed at anywhere in the message.
      pointing: intents.follow_up.pointing ? cueRegExp(intents.follow_up.pointing) : /(?!)/u,
      opening: new RegExp(`${prefixRegExp(intents.follow_up.opening).source}[,，、\\s]*`),
      alone: new Set(intents.follow_up.alone ?? []),
      joiners: intents.follow_up.joiners ?? [],
      // 「它的總額度怎麼算」: a message opening with a pronoun.
      pronoun: intents.follow_up.pronouns?.length ? prefixRegExp(intents.follow_up.pronouns) : /(?!)/u,
      // 「這種可以走授權送保嗎」: words pointing back at what was just discussed, anywhere in the message.
      refersBack: intents.follow_up.refers_back ?? [],
      // 「它佔全部幾%」: a word standing for the one row the answer before gave.
      rowPointer: intents.follow_up.row_pointers ? cueRegExp(intents.follow_up.row_pointers) : /(?!)/u,
      // 「那C組呢？」「花蓮縣咧」: a short message ending so, with its closing punctuation.
      ending: new RegExp(`(?:${longestFirst(intents.follow_up.endings ?? ['呢'])})\\s*[?？!！。.]*$`, 'u'),
    },
    answers: { yes: new Set(intents.answers.yes), no: new Set(intents.answers.no) },
    finder: {
      purposes: Object.entries(finder.purposes).map(([id, p]) => ({
        id,
        label: p.label,
        cue: cueRegExp(p.cues),
        flags: (p.flags ?? {}) as Partial<Record<keyof FactFlags, boolean>>,
        programmes: p.programmes as ProgrammeId[],
        weighedWith: (p.weighed_with ?? {}) as Partial<Record<keyof FactFlags, boolean>>,
        mentioned: p.mentioned ?? [],
        leads: p.leads ?? false,
        applicant: p.applicant ?? false,
      })),
      audienceProgrammes: finder.audience_programmes as ProgrammeId[],
      audience: finder.audience as Partial<Record<ProgrammeId, string>>,
      planPeriods: finder.plan_periods as Partial<Record<ProgrammeId, string>>,
      asOfDocument: (finder.as_of_document ?? []) as ProgrammeId[],
      questionOrder: finder.question_order,
      needQuestion: { question: finder.need_question.question, quickReplies: finder.need_question.quick_replies },
      quickReplies: finder.quick_replies,
      howToApply: {
        cue: cueRegExp(finder.how_to_apply.cues),
        documents: cueRegExp(finder.how_to_apply.documents),
        lenderSide: cueRegExp(finder.how_to_apply.lender_side),
        direct: cueRegExp(finder.how_to_apply.direct),
        whereSaid: cueRegExp(finder.how_to_apply.where_said),
      },
    },
    roles: compileRoles(files['roles.yaml']),
    english: compileEnglish(files['english.yaml'], programmes),
    words: {
      filler: new Set(words.filler),
      // (A year said relative to another, 「上一年」, is read as that year: no word of what is asked.)
      queryFiller: cueRegExp([...words.query_filler, ...Object.values(words.relative_years).flat()], 'g'),
      terms: [...new Set([...names.map((n) => n.name), ...words.terms])].sort((a, b) => b.length - a.length),
      toldBy: words.told_by ?? [],
      notKnown: words.not_known?.length ? new RegExp(`(?:${cueRegExp(words.not_known).source})[^，。,.;；!！?？\\n]{0,16}`, 'g') : undefined,
      relativeYears: Object.entries(words.relative_years)
        .flatMap(([offset, list]) => list.map((word) => ({ word, offset: Number(offset) })))
        .sort((a, b) => b.word.length - a.word.length),
      misspellings: misspellingsOf({ ...soundAlikeNames(names.map((n) => n.name), words.sound_alike), ...words.variant_characters, ...words.misspellings, ...words.abbreviations }),
    },
  };
}

/** How many characters a name must have for one sound-alike in it to be read as the name. */
const SOUND_ALIKE_NAME = 3;

/**
 * 「火金菇」「莫拉科颱風」: each programme name of three characters or more, with one character put for a sound-alike of it
 * (words.yaml `sound_alike`), as a misspelling of the name; none that is itself a name.
 */
export function soundAlikeNames(names: readonly string[], groups: readonly (readonly string[])[]): Record<string, string[]> {
  const alike = new Map<string, string[]>();
  for (const group of groups) for (const char of group) alike.set(char, [...new Set([...(alike.get(char) ?? []), ...group.filter((c) => c !== char)])]);
  const real = new Set(names);
  const wrongs: Record<string, string[]> = {};
  for (const name of new Set(names)) {
    const chars = [...name];
    if (chars.length < SOUND_ALIKE_NAME || !chars.every((c) => /\p{Script=Han}/u.test(c))) continue;
    const variants = chars.flatMap((char, i) => (alike.get(char) ?? []).map((other) => [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('')));
    const kept = variants.filter((variant) => !real.has(variant) && ![...real].some((other) => other.includes(variant)));
    if (kept.length > 0) wrongs[name] = kept;
  }
  return wrongs;
}

/** The misspellings as one pattern (longest first) and the right word of each; none listed, none kept. */
function misspellingsOf(misspellings: Readonly<Record<string, readonly string[]>>): Domain['words']['misspellings'] {
  const right = new Map<string, string>();
  for (const [word, wrongs] of Object.entries(misspellings)) for (const wrong of wrongs) right.set(wrong, word);
  if (right.size === 0) return undefined;
  return { any: new RegExp(longestFirst([...right.keys()]), 'g'), right };
}

/** A message with its known misspellings replaced by their right words. */
export function corrected(text: string, domain: Pick<Domain, 'words'>): string {
  const known = domain.words.misspellings;
  return known ? text.replace(known.any, (wrong) => known.right.get(wrong) ?? wrong) : text;
}
