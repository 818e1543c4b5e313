import type { KnowledgeBase } from './load.ts';
import { matchForm } from './passage-terms.ts';
import type { KnowledgeSection } from './schema.ts';

/**
 * The passages of the knowledge: every section cut once, per knowledge version, into what an answer quotes —
 * sentences of long paragraphs, short paragraphs whole, list items, table rows (read with their header, so a row
 * says what its figures are) and label blocks (「高屏服務中心」 with the address and phone under it). Each carries
 * its document, section, dates and the programmes its section concerns, and its text in match form.
 */

export type PassageKind = 'text' | 'item' | 'row' | 'block';

export interface KnowledgePassage {
  /** `${sectionId}@${order}`. */
  id: string;
  section: KnowledgeSection;
  kind: PassageKind;
  /** As quoted: plain text; a table row as 「header：row」. */
  text: string;
  /** Position in the section. */
  order: number;
  /** The text as written and canonical (knowledge/passage-terms.ts), for matching. */
  match: string;
  /** A table row's cells under its header's, for reading a row out cell by cell. */
  cells?: RowCells;
  /** An item indented under a line ending in 「：」 (「…相關作業如下：」): that line's order, quoted with the item. */
  lead?: number;
}

export interface RowCells {
  header: string[];
  row: string[];
}

export interface Table {
  header: string[];
  rows: string[][];
}

export interface SectionPassages {
  section: KnowledgeSection;
  passages: KnowledgePassage[];
  /** The heading in match form. */
  heading: string;
  /** The document's title in match form. */
  title: string;
  tables: Table[];
  /** Lines that are list items (「1. …」, 「① …」, 「- …」), in order. */
  listItems: string[];
  /** The sentence that opens the list (「有下列情形之一者，…不得以授權方式送保，應以專案申請：」), when one does. */
  listLead?: string;
  /** 「金額單位：新臺幣百萬元」: the unit a table's rows are read with, when the section states one. */
  unit?: string;
  /** Programme ids the section concerns (its own metadata, else its document's). */
  programmes: string[];
}

export interface PassageCatalogue {
  sections: Map<string, SectionPassages>;
  /** Section ids by programme id. */
  byProgramme: Map<string, Set<string>>;
  /** Every passage, in knowledge order. */
  all: KnowledgePassage[];
  /** Every pair of characters the knowledge holds (titles, headings, passages; in match form): its vocabulary. */
  grams: Set<string>;
  /** Every Latin word and lone letter the knowledge holds, lower-cased (「line」, 「kodit」, 「a」). */
  latin: Set<string>;
  /** The two characters written right after a year (「設立」 of 「自 63 年設立」), each with the sections that write it so. */
  datedWords: Map<string, Set<string>>;
  /** For each pair of characters, how many sections hold it (heading, title or passages; in match form). */
  sectionsWithPair: Map<string, number>;
  /**
   * Passages that mostly quote another section's own words (a plan's strategy citing 「條例第 19 條規定「……」」), each
   * with the sections where those words are written as they stand.
   */
  quotedFrom: Map<string, string[]>;
  /** By section: the other sections its passages quote (quotedFrom), in order. */
  quotingSections: Map<string, string[]>;
}

const catalogues = new WeakMap<KnowledgeBase, PassageCatalogue>();

/** The passages of a knowledge version, cut on first use and kept as long as the version is. */
export function passageCatalogue(knowledge: KnowledgeBase): PassageCatalogue {
  let catalogue = catalogues.get(knowledge);
  if (!catalogue) {
    catalogue = buildCatalogue(knowledge);
    catalogues.set(knowledge, catalogue);
  }
  return catalogue;
}

