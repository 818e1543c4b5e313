import { simplifiedToTaiwanese } from './simplified-to-traditional.ts';

// Built once: building a converter loads its dictionaries (OpenCC's cn → tw, in one trie instead of two). Language
// detection (bot/understand/language.ts) shares this one rather than building a second copy of the same tables.
const convertToTraditional = simplifiedToTaiwanese();

/**
 * The last short texts converted, and what they became. One turn converts the same message several times (the
 * handoff words, understanding, language detection, the reply's language), and a dictionary walk costs far more
 * than a map look-up. Long texts (documents, read once per load) are not kept.
 */
export function remembering(convert: (text: string) => string, limit = 512, maxLength = 1_000): (text: string) => string {
  const recent = new Map<string, string>();
  return (text) => {
    if (text.length > maxLength) return convert(text);
    const known = recent.get(text);
    if (known !== undefined) return known;
    const converted = convert(text);
    if (recent.size >= limit) recent.delete(recent.keys().next().value as string);
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
