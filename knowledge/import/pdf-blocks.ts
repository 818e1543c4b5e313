import { getDocumentProxy } from 'unpdf';
import { joinText, type Block } from './blocks.ts';

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
}

/** Lines starting like this begin a new paragraph even when set close to the line above (「一、」, 「主旨：」). */
const PARAGRAPH_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、]|主旨|說明|正本|副本|受文者|發文|速別|密等|附件|地址|聯絡|電話|傳真)/;

/**
 * Reads a PDF's text as lines (pieces on one baseline), then tells headings from body text by size: lines set
 * clearly larger than most of the text are headings (the largest, near the top, the title). Body lines are
 * joined into paragraphs until a gap, a numbered item or the end of a sentence.
 */
export async function pdfBlocks(data: Uint8Array): Promise<Block[]> {
  const pdf = await getDocumentProxy(data);
  const lines: Line[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const rows = new Map<number, Array<{ x: number; text: string; size: number }>>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [scaleX = 0, skewY = 0, , , x = 0, y = 0] = item.transform as number[];
      const size = Math.hypot(scaleX, skewY);
      const key = Math.round(y);
      rows.set(key, [...(rows.get(key) ?? []), { x, text: item.str, size: item.str.trim() === '' ? 0 : size }]);
    }
    for (const [y, pieces] of [...rows].sort((a, b) => b[0] - a[0])) {
      pieces.sort((a, b) => a.x - b.x);
      // Pieces of one line keep their own spacing (「調整為 0.25%」); only runs of spaces are folded.
      const text = pieces.map((piece) => piece.text).join('').replace(/\s+/g, ' ').trim();
      if (text !== '') lines.push({ text, size: Math.max(...pieces.map((piece) => piece.size)), y, page: number });
    }
  }
  await pdf.destroy();
  return linesToBlocks(lines);
}

function linesToBlocks(lines: Line[]): Block[] {
  const body = bodySize(lines);
  const headingSizes = [...new Set(lines.filter((line) => line.size > body * 1.15).map((line) => line.size))].sort((a, b) => b - a);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let previous: Line | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: joinText(paragraph) });
    paragraph = [];
  };
  lines.forEach((line, index) => {
    const rank = headingSizes.indexOf(line.size);
    if (rank >= 0) {
      endParagraph();
      // The largest size is the title only when it opens the document; otherwise it is a section heading.
      const level = rank === 0 && index < 3 && headingSizes.length > 0 ? 1 : rank <= 1 ? 2 : 3;
      blocks.push({ kind: 'heading', level, text: line.text });
      previous = undefined;
      return;
    }
    const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
    const startsNew = !previous || gap > line.size * 2 || PARAGRAPH_START.test(line.text) || /[。：:；]$/.test(previous.text);
    if (startsNew) endParagraph();
    paragraph.push(line.text);
    previous = line;
  });
  endParagraph();
  return blocks;
}

/** The size most of the text is set in (counted by characters). */
function bodySize(lines: Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.size, (characters.get(line.size) ?? 0) + line.text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}