function buildCatalogue(knowledge: KnowledgeBase): PassageCatalogue {
  const sections = new Map<string, SectionPassages>();
  const byProgramme = new Map<string, Set<string>>();
  const all: KnowledgePassage[] = [];
  const documentProgrammes = new Map(knowledge.documents.map((d) => [d.meta.id, d.meta.programmes ?? []]));
  for (const section of knowledge.sections) {
    const programmes = section.programmes && section.programmes.length > 0 ? section.programmes : (documentProgrammes.get(section.documentId) ?? []);
    const cut = cutSection(section);
    const orders = new Map<object, number>(cut.map((piece, order) => [piece, order]));
    const passages = cut.map(({ text, kind, cells, under }, order) => {
      const lead = under ? orders.get(under) : undefined;
      return { id: `${section.id}@${order}`, section, kind, text, order, match: matchForm(text), ...(cells ? { cells } : {}), ...(lead !== undefined ? { lead } : {}) };
    });
    const unit = section.text
      .split('\n')
      .map((l) => plainText(l).trim())
      // (「單位：%」「（金額單位：新臺幣百萬元）」; not a row naming an 事業單位)
      .find((l) => /單位\s*[：:]/u.test(l) && l.length <= 60);
    sections.set(section.id, {
      section,
      passages,
      heading: matchForm(section.heading),
      title: matchForm(section.title),
      tables: tablesOf(section.text),
      listItems: withLabels(listItems(section.text), passages),
      ...optionalLead(listLead(section.text)),
      ...(unit ? { unit } : {}),
      programmes: [...programmes],
    });
    for (const programme of programmes) {
      let set = byProgramme.get(programme);
      if (!set) byProgramme.set(programme, (set = new Set()));
      set.add(section.id);
    }
    all.push(...passages);
  }
  const grams = new Set<string>();
  const addPairs = (text: string) => {
    for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  };
  for (const document of knowledge.documents) addPairs(matchForm(document.meta.title));
  for (const cut of sections.values()) {
    addPairs(cut.heading);
    for (const passage of cut.passages) addPairs(passage.match);
  }
  const latin = new Set<string>();
  // Words, and letters standing alone (風險組群 「A、B、C」), which a question may run together (「ABC」).
  for (const passage of all) for (const word of passage.match.match(/[a-z]+/g) ?? []) latin.add(word);
  for (const cut of sections.values()) for (const word of `${cut.heading}${cut.title}`.match(/[a-z]{2,}/g) ?? []) latin.add(word);
  const datedWords = new Map<string, Set<string>>();
  // (Not a table row: 「111年保證餘額」 in a header names a column. Nor a word written all over the knowledge:
  // 「111年保證」 is a year's guarantees, not the year something called 保證 happened.)
  const frequent = frequentPairs(all);
  for (const passage of all) {
    if (passage.kind === 'row') continue;
    for (const word of wordsAfterYears(passage.match).filter((w) => !frequent.has(w))) {
      let set = datedWords.get(word);
      if (!set) datedWords.set(word, (set = new Set()));
      set.add(passage.section.id);
    }
  }
  const sectionsWithPair = new Map<string, number>();
  for (const cut of sections.values()) {
    const own = new Set<string>();
    for (const text of [cut.heading, cut.title, ...cut.passages.map((p) => p.match)]) for (let i = 0; i + 1 < text.length; i++) own.add(text.slice(i, i + 2));
    for (const pair of own) sectionsWithPair.set(pair, (sectionsWithPair.get(pair) ?? 0) + 1);
  }
  return { sections, byProgramme, all, grams, latin, datedWords, sectionsWithPair, ...quotations(sections, all) };
}

/** A quotation this long or longer can be another section's words; a shorter one (「批次保證申請書」) names a thing. */
const QUOTATION_MINIMUM = 20;
/** Words quoted as a clause or sentence, not a name (「信用或營業狀況不良企業移送信用保證注意事項」 is a name). */
const CLAUSE = /[，。；,]/u;
/** A quoted piece this long or longer is looked for among the other sections' passages. */
const QUOTED_PIECE_MINIMUM = 12;

/**
 * The passages whose text is mostly inside a long quotation of their section (「依…條例第 19 條規定「……前項信用保證成數為
 * 九成…」」), each with the other sections holding the quoted words outside any quotation: where they are written first.
 */
