import type { Cue } from './schema.ts';

/** What a cue's two parts may be separated by: anything but the end of a clause (or, with `sentence`, of a sentence). */
const IN_CLAUSE = String.raw`[^,，。;；!！?？\n]`;
const IN_SENTENCE = String.raw`[^。!！?？\n]`;

function escaped(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Longest first, so that at one position the longest word is the one matched (保證手續費率 before 手續費). */
function alternatives(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escaped).join('|');
}

function cuePattern(cue: Cue): string {
  if (typeof cue === 'string') return escaped(cue);
  if ('word' in cue) {
    const after = cue.not_after?.length ? `(?<!${alternatives(cue.not_after)})` : '';
    const before = cue.not_before?.length ? `(?!${alternatives(cue.not_before)})` : '';
    return `${after}${escaped(cue.word)}${before}`;
  }
  const gap = cue.within > 0 ? `${cue.sentence ? IN_SENTENCE : IN_CLAUSE}{0,${cue.within}}` : '';
  const undone = cue.not_before?.length ? `(?!${alternatives(cue.not_before)})` : '';
  const preceded = cue.not_after?.length ? `(?<!${alternatives(cue.not_after)})` : '';
  return `${preceded}(?:${alternatives(cue.first)})${gap}(?:${alternatives(cue.then)})${undone}`;
}

function length(cue: Cue): number {
  if (typeof cue === 'string') return cue.length;
  return 'word' in cue ? cue.word.length : Math.max(...cue.first.map((w) => w.length)) + Math.max(...cue.then.map((w) => w.length));
}

/**
 * One regular expression for a list of cues. Words are escaped, so a cue never has regular-expression syntax of its
 * own; the only repetition is a bounded gap, so matching stays linear whatever the message.
 */
export function cueRegExp(cues: readonly Cue[], flags = ''): RegExp {
  const ordered = [...cues].sort((a, b) => length(b) - length(a));
  return new RegExp(ordered.map(cuePattern).join('|'), flags);
}

/** Matches only at the start of the text (greetings, 「那…」 openings). */
export function prefixRegExp(cues: readonly Cue[]): RegExp {
  return new RegExp(`^(?:${cueRegExp(cues).source})`);
}
