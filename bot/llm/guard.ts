import { normalizeText } from '../../knowledge/normalize.ts';
import type { Citation } from '../types.ts';
import { GroundedFigures } from './grounded-figures.ts';
import type { GroundedAnswer } from './types.ts';

export type GuardRejection = 'invented_figure' | 'dropped_figure' | 'missing_citation' | 'empty';
export type GuardVerdict = { ok: true } | { ok: false; reason: GuardRejection; details: string[] };

/**
 * Whether a model's rewrite of a deterministic answer may be sent. It may not:
 * - contain a figure (amount, rate, 成, period, date, any number) absent from the answer text, its grounding
 *   and its citations, after the bot's own number normalisation (4萬 = 40,000, 九成 = 90%);
 * - leave out a figure of the deterministic answer (the figures are the answer);
 * - stop naming a cited document.
 * The user's question is not grounding: a figure the user typed is grounded only if the calculator used it.
 */
export function guardFigures(candidate: string, answer: GroundedAnswer): GuardVerdict {
  if (candidate.trim() === '') return { ok: false, reason: 'empty', details: [] };

  const grounded = new GroundedFigures([answer.text, ...answer.grounding, ...answer.citations.flatMap(citationTexts)]);
  const invented = grounded.ungrounded(candidate);
  if (invented.length > 0) return { ok: false, reason: 'invented_figure', details: invented };

  const dropped = new GroundedFigures([candidate]).ungrounded(answer.text);
  if (dropped.length > 0) return { ok: false, reason: 'dropped_figure', details: dropped };

  const named = compact(candidate);
  const missing = citedTitles(answer.citations).filter((title) => !named.includes(compact(title)));
  if (missing.length > 0) return { ok: false, reason: 'missing_citation', details: missing };

  return { ok: true };
}

/** Each cited document's title once, in citation order. */
export function citedTitles(citations: Citation[]): string[] {
  return [...new Set(citations.map((c) => c.title))];
}

function citationTexts(citation: Citation): string[] {
  return [citation.title, citation.section, citation.date, citation.dateLabel, citation.excerpt].filter(
    (text): text is string => text !== undefined,
  );
}

/** Titles compare after the bot's normalisation and without spaces or quotation brackets around them. */
function compact(text: string): string {
  return normalizeText(text).replace(/[\s「」『』《》〈〉"'“”]/g, '');
}