function quotations(sections: Map<string, SectionPassages>, all: KnowledgePassage[]): Pick<PassageCatalogue, 'quotedFrom' | 'quotingSections'> {
  const compact = (text: string) => text.replace(/[\s…]+/gu, '');
  const quotedIn = new Map<string, string[]>();
  for (const { section } of sections.values()) {
    const inner = [...plainText(section.text).matchAll(/「([^「」]*)」/gu)].map((m) => compact(m[1]!)).filter((q) => q.length >= QUOTATION_MINIMUM && CLAUSE.test(q));
    if (inner.length > 0) quotedIn.set(section.id, inner);
  }
  const quoting = new Map<KnowledgePassage, string[]>();
  for (const passage of all) {
    const inner = quotedIn.get(passage.section.id);
    if (!inner || passage.kind === 'row') continue;
    const pieces = passage.text.split(/[「」]/u).map(compact).filter((piece) => piece.length > 0);
    const quoted = pieces.filter((piece) => piece.length >= QUOTED_PIECE_MINIMUM && inner.some((q) => q.includes(piece)));
    const length = pieces.reduce((n, piece) => n + piece.length, 0);
    if (quoted.length > 0 && quoted.reduce((n, piece) => n + piece.length, 0) * 2 >= length) quoting.set(passage, quoted);
  }
  const quotedFrom = new Map<string, string[]>();
  const quotingSections = new Map<string, string[]>();
  if (quoting.size === 0) return { quotedFrom, quotingSections };
  const plain = all.filter((p) => p.kind !== 'row' && !quoting.has(p)).map((p) => ({ sectionId: p.section.id, text: compact(p.text) }));
  for (const [passage, pieces] of quoting) {
    const origins = new Set<string>();
    for (const piece of pieces) {
      for (const other of plain) {
        if (other.sectionId === passage.section.id || other.text.length < QUOTED_PIECE_MINIMUM) continue;
        if (other.text.includes(piece) || piece.includes(other.text)) origins.add(other.sectionId);
      }
    }
    if (origins.size === 0) continue;
    quotedFrom.set(passage.id, [...origins]);
    const sectionId = passage.section.id;
    quotingSections.set(sectionId, [...new Set([...(quotingSections.get(sectionId) ?? []), ...origins])]);
  }
  return { quotedFrom, quotingSections };
}

/** Share of passages from which a pair is too common to name an event. */
const FREQUENT_SHARE = 0.1;

