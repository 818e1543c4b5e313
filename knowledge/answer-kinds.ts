import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import { type CheckIssue, yamlSyntaxIssues } from './check-issue.ts';
import { normalizeText } from './normalize.ts';
import { SYNONYM_GROUPS } from './vocabulary.ts';

/**
 * What kind of thing a question asks for (a ratio, an amount, a date, a name, a place …) and what shows that a
 * passage carries one, in `answer-kinds.yaml` beside the documents. A passage that lacks what was asked is never
 * quoted for it; when no passage the search finds carries it, the answer is that the documents do not say.
 * Staff add the words people ask with (`asked_by`) and what an answer looks like (`shown_by`).
 */
export const ANSWER_KINDS_FILE = 'answer-kinds.yaml';

const words = z.array(z.string().trim().min(1, { error: '不可為空白' }));

const shownBySchema = z
  .strictObject({
    /** A number (digits or Chinese numerals) written right before one of these: 「九成」, 「1億元」, 「3 樓」. */
    units: words.optional(),
    /** Any of these words. */
    words: words.optional(),
    /** A run of at least this many digits (a phone number), dashes, brackets and spaces aside. */
    digits: z.number().int().min(3).max(20).optional(),
    /** One of these words followed by a name (two to four characters that are not another of them): 「董事長 魏明谷」. */
    names_after: words.optional(),
    /** With names_after: a name may also run on into one of these, in prose: 「陳代理董事長秘順率員出席」 (秘順, then 率). */
    name_then: words.optional(),
    /** A name ending in one of these, standing alone in a list or a table's first cell: 「玉山商業銀行、第一商業銀行」. */
    names_with: words.optional(),
    /** What follows a post and is no one's name: 「承辦金融機構」 names an institution. With names_with, what comes right before the ending and makes it a role, not a name: 「經理銀行」. */
    not_names: words.optional(),
    /** A number right after one of these does not count: 「設立未滿5年」 is an age limit, not a period. */
    except_after: words.optional(),
    /** A word or a number's unit right before one of these does not count: 「最近一年度」 names a fiscal year, not a period. */
    except_before: words.optional(),
    /** true: the figures of a date (「103 年 11 月 13 日」) do not count, only a period does (「最長 5 年」). */
    not_dates: z.boolean().optional(),
    /** At least this many different years named (「110年」 and 「111年」): figures of two years to compare. */
    years: z.number().int().min(2).max(10).optional(),
    /** What the lines above find counts only in a passage that also has one of these words (「%」 as a 成數 only beside 「成數」). */
    only_with: words.optional(),
  })
  .refine(
    (shown) =>
      (shown.units?.length ?? 0) + (shown.words?.length ?? 0) + (shown.names_after?.length ?? 0) + (shown.names_with?.length ?? 0) > 0 ||
      shown.digits !== undefined ||
      shown.years !== undefined,
    { error: 'shown_by 至少要有 units、words、names_after、names_with、digits 或 years 其中一項' },
  );

const kindSchema = z.strictObject({
  kind: z.string().trim().min(1, { error: '請寫出這一類的名稱，例如「成數」' }),
  asked_by: words.min(1, { error: '請至少寫一個問法，例如「幾成」' }),
  /** Longer phrases that contain an asked_by word but do not ask for this kind (「在哪些」 is not 「在哪」). */
  not_when: words.optional(),
  /** What changes over time (who holds a post, a phone number): asked with no year, the newest document answers. */
  current: z.boolean().optional(),
  /**
   * Asked together with another kind, a passage must carry this one as well, not instead: 「幾點結束」 is answered by an
   * end time, not by the start time beside it; 「比去年增加多少」 by two years' figures, not by this year's alone.
   */
  qualifier: z.boolean().optional(),
  /**
   * When something happened (「哪一年成立」): of the passages that carry a date, one writing a year right beside the
   * thing the question names (「自 63 年設立」, 「民國63年推出」) answers before one where a year only bounds a total.
   */
  event_year: z.boolean().optional(),
  /** The rules' figures never answer this kind (a plan's estimates): a passage that shows it does, or the documents do not say. */
  not_in_rules: z.boolean().optional(),
  /**
   * An amount of money (金額, 額度): asked of a thing a section names only in a line with no figure under it (「先行交付備償
   * 款項」 under its heading), the figures quoted beside it, of something else, do not answer it.
   */
  amount: z.boolean().optional(),
  /**
   * The details asked may be in an annex the documents refer to (「（詳附件一）」) but do not include: when the passage
   * quoted, or the part of the document it belongs to, sends the reader to an annex, the answer says it is not here.
   */
  in_annex: z.boolean().optional(),
  /**
   * A year said with it is the time asked about, not a year of figures: 「2008年就叫這個名字嗎」 is answered by the passage
   * on the name whether or not it writes that year.
   */
  year_is_when: z.boolean().optional(),
  /** What shows a passage carries this kind: one way, or a list of ways (any of them). */
  shown_by: z.union([shownBySchema, z.array(shownBySchema).min(1)]),
  /**
   * Words the passages that answer are written with, searched for as well when the question asks in words the documents
   * do not use (「拿過什麼獎」: the documents say 榮獲、頒贈). Never matched as the question's own words.
   */
  searched_by: words.optional(),
});

