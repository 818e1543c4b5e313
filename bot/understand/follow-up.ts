import { shippedDomain, type Domain } from '../../domain/index.ts';

/**
 * Elliptical follow-ups lean on the previous turn: 那C組呢？ 如果是B組 那兩年呢 換成青創呢 保9成呢 (openings in
 * domain/registry/intents.yaml). 「那」 and 「換成」 openings always lean on it; 「如果」 only when the rest is not a whole
 * question; a short message ending in 呢 does too.
 */
const ENDS_WITH_NE = /呢\s*[?？!！。.]*$/;
const SHORT = 20;

export interface FollowUpContext {
  /** The message names a programme and asks something of its own (an attribute, or whether one qualifies). */
  isWholeQuestion: boolean;
}

export function isFollowUp(text: string, { isWholeQuestion }: FollowUpContext, domain: Domain = shippedDomain()): boolean {
  const { leaning, conditional, opening, alone } = domain.followUp;
  const trimmed = text.trim().replace(opening, '');
  if (leaning.test(trimmed)) return true;
  // 「多少？」「幾成」 alone: asked of what was just discussed.
  if (alone.has(trimmed.replace(/[\s?？!！。.,，~～]+/g, ''))) return true;
  if (conditional.test(trimmed)) return !isWholeQuestion;
  return ENDS_WITH_NE.test(trimmed) && [...trimmed].length <= SHORT;
}