/** The pairs of characters found in more than FREQUENT_SHARE of the passages (each passage counted once). */
function frequentPairs(passages: KnowledgePassage[]): Set<string> {
  const counts = new Map<string, number>();
  for (const passage of passages) {
    const own = new Set<string>();
    for (let i = 0; i + 1 < passage.match.length; i++) own.add(passage.match.slice(i, i + 2));
    for (const pair of own) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const limit = passages.length * FREQUENT_SHARE;
  return new Set([...counts].filter(([, n]) => n > limit).map(([pair]) => pair));
}

/** A year and the two characters right after it (「63 年設立」, 「民國63年推出」). */
const YEAR_THEN_WORD = /\d{1,4}\s*年\s*(\p{Script=Han}{2})/gu;

/** The words a text writes right after a year: what happened that year (「設立」, 「推出」). */
export function wordsAfterYears(text: string): string[] {
  return [...text.matchAll(YEAR_THEN_WORD)].map((m) => m[1]!);
}

/** Markdown to the plain text an answer quotes: no table bars, list marks, emphasis or heading marks. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^[^\S\r\n\u2028\u2029]*(?:\|[^\S\r\n\u2028\u2029]*)?:?-{3}.*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/^[^\S\r\n\u2028\u2029]*[-*][^\S\r\n\u2028\u2029]+/gm, '')
    // An autolink, <https://www.smeg.org.tw>, is its address.
    .replace(/<((?:https?:\/\/|mailto:)[^<>\s]+)>/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const LONG_LINE = 160;
const FIGURE_CAPTION = /^圖[\s\d\-－一二三四五六七八九十]*[：:]/;

/** 「高屏服務中心」, 「臺北本部」: a few characters with no punctuation or figures. */
function isLabel(text: string): boolean {
  return text.length <= 12 && !/[\d，。：:、；（）()]/.test(text);
}

/** A table's first cell naming a year (「97 年」, 「98 年 1 月」), and one naming only a month (「2 月」, 「9 月 p」 with its note mark). */
const YEAR_CELL = /^(\d{2,3})\s*年/;
const MONTH_CELL = /^\d{1,2}\s*月(?:\s*[a-z*]{1,2})?$/i;

const LIST_ITEM = /^([-*]\s|[①-⑳]|\d+[.、]|[A-Z][.．]|[(（][一二三四五六七八九十\d]+[)）])/;
/** A line that the lines after it continue: it ends in a colon (「相關作業如下：」). */
const OPENS_ITEMS = /[：:]$/;

/** A passage as cut from a section's text, before it is numbered. */
interface Piece {
  text: string;
  kind: PassageKind;
  cells?: RowCells;
  /** The line this item is indented under. */
  under?: Piece;
}

/** A section's text cut into passages, in order. */
function cutSection(section: KnowledgeSection): Piece[] {
  const lines = section.text.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: Piece[] = [];
  // The line ending in 「：」 that the items indented under it continue (「…相關作業如下：」 over 「- 授權送保：…」).
  let opening: { indent: number; piece: Piece } | undefined;
  let header: string | undefined;
  let headerCells: string[] = [];
  /** The year the table's rows are under so far (its first column's latest 「98 年」). */
  let year: string | undefined;
  let labelOpen = false;
  // Lines taken under the open label. A blank line after some closes it: what follows (a letter's 發文日期 and
  // 發文字號 after 「副本」) are fields of their own, not the label's.
  let underLabel = 0;
  const labelsOnly = new Set<{ text: string; kind: PassageKind }>();
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      if (underLabel > 0) labelOpen = false;
      continue;
    }
    if (line.startsWith('|')) {
      labelOpen = false;
      if (/^\|?\s*:?-{3,}/.test(line)) continue;
      const row = plainText(line).replace(/\s+/g, ' ').trim();
      if (header === undefined) {
        header = row;
        headerCells = tableCells(line);
        year = undefined;
        continue;
      }
      // A month under a year written once for several rows (a merged cell: 「98 年 1 月」, then 「2 月」) is that year's.
      const first = line.replace(/^\|/, '').split('|')[0]!.trim();
      const ownYear = YEAR_CELL.exec(first)?.[1];
      if (ownYear !== undefined) year = ownYear;
      const dated = ownYear === undefined && year !== undefined && MONTH_CELL.test(first) ? `${year} 年 ${row}` : row;
      const cells = tableCells(line);
      if (dated !== row) cells[0] = `${year} 年 ${cells[0]}`;
      out.push({ text: `${header}：${dated}`, kind: 'row', cells: { header: headerCells, row: cells } });
      continue;
    }
    header = undefined;
    const text = plainText(line);
    const indent = raw.length - raw.trimStart().length;
    if (opening && indent <= opening.indent) opening = undefined;
    const under = opening && LIST_ITEM.test(line) ? opening.piece : undefined;
    // 「圖：信保金質獎得獎金融機構」 names a figure the text does not hold: it answers nothing.
    if (FIGURE_CAPTION.test(text)) continue;
    const kind: PassageKind = LIST_ITEM.test(line) ? 'item' : 'text';
    // A short label line (「高屏服務中心」) belongs with the short lines under it (its address and phone).
    if (isLabel(text)) {
      // Lines of a signature (「董事長兼」「總經理」「周作姍」) are one passage: a label follows a block of labels only.
      const last = out[out.length - 1];
      if (labelOpen && last && labelsOnly.has(last)) {
        last.text = `${last.text}　${text}`;
        continue;
      }
      labelOpen = true;
      underLabel = 0;
      const block = { text, kind: 'block' as PassageKind };
      labelsOnly.add(block);
      out.push(block);
      continue;
    }
    if (labelOpen && text.length <= LONG_LINE && out.length > 0) {
      underLabel += 1;
      const last = out[out.length - 1]!;
      labelsOnly.delete(last);
      out[out.length - 1] = { text: `${last.text}　${text}`, kind: 'block' };
      continue;
    }
    labelOpen = false;
    // A list item or short paragraph stays whole (its second sentence often holds the figure); long ones split.
    const pieces = text.length <= LONG_LINE ? [text] : text.split(/(?<=[。；])/).map((sentence) => sentence.trim());
    for (const piece of pieces) if (piece.length > 1) out.push({ text: piece, kind, ...(under ? { under } : {}) });
    if (OPENS_ITEMS.test(text) && out.length > 0) opening = { indent, piece: out[out.length - 1]! };
  }
  return withCaptions(out);
}

const MAX_CAPTION = 24;
const SHORT_ITEM = 40;
const ENUMERATED = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;

/**
 * 「(三)批保卓越獎」 over the banks that won it, 「附件：」 over 「一、…」「二、…」: a caption line says what the lines
 * under it are, and is not an answer on its own. It is joined with the one paragraph under it, or with the short
 * enumerated lines of a list under it; a caption over a long list, or over another caption, stays as it is.
 */
