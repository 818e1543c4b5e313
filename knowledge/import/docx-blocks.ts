import mammoth from 'mammoth';
import { joinText, type Block } from './blocks.ts';

/** The document's title is h1; Word's 標題 1/2/3 (Heading 1/2/3) are its sections and sub-sections. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='標題'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='標題 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='標題 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='標題 3'] => h4:fresh",
];

/**
 * Reads a Word file through mammoth's HTML, which keeps what matters for a draft: the heading styles
 * (標題 → the title, 標題 1/2/3 → sections), paragraphs, lists and tables.
 */
export async function docxBlocks(data: Buffer): Promise<Block[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: data }, { styleMap: STYLE_MAP });
  return elements(html).flatMap((element): Block[] => {
    const level = /^h([1-6])$/.exec(element.tag)?.[1];
    if (level) return [{ kind: 'heading', level: Math.min(3, Number(level)) as 1 | 2 | 3, text: plain(element.inner) }];
    if (element.tag === 'table') return [{ kind: 'table', rows: rowsOf(element.inner).map((row) => elements(row).map((cell) => plain(cell.inner))) }];
    if (element.tag === 'ul' || element.tag === 'ol') return elements(element.inner).map((item) => ({ kind: 'paragraph', text: plain(item.inner) }));
    const text = plain(element.inner);
    return text === '' ? [] : [{ kind: 'paragraph', text }];
  });
}

interface Element {
  tag: string;
  inner: string;
}

/** The top-level elements of a fragment of mammoth's HTML (flat, well formed, no attributes on these tags). */
function elements(html: string): Element[] {
  const found: Element[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const nameEnd = html.slice(open + 1).search(/[\s/>]/);
    const tag = html.slice(open + 1, open + 1 + nameEnd);
    const openEnd = html.indexOf('>', open);
    if (openEnd < 0 || tag === '' || tag.startsWith('/')) break;
    if (html[openEnd - 1] === '/') {
      at = openEnd + 1;
      continue;
    }
    const close = matchingClose(html, tag, openEnd + 1);
    found.push({ tag, inner: html.slice(openEnd + 1, close) });
    at = close + tag.length + 3;
  }
  return found;
}

/** Where the `</tag>` that closes the element opened before `from` starts, counting nested ones. */
function matchingClose(html: string, tag: string, from: number): number {
  let depth = 1;
  let at = from;
  while (depth > 0) {
    const nextOpen = indexOfTag(html, `<${tag}`, at);
    const nextClose = html.indexOf(`</${tag}>`, at);
    if (nextClose < 0) return html.length;
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      at = nextOpen + tag.length + 1;
    } else {
      depth--;
      at = nextClose + tag.length + 3;
      if (depth === 0) return nextClose;
    }
  }
  return html.length;
}

/** `<p` also starts `<pre>`: only a tag name followed by `>`, a space or `/` counts. */
function indexOfTag(html: string, start: string, from: number): number {
  let at = html.indexOf(start, from);
  while (at >= 0 && !/[\s/>]/.test(html[at + start.length] ?? '')) at = html.indexOf(start, at + 1);
  return at;
}

/** The inner HTML of each `<tr>`, whether inside `<thead>`/`<tbody>` or not. */
function rowsOf(table: string): string[] {
  return elements(table).flatMap((element) => (element.tag === 'tr' ? [element.inner] : rowsOf(element.inner)));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Text without tags or entities, one paragraph's worth. */
function plain(html: string): string {
  let text = '';
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    const close = open < 0 ? -1 : html.indexOf('>', open);
    if (close < 0) {
      text += html.slice(at);
      break;
    }
    text += html.slice(at, open);
    if (html.startsWith('<br', open)) text += '\n';
    at = close + 1;
  }
  return joinText(text.split('\n')).replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}
