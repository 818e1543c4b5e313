import type { KnowledgeBase } from './load.ts';
import type { KnowledgeSection } from './schema.ts';
import { placeForm } from './answer-kinds.ts';
import { canonical, escape } from './passage-terms.ts';
import { passageCatalogue, type RowCells } from './passages.ts';
import { extremeRow, listItemsOf, rankedRows, totalRowOf, TOTAL_ROW, withUnit, YEAR_COLUMN, type ScoredPassage } from './retrieve.ts';

/**
 * What a section quotes for a question, and the figures read off the table rows it quotes: the part of retrieval
 * after the section is chosen. The flow says what the question asks for (a list, the largest row, places of a
 * ranking, years, a comparison) and gets text back; the table passages (「header：label cell cell …」) are read here,
 * not in the flows.
 */

export interface QuoteRequest {
  /** 「有哪些」: the section's list, when it has one of three items or more. */
  list?: boolean;
  /** 「最多」「最少」: the row with the largest (smallest) figure in the column the question names. */
  superlative?: 'most' | 'least';
  /** 「前三名」「第四名」: places of a ranking. */
  rank?: { from: number; to: number };
  /** 「第三名跟第一名差多少」: two places of a ranking set against each other, not the places between them. */
  comparison?: boolean;
  /** The question's pairs (retrieve.ts queryGrams): which column a ranking ranks. */
  grams: Set<string>;
  /** Figures the question itself states (「結構比15.81%的是哪個縣市」): a table row writing one of them is the row asked about. */
  stated?: number[];
}

export interface Quote {
  /** The passages quoted, in the section's order (a table's unit line first when rows are quoted). */
  quoted: string[];
  /** The passage that answers best. */
  top: string;
}

/** The passages to quote from a section chosen for a question, with the one that answers best. */
export function quoteSection(knowledge: KnowledgeBase, section: KnowledgeSection, passages: ScoredPassage[], wants: QuoteRequest): Quote {
  const list = wants.list ? listItemsOf(knowledge, section) : [];
  const { superlative, rank } = wants;
  const ends = rank && wants.comparison && rank.to - rank.from >= 2;
  const extreme = ends
    ? endsOfRanking(knowledge, section, wants.grams, superlative === 'least', rank)
    : rank
    ? rankedRows(knowledge, section, wants.grams, superlative === 'least', rank, wants.comparison)
    : superlative !== undefined
      ? (extremeRow(knowledge, section, wants.grams, superlative === 'least', wants.comparison) ?? [])
      : undefined;
  const stating = extreme === undefined && list.length < 3 ? rowsStating(knowledge, section, wants.stated ?? []) : [];
  // (「授權保證的項目有哪些」: a table whose rows are the kind of thing asked for, 〈信用保證項目〉, is that list.)
  const rowsListed = wants.list && extreme === undefined && list.length < 3 && stating.length === 0 ? rowsOfKindAsked(knowledge, section, wants.grams) : [];
  const chosen = list.length >= 3 ? list : rowsListed.length > 0 ? rowsListed : extreme && extreme.length > 0 ? extreme : stating.length > 0 ? stating : withReferringOn(knowledge, section, passages).map((p) => p.text);
  const total = extreme === undefined ? totalRowOf(knowledge, section, chosen) : undefined;
  const rows = total ? [...chosen, total] : chosen;
  // Items of a list are quoted under the sentence that says what they are (「有下列情形之一者，不得以授權方式送保」).
  const lead = passageCatalogue(knowledge).sections.get(section.id)?.listLead;
  const itemsQuoted = list.length >= 3 || passages.some((p) => p.passage.kind === 'item');
  const led = lead && itemsQuoted && !rows.includes(lead) && !rows.some((row) => row.startsWith(lead.slice(0, 12))) ? [lead, ...rows] : rows;
  // (And a lead quoted alone, 「註：本表不包含」, says nothing without its items: they are quoted under it, a few at most.)
  const items = lead && led.includes(lead) && !itemsQuoted ? listItemsOf(knowledge, section) : [];
  const withItems = items.length > 0 && items.length <= LEAD_ITEMS ? [...led, ...items.filter((item) => !led.includes(item))] : led;
  const quoted = withUnit(knowledge, section, withItems);
  // (Of two places compared, the one further down is the one asked about: 「第三名…跟第一名差多少」.)
  const asked = ends ? extreme?.at(-1) : (extreme?.[0] ?? stating[0]);
  return { quoted, top: asked ?? (passages.length > 0 ? strongestPassage(passages) : rows[0] ?? '') };
}

/** The most items quoted under a lead quoted alone. */
const LEAD_ITEMS = 5;

/** A number as a table cell writes it (195,826.11; 15.81%; 0.3). */
const CELL_NUMBER = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d+(?:\.\d+)?(?!\d)/gu;

/**
 * 「保證餘額結構比1.62%的是哪家銀行」: the rows of a table that write a figure the question states (a few at most: a figure
 * written in many rows, 0.00%, names no row).
 */
function rowsStating(knowledge: KnowledgeBase, section: KnowledgeSection, stated: number[]): string[] {
  if (stated.length === 0) return [];
  const rows = (passageCatalogue(knowledge).sections.get(section.id)?.passages ?? []).filter((p) => p.kind === 'row');
  const found = rows.filter((row) => [...row.text.matchAll(CELL_NUMBER)].some((m) => stated.includes(Number(m[0].replaceAll(',', '')))));
  return found.length > 0 && found.length <= 3 ? found.map((row) => row.text) : [];
}

/** A sentence that opens by pointing back (「前述送保授信，以…為限」) is part of what the one before it says. */
const REFERS_BACK = /^(?:前述|上述|前項|前開|該項)/u;

/**
 * The passages chosen, each followed by the next sentence of the section when that one opens by pointing back at it:
 * 「新創事業…不受連續營業期間規定限制。」 is quoted with 「前述送保授信，以購置機器…為限。」, the limit it comes with.
 */
