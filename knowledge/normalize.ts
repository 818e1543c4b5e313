import { simplifiedToTaiwanese } from './simplified-to-traditional.ts';

// Built once: building a converter loads its dictionaries (OpenCC's cn → tw, in one trie instead of two). Language
// detection (bot/understand/language.ts) shares this one rather than building a second copy of the same tables.
const convertToTraditional = simplifiedToTaiwanese();

/**
 * The last texts converted, and what they became. One turn converts the same message several times (the handoff
 * words, understanding, language detection, the reply's language), and a dictionary walk costs far more than a map
 * look-up. A message of the longest length allowed can grow 18-fold under NFKC (「﷽」), so texts up to `maxLength`
 * are kept, within `maxCharacters` in all; longer texts (documents, read once per load) are not kept.
 */
export function remembering<T extends string>(
  convert: (text: string) => T,
  limit = 512,
  maxLength = 20_000,
  maxCharacters = 1_000_000,
): (text: string) => T {
  const recent = new Map<string, T>();
  let characters = 0;
  return (text) => {
    if (text.length > maxLength) return convert(text);
    const known = recent.get(text);
    if (known !== undefined) return known;
    const converted = convert(text);
    characters += text.length + converted.length;
    while (recent.size > 0 && (recent.size >= limit || characters > maxCharacters)) {
      const [oldest, was] = recent.entries().next().value as [string, T];
      recent.delete(oldest);
      characters -= oldest.length + was.length;
    }
    recent.set(text, converted);
    return converted;
  };
}

/** Simplified → Traditional (Taiwan), OpenCC's `cn` → `tw`. Pure; recent short texts are answered from memory. */
export const toTraditional: (text: string) => string = remembering(convertToTraditional);

/**
 * The one normal form for user text and document text: NFKC (full-width digits, letters and ％
 * become half-width), Simplified → Traditional (Taiwan), Latin lower-cased. Pure.
 */
export const normalizeText: (text: string) => string = remembering((text) => toTraditional(text.normalize('NFKC')).toLowerCase());
