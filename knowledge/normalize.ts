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

/**
 * Characters written in Traditional Chinese too, which OpenCC's cn → tw turns into another character by the phrase it
 * cuts them into: 「10月核准」 becomes 「10月核準」 and 「還是只有」 「還是隻有」, since 「月核」 and 「是只」 are cut as phrases.
 */
const ALSO_TRADITIONAL = new Set('准只于后里余范干才系斗谷征松面制岳占丑采郁朴游涌杰凶夸吃床群峰岩');
/** Written both ways in Taiwan (台/臺): converted as OpenCC does, without making a message Simplified. */
const WRITTEN_BOTH_WAYS = new Set('台');

/**
 * Simplified → Traditional (Taiwan), OpenCC's `cn` → `tw`; in a text whose only changes would be to characters
 * Traditional Chinese writes as well (a Traditional message), those are left as written. Pure; recent texts are
 * answered from memory.
 */
export const toTraditional: (text: string) => string = remembering((text) => {
  const converted = convertToTraditional(text);
  if (converted === text) return text;
  const before = [...text];
  const after = [...converted];
  if (before.length !== after.length) return converted;
  const traditional = before.every((char, i) => char === after[i] || ALSO_TRADITIONAL.has(char) || WRITTEN_BOTH_WAYS.has(char));
  return traditional ? before.map((char, i) => (ALSO_TRADITIONAL.has(char) ? char : after[i])).join('') : converted;
});

/**
 * The one normal form for user text and document text: NFKC (full-width digits, letters and ％
 * become half-width), Simplified → Traditional (Taiwan), Latin lower-cased, and the phonetic symbol ㄧ, which phone
 * keyboards offer beside 一 and looks the same (「哪ㄧ家」), read as 一. Pure.
 */
export const normalizeText: (text: string) => string = remembering((text) => toTraditional(text.normalize('NFKC').replace(/\u3127/gu, '一')).toLowerCase());