function withReferringOn(knowledge: KnowledgeBase, section: KnowledgeSection, passages: ScoredPassage[]): Array<{ text: string; order: number }> {
  const all = passageCatalogue(knowledge).sections.get(section.id)?.passages ?? [];
  const out: Array<{ text: string; order: number }> = [];
  for (const p of passages) {
    out.push(p);
    const next = all.find((q) => q.order === p.order + 1);
    if (next && next.kind !== 'row' && REFERS_BACK.test(next.text.trim()) && !passages.some((q) => q.order === next.order)) out.push({ text: next.text, order: next.order });
  }
  return out;
}

/** The rows at the first and the last place asked, when both are there. */
function endsOfRanking(knowledge: KnowledgeBase, section: KnowledgeSection, grams: Set<string>, smallest: boolean, rank: { from: number; to: number }): string[] | undefined {
  const first = rankedRows(knowledge, section, grams, smallest, { from: rank.from, to: rank.from });
  const last = rankedRows(knowledge, section, grams, smallest, { from: rank.to, to: rank.to });
  if (first?.length !== 1 || last?.length !== 1) return undefined;
  // (Both with their place: a single first place is read without one.)
  return [/^第\d+名 /u.test(first[0]!) ? first[0]! : `第${rank.from}名 ${first[0]!}`, last[0]!];
}

/** The passage of a section's best passages that answers best: the highest score, the earlier of equals. */
export function strongestPassage(passages: ScoredPassage[]): string {
  return [...passages].sort((a, b) => b.score - a.score || a.order - b.order)[0]?.text ?? '';
}

/**
 * 「臺北市跟新北市的保證餘額差多少」: two rows of one table quoted for a comparison, their first figures set against each
 * other (in the table's own unit, quoted above them), computed exactly in the figures' decimals.
 */
export function rowDifference(quoted: string[]): string | undefined {
  const rows = quoted.flatMap((q) => {
    const cut = q.lastIndexOf('：');
    if (cut < 0) return [];
    const tokens = q.slice(cut + 1).trim().split(/\s+/);
    const cells = tokens.slice(1);
    const figure = cells.find((c) => /^[\d,]+(?:\.\d+)?$/.test(c));
    // (Under a category cell, 「地方政府 臺北市青年創業融資貸款 246.27」, the row is named by the cell before its figure.)
    const named = figure === undefined ? [] : tokens.slice(0, tokens.indexOf(figure));
    const label = named.at(-1);
    const share = cells.find((c) => /^\d+(?:\.\d+)?%$/.test(c));
    // (A place in a ranking, 「第3名 」, is not part of the table's header.)
    return label && figure ? [{ header: q.slice(0, cut).replace(/^第\d+名\s+/u, ''), label, figure, ...(share ? { share } : {}) }] : [];
  });
  if (rows.length !== 2 || rows[0]!.header !== rows[1]!.header) return undefined;
  const { sign, size } = exactDifference(rows[0]!.figure, rows[1]!.figure);
  if (sign === 0) return `比較：${rows[0]!.label}與${rows[1]!.label}相同（${rows[0]!.figure}）。`;
  const [high, low] = sign > 0 ? [rows[0]!, rows[1]!] : [rows[1]!, rows[0]!];
  const unit = quoted.map((q) => /單位：([^）)，,\s]+)/u.exec(q)?.[1]).find((u) => u !== undefined);
  // (Shares beside the figures, 「36.60%」 and 「25.17%」, differ in percentage points.)
  const points = high.share && low.share ? `；占比 ${high.share} 與 ${low.share} 相差 ${exactDifference(high.share, low.share).size} 個百分點` : '';
  return higherLine(high, low, size, unit, points);
}

/**
 * 「青創跟批次信用保證的保證餘額哪個多」: two rows of one table as answers show them, each quoted apart (one per programme
 * named): 「「青年創業及啟動金貸款：保證餘額：金額 67,327.91；保證餘額：結構比 4.97%」」. Their cells must read alike (the
 * same columns); their first figures are compared as `rowDifference` does, in the unit of the caption quoted.
 */
export function shownRowsDifference(lines: readonly string[]): string | undefined {
  const rows = shownRows(lines);
  if (rows.length !== 2 || rows[0]!.shape !== rows[1]!.shape || rows[0]!.label === rows[1]!.label) return undefined;
  const { sign, size } = exactDifference(rows[0]!.figure, rows[1]!.figure);
  if (sign === 0) return `比較：${rows[0]!.label}與${rows[1]!.label}相同（${rows[0]!.figure}）。`;
  const [high, low] = sign > 0 ? [rows[0]!, rows[1]!] : [rows[1]!, rows[0]!];
  const unit = tableUnit([...lines]);
  const points = high.share && low.share ? `；占比 ${high.share} 與 ${low.share} 相差 ${exactDifference(high.share, low.share).size} 個百分點` : '';
  return higherLine(high, low, size, unit, points);
}

/** 「比較：臺北市 196,703.17（約 1,967.03億元） 高於 新北市 …，相差 877.06（新臺幣百萬元，約 8.77億元）」: two rows' first figures set against each other. */
function higherLine(high: { label: string; figure: string }, low: { label: string; figure: string }, size: string, unit: string | undefined, points: string): string {
  return `比較：${high.label} ${high.figure}${amountWords(high.figure, unit)} 高於 ${low.label} ${low.figure}${amountWords(low.figure, unit)}，相差 ${size}${unitText(size, unit)}${points}。`;
}

