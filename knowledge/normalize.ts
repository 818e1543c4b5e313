import * as OpenCC from 'opencc-js';

// Built once: building the converter loads its dictionaries.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * The one normal form for user text and document text: NFKC (full-width digits, letters and ％
 * become half-width), Simplified → Traditional (Taiwan), Latin lower-cased. Pure.
 */
export function normalizeText(text: string): string {
  return toTraditional(text.normalize('NFKC')).toLowerCase();
}
