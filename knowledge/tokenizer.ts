import type { Tokenizer } from '@orama/orama';
import { normalizeText, remembering } from './normalize.ts';
import { DOMAIN_TERMS, STOP_WORDS, SYNONYM_GROUPS } from './vocabulary.ts';

/**
 * Search tokens for Traditional Chinese text about the fund: Intl.Segmenter words (what Orama's
 * mandarin tokenizer wraps), domain terms kept whole, synonyms mapped onto one shared token,
 * numbers with their units, Latin words, and (for the `grams` field) character bigrams, which
 * catch what the segmenter splits wrongly (青|創, 莫|拉|克).
 */

/** The index field whose tokens are character bigrams; every other field gets words. */
export const GRAMS_FIELD = 'grams';

/** Appended to every token Orama sees. */
const END_OF_TOKEN = '\u0003';

export type TokenKind = 'words' | 'grams' | 'all';

const SEGMENTER = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const LATIN_WORD = /[a-z]+/g;
const NUMBER_WITH_UNIT = /(\d+(?:\.\d+)?)\s*(%|成|萬|億|千|百|兆|元|年|月|日|歲|倍|件|家|號)?/g;
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?!\d))/g;

/** Variant characters that mean the same in this domain, folded for search only. */
const FOLDED_CHARACTERS: Record<string, string> = { 臺: '台', 週: '周', 寛: '寬', 着: '著', 仟: '千', 佰: '百' };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDED_CHARACTERS).join('')}]`, 'g');
const CHINESE_DIGITS: Record<string, string> = {
  一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10',
};
const CHINESE_TENTHS = /([一二三四五六七八九十])成/g;

const CANONICAL = new Map<string, string>();
for (const [canonical, ...members] of SYNONYM_GROUPS) {
  if (canonical === undefined) continue;
  for (const member of [canonical, ...members]) CANONICAL.set(foldForSearch(member), foldForSearch(canonical));
}

/** Domain terms by first character, longest first. */
const TERMS_BY_FIRST = new Map<string, string[]>();
for (const term of new Set([...DOMAIN_TERMS, ...CANONICAL.keys()].map(foldForSearch))) {
  const first = term[0];
  if (first === undefined || !ONLY_HAN.test(term)) continue;
  TERMS_BY_FIRST.set(first, [...(TERMS_BY_FIRST.get(first) ?? []), term]);
}
for (const terms of TERMS_BY_FIRST.values()) terms.sort((a, b) => b.length - a.length);

/** Search-only folding of already-normalised text: variant characters, thousands separators, 九成 → 9成. */
export function foldForSearch(normalized: string): string {
  return normalized
    .replace(FOLDABLE, (character) => FOLDED_CHARACTERS[character] ?? character)
    .replace(THOUSANDS_SEPARATOR, '$1')
    .replace(CHINESE_TENTHS, (_match, digit: string) => `${CHINESE_DIGITS[digit] ?? digit}成`);
}

/**
 * Unique tokens of `text` (any form: Simplified, full-width, mixed case). A question is tokenized by the index and
 * again for its snippets, often for several searches of one turn: its tokens are remembered (documents, tokenized by
 * field kind when indexed, are not).
 */
export function tokenize(text: string, kind: TokenKind = 'all'): string[] {
  if (kind !== 'all') return tokensOf(text, kind);
  const joined = queryTokensOf(text);
  return joined === '' ? [] : joined.split(TOKEN_SEPARATOR);
}

const TOKEN_SEPARATOR = '\u0000';
const queryTokensOf = remembering((text) => tokensOf(text, 'all').join(TOKEN_SEPARATOR), 256);

function tokensOf(text: string, kind: TokenKind): string[] {
  const folded = foldForSearch(normalizeText(text));
  const tokens = new Set<string>();
  if (kind !== 'grams') addWords(folded, tokens);
  if (kind !== 'words') addBigrams(folded, tokens);
  return [...tokens];
}

function addWords(folded: string, tokens: Set<string>): void {
  const words: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(folded)) {
    if (isWordLike && segment.length >= 2 && ONLY_HAN.test(segment) && !STOP_WORDS.has(segment)) words.push(segment);
  }
  for (const run of folded.match(HAN_RUN) ?? []) words.push(...domainTermsIn(run));
  for (const word of folded.match(LATIN_WORD) ?? []) {
    if (!STOP_WORDS.has(word)) words.push(word);
  }
  for (const word of words) {
    tokens.add(word);
    const canonical = CANONICAL.get(word);
    if (canonical !== undefined) tokens.add(canonical);
  }
  for (const match of folded.matchAll(NUMBER_WITH_UNIT)) {
    const [, number, unit] = match;
    if (number === undefined) continue;
    tokens.add(number);
    if (unit !== undefined) tokens.add(`${number}${unit}`);
    const rocYear = rocYearOf(number);
    if (rocYear !== undefined) tokens.add(rocYear);
  }
}

/** Documents date by the ROC calendar (111年); users often say 2022. */
function rocYearOf(number: string): string | undefined {
  if (!/^\d{4}$/.test(number)) return undefined;
  const year = Number(number);
  return year >= 1912 && year <= 2100 ? `${year - 1911}年` : undefined;
}

/** Every domain term that occurs in a run of Han characters, overlapping ones included. */
function domainTermsIn(run: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < run.length; start++) {
    for (const term of TERMS_BY_FIRST.get(run[start] ?? '') ?? []) {
      if (run.startsWith(term, start)) found.push(term);
    }
  }
  return found;
}

function addBigrams(folded: string, tokens: Set<string>): void {
  for (const run of folded.match(HAN_RUN) ?? []) {
    for (let start = 0; start + 2 <= run.length; start++) tokens.add(run.slice(start, start + 2));
  }
}

/**
 * A query's character pair across a joining particle (「送保之後」's 保之 and 之後, 「我的手續費」's 的手): it matches
 * wherever the documents join other words with 之 or 的 (「送保之限制」), not what was asked.
 */
const JOINING_PAIR = /^(?:\p{Script=Han}[之的]|[之的]\p{Script=Han})$/u;

export interface DomainTokenizerOptions {
  /**
   * Query tokens held by more than this share of the indexed values of a field are dropped: they
   * barely change the ranking (low IDF), and Orama's cost per token grows with the square of the
   * number of sections holding it. Applies only to tokens held by at least `minCommonHolders`
   * values, since below that the cost is negligible and every token helps.
   */
  maxQueryTokenShare?: number;
  minCommonHolders?: number;
}

/** Per field: how many values were indexed, and how many held each token (what makes a query token common). */
export interface TokenCounts {
  valuesIndexed: Map<string, number>;
  holders: Map<string, Map<string, number>>;
}

export const emptyTokenCounts = (): TokenCounts => ({ valuesIndexed: new Map(), holders: new Map() });

/**
 * The tokenizer for every Chinese field of the Orama index (Orama's default one drops Chinese). It counts what it
 * indexes into `counts`: given the counts of an index read back from a cache, queries are tokenized as in the
 * index that was saved.
 */
export function createDomainTokenizer(options: DomainTokenizerOptions = {}, counts: TokenCounts = emptyTokenCounts()): Tokenizer {
  const maxShare = options.maxQueryTokenShare ?? 1;
  const minHolders = options.minCommonHolders ?? 0;
  const { valuesIndexed, holders } = counts;

  const isCommon = (token: string) => {
    for (const [field, counts] of holders) {
      const held = counts.get(token) ?? 0;
      if (held >= minHolders && held > maxShare * (valuesIndexed.get(field) ?? 0)) return true;
    }
    return false;
  };

  return {
    language: 'mandarin',
    normalizationCache: new Map(),
    tokenize(raw: string, _language?: string, prop?: string): string[] {
      // Orama passes no property when it tokenizes a query: the query is matched against every field.
      const kind: TokenKind = prop === undefined ? 'all' : prop === GRAMS_FIELD ? 'grams' : 'words';
      let tokens = tokenize(raw, kind);
      if (prop === undefined) {
        tokens = tokens.filter((token) => !isCommon(token) && !JOINING_PAIR.test(token));
      } else {
        valuesIndexed.set(prop, (valuesIndexed.get(prop) ?? 0) + 1);
        const counts = holders.get(prop) ?? new Map<string, number>();
        holders.set(prop, counts);
        for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      }
      // Orama matches query tokens as prefixes of indexed ones; the end mark makes matches exact,
      // so 保證 does not also match 保證成數 and 1 does not match 1.25.
      return tokens.map((token) => `${token}${END_OF_TOKEN}`);
    },
  };
}