/** A place and the names that stand for it in the documents (屏東 is served by 高屏服務中心). */
const placeSchema = words.min(1, { error: '請至少寫一個地名' });

const fileSchema = z.strictObject({
  kinds: z.array(kindSchema),
  not_topics: words.optional(),
  totals: words.optional(),
  places: z.array(placeSchema).optional(),
  organisations: words.optional(),
  organisation_names: z.array(placeSchema).optional(),
  row_kinds: z.array(words.min(1, { error: '請至少寫一個說法' })).optional(),
  not_for_places: words.optional(),
  for_places: words.optional(),
  offices: words.optional(),
  head_office: words.optional(),
  whole_totals: words.optional(),
  year_columns: words.optional(),
  set_against: words.optional(),
  sum_joiners: z.array(z.string().min(1)).optional(),
  changes: words.optional(),
  cumulative: z.strictObject({ asked_by: words, shown_by: words, sum_asked_by: words.optional() }).optional(),
  counting: z.strictObject({ asked_by: words, fillers: words.optional(), names: z.array(words.min(2, { error: '每一組要寫說法和它代表的至少一個名稱' })).optional(), within: words.optional(), not_before: words.optional(), not_after: words.optional(), excluding: words.optional() }).optional(),
  distinct_terms: z.array(z.array(z.union([z.string().min(2), words.min(1, { error: '請至少寫一個說法' })])).min(2, { error: '一組至少要有兩樣東西' })).optional(),
});

/** One way a passage shows it carries a kind. */
export interface ShownBy {
  units: string[];
  words: string[];
  digits?: number;
  namesAfter: string[];
  /** Words a name after a post may run on into (「秘順率員」: 率). */
  nameThen: string[];
  namesWith: string[];
  notNames: string[];
  years?: number;
  exceptAfter: string[];
  exceptBefore: string[];
  notDates: boolean;
  onlyWith: string[];
}

export interface AnswerKind {
  kind: string;
  askedBy: string[];
  notWhen: string[];
  /** Changes over time: a question naming no year wants the newest document's. */
  current: boolean;
  /** Carried besides the other kinds asked, not instead of them. */
  qualifier: boolean;
  /** Asks when something happened: a year written beside the thing named wins. */
  eventYear: boolean;
  /** No rule's figure answers it: only a passage does. */
  notInRules: boolean;
  /** An amount of money: not answered by figures of another thing quoted beside the one asked. */
  amount: boolean;
  /** The details asked may be in an annex the documents do not include. */
  inAnnex: boolean;
  /** A year said with it is the time asked about, not a year whose figures the documents must have. */
  yearIsWhen: boolean;
  shownBy: ShownBy[];
  /** Words searched for as well when the kind is asked. */
  searchedBy: string[];
  line: number;
}

