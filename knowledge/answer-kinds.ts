import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import { type CheckIssue, yamlSyntaxIssues } from './check-issue.ts';
import { normalizeText } from './normalize.ts';

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
    /** What the lines above find counts only in a passage that also has one of these words (「%」 as a 成數 only beside 「成數」). */
    only_with: words.optional(),
  })
  .refine((shown) => (shown.units?.length ?? 0) + (shown.words?.length ?? 0) + (shown.names_after?.length ?? 0) > 0 || shown.digits !== undefined, {
    error: 'shown_by 至少要有 units、words、names_after 或 digits 其中一項',
  });

const kindSchema = z.strictObject({
  kind: z.string().trim().min(1, { error: '請寫出這一類的名稱，例如「成數」' }),
  asked_by: words.min(1, { error: '請至少寫一個問法，例如「幾成」' }),
  /** Longer phrases that contain an asked_by word but do not ask for this kind (「在哪些」 is not 「在哪」). */
  not_when: words.optional(),
  /** What changes over time (who holds a post, a phone number): asked with no year, the newest document answers. */
  current: z.boolean().optional(),
  /** What shows a passage carries this kind: one way, or a list of ways (any of them). */
  shown_by: z.union([shownBySchema, z.array(shownBySchema).min(1)]),
});

const fileSchema = z.strictObject({ kinds: z.array(kindSchema), not_topics: words.optional(), totals: words.optional() });

/** One way a passage shows it carries a kind. */
export interface ShownBy {
  units: string[];
  words: string[];
  digits?: number;
  namesAfter: string[];
  onlyWith: string[];
}

export interface AnswerKind {
  kind: string;
  askedBy: string[];
  notWhen: string[];
  /** Changes over time: a question naming no year wants the newest document's. */
  current: boolean;
  shownBy: ShownBy[];
  line: number;
}

export interface AnswerKinds {
  kinds: AnswerKind[];
  /** Words that name no topic (question, time and quantity words): never taken as a word the documents lack. */
  notTopics: string[];
  /** Words that ask for a sum (「合計」, 「加起來」): a table's total row answers. */
  totals: string[];
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
      shownBy: (Array.isArray(entry.shown_by) ? entry.shown_by : [entry.shown_by]).map((shown) => ({
        units: shown.units ?? [],
        words: shown.words ?? [],
        ...(shown.digits !== undefined ? { digits: shown.digits } : {}),
        namesAfter: shown.names_after ?? [],
        onlyWith: shown.only_with ?? [],
      })),
      line: lineOf(['kinds', index]),
    })),
    notTopics: (parsed.data.not_topics ?? []).map((w) => normalizeText(w)),
    totals: (parsed.data.totals ?? []).map((w) => normalizeText(w)),
  };
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
  const named = posts.filter((post) => occurrences(text, post, posts).length > 0);
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
  return kinds.some((kind) =>
    kind.shownBy.some(
      (shown) =>
        (shown.onlyWith.length === 0 || shown.onlyWith.some((word) => passage.includes(word))) &&
        (carries(passage, shown) || (unitLine !== undefined && hasDigit && shown.units.some((unit) => unitLine.includes(unit)))),
    ),
  );
}

function carries(passage: string, shown: ShownBy): boolean {
  if (shown.words.some((word) => passage.includes(word))) return true;
  if (shown.digits !== undefined && longestDigitRun(passage) >= shown.digits) return true;
  if (shown.namesAfter.some((word) => nameAfter(passage, word, shown.namesAfter))) return true;
  return shown.units.some((unit) => numberBefore(passage, unit));
}

const NAME = /^[\s\u3000：:]*(\p{Script=Han}{2,4})/u;

/** 「董事長 魏明谷」: the word, then (spaces aside) a name that is not another post (「董事長　總經理」 names no one). */
function nameAfter(text: string, word: string, posts: string[]): boolean {
  for (const at of occurrences(text, word, posts)) {
    const name = NAME.exec(text.slice(at + word.length))?.[1];
    if (name && !posts.some((post) => name.startsWith(post) || post.startsWith(name.slice(0, 2)))) return true;
  }
  return false;
}

/** Characters that make a longer post of the one after them: 副總經理, 代理董事長, 前董事長. */
const POST_PREFIXES = new Set('副前');
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

/** 「1 億元」, 「九成」, 「80%」: the unit right after a numeral (white space between allowed). */
function numberBefore(text: string, unit: string): boolean {
  for (let at = text.indexOf(unit); at !== -1; at = text.indexOf(unit, at + 1)) {
    let before = at - 1;
    while (before >= 0 && text[before] === ' ') before--;
    while (before >= 0 && MAGNITUDES.has(text[before]!)) before--;
    while (before >= 0 && text[before] === ' ') before--;
    if (before >= 0 && NUMERALS.has(text[before]!)) return true;
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
