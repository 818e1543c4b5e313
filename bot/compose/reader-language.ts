import { detectLanguage } from '../understand/language.ts';
import type { Reply } from '../types.ts';

/**
 * Marks replies to a question asked in English, so their labels are shown in English. Simplified Chinese is
 * answered in Traditional Chinese, as the fund writes; nothing to mark.
 */
export function inLanguageOf(question: string, replies: Reply[]): Reply[] {
  return detectLanguage(question) === 'en' ? replies.map((r) => ({ ...r, language: 'en' as const })) : replies;
}