export interface AnswerKinds {
  kinds: AnswerKind[];
  /** Words that name no topic (question, time and quantity words): never taken as a word the documents lack. */
  notTopics: string[];
  /** Words that ask for a sum (「合計」, 「加起來」): a table's total row answers. */
  totals: string[];
  /**
   * Places, each with the names that stand for it (「屏東」 and 「高屏」): a question naming one is answered only by a
   * section that names it, never by a figure for the whole country or for another place.
   */
  places: string[][];
  /**
   * How the names of organisations end (「銀行」, 「商銀」): a question naming one the documents list (「合庫商銀」, 「第一銀行」
   * for 第一商銀) is answered only by a section that names it.
   */
  organisations: string[];
  /**
   * Organisations a table writes short (合庫商銀 for 合作金庫): each as its full name and the names that stand for it, read
   * like `places` (a question naming the first is answered by a section naming one of them).
   */
  organisationNames: string[][];
  /**
   * Kinds of table row (banks, regions, industries), each as the first column's title writes it and then as users
   * say it (「金融機構」, 「銀行」): a ranking of the kind named is read from that table, never from another kind's.
   */
  rowKinds: string[][];
  /** Row kinds (first columns' titles) a place named alone is never read from: 「台南的企業保證餘額」 is not 臺南三信's row. */
  notForPlaces: string[];
  /** Row kinds (first columns' titles) of the tables of places: a figure asked of a place named alone is read there. */
  forPlaces: string[];
  /**
   * How passages name the fund's own offices (「服務中心」, 「本部」): a place asked for one where the documents list none
   * (「新竹有服務中心嗎」) is told so, with the offices they do list, and never answered by a bank's address there.
   */
  offices: string[];
  /**
   * How passages name the fund's head office and its own lines (本部, 客服專線): a phone or address asked of the fund with
   * no place or office named (「信保的電話」) is answered by them before a regional office's.
   */
  headOffice: string[];
  /** Headings that name the total of the whole (「經費總需求表」), not of one item: 「計畫總共編了多少經費」 reads them first. */
  wholeTotals: string[];
  /** Words in the heading of a table whose columns are years (「98 年度」): searched too when the year of a highest or lowest is asked. */
  yearColumns: string[];
  /** Words before a row a sum is set against (「有沒有超過臺北市」「比批發零售業還多」): that row is compared, not added. */
  setAgainst: string[];
  /** What joins two rows added (「臺中市加臺南市」「製造業+營建工程業」): the two named so ask their sum. */
  sumJoiners: string[];
  /**
   * Asking how many (「監察人有幾位」「合作金庫拿了幾個獎」) of things a document lists without counting them: the rows of a
   * table whose first cell is the thing named, or the items of one list naming the organisation asked, are counted.
   * `fillers` are words between the thing and the asking word (「監察人總共幾位」).
   */
  counting: { askedBy: string[]; fillers: string[]; names: string[][]; within: string[]; notBefore: string[]; notAfter: string[]; excluding: string[] };
  /** Words saying a figure was changed (「由 1 億 2 千萬元提高至 1 億 5 千萬元」): what follows 由 … before them is the old figure. */
  changes: string[];
  /**
   * Figures summed since the start (「成立迄 111 年底累計」): how a question asks for one (`askedBy`) and how a passage
   * writes one (`shownBy`). A question naming a year and not asking for one is answered by that year's figure.
   * A question saying it wants the sum since the start (`sumAskedBy`, 「從開辦到…累計」) is answered by the sum first.
   */
  cumulative: { askedBy: string[]; shownBy: string[]; sumAskedBy: string[] };
  /**
   * Things named alike that are not the same (保證期間, 辦理期間): each group lists things, each thing the forms that name it.
   * A passage naming another thing of a group asked about, and not the one asked, does not answer it.
   */
  distinctTerms: string[][][];
}

export type AnswerKindsResult = ({ ok: true } & AnswerKinds) | { ok: false; issues: CheckIssue[] };

