import { matchesOf, mention, type Mention } from './mention.ts';

/** Phone numbers (0800-089-921, 02-23214261, (02)2321-4261) are one figure: their digits, as a plain number. */
const PHONE = /(?<![\d.,])(?:\(0\d{1,3}\)\s*|0\d{1,3}[-\s])\d{3,4}(?:[-\s]?\d{3,4})?(?!\d)/g;

export function findPhones(text: string): Mention[] {
  return matchesOf(PHONE, text).map((m) => mention('phone', 'plain', Number(m[0].replace(/\D/g, '')), m[0], m.index));
}
