import { ConverterFactory, Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';

/** Marks a node of the phrase trie where a segmentation phrase ends. */
const PHRASE_END = Symbol('phrase end');

type TrieNode = Map<number, TrieNode> & { [PHRASE_END]?: true };

/**
 * OpenCC's Simplified → Traditional (Taiwan) conversion, exactly as `OpenCC.Converter({ from: 'cn', to: 'tw' })`
 * (configuration s2tw): normalise CJK compatibility ideographs, cut the text into phrases, convert each phrase through
 * the phrase-and-character table and then the Taiwan variants. The library builds its 1 MB phrase list into two tries,
 * one to cut and one to convert (40 MB of heap together); the cutting phrases are all in the converting trie, so here
 * they are marked in it instead and the text is cut by following that one trie: the same output with half the tables.
 */
export function simplifiedToTaiwanese(): (text: string) => string {
  const config = configs.s2tw as unknown as { normalizationChain: DictGroup[]; segmentation: DictLike[]; conversionChain: DictGroup[] };
  const normalize = ConverterFactory(...config.normalizationChain);
  const [phraseGroup, ...laterGroups] = config.conversionChain;
  const phrases = trieOf(phraseGroup!);
  const later = laterGroups.map(trieOf);
  const root = (phrases as unknown as { map: TrieNode }).map;
  for (const dict of config.segmentation) {
    for (const key of keysOf(dict)) {
      let node: TrieNode | undefined = root;
      for (const char of key) node = node?.get(char.codePointAt(0)!);
      // Every cutting phrase is a converting phrase too; should a later version of the tables break that, fail here.
      if (!node) throw new Error(`OpenCC phrase 「${key}」 is not in the conversion table`);
      node[PHRASE_END] = true;
    }
  }

  /** Trie.matchPrefix over the cutting phrases only: where the longest one starting at `i` ends, or 0. */
  const phraseEnd = (s: string, i: number): number => {
    let node: TrieNode = root;
    let end = 0;
    for (let j = i; j < s.length; ) {
      const code = s.codePointAt(j)!;
      j += code > 0xffff ? 2 : 1;
      const next = node.get(code);
      if (next === undefined) break;
      node = next;
      if (node[PHRASE_END]) end = j;
    }
    return end;
  };

  /** Trie.segment: phrases, and the runs of text between them. */
  const segment = (s: string): string[] => {
    const segments: string[] = [];
    let unmatchedFrom: number | null = null;
    for (let i = 0; i < s.length; ) {
      const end = phraseEnd(s, i);
      if (end > 0) {
        if (unmatchedFrom !== null) {
          segments.push(s.slice(unmatchedFrom, i));
          unmatchedFrom = null;
        }
        segments.push(s.slice(i, end));
        i = end;
      } else {
        unmatchedFrom ??= i;
        i += unmatchedLength(s, i);
      }
    }
    if (unmatchedFrom !== null) segments.push(s.slice(unmatchedFrom));
    return segments;
  };

  return (text) => {
    let converted = '';
    for (const part of segment(normalize(text))) {
      let out = phrases.convert(part);
      for (const trie of later) out = trie.convert(out);
      converted += out;
    }
    return converted;
  };
}

/**
 * Trie.loadDictGroup: the group's dictionaries last to first, so the first one's value wins. The serialised form is
 * read here with indexOf instead of the library's split('|') and split(' ') (an array per entry): the same entries,
 * in the same order, into the same trie, in a fraction of the start-up time.
 */
function trieOf(group: DictGroup): Trie {
  const trie = new Trie();
  for (const dict of [...group].reverse()) forEachEntry(dict, (key, value) => trie.addWord(key, value));
  return trie;
}

/**
 * Every entry of a dictionary in either of OpenCC's forms ("a b|c d" or [[a, b], [c, d]]). As Trie.loadDict reads
 * "key value more": the value is the text between the first and the second space.
 */
function forEachEntry(dict: DictLike, visit: (key: string, value: string) => void): void {
  if (typeof dict !== 'string') {
    for (const [key, value] of dict) visit(key, value);
    return;
  }
  for (let start = 0; start <= dict.length; ) {
    const bar = dict.indexOf('|', start);
    const end = bar < 0 ? dict.length : bar;
    const space = dict.indexOf(' ', start);
    if (space < 0 || space >= end) throw new TypeError(`OpenCC dictionary entry without a value: 「${dict.slice(start, end)}」`);
    const nextSpace = dict.indexOf(' ', space + 1);
    visit(dict.slice(start, space), dict.slice(space + 1, nextSpace < 0 || nextSpace > end ? end : nextSpace));
    start = end + 1;
  }
}

/** The source strings of a dictionary. */
function keysOf(dict: DictLike): string[] {
  const keys: string[] = [];
  forEachEntry(dict, (key) => keys.push(key));
  return keys;
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** How many ideographs an ideographic description character (⿰ ⿱ ⿲ …) composes. */
function idsArity(code: number): number {
  if (code >= 0x2ff0 && code <= 0x2ff1) return 2;
  if (code >= 0x2ff2 && code <= 0x2ff3) return 3;
  if (code >= 0x2ff4 && code <= 0x2fff) return 2;
  return 0;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n += 1) {
    if (end >= s.length) return 0;
    const childEnd = idsEnd(s, end);
    end = childEnd || end + codePointLength(s, end);
  }
  return end;
}

/** Text no phrase starts at is skipped a character at a time, an ideographic description sequence as one. */
function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}