/** Of two rows quoted alike (see shownRowsDifference), the names of the higher and the lower; none when they tie. */
export function shownRowsRanked(lines: readonly string[]): { high: string; low: string } | undefined {
  const rows = shownRows(lines);
  if (rows.length !== 2 || rows[0]!.shape !== rows[1]!.shape || rows[0]!.label === rows[1]!.label) return undefined;
  const { sign } = exactDifference(rows[0]!.figure, rows[1]!.figure);
  if (sign === 0) return undefined;
  const [high, low] = sign > 0 ? [rows[0]!, rows[1]!] : [rows[1]!, rows[0]!];
  return { high: high.label, low: low.label };
}

/**
 * 「前三大銀行加起來佔多少」「製造業加營建工程業合計多少」: the rows of one table an answer quotes (two or more, alike in
 * their cells) summed, their first figures and their shares, exact in their decimals. A total row is the table's own
 * sum, never one of the rows added; quoted beside them, it is the answer unless the question names two rows or more,
 * and then those rows are summed (not a third it names to compare them with, when the question is the sum's part).
 */
export function shownRowsSum(lines: readonly string[], question?: string, { aliases = [], setAgainst = [], programmes = [] }: RowWords = {}): string | undefined {
  const shown = shownRows(lines);
  const rows = shown.filter((row) => !TOTAL_ROW.test(row.label));
  const text = question === undefined ? '' : placeForm(question);
  const named = question === undefined ? [] : rows.map((row) => ({ row, as: rowNames(text, placeForm(row.label), aliases, programmes) })).filter((r) => r.as.length > 0);
  // (「製造業+營建工程業加起來…有沒有比批發零售業還多」: a row named after 比 is what the sum is set against.)
  const against = named.filter((r) => comparedWith(text, r.as, setAgainst)).map((r) => r.row);
  const summed = named.map((r) => r.row).filter((row) => !against.includes(row));
  const added = summed.length >= 2 ? summed : rows.length === shown.length ? rows : [];
  if (added.length < 2 || added.some((row) => row.shape !== added[0]!.shape) || new Set(added.map((row) => row.label)).size !== added.length) return undefined;
  const total = exactSum(added.map((row) => row.figure));
  const unit = tableUnit([...lines]);
  const shares = added.every((row) => row.share !== undefined) ? `；占比 ${added.map((row) => row.share).join(' ＋ ')} ＝ ${exactSum(added.map((row) => row.share!))}%` : '';
  const sum = `合計：${added.map((row) => `${row.label} ${row.figure}`).join(' ＋ ')} ＝ ${total}${unitText(total, unit)}${shares}。`;
  const compared = summed.length >= 2 ? against.filter((row) => row.shape === added[0]!.shape) : [];
  return [sum, ...compared.map((row) => sumAgainst(total, row, unit))].join('\n');
}

/**
 * 「台中市的保證餘額有多少」 answered by one row of a table in 百萬元 (or 千元): its figure in 億 or 萬 as people say it,
 * 「換算：臺中市 176,766.89（新臺幣百萬元，約 1,767.67億元）。」; so are a few rows of one shape; undefined otherwise.
 */
export function rowAmountSpoken(lines: readonly string[]): string | undefined {
  const unit = tableUnit([...lines]);
  if (!unit || !/(?:百萬|千)元$/u.test(unit)) return undefined;
  const rows = shownRows(lines).filter((row) => !TOTAL_ROW.test(row.label));
  if (rows.length === 1) {
    const spoken = unitText(rows[0]!.figure, unit);
    // (unitText gives the unit alone when the figure is not said in 億 or 萬 as well.)
    return spoken === `（${unit}）` ? undefined : `換算：${rows[0]!.label} ${rows[0]!.figure}${spoken}。`;
  }
  // (「一般貸款是小額貸款擴大保證措施的幾倍」: each of a few rows, 「換算（新臺幣百萬元）：一般貸款 249,345.65（約 2,493.46億元）；…」.)
  if (rows.length > MAX_ROWS_SPOKEN || new Set(rows.map((row) => row.shape)).size !== 1) return undefined;
  const each = rows.map((row) => ({ row, words: amountWords(row.figure, unit) }));
  if (each.some(({ words }) => words === '')) return undefined;
  return `換算（${unit}）：${each.map(({ row, words }) => `${row.label} ${row.figure}${words}`).join('；')}。`;
}

/**
 * A row the question names by another of its names (answer-kinds `organisation_names`, `places`, in place form):
 * 「彰銀」「彰化銀行」 name the row 彰化商銀; 「臺南」 names 臺南市, 「新竹」 新竹縣市. A group counts when the question
 * says its first name; the row's label is one of the group's names, or a place's name with 市, 縣 or 縣市 after it.
 */
function rowNames(question: string, label: string, aliases: readonly (readonly string[])[], named: readonly (readonly string[])[] = []): string[] {
  // (A bracket before the name, 「(資本門) 捐助信保基金」, is no part of it; one after, 「星展(臺灣)」, ends it.)
  const core = labelCore(label.replace(/^[(（][^)）]*[)）]\s*/u, ''));
  if (core === '') return [];
  const text = plain(question);
  const otherwise = aliases.filter((group) => group[0] !== undefined && text.includes(group[0]) && group.some((name) => [name, `${name}市`, `${name}縣`, `${name}縣市`].includes(core)));
  // (A programme named by its nickname, 「鳳凰」, names the row whose label holds its official name, 「勞動部微型創業鳳凰貸款」.)
  const programmes = named.filter((group) => group[0] !== undefined && text.includes(group[0]) && group.slice(1).some((name) => core.includes(plain(name))));
  // (「住宿餐飲業」 for 「住宿及餐飲業」: the 及 joining a label's two parts is often left out.)
  const joined = core.replace(/[及與和]/gu, '');
  return [...new Set([core, ...(joined.length >= 4 ? [joined] : []), ...[...otherwise, ...programmes].map((group) => group[0]!)])].filter((name) => text.includes(name));
}