/** Reads and checks the file's text; `file` is the path shown in messages. */
export function parseAnswerKinds(file: string, content: string): AnswerKindsResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, issues: yamlSyntaxIssues(file, document.errors) };
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = fileSchema.safeParse(document.toJS() ?? { kinds: [] });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(issue.path),
        field: issue.path.map(String).join('.'),
        severity: 'error' as const,
        message: issue.code === 'invalid_type' && issue.input === undefined ? `缺少必填欄位 ${String(issue.path.at(-1))}` : issue.message,
      })),
    };
  }
  return {
    ok: true,
    kinds: parsed.data.kinds.map((entry, index) => ({
      kind: entry.kind,
      askedBy: entry.asked_by.map((w) => normalizeText(w)),
      notWhen: (entry.not_when ?? []).map((w) => normalizeText(w)),
      current: entry.current ?? false,
      qualifier: entry.qualifier ?? false,
      eventYear: entry.event_year ?? false,
      notInRules: entry.not_in_rules ?? false,
      amount: entry.amount ?? false,
      inAnnex: entry.in_annex ?? false,
      yearIsWhen: entry.year_is_when ?? false,
      searchedBy: (entry.searched_by ?? []).map((w) => normalizeText(w)),
      shownBy: (Array.isArray(entry.shown_by) ? entry.shown_by : [entry.shown_by]).map((shown) => ({
        units: shown.units ?? [],
        words: shown.words ?? [],
        ...(shown.digits !== undefined ? { digits: shown.digits } : {}),
        namesAfter: shown.names_after ?? [],
        nameThen: shown.name_then ?? [],
        namesWith: shown.names_with ?? [],
        notNames: shown.not_names ?? [],
        ...(shown.years !== undefined ? { years: shown.years } : {}),
        exceptAfter: shown.except_after ?? [],
        exceptBefore: shown.except_before ?? [],
        notDates: shown.not_dates ?? false,
        onlyWith: shown.only_with ?? [],
      })),
      line: lineOf(['kinds', index]),
    })),
    notTopics: (parsed.data.not_topics ?? []).map((w) => normalizeText(w)),
    totals: (parsed.data.totals ?? []).map((w) => normalizeText(w)),
    places: (parsed.data.places ?? []).map((names) => names.map((w) => placeForm(w))),
    organisations: (parsed.data.organisations ?? []).map((w) => placeForm(w)),
    organisationNames: (parsed.data.organisation_names ?? []).map((names) => names.map((w) => placeForm(w))),
    rowKinds: (parsed.data.row_kinds ?? []).map((names) => names.map((w) => normalizeText(w))),
    notForPlaces: (parsed.data.not_for_places ?? []).map((w) => normalizeText(w)),
    forPlaces: (parsed.data.for_places ?? []).map((w) => normalizeText(w)),
    offices: (parsed.data.offices ?? []).map((w) => normalizeText(w)),
    headOffice: (parsed.data.head_office ?? []).map((w) => normalizeText(w)),
    wholeTotals: (parsed.data.whole_totals ?? []).map((w) => normalizeText(w)),
    yearColumns: (parsed.data.year_columns ?? []).map((w) => normalizeText(w)),
    setAgainst: (parsed.data.set_against ?? []).map((w) => placeForm(w)),
    sumJoiners: (parsed.data.sum_joiners ?? []).map((w) => placeForm(w)),
    changes: (parsed.data.changes ?? []).map((w) => normalizeText(w)),
    cumulative: {
      askedBy: (parsed.data.cumulative?.asked_by ?? []).map((w) => normalizeText(w)),
      shownBy: (parsed.data.cumulative?.shown_by ?? []).map((w) => normalizeText(w)),
      sumAskedBy: (parsed.data.cumulative?.sum_asked_by ?? []).map((w) => normalizeText(w)),
    },
    counting: {
      askedBy: (parsed.data.counting?.asked_by ?? []).map((w) => normalizeText(w)),
      fillers: (parsed.data.counting?.fillers ?? []).map((w) => normalizeText(w)),
      names: (parsed.data.counting?.names ?? []).map((group) => group.map((w) => placeForm(w))),
      within: (parsed.data.counting?.within ?? []).map((w) => normalizeText(w)),
      notBefore: (parsed.data.counting?.not_before ?? []).map((w) => normalizeText(w)),
      notAfter: (parsed.data.counting?.not_after ?? []).map((w) => normalizeText(w)),
      excluding: (parsed.data.counting?.excluding ?? []).map((w) => placeForm(w)),
    },
    distinctTerms: (parsed.data.distinct_terms ?? []).map((group) => group.map((thing) => (Array.isArray(thing) ? thing : [thing]).map((w) => normalizeText(w)))),
  };
}

/** The characters before an organisation's ending that tell it from the others: 「合庫」 of 「合庫商銀」. */
const ORGANISATION_CORE = 2;

/**
 * The organisations a question names, each as the characters that tell it apart (「合庫商銀」, 「合庫銀行」 → 「合庫」):
 * two characters before one of the endings, when a name standing alone in the documents (a list, a table's first
 * cell) begins with them and ends with one of the endings. 「哪家銀行」 and 「往來銀行」 name no organisation listed.
 */
export function organisationsNamed(question: string, listed: ReadonlySet<string>, endings: readonly string[]): string[][] {
  const text = placeForm(question);
  const cores = new Set<string>();
  for (const ending of endings) {
    for (let at = text.indexOf(ending); at !== -1; at = text.indexOf(ending, at + 1)) {
      const core = text.slice(at - ORGANISATION_CORE, at);
      if (at < ORGANISATION_CORE || !HAN_NAME.test(core)) continue;
      if ([...listed].some((name) => name.startsWith(core))) cores.add(core);
    }
  }
  return [...cores].map((core) => [core]);
}

