import type { Figure } from './types.ts';

/**
 * A figure found in normalised text, with what the finders know beyond its Figure kind:
 * `unit` separates an age (47歲) from a duration (2年), `iso` carries a complete date.
 */
export type MentionUnit =
  | 'amount'
  | 'percent'
  | 'ratio'
  | 'age'
  | 'years'
  | 'months'
  | 'days'
  | 'date'
  | 'phone'
  | 'count'
  | 'plain';

export interface Mention extends Figure {
  unit: MentionUnit;
  /** Index just past the figure in the scanned text. */
  end: number;
  /** yyyy-mm-dd when a date names year, month and day. */
  iso?: string;
}

export function mention(unit: MentionUnit, kind: Figure['kind'], value: number, raw: string, index: number, iso?: string): Mention {
  return { kind, unit, value, raw, index, end: index + raw.length, ...(iso ? { iso } : {}) };
}

/** The global form of each pattern scanned, made once: matchAll copies it, so its lastIndex is never moved. */
const globalForms = new WeakMap<RegExp, RegExp>();

/** Every match of a regex over the whole text (the g flag is added when missing). */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  let global = globalForms.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalForms.set(pattern, global);
  }
  return [...text.matchAll(global)];
}