/** The words a table's rows are read with: their other names, the words before a row set against a sum, and those joining rows added. */
export interface RowWords {
  aliases?: readonly (readonly string[])[];
  /** Programmes as the question names them, each with its official name: 「鳳凰」 → 微型創業鳳凰貸款. */
  programmes?: readonly (readonly string[])[];
  setAgainst?: readonly string[];
  sumJoiners?: readonly string[];
}

/** 「臺中市加臺南市的保證餘額」: two rows the answer quotes, named one right after the other with a joiner between (a sum asked). */
export function rowsJoined(lines: readonly string[], question: string, { aliases = [], sumJoiners = [] }: RowWords = {}): boolean {
  const text = plain(placeForm(question));
  const named = shownRows(lines).filter((row) => !TOTAL_ROW.test(row.label)).map((row) => rowNames(text, placeForm(row.label), aliases));
  return named.some((a, i) => named.some((b, j) => i !== j && a.some((x) => b.some((y) => sumJoiners.some((joiner) => text.includes(`${x}${joiner}${y}`))))));
}

/**
 * 「捐助信保基金的錢佔總經費幾%」: a row the question names, of a table quoted with its total row and no share column,
 * as a share of the total: each row's 合計 cell when it has one (a table by years), else its first figure.
 */
export function shownRowShare(lines: readonly string[], question: string, { aliases = [] }: RowWords = {}): string | undefined {
  const rows = shownRows(lines);
  const total = rows.find((row) => TOTAL_ROW.test(row.label));
  const text = placeForm(question);
  const parts = rows.filter((row) => row !== total && rowNames(text, placeForm(row.label), aliases).length > 0);
  if (!total || parts.length !== 1 || parts[0]!.share !== undefined || parts[0]!.shape !== total.shape) return undefined;
  // (The last cell, after the last 「；」, is the row's 合計 when so headed.)
  const whole = (row: (typeof rows)[number]) => /^\s*合計\s*([\d,]+(?:\.\d+)?)/u.exec(row.cells.split('；').at(-1) ?? '')?.[1] ?? row.figure;
  const [part, all] = [whole(parts[0]!), whole(total)];
  const value = (cell: string) => Number(cell.replace(/,/g, ''));
  if (!(value(all) > 0)) return undefined;
  const percent = ((value(part) / value(all)) * 100).toFixed(2);
  return `占比：${parts[0]!.label} ${part} ÷ ${total.label} ${all} ＝ ${percent}%。`;
}

/** The question sets the row (by one of the names it says) against something: 「比批發零售業還多」「有沒有超過臺北市」「跟批發零售業比」. */
function comparedWith(question: string, names: readonly string[], setAgainst: readonly string[]): boolean {
  const text = plain(question);
  return names.some((name) => setAgainst.some((word) => text.includes(`${word}${name}`)) || new RegExp(`(?:跟|和|與)${escape(name)}(?:相?比|比較)`, 'u').test(text));
}

/** The sum set against a row: which is more, and by how much, in the table's unit. */
function sumAgainst(total: string, row: { label: string; figure: string }, unit: string | undefined): string {
  const { sign, size } = exactDifference(total, row.figure);
  if (sign === 0) return `比較：合計與${row.label}相同（${row.figure}）。`;
  return `比較：合計 ${total} ${sign > 0 ? '高於' : '低於'} ${row.label} ${row.figure}，相差 ${size}${unitText(size, unit)}。`;
}

/** Rows of one table as answers show them, each quoted apart: its label, first figure, share, and the shape of its cells. */
function shownRows(lines: readonly string[]): Array<{ label: string; figure: string; cells: string; shape: string; share?: string }> {
  return lines.flatMap((line) => {
    const text = line.replace(/^「|」$/gu, '');
    const cut = text.indexOf('：');
    if (cut <= 0 || !line.startsWith('「')) return [];
    const cells = text.slice(cut + 1);
    const figure = /(?<![\d.,%])(\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+)(?![\d%])/u.exec(cells)?.[1];
    const share = /(?<![\d.])\d+(?:\.\d+)?%/u.exec(cells)?.[0];
    // (A place in a ranking, 「第1名 」, is no part of the label.)
    const head = text.slice(0, cut).replace(/^第\d+名\s+/u, '');
    // (A row under a category, 「地方政府：保證項目/措施 臺北市中小企業融資貸款；保證餘額 432.67」, is named by its item.)
    const item = /^[^；\d]*\s([^\s\d；]+)；/u.exec(cells)?.[1];
    return figure ? [{ label: item ?? head, figure, cells, shape: cells.replace(/[\d.,]+%?/gu, '#').replace(/^[^；]*；/u, ''), ...(share ? { share } : {}) }] : [];
  });
}