/**
 * The names standing alone in texts (lists, a table's first cells) that end with one of the endings, in place form.
 * A place in brackets inside a name is left out: 「花旗(台灣)商業銀行」 is listed as 花旗商業銀行.
 */
export function listedNames(texts: Iterable<string>, endings: readonly string[]): Set<string> {
  const names = new Set<string>();
  if (endings.length === 0) return names;
  for (const text of texts) {
    for (const part of placeForm(text).replace(BRACKETED_INSIDE_NAME, '').split(NAME_SEPARATORS)) {
      if (HAN_NAME.test(part) && endings.some((ending) => part.endsWith(ending) && part.length >= ending.length + ORGANISATION_CORE)) names.add(part);
    }
  }
  return names;
}

/** 台 and 臺 are one character in place names: 「台中」 is 「臺中市」. */
export function placeForm(text: string): string {
  return normalizeText(text).replaceAll('台', '臺');
}

/**
 * The places a question names, each as the names that stand for it: 「屏東的服務中心」 → [[屏東, 高屏]]. A place is
 * named by its first name (「屏東」); the others are how a section may name it.
 */
export function placesNamed(question: string, places: readonly string[][]): string[][] {
  const text = placeForm(question);
  return places.filter((names) => names[0] !== undefined && text.includes(names[0]));
}

/** Whether a text names every place asked, each by one of its names. */
export function namesPlaces(text: string, places: readonly string[][]): boolean {
  if (places.length === 0) return true;
  const form = placeForm(text);
  return places.every((names) => names.some((name) => form.includes(name)));
}

/**
 * The kinds a question asks for: those one of whose words it contains. A kind shown by a name after a post
 * (「董事長 魏明谷」) asked about one post (「總經理是誰」) is shown only by a name after that post.
 */
export function kindsAsked(question: string, kinds: readonly AnswerKind[]): AnswerKind[] {
  const text = normalizeText(question).replace(/\s+/g, '');
  return kinds
    .filter((kind) => {
      const asked = kind.notWhen.reduce((rest, phrase) => rest.split(phrase).join('\u0000'), text);
      return kind.askedBy.some((word) => asked.includes(word));
    })
    .map((kind) => postsNamed(kind, text));
}

/** The kind with its names_after narrowed to the posts the question names, when it names any. */
function postsNamed(kind: AnswerKind, text: string): AnswerKind {
  const posts = kind.shownBy.flatMap((shown) => shown.namesAfter);
  // (A post named by another word of its synonym group, 「承辦人」 for the letter's 「經辦」, names it too: vocabulary.yaml.)
  const said = posts.filter((post) => occurrences(text, post, posts).length > 0);
  const named = posts.filter((post) => said.includes(post) || SYNONYM_GROUPS.some((group) => group.includes(post) && group.some((word) => said.includes(word))));
  // 「副總經理是誰」 asks the deputy: a name after 「總經理」 is not the answer, only one after 「副總經理」.
  const deputies = named.length > 0 ? [] : posts.map((post) => `${DEPUTY}${post}`).filter((post) => text.includes(post));
  if (deputies.length > 0) {
    return { ...kind, shownBy: kind.shownBy.flatMap((shown) => (shown.namesAfter.length === 0 ? [shown] : [{ ...shown, namesAfter: deputies }])) };
  }
  if (named.length === 0) return kind;
  return {
    ...kind,
    shownBy: kind.shownBy.flatMap((shown) => {
      if (shown.namesAfter.length === 0) return [shown];
      const kept = shown.namesAfter.filter((post) => named.includes(post));
      return kept.length > 0 ? [{ ...shown, namesAfter: kept }] : [];
    }),
  };
}

/**
 * Whether a passage names another thing than the one a question asks of, in a group of things named alike
 * (`distinct_terms`): 「批次保證的保證期間」 is not answered by 「辦理期間自 103 年 12 月 15 日起」.
 */
export function namesOtherThing(question: string, passage: string, groups: readonly (readonly (readonly string[])[])[]): boolean {
  const asked = normalizeText(question);
  const text = normalizeText(passage);
  return groups.some((group) => {
    const named = (forms: readonly string[], within: string) => forms.some((form) => within.includes(form));
    const askedThings = group.filter((forms) => named(forms, asked));
    if (askedThings.length === 0 || askedThings.some((forms) => named(forms, text))) return false;
    return group.some((forms) => !askedThings.includes(forms) && named(forms, text));
  });
}

