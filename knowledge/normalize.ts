import * as OpenCC from 'opencc-js';

// Built once: building a converter loads its dictionaries. Language detection (bot/understand/language.ts)
// shares this one rather than building a second copy of the same tables.
const convertToTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * The last short texts converted, and what they became. One turn converts the same message several times (the
 * handoff words, understanding, language detection, the reply's language), and a dictionary walk costs far more
 * than a map look-up. Long texts (documents, read once per load) are not kept.
 */
const RECENT_LIMIT = 512;
const RECENT_MAX_LENGTH = 1_000;
const recent = new Map<string, string>();

/** Simplified → Traditional (Taiwan), OpenCC's `cn` → `tw`. Pure; recent short texts are answered from memory. */
export function toTraditional(text: string): string {
  if (text.length > RECENT_MAX_LENGTH) return convertToTraditional(text);
  const known = recent.get(text);
  if (known !== undefined) return known;
  const converted = convertToTraditional(text);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(text, converted);
  return converted;
}

/**
 * The one normal form for user text and document text: NFKC (full-width digits, letters and ％
 * become half-width), Simplified → Traditional (Taiwan), Latin lower-cased. Pure.
 */
export function normalizeText(text: string): string {
  return toTraditional(text.normalize('NFKC')).toLowerCase();
}