/** The sum of figures as a table writes them (「210,706.10」, 「15.56%」), exact in their decimals, with thousands separators. */
function exactSum(cells: readonly string[]): string {
  const digits = (cell: string) => cell.replace(/[$,()%]/g, '');
  const decimals = Math.max(...cells.map((cell) => (digits(cell).split('.')[1] ?? '').length));
  const sum = cells.reduce((total, cell) => total + Math.round((cell.startsWith('(') ? -1 : 1) * Number(digits(cell)) * 10 ** decimals), 0);
  return (sum / 10 ** decimals).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** How much a table's unit is in NT$ (百萬元, 千元, 億元, 萬元, 元), to say a difference as people do. */
const UNIT_SIZE: ReadonlyArray<readonly [RegExp, number]> = [[/百萬元$/u, 1e6], [/千元$/u, 1e3], [/億元$/u, 1e8], [/萬元$/u, 1e4]];

/**
 * The unit after a difference, and the difference in 億 or 萬 when the table counts in other units: 「201.42（新臺幣百萬元，約 2.01億元）」.
 */
/** How many rows quoted together are each said in 億 or 萬. */
const MAX_ROWS_SPOKEN = 4;

/** 「210,706.10」 of a table in 百萬元 as people say it, 「（約 2,107.06億元）」; nothing when the unit already says it so. */
function amountWords(figure: string, unit: string | undefined): string {
  const text = unitText(figure, unit);
  const cut = text.indexOf('，');
  return cut < 0 ? '' : `（${text.slice(cut + 1)}`;
}

function unitText(size: string, unit: string | undefined): string {
  if (!unit) return '';
  const scale = UNIT_SIZE.find(([pattern]) => pattern.test(unit))?.[1];
  const value = scale === undefined ? undefined : Number(size.replace(/,/g, '')) * scale;
  if (value === undefined || scale === 1e8 || (scale === 1e4 && value < 1e8) || value < 1e4) return `（${unit}）`;
  const [word, base] = value >= 1e8 ? ['億元', 1e8] : ['萬元', 1e4];
  const spoken = Number((value / base).toFixed(2)).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const exact = Math.abs(Number((value / base).toFixed(2)) * base - value) < 1e-6;
  return `（${unit}，${exact ? '即' : '約'} ${spoken}${word}）`;
}

/** A figure with its unit as a sentence writes it: 「3.52 天」, 「1,021 家」, 「49%」. */
const FIGURE_WITH_UNIT = /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(天|件|家|戶|人|個月|年|億元|萬元|元|%)/gu;

/**
 * 「一般案件平均審幾天？AI回覆的又是幾天？兩者差多少？」: two figures of one unit in a quoted sentence (and only two), and
 * how far apart they are.
 */
export function figureDifference(quoted: string[], ofShares = false): string | undefined {
  for (const passage of quoted) {
    // (The year the sentence is about, 「111 年度」「111 年保證餘額」, is not one of the figures compared: fifty years and
    // more is a year of the calendar, not a length of time.)
    const all = [...passage.matchAll(FIGURE_WITH_UNIT)].map((m) => ({ figure: m[1]!, unit: m[2]! })).filter((f) => f.unit !== '年' || Number(f.figure.replace(/,/g, '')) < 50);
    const pairs = [...new Set(all.map((f) => f.unit))].flatMap((unit) => {
      const pair = twoParts(all.filter((f) => f.unit === unit));
      return pair ? [pair] : [];
    });
    // (Both amounts and shares of the same two, 「1,136.94 億元，占 70.33%；…479.69 億元，占 29.67%」: the shares when the
    // question asks a share, else the amounts.)
    const amounts = pairs.filter(([a]) => a.unit !== '%');
    const chosen = pairs.length === 1 ? pairs : ofShares ? pairs.filter(([a]) => a.unit === '%') : amounts;
    if (chosen.length !== 1) continue;
    const [a, b] = chosen[0]!;
    const { sign, size } = exactDifference(a.figure, b.figure);
    if (sign === 0) return `比較：兩者相同（${a.figure} ${a.unit}）。`;
    const [high, low] = sign > 0 ? [a, b] : [b, a];
    return `比較：${high.figure} ${high.unit}與 ${low.figure} ${low.unit}相差 ${size} ${a.unit === '%' ? '個百分點' : a.unit}。`;
  }
  return undefined;
}

/**
 * The two figures of one unit to set against each other: the only two, or of three the two that add up to the third
 * (「計 1,616.63 億元，其中…1,136.94 億元…479.69 億元」: the whole and its two parts).
 */
function twoParts(figures: ReadonlyArray<{ figure: string; unit: string }>): [{ figure: string; unit: string }, { figure: string; unit: string }] | undefined {
  if (figures.length === 2) return [figures[0]!, figures[1]!];
  if (figures.length !== 3) return undefined;
  const value = (f: { figure: string }) => Number(f.figure.replace(/,/g, ''));
  const whole = figures.findIndex((f, i) => {
    const rest = figures.filter((_, j) => j !== i);
    return Math.abs(value(rest[0]!) + value(rest[1]!) - value(f)) < 0.005;
  });
  if (whole < 0) return undefined;
  const [a, b] = figures.filter((_, i) => i !== whole);
  return [a!, b!];
}

/**
 * a − b of two figures as a table writes them (「196,703.17」, 「0.94%」, 「$3,186,950,551.00」, 「(533,536.00)」 for a
 * negative one), exact in their decimals: its sign, and its size with thousands separators. `zeroDecimals: false`:
 * decimals that are zeros do not count (「3,186,950,551.00」 is a whole number of 元).
 */
function exactDifference(a: string, b: string, { zeroDecimals = true } = {}): { sign: number; size: string } {
  const digits = (cell: string) => cell.replace(/[$,()%]/g, '');
  const decimalsOf = (cell: string) => {
    const written = digits(cell).split('.')[1] ?? '';
    return zeroDecimals ? written.length : written.split('').reduce((n, digit, i) => (digit === '0' ? n : i + 1), 0);
  };
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  const [x, y] = [a, b].map((cell) => Math.round((cell.startsWith('(') ? -1 : 1) * Number(digits(cell)) * 10 ** decimals)) as [number, number];
  const size = (Math.abs(x - y) / 10 ** decimals).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return { sign: Math.sign(x - y), size };
}

/** 「增加 43億元」, 「減少 0.08 個百分點」 or 「相同」: a difference said as a change. */
function changeWords({ sign, size }: { sign: number; size: string }, unit: string): string {
  return sign === 0 ? '相同' : `${sign > 0 ? '增加' : '減少'} ${size}${unit}`;
}

/** The table's unit as its caption says it (「金額單位：新臺幣億元」 → 億元), to write after a figure. */
function tableUnit(quoted: string[]): string | undefined {
  return quoted.map((q) => /單位：(?:新臺幣)?([^）)，,\s]+)/u.exec(q)?.[1]).find((u) => u !== undefined);
}