const NUMERALS = new Set('0123456789０１２３４５６７８９一二三四五六七八九十兩零〇壹貳參肆伍陸柒捌玖拾');
/** 「1 億元」, 「3 千萬元」: these sit between a numeral and a unit; alone (「新台幣千元」) they are part of the unit. */
const MAGNITUDES = new Set('百千萬億兆佰仟');
const DIGITS = new Set('0123456789０１２３４５６７８９');
const SKIPPED_IN_PHONE = new Set('-－()（） ');

/**
 * Whether a passage carries at least one of the kinds (none asked: any passage does). A table row's figures
 * are read with the unit its table states (`unitLine`, 「金額單位：新臺幣百萬元」).
 */
export function carriesAny(passage: string, kinds: readonly AnswerKind[], unitLine?: string): boolean {
  if (kinds.length === 0) return true;
  const hasDigit = [...passage].some((character) => DIGITS.has(character));
  // The unit is what follows 「單位：」 (「金額單位：新臺幣百萬元」 is in 元, not in 位).
  const unit = unitLine === undefined ? undefined : (unitLine.split(/單位[：:]/)[1] ?? unitLine);
  const carried = (kind: AnswerKind) =>
    kind.shownBy.some(
      (shown) =>
        (shown.onlyWith.length === 0 || shown.onlyWith.some((word) => passage.includes(word))) &&
        (carries(passage, shown) || (unit !== undefined && hasDigit && shown.units.some((word) => unit.includes(word)))),
    );
  // 「說明會幾點結束」 asks a time and that it is the end: the start time alone does not answer it.
  const qualifiers = kinds.filter((kind) => kind.qualifier);
  const others = kinds.filter((kind) => !kind.qualifier);
  return qualifiers.every(carried) && (others.length === 0 || others.some(carried));
}

function carries(text: string, shown: ShownBy): boolean {
  // Words are read as written (「起至…止」 between two dates is a period); figures without the dates.
  if (shown.words.some((word) => writes(text, word, shown.exceptBefore))) return true;
  const passage = shown.notDates ? withoutDates(text) : text;
  if (shown.digits !== undefined && longestDigitRun(passage) >= shown.digits) return true;
  if (shown.namesAfter.some((word) => nameAfter(passage, word, shown.namesAfter, shown.notNames, shown.nameThen))) return true;
  if (shown.namesWith.length > 0 && namesListed(passage, shown.namesWith, shown.notNames)) return true;
  if (shown.years !== undefined && yearsNamed(passage) >= shown.years) return true;
  return shown.units.some((unit) => numberBefore(passage, unit, shown.exceptAfter, shown.exceptBefore));
}

/** `text` writes `word` somewhere not followed by one of `exceptBefore`. */
function writes(text: string, word: string, exceptBefore: readonly string[]): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!followedBy(text, at + word.length, exceptBefore)) return true;
  }
  return false;
}

function followedBy(text: string, end: number, words: readonly string[]): boolean {
  return words.some((word) => text.startsWith(word, end));
}

/**
 * 「103 年 11 月 13 日」, 「98年12月」, 「11 月 13 日」, and a year alone (「98年」, 「2022年」: a number of years no period
 * runs to): a date, read as one mark rather than as figures of years and months.
 */
const DATE = /\d{2,4} *年 *\d{1,2} *月(?: *\d{1,2} *日)?|\d{1,2} *月 *\d{1,2} *日|(?<!\d)(?:[5-9]\d|[12]\d{2,3}) *年/g;

function withoutDates(text: string): string {
  return text.replace(DATE, '〔日期〕');
}

/** What separates the names of a list or the cells of a table row. */
const NAME_SEPARATORS = /[、及：:，,。；;\s()（）|]+/u;
const HAN_NAME = /^\p{Script=Han}+$/u;
const BRACKETED_INSIDE_NAME = /(?<=\p{Script=Han})[(（]\p{Script=Han}{1,4}[)）](?=\p{Script=Han})/gu;

/**
 * 「玉山商業銀行、第一商業銀行及永豐商業銀行」, a table row 「臺灣企銀 210,706.10」: a name ending in one of the words, standing
 * alone between separators, with at least two characters of its own (「21 家銀行」 and 「往來銀行有無取得」 name no one).
 */
