import { normalizeText } from './normalize.ts';
import { foldForSearch } from './tokenizer.ts';

/** Markdown as one line of plain text: tables as `a | b`, no emphasis, no separator rows. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !isSeparatorRow(line))
    .map((line) => cellsOf(line).join(' | ').replace(/\*\*|__|`/g, '').trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** `| --- | :---: |`: a table's separator row (white space aside, cells of three or more dashes). */
function isSeparatorRow(line: string): boolean {
  return /^\|?:?-{3,}:?(?:\|:?-{3,}:?)*\|?$/.test(line.replace(/\s/g, ''));
}

/** `| a | b |` → [a, b]; a line that is not a table row is one cell. */
function cellsOf(line: string): string[] {
  const row = line.trim();
  const inner = row.slice(row.startsWith('|') ? 1 : 0, row.endsWith('|') && row.length > 1 ? -1 : undefined);
  return inner.split('|').map((cell) => cell.trim());
}

const SENTENCE_END = /[。；！？：\n]/g;

function searchForm(text: string): string {
  return foldForSearch(normalizeText(text));
}

/** A section's text made ready for snippets once: plain lines, their search form and where sentences start. */
export interface SnippetSource {
  plain: string;
  maxLength: number;
  /** Where each candidate window starts, and the window in search form. */
  windows: Array<{ start: number; text: string }>;
}

export function snippetSource(markdown: string, maxLength = 120): SnippetSource {
  const lines = markdown.split('\n').map((line) => plainText(line)).filter((line) => line !== '');
  const plain = lines.join('\n');
  const folded = searchForm(plain);
  const starts = [0, ...[...plain.matchAll(SENTENCE_END)].map((match) => (match.index ?? 0) + 1)].filter((start) => start < plain.length);
  // Normalisation almost always keeps length; when it does not, windows are normalised one by one.
  const sameOffsets = folded.length === plain.length;
  const windows = starts.map((start) => ({
    start,
    text: sameOffsets ? folded.slice(start, start + maxLength) : searchForm(plain.slice(start, start + maxLength)),
  }));
  return { plain, maxLength, windows };
}

/**
 * The passage of about `maxLength` characters that holds the most query tokens (longer tokens
 * count more), starting at a sentence or line boundary so it reads naturally.
 */
export function bestSnippet(markdown: string | SnippetSource, queryTokens: readonly string[], maxLength = 120): string {
  const source = typeof markdown === 'string' || markdown.maxLength !== maxLength ? snippetSource(typeof markdown === 'string' ? markdown : markdown.plain, maxLength) : markdown;
  const { plain, windows } = source;
  if (plain.length <= maxLength) return plain.replace(/\n/g, ' ');

  let best = { start: 0, score: -1 };
  for (const { start, text } of windows) {
    const score = queryTokens.reduce((sum, token) => (text.includes(token) ? sum + token.length : sum), 0);
    if (score > best.score) best = { start, score };
  }

  const end = best.start + maxLength;
  const passage = plain.slice(best.start, end).replace(/\n/g, ' ').trim();
  return `${best.start > 0 ? '…' : ''}${passage}${end < plain.length ? '…' : ''}`;
}