export interface YearsAsked {
  /** The question as read (normal form): which row it names. */
  text: string;
  /** The message itself, when `text` holds the question before it too: a row it names is the one asked of. */
  own?: string;
  /** Western years the question names. */
  years: number[];
  superlative?: 'most' | 'least';
  /** 「最高和最低差多少」: both ends of the row are asked (and, with `difference`, what lies between them). */
  bothEnds?: boolean;
  /** A difference is asked (差多少, 相差). */
  difference?: boolean;
  /** A sum is asked (加起來, 合計): the years named are added up. */
  total?: boolean;
}


interface YearRow {
  label: string;
  /** Each column's year as 「107年」, to match the years asked. */
  years: string[];
  /** Each column's heading as the table writes it (「98年度」). */
  headings: string[];
  cells: string[];
}

/**
 * A quoted row of a table whose columns are years: from the row's cells where the catalogue has them (「推動重點 98 年度
 * 99 年度…：合計 587,202 406,000…」), else from the quoted text (「年度 107年 108年…：新發生逾期率(%) 0.98% 0.94%…」).
 */
function yearRow(quoted: string, cells: RowCells | undefined): YearRow[] {
  if (cells) {
    const at = cells.header.flatMap((heading, i) => (i > 0 && YEAR_COLUMN.test(heading.trim()) ? [i] : []));
    if (at.length < 2 || cells.row.length !== cells.header.length) return [];
    const headings = at.map((i) => cells.header[i]!.replace(/\s+/gu, ''));
    return [{ label: cells.row[0]!, years: headings.map((h) => `${YEAR_COLUMN.exec(h)![1]}年`), headings, cells: at.map((i) => cells.row[i]!) }];
  }
  const cut = quoted.lastIndexOf('：');
  if (cut < 0) return [];
  const years = quoted.slice(0, cut).split(/\s+/).filter((t) => /^\d{2,3}年$/.test(t));
  const [label, ...values] = quoted.slice(cut + 1).trim().split(/\s+/);
  return label && years.length >= 2 && values.length === years.length ? [{ label, years, headings: years, cells: values }] : [];
}

/**
 * A table whose columns are years (「年度 107年 108年 … 111年：新發生逾期率(%) 0.98% 0.94% …」): the cells of the years
 * the question names (with their sum when one is asked), or of the highest or lowest year in the row it names (「哪一年
 * 最低」; both, and what lies between, for 「最高和最低差多少」), each with its year and unit. A question naming no row
 * of a table with a total row asks of the total (「哪個年度的經費最少」).
 * `cellsOf` gives a quoted row's cells where the catalogue has them.
 */
export function yearCells(quoted: string[], asked: YearsAsked, cellsOf?: (text: string) => RowCells | undefined): string[] {
  const unit = tableUnit(quoted);
  const rows = quoted.flatMap((q) => yearRow(q, cellsOf?.(q)));
  if (rows.length === 0) return [];
  const withUnit = (cell: string) => cellWithUnit(cell, unit);
  const extreme = asked.superlative !== undefined || asked.bothEnds === true;
  // (「107~111年 哪一年最高」: years named with a highest or lowest bound the columns it is sought in.)
  if (extreme && asked.years.length > 0) {
    const [from, to] = [Math.min(...asked.years) - 1911, Math.max(...asked.years) - 1911];
    const within = rows.map((r) => {
      const at = r.years.flatMap((year, i) => (asked.years.length < 2 || (Number.parseInt(year, 10) >= from && Number.parseInt(year, 10) <= to) ? [i] : []));
      return { ...r, years: at.map((i) => r.years[i]!), headings: at.map((i) => r.headings[i]!), cells: at.map((i) => r.cells[i]!) };
    });
    return extremes(within.filter((r) => r.cells.length >= 2), asked, unit);
  }
  const years = asked.years.map((y) => `${y - 1911}年`);
  if (years.length > 0) {
    const cellsOf = (of: YearRow[]) => of.flatMap((r) => years.flatMap((year) => (r.years.includes(year) ? [`${r.headings[r.years.indexOf(year)]}${r.label}：${withUnit(r.cells[r.years.indexOf(year)]!)}`] : [])));
    // (「那99跟100年兩年加起來多少」: the years named, added up, of the row asked.)
    if (asked.total && years.length >= 2) {
      const of = rowsOfExtreme(rows, asked);
      return of.length > 0 ? [...cellsOf(of), ...yearSums(of, years, withUnit)] : [];
    }
    return [...cellsOf(rows), ...yearChanges(rowsAsked(rows, asked), years, unit)];
  }
  if (!extreme) return [];
  return extremes(rows, asked, unit);
}

/** A cell with the table's unit after it (a rate keeps its %). */
function cellWithUnit(cell: string, unit: string | undefined): string {
  return cell.endsWith('%') || !unit ? cell : `${cell}${unit}`;
}

/** The highest or lowest year of each row asked (both, and what lies between them, when both ends are asked). */
function extremes(rows: YearRow[], asked: YearsAsked, unit: string | undefined): string[] {
  const withUnit = (cell: string) => cellWithUnit(cell, unit);
  return rowsOfExtreme(rows, asked).flatMap((r) => {
    const values = r.cells.map((c) => Number(c.replace(/[,%]/g, '')));
    if (values.some((v) => !Number.isFinite(v))) return [];
    const end = (least: boolean) => {
      const pick = values.indexOf(least ? Math.min(...values) : Math.max(...values));
      return { line: `${r.label}${least ? '最低' : '最高'}：${r.headings[pick]} ${withUnit(r.cells[pick]!)}`, cell: r.cells[pick]! };
    };
    if (!asked.bothEnds) return [end(asked.superlative === 'least').line];
    const [high, low] = [end(false), end(true)];
    const between = asked.difference ? [`${r.label}最高與最低相差：${high.cell} − ${low.cell} ＝ ${exactDifference(high.cell, low.cell).size}${high.cell.endsWith('%') ? ' 個百分點' : (unit ?? '')}`] : [];
    return [high.line, low.line, ...between];
  });
}

