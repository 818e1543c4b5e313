/**
 * Understanding uses the project's one normal form (knowledge/normalize.ts): NFKC, Simplified →
 * Traditional, lower-case Latin. Figures need positions in the text as written, so they use a
 * width-only normal form that remembers where each character came from.
 */
export { normalizeText } from '../../knowledge/normalize.ts';

export interface MappedText {
  text: string;
  /** For each UTF-16 index of `text`, the index in the original string it came from. */
  origin: number[];
}

/** NFKC character by character (full-width digits, ％, ～ become half-width), keeping positions. */
export function normalizeWidth(original: string): MappedText {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of original) {
    const normal = char.normalize('NFKC');
    text += normal;
    for (let i = 0; i < normal.length; i++) origin.push(index);
    index += char.length;
  }
  return { text, origin };
}