function namesListed(passage: string, endings: string[], roles: string[] = []): boolean {
  return passage
    .split(NAME_SEPARATORS)
    .some((part) => HAN_NAME.test(part) && endings.some((ending) => part.endsWith(ending) && part.length >= ending.length + 2 && !roles.some((role) => part.slice(0, -ending.length).endsWith(role))));
}

/** How many different years a passage names: 「107年」…「111年」, 「110 年度」. */
function yearsNamed(passage: string): number {
  return new Set([...passage.matchAll(/(?<!\d)(\d{2,4})\s*年/g)].map((m) => Number(m[1]))).size;
}

const NAME = /^[\s\u3000：:]*(\p{Script=Han}{2,4})(?!\p{Script=Han})/u;
/** 「董事長兼總經理」: 兼 joins two posts one person holds. */
const JOINT_POST = /^[\s\u3000]*兼[\s\u3000]*\p{Script=Han}{2,5}(?=[\s\u3000：:])/u;

/** 「董事長 魏明谷」: the word, then (spaces aside) a name that is not another post (「董事長　總經理」 names no one). */
function nameAfter(text: string, word: string, posts: string[], notNames: string[] = [], then: string[] = []): boolean {
  for (const at of occurrences(text, word, posts)) {
    // 「董事長兼　總經理　周作姍」: a post held together with another is followed by the name after that one.
    const after = text.slice(at + word.length);
    const rest = after.slice(JOINT_POST.exec(after)?.[0].length ?? 0);
    // (「陳代理董事長秘順率員出席」: in prose, a given name of two characters runs on into what the person did.)
    const running = then.some((word) => rest.slice(2).startsWith(word)) && /^\p{Script=Han}{2}/u.test(rest) ? rest.slice(0, 2) : undefined;
    const name = NAME.exec(rest)?.[1] ?? running;
    if (name && !posts.some((post) => name.startsWith(post) || post.startsWith(name.slice(0, 2))) && !notNames.some((w) => name.startsWith(w))) return true;
  }
  return false;
}

/** Characters that make a longer post of the one after them: 副總經理, 代理董事長, 前董事長. */
const POST_PREFIXES = new Set('副前');
const DEPUTY = '副';
const ACTING = '代理';

/**
 * Where a post is written as itself, not inside a longer post: 「總經理」 in 「副總經理」 is the deputy's post, 「董事」 in
 * 「董事長」 or 「常務董事」 another of the posts listed.
 */
function occurrences(text: string, post: string, posts: string[]): number[] {
  const found: number[] = [];
  const longer = posts.filter((other) => other !== post && other.includes(post));
  for (let at = text.indexOf(post); at !== -1; at = text.indexOf(post, at + 1)) {
    if (POST_PREFIXES.has(text[at - 1] ?? '') || text.slice(Math.max(0, at - ACTING.length), at) === ACTING) continue;
    const inside = longer.some((other) => {
      const offset = other.indexOf(post);
      return text.startsWith(other, at - offset);
    });
    if (!inside) found.push(at);
  }
  return found;
}

/**
 * 「1 億元」, 「九成」, 「80%」: the unit right after a numeral (white space between allowed), unless the number comes
 * right after one of `exceptAfter` (「未滿5年」) or the unit comes right before one of `exceptBefore` (「一年度」).
 */
function numberBefore(text: string, unit: string, exceptAfter: readonly string[] = [], exceptBefore: readonly string[] = []): boolean {
  for (let at = text.indexOf(unit); at !== -1; at = text.indexOf(unit, at + 1)) {
    if (followedBy(text, at + unit.length, exceptBefore)) continue;
    let before = at - 1;
    while (before >= 0 && text[before] === ' ') before--;
    while (before >= 0 && MAGNITUDES.has(text[before]!)) before--;
    while (before >= 0 && text[before] === ' ') before--;
    if (before < 0 || !NUMERALS.has(text[before]!)) continue;
    while (before >= 0 && (NUMERALS.has(text[before]!) || text[before] === '.' || text[before] === ',')) before--;
    const head = text.slice(0, before + 1).trimEnd();
    if (!exceptAfter.some((word) => head.endsWith(word))) return true;
  }
  return false;
}

function longestDigitRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const character of text) {
    if (DIGITS.has(character)) longest = Math.max(longest, ++run);
    else if (!SKIPPED_IN_PHONE.has(character)) run = 0;
  }
  return longest;
}