/** The rows a highest, lowest or sum is asked of: those named, else the total row, else the one row quoted. */
function rowsOfExtreme(rows: YearRow[], asked: YearsAsked): YearRow[] {
  // (「(經常門) 補貼貸款展延息」 is named by what follows its bracket.)
  const core = (label: string) => labelCore(label.replace(/^[(（][^)）]*[)）]\s*/u, ''));
  // (The message's own words first; then, in a follow-up, the question before it: 「那最多是哪年」 after 「融資協助及補貼
  // 哪個年度最少」 asks of the same row.)
  for (const question of [...new Set([asked.own ?? asked.text, asked.text])]) {
    const text = plain(question);
    const named = rows.filter((r) => core(r.label) !== '' && !TOTAL_ROW.test(r.label) && text.includes(core(r.label)));
    if (named.length > 0) return named;
    // (「逾期率哪一年最低」: named by what tells it from the other rows, 期率 of 新發生逾期率.)
    const byTail = rowsNamedByTail(rows, question);
    if (byTail.length === 1) return byTail;
  }
  const total = rows.filter((r) => TOTAL_ROW.test(plain(r.label)));
  return total.length > 0 ? total.slice(0, 1) : rows.length === 1 ? rows : [];
}

/** 「99年度＋100年度」 of each row: the years' cells added up, exact in their decimals. */
function yearSums(rows: YearRow[], years: string[], withUnit: (cell: string) => string): string[] {
  return rows.flatMap((r) => {
    const at = years.map((year) => r.years.indexOf(year));
    if (at.some((i) => i < 0) || at.some((i) => !/^[\d,.]+%?$/.test(r.cells[i]!))) return [];
    if (r.cells[at[0]!]!.endsWith('%')) return [];
    return [`${TOTAL_ROW.test(r.label) ? '' : r.label}合計：${at.map((i) => `${r.headings[i]} ${r.cells[i]}`).join(' ＋ ')} ＝ ${withUnit(exactSum(at.map((i) => r.cells[i]!)))}`];
  });
}

/**
 * The rows a change is asked of: those the message itself names (in full, or by two words of the label: 「逾期金額」 of
 * 「新發生逾期保證金額」, not of 「新發生逾期率」), else those the question with the one before it names.
 */
function rowsAsked<R extends { label: string }>(rows: R[], asked: YearsAsked): R[] {
  // (「金額增加幾億？逾期率增加多少」: each row named by what tells it from the others, 金額 and 逾期率.)
  const byTail = rowsNamedByTail(rows, asked.own ?? asked.text);
  if (byTail.length >= 2) return byTail;
  if (asked.own !== undefined) {
    const own = asked.own;
    const named = rows.filter((r) => names(own, r.label));
    if (named.length > 0) return named;
    const grams = (text: string) => {
      const chars = [...text.replace(/[的之\s]/gu, '')];
      return new Set(chars.slice(0, -1).map((c, i) => `${c}${chars[i + 1]}`));
    };
    const mine = grams(own);
    const scored = rows.map((r) => ({ r, score: [...grams(r.label.split(/[(（]/u)[0] ?? r.label)].filter((g) => mine.has(g)).length }));
    const best = Math.max(0, ...scored.map((s) => s.score));
    if (best >= 2) return scored.filter((s) => s.score === best).map((s) => s.r);
  }
  return rows.filter((r) => names(asked.text, r.label));
}

/**
 * Rows of one table named by the part of their label the others do not share (「新發生逾期保證金額」「新發生逾期率」 →
 * 保證金額, 率): by that part, by its last two characters (金額), or, one character long, with the one before it (期率).
 */
function rowsNamedByTail<R extends { label: string }>(rows: R[], question: string): R[] {
  const cores = rows.map((r) => labelCore(r.label));
  if (cores.length < 2) return [];
  let shared = 0;
  while (cores.every((core) => core.length > shared && core[shared] === cores[0]![shared])) shared++;
  const text = plain(question);
  return rows.filter((_, i) => {
    const core = cores[i]!;
    const tail = core.slice(shared);
    if (tail.length === 0) return false;
    const forms = tail.length === 1 ? [core.slice(Math.max(0, shared - 1))] : [tail, tail.slice(-2)];
    return forms.some((form) => text.includes(form));
  });
}

/**
 * The question names the row: its label before any bracket (「新發生逾期率」 of 「新發生逾期率(%)」), read without 的 and
 * white space (「新發生逾期的保證金額」 names 「新發生逾期保證金額」).
 */
function names(text: string, label: string): boolean {
  return plain(text).includes(labelCore(label));
}

/** Text read without 的, 之 and white space: 「新發生逾期的保證金額」 is 「新發生逾期保證金額」. */
function plain(text: string): string {
  return text.replace(/[的之\s]/gu, '');
}

/** A row's label as questions name it: before any bracket (「新發生逾期率」 of 「新發生逾期率(%)」), read plain. */
function labelCore(label: string): string {
  return plain(label.split(/[(（]/u)[0] ?? label);
}

/**
 * 「111年新發生逾期保證金額比107年多了多少」: of a row the question names, the change from the earlier year asked to the
 * later, computed exactly in the cells' decimals (a rate's in percentage points).
 */
function yearChanges(rows: Array<{ label: string; years: string[]; cells: string[] }>, asked: string[], unit: string | undefined): string[] {
  if (asked.length !== 2) return [];
  const years = laterFirst(asked);
  return rows.flatMap((r) => {
    const [a, b] = years.map((y) => r.cells[r.years.indexOf(y)]) as [string | undefined, string | undefined];
    if (a === undefined || b === undefined || !/^[\d,.]+%?$/.test(a) || !/^[\d,.]+%?$/.test(b)) return [];
    const how = changeWords(exactDifference(a, b), a.endsWith('%') ? ' 個百分點' : (unit ?? ''));
    return [`${r.label}：${years[0]}較${years[1]}${how}（${a} 對 ${b}${percentChange(a, b)}）`];
  });
}

/** 「減少 5.81%」: the change of an amount as a share of the earlier year's, to two decimals; none for a rate or a zero base. */
function percentChange(later: string, earlier: string): string {
  const value = (cell: string) => (cell.startsWith('(') ? -1 : 1) * Number(cell.replace(/[$,()%]/g, ''));
  const [a, b] = [value(later), value(earlier)];
  if (later.endsWith('%') || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 || a === b) return '';
  const share = (Math.abs(a - b) / Math.abs(b)) * 100;
  return `，${a > b ? '增加' : '減少'} ${share.toFixed(2)}%`;
}

/** Two years with the later first: a change is said of the later year against the earlier, however the question orders them. */
function laterFirst(years: string[]): string[] {
  return [...years].sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10));
}

