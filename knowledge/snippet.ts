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

/**
 * The passage of about `maxLength` characters that holds the most query tokens (longer tokens
 * count more), starting at a sentence or line boundary so it reads naturally.
 */
export function bestSnippet(markdown: string, queryTokens: readonly string[], maxLength = 120): string {
  const lines = markdown.split('\n').map((line) => plainText(line)).filter((line) => line !== '');
  const plain = lines.join('\n');
  if (plain.length <= maxLength) return plain.replace(/\n/g, ' ');

  const folded = searchForm(plain);
  // Normalisation almost always keeps length; when it does not, windows are normalised one by one.
  const sameOffsets = folded.length === plain.length;
  const starts = [0, ...[...plain.matchAll(SENTENCE_END)].map((match) => (match.index ?? 0) + 1)].filter(
    (start) => start < plain.length,
  );

  let best = { start: 0, score: -1 };
  for (const start of starts) {
    const window = sameOffsets ? folded.slice(start, start + maxLength) : searchForm(plain.slice(start, start + maxLength));
    const score = queryTokens.reduce((sum, token) => (window.includes(token) ? sum + token.length : sum), 0);
    if (score > best.score) best = { start, score };
  }

  const end = best.start + maxLength;
  const passage = plain.slice(best.start, end).replace(/\n/g, ' ').trim();
  return `${best.start > 0 ? '…' : ''}${passage}${end < plain.length ? '…' : ''}`;
}