function withCaptions(passages: Array<{ text: string; kind: PassageKind }>): Array<{ text: string; kind: PassageKind }> {
  const out: Array<{ text: string; kind: PassageKind }> = [];
  for (let i = 0; i < passages.length; i++) {
    const caption = passages[i]!;
    const next = passages[i + 1];
    if (!isCaption(caption) || !next || next.kind === 'row' || next.kind === 'block') {
      out.push(caption);
      continue;
    }
    if (next.kind === 'text' && !ENUMERATED.test(next.text) && !isCaption(next)) {
      out.push({ text: `${caption.text}　${next.text}`, kind: 'block' });
      i += 1;
      continue;
    }
    // Under 「(六)…」 its own items, up to the next 「(七)…」; under 「附件：」 any short enumerated lines.
    const sibling = ENUMERATED.test(caption.text);
    const listed = (p: { text: string; kind: PassageKind }) =>
      (sibling ? p.kind === 'item' && !ENUMERATED.test(p.text) : ENUMERATED.test(p.text) || p.kind === 'item') && p.text.length <= SHORT_ITEM && !/[。；]/.test(p.text);
    let text = caption.text;
    let end = i + 1;
    while (end < passages.length && listed(passages[end]!) && text.length + passages[end]!.text.length <= LONG_LINE) {
      text = `${text}　${passages[end]!.text}`;
      end += 1;
    }
    if (end - i < 3) {
      if (!emptyField(caption, next)) out.push(caption);
      continue;
    }
    out.push({ text, kind: 'block' });
    i = end - 1;
  }
  return out;
}

/** 「密等及解密條件或保密期限：」 right before the next field (「附件：」): a field left empty, which says nothing. */
function emptyField(caption: { text: string }, next: { text: string; kind: PassageKind }): boolean {
  const plain = (text: string) => !ENUMERATED.test(text) && !LIST_ITEM.test(text);
  return /[：:]$/.test(caption.text) && plain(caption.text) && plain(next.text) && /^[^：:]{1,12}[：:]/.test(next.text);
}

/** A short line with no sentence in it, ending with a colon or opening with an enumeration mark. */
function isCaption(passage: { text: string; kind: PassageKind }): boolean {
  const { text, kind } = passage;
  if (kind === 'row' || kind === 'block' || text.length > MAX_CAPTION || /[。，；,;]/.test(text)) return false;
  return /[：:]$/.test(text) || (ENUMERATED.test(text) && !/[：:]/.test(text));
}

/** The cells of a Markdown table line, as plain text. */
function tableCells(line: string): string[] {
  return line.replace(/^\||\|$/g, '').split('|').map((c) => plainText(c).replace(/\s+/g, ' ').trim());
}

/** The Markdown tables of a section, as cells. */
function tablesOf(markdown: string): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  for (const raw of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\|?\s*:?-{3,}/.test(line)) continue;
    const cells = tableCells(line);
    if (!current) tables.push((current = { header: cells, rows: [] }));
    else current.rows.push(cells);
  }
  return tables;
}

function optionalLead(lead: string | undefined): { listLead?: string } {
  return lead ? { listLead: lead } : {};
}

/**
 * The line just before a section's first list item, when it ends with a colon, or is a short note heading (「註：本表
 * 不包含」): what the items are items of.
 */
function listLead(markdown: string): string | undefined {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => LIST_LINE.test(l));
  if (first <= 0) return undefined;
  const before = lines.slice(0, first).reverse().find((l) => l.length > 0 && !l.startsWith('>') && !l.startsWith('#'));
  return before && (/[：:]$/.test(before) || NOTE_HEADING.test(before)) ? plainText(before) : undefined;
}

/** 「註：本表不包含」: a note's heading, short, whose items follow. */
const NOTE_HEADING = /^(?:註|備註|附註)\s*[：:].{0,16}$/u;

const LIST_LINE = /^([-*]\s|[①-⑳]|\d+[.、]|[A-Z][.．])/;

function listItems(markdown: string): string[] {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^([-*]\s|[①-⑳]|\d+[.、]|[A-Z][.．])/.test(l))
    .map((l) => plainText(l));
}

/**
 * List items as the passages hold them: an item under a short label (「中部服務中心」 over 「- 地址：…」「- TEL：…」) is
 * quoted as the label's block, once, so that an address says whose it is.
 */
function withLabels(items: string[], passages: ReadonlyArray<{ kind: string; text: string }>): string[] {
  const out: string[] = [];
  for (const item of items) {
    const block = passages.find((p) => p.kind === 'block' && p.text !== item && p.text.includes(item));
    const text = block?.text ?? item;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** 「（詳附件一）」: where a document sends the reader for its details. */
const ANNEX = /詳(附件[一二三四五六七八九十\d]+)/gu;

/** The annexes a passage sends the reader to for its details (「詳附件一」 → 附件一), each once. */
export function annexesReferred(text: string): string[] {
  return [...new Set([...text.matchAll(ANNEX)].map((m) => m[1]!))];
}