/**
 * 「保證手續費收入111年比110年少多少」: in a table whose columns are years side by side (「111年度 金額 | 111年度 % |
 * 110年度 金額 …」), the change between the two years asked of each quoted row the question names, from the first
 * figure under each year, exact in the cells' decimals; in the table's own unit.
 */
export function columnYearChanges(knowledge: KnowledgeBase, sectionId: string, quoted: string[], asked: YearsAsked): string[] {
  const years = laterFirst(asked.years.map((y) => `${y - 1911}年`));
  if (years.length !== 2) return [];
  const unitLine = passageCatalogue(knowledge).sections.get(sectionId)?.unit;
  const unit = unitLine ? tableUnit([unitLine]) : undefined;
  return quoted.flatMap((text) => {
    const cells = rowCellsOf(knowledge, sectionId, text);
    if (!cells || cells.header.length !== cells.row.length || !names(asked.text, cells.row[0] ?? '')) return [];
    const figureOf = (year: string) => cells.row.find((cell, i) => i > 0 && cells.header[i]!.replace(/\s+/g, '').includes(year) && FIGURE_CELL.test(cell));
    const [a, b] = years.map(figureOf);
    if (a === undefined || b === undefined) return [];
    const how = changeWords(exactDifference(a, b, { zeroDecimals: false }), unit ?? '');
    return [`${cells.row[0]}：${years[0]}較${years[1]}${how}（${a} 對 ${b}${percentChange(a, b)}）`];
  });
}

/** The cells of a quoted table row of the section (its text as quoted), when it is one. */
export function rowCellsOf(knowledge: KnowledgeBase, sectionId: string, text: string): RowCells | undefined {
  return passageCatalogue(knowledge).sections.get(sectionId)?.passages.find((p) => p.text === text)?.cells;
}

/** A figure in a financial table: 「$3,186,950,551.00」, 「(533,536.00)」 for a negative one. */
const FIGURE_CELL = /^\(?\$?[\d,]+(?:\.\d+)?\)?$/;

/**
 * A quoted table row read out cell by cell under its column's name (「小巨人獎：保證企業家數 (A) 15 家；獲獎總家數 (B)
 * 16 家；保證企業獲獎比率 C=(A)/(B) 94%」), so that a reader on a phone need not match figures to a header line; a count
 * column (「…家數」, a count word of `answer-kinds.yaml`) says its figures' unit. Other passages are quoted as they are.
 */
export function readableQuote(knowledge: KnowledgeBase, sectionId: string, text: string): string {
  const place = /^第\d+名 /u.exec(text)?.[0] ?? '';
  const cells = rowCellsOf(knowledge, sectionId, text.slice(place.length));
  if (!cells || cells.header.length !== cells.row.length || cells.row.length < 2) return text;
  const counted = countUnits(knowledge);
  const [label, ...rest] = cells.row;
  const read = rest.flatMap((cell, i) => {
    if (!cell) return [];
    const column = cells.header[i + 1] ?? '';
    const unit = /^[\d,]+$/.test(cell) ? COUNT_COLUMN.exec(column)?.[1] : undefined;
    const figure = unit && counted.has(unit) ? `${cell} ${unit}` : cell;
    return [column ? `${column} ${figure}` : figure];
  });
  return `${place}${label || cells.header[0]}：${read.join('；')}`;
}

/** 「保證企業家數 (A)」: a column counting 家, with its letter in a formula. */
const COUNT_COLUMN = /(\p{Script=Han})數\s*(?:[(（][A-Za-z][)）])?$/u;

/** The count words (家, 件, 戶) of `answer-kinds.yaml`: the 「家」 of a kind shown by 「家數」. */
function countUnits(knowledge: KnowledgeBase): Set<string> {
  const words = (knowledge.answerKinds?.kinds ?? []).flatMap((k) => k.shownBy.flatMap((s) => s.words));
  return new Set(words.flatMap((w) => (/^\p{Script=Han}數$/u.test(w) ? [w[0]!] : [])));
}

/** A table needs this many rows to be a list of its own. */
const LISTED_ROWS = 3;

/**
 * The rows of the section's table whose first column names the kind of thing the question asks for a list of (its
 * header, 「信用保證項目」, shares a pair of characters with the question: 「項目有哪些」), in order; none otherwise.
 */
function rowsOfKindAsked(knowledge: KnowledgeBase, section: KnowledgeSection, grams: Set<string>): string[] {
  const rows = (passageCatalogue(knowledge).sections.get(section.id)?.passages ?? []).filter((p) => p.kind === 'row' && p.cells !== undefined);
  const first = rows[0]?.cells?.header[0];
  if (first === undefined) return [];
  const table = rows.filter((p) => p.cells?.header[0] === first);
  if (table.length < LISTED_ROWS) return [];
  const names = canonical(first);
  const pairs = [...grams].filter((g) => /^\p{Script=Han}{2}$/u.test(g) && names.includes(g));
  return pairs.length > 0 ? table.map((p) => p.text) : [];
}

