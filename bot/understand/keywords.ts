import type { Mention } from './mention.ts';
import { shippedDomain, type Domain } from '../../domain/index.ts';

/**
 * Content words for retrieval: the fund's own terms first (domain/registry/words.yaml terms and every programme name,
 * longest first, so 保證手續費 stays whole), then the words Intl.Segmenter finds in the rest, without figures
 * and filler.
 */
const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });

export function extractKeywords(text: string, mentions: Mention[], domain: Domain = shippedDomain()): string[] {
  let rest = text;
  for (const m of [...mentions].sort((a, b) => b.index - a.index)) rest = `${rest.slice(0, m.index)} ${rest.slice(m.end)}`;
  const found: Array<{ word: string; index: number }> = [];
  for (const term of domain.words.terms) {
    for (let at = rest.indexOf(term); at >= 0; at = rest.indexOf(term, at + term.length)) {
      found.push({ word: term, index: at });
      rest = `${rest.slice(0, at)}${' '.repeat(term.length)}${rest.slice(at + term.length)}`;
    }
  }
  for (const segment of segmenter.segment(rest)) {
    const word = segment.segment.trim();
    if (!segment.isWordLike || domain.words.filler.has(word) || /^\d/.test(word)) continue;
    const long = /^[a-z]/.test(word) ? word.length >= 3 : [...word].length >= 2;
    if (long) found.push({ word, index: segment.index });
  }
  return [...new Set(found.sort((a, b) => a.index - b.index).map((f) => f.word))];
}
