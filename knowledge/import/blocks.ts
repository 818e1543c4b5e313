/** What an imported file reads as, before it becomes a draft document: headings, paragraphs and tables in order. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

/** Joins pieces of one line or paragraph: no space between Chinese characters, one between Latin words. */
export function joinText(pieces: string[]): string {
  return pieces.reduce((text, piece) => {
    const next = piece.trim();
    if (next === '') return text;
    if (text === '') return next;
    const needsSpace = /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next);
    return `${text}${needsSpace ? ' ' : ''}${next}`;
  }, '');
}
