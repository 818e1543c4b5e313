import { ConverterBuilder } from 'opencc-js/core';
import * as preset from 'opencc-js/preset';
import { remembering, toTraditional } from '../../knowledge/normalize.ts';
import type { Understanding } from './types.ts';

// Built once: building a converter loads its dictionaries. OpenCC's Converter({ from: 'tw', to: 'cn' }), built from the
// same dictionary modules as knowledge/normalize.ts, so the library's all-in-one bundle is never loaded as well.
const toSimplified = ConverterBuilder(preset)({ from: 'tw', to: 'cn' });

const HAN = /\p{Script=Han}/u;
/** English needs words: a lone 「C」 answering a risk-group question, or 「ok」, is not a switch of language. */
const ENGLISH_WORDS = /[a-z]{3}|(?<![a-z])[a-z]+[^a-z]+[a-z]/i;

function changedCharacters(text: string, converted: string): number {
  const a = [...text];
  const b = [...converted];
  return a.reduce((count, char, i) => count + (char !== b[i] ? 1 : 0), 0);
}

/**
 * zh-Hans when more characters are Simplified-only than Traditional-only (台 is left out: Taiwan writes
 * it in both scripts); en when there are English words and no Han character.
 */
export const detectLanguage: (original: string) => Understanding['language'] = remembering(languageOf, 256);

function languageOf(original: string): Understanding['language'] {
  const text = original.normalize('NFKC').replaceAll('台', '');
  if (!HAN.test(text)) return ENGLISH_WORDS.test(text) ? 'en' : 'zh-Hant';
  const simplifiedOnly = changedCharacters(text, toTraditional(text));
  // Nothing Simplified-only: Traditional whatever the other count (most messages; spares the second conversion).
  if (simplifiedOnly === 0) return 'zh-Hant';
  const traditionalOnly = changedCharacters(text, toSimplified(text));
  return simplifiedOnly > traditionalOnly ? 'zh-Hans' : 'zh-Hant';
}
