import { tokenize } from '../../knowledge/tokenizer.ts';
import { amountInWords, formatAmount } from '../../rules/display.ts';
import { scanMentions } from '../understand/figures.ts';
import { normalizeText } from '../understand/normalize.ts';
import { parseChineseNumber } from '../understand/numbers.ts';
import type { Modifiers } from '../understand/types.ts';

/**
 * Arithmetic over figures the documents write in prose: 「110年的保證金額比111年多多少」 quotes the sentence holding both
 * amounts, and this computes the difference between the two the question names. Each figure is known by the words
 * around it in its clause (its label); each side of the question (「X 比 Y」「X 跟 Y」) picks the figure whose label best
 * holds that side's own words. Nothing is computed unless both sides find a figure of the same kind.
 */

export type Operation = NonNullable<Modifiers['arithmetic']> | 'sum' | 'share';

/** A table's cell (「保證餘額 65,954.27」) is a number in the unit its caption gives (金額單位：新臺幣百萬元). */
type Kind = 'money' | 'count' | 'percent' | 'year' | 'number' | 'days';

interface Figure {
  kind: Kind;
  value: number;
  raw: string;
  /** The clause's words before the figure (after the one before it), and after it when it ends its clause. */
  label: string;
  tokens: ReadonlySet<string>;
  /** The words of its whole sentence, the subject of a change said in a clause of its own among them. */
  sentence: ReadonlySet<string>;
  /** Which passage and clause the figure is in: a tie goes to the figure beside the other side's. */
  passage: number;
  clause: number;
  /** In a row of a table, the column's words (its header as the row repeats it: 「保證企業家數(A)」), no row name. */
  column?: string;
  /** In a row of a table, the row's name (「上櫃」). */
  rowName?: string;
}

/** Marks ending a clause: a figure's label never reaches across them. */
const CLAUSE_END = /[，,；;。！？!?：:\n]/u;
/** A year of the Republic as prose writes it: 民國92年, 63年設立, 111年底. */
const ROC_YEAR = /(?:民國)?(\d{2,3})年(?!\d)/gu;
/** A day of a year of the Republic, 「111年12月31日」: the year it is in. */
const ROC_DATE = /(?<!\d)(\d{2,3})年\d{1,2}月/gu;
/** Words joining the items a 分別 lists: 「保證及協助取得融資餘額分別為 x 及 y」. */
const JOINER = /及|和|與|、/u;
/** The largest units money is written in, in NT$, to state a result in the unit its figures use. */
const MONEY_UNITS: ReadonlyArray<readonly [string, number]> = [['兆', 1e12], ['億', 1e8], ['萬', 1e4]];

/** Prose with the spaces between numerals and units taken out (「1 兆 2,964 億元」 → 「1兆2,964億元」). */
function compact(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}

/** The figures of one quoted passage, each with the words that say what it is (years of the Republic, with `years`). */
function figuresIn(passage: string, index: number, years: boolean, days = false): Figure[] {
  const text = compact(passage);
  // (A row of a table: its name before the first ：, 「新發生逾期保證金額：107年 97；108年 95」; its cells are read by it.)
  const rowHead = /^「?[^「」：:]{1,40}[：:]/u.test(text) ? text.search(/[：:]/u) : -1;
  // (Under a category, 「地方政府：保證項目/措施臺北市中小企業融資貸款；保證餘額432.67」, the item's cell before the figures
  // names the row too.)
  const spaced = normalizeText(passage);
  const item = rowHead >= 0 ? /^[^；;\d]+(?=[；;])/u.exec(spaced.slice(spaced.search(/[：:]/u) + 1))?.[0].trim().split(/\s+/u).at(-1) : undefined;
  const row = rowHead >= 0 ? `${text.slice(0, rowHead).replace(/^「/u, '')}${item ? ` ${item}` : ''}` : '';
  const found = years
    ? [...text.matchAll(ROC_YEAR)].map((m) => ({ kind: 'year' as const, value: Number(m[1]), raw: m[0], index: m.index, end: m.index + m[0].length })).filter((f) => f.value >= 30 && f.value <= 150)
    : scanMentions(text)
        // (A plain number is a figure only in a row of a table, after its row's name: 「玉山商銀：保證餘額 65,954.27」.)
        // (Days are figures of a ratio, 「一般件是AI件的幾倍時間」; their difference is the comparison's, figureDifference.)
        .filter((m) => (m.unit === 'days' && days) || m.unit === 'amount' || m.unit === 'count' || m.unit === 'percent' || (m.unit === 'plain' && rowHead >= 0 && m.index > rowHead && !ADDRESS_OR_PHONE.test(text)))
        // (「43 億餘元」: the rest of the amount's words, 餘元, are part of it, not of the next figure's label.)
        .map((m) => ({ kind: (m.unit === 'amount' ? 'money' : m.unit === 'plain' ? 'number' : m.unit) as Kind, value: m.value, raw: m.raw, index: m.index, end: m.end + (/^[餘多]?元/u.exec(text.slice(m.end))?.[0].length ?? 0) }));
  const clauseStarts = clauseStartsOf(text);
  const clauseOf = (at: number) => clauseStarts.filter((start) => start <= at).length - 1;
  const figures = found.map((f, i) => {
    const clause = clauseOf(f.index);
    const previousEnd = i > 0 && clauseOf(found[i - 1]!.index) === clause ? found[i - 1]!.end : clauseStarts[clause]!;
    const next = found[i + 1];
    const clauseEnd = clauseStarts[clause + 1] !== undefined ? clauseStarts[clause + 1]! - 1 : text.length;
    const lastInClause = !next || clauseOf(next.index) !== clause;
    // (A year's event follows it, 「63年設立」「民國92年推出」: its words after it count even before another figure.)
    const after = lastInClause ? text.slice(f.end, clauseEnd) : f.kind === 'year' ? text.slice(f.end, next.index) : '';
    return { ...f, clause, label: text.slice(previousEnd, f.index) + after };
  });
  // 「年底之保證及協助取得融資餘額分別為 x 及 y」「110及111年度分別賸餘 x 及 y」: each figure takes its own item of the list
  // before 分別, with the words between 分別 and the first figure.
  for (let i = 0; i < figures.length; i += 1) {
    const head = figures[i]!.label;
    const at = head.indexOf('分別');
    if (at < 0) continue;
    const listed = figures.slice(i).filter((f, k) => f.clause === figures[i]!.clause && (k === 0 || JOINER.test(f.label) && f.label.length <= 2));
    const items = head.slice(0, at).split(JOINER);
    if (listed.length < 2 || items.length !== listed.length) continue;
    const shared = head.slice(at + 2);
    // (「保證及協助取得融資餘額」: the noun ending the last item, 餘額, is every item's: 保證餘額.)
    const noun = /\p{Script=Han}{2}$/u.exec(items.at(-1) ?? '')?.[0] ?? '';
    listed.forEach((f, k) => (f.label = `${items[k]}${k < items.length - 1 && noun && !items[k]!.endsWith(noun) ? noun : ''}${shared}`));
  }
  // (「本基金於111年度總計提供…，保證金額為 x」: a figure whose label names no year is of the year its sentence named before it.)
  const sentenceStart = (at: number) => Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf(';', at)) + 1;
  const sentenceYear = (at: number) => [...text.slice(sentenceStart(at), at).matchAll(ROC_YEAR)].at(-1)?.[1];
  const sentenceOf = (at: number) => {
    const end = text.slice(at).search(/[。；;]/u);
    return new Set(tokenize(text.slice(sentenceStart(at), end < 0 ? text.length : at + end)));
  };
  return figures.map((f) => {
    const year = f.kind === 'year' || ROC_YEAR_IN.test(f.label) ? undefined : sentenceYear(f.index);
    const tokens = new Set([...labelTokens(f.label), ...(year ? [`${year}年`, year] : []), ...(row && f.index > rowHead ? labelTokens(row) : [])]);
    // (Shown by its row's name too, 「玉山商銀 保證餘額」, when the row is a table's: not 原文's.)
    const label = row && f.kind === 'number' && !f.label.includes(row) ? `${row} ${f.label}` : f.label;
    const column = row && f.index > rowHead && f.kind !== 'year' ? trimmedLabel(f.label).replace(/\s+/gu, '') : undefined;
    // (A number under a column headed %, 「111年 % 71」 of a balance sheet, is a percentage.)
    const kind = f.kind === 'number' && column !== undefined && /[%％]$/u.test(column) ? 'percent' : f.kind;
    return { kind, value: f.value, raw: f.raw, label, tokens, sentence: sentenceOf(f.index), passage: index, clause: f.clause, ...(column ? { column, rowName: row.trim() } : {}) };
  });
}

/** Where each clause of a compacted passage starts (a comma between digits is a thousands separator: 「3,542」). */
function clauseStartsOf(text: string): number[] {
  const starts = [0];
  const separator = (k: number) => text[k] === ',' && /\d/u.test(text[k - 1] ?? '') && /\d/u.test(text[k + 1] ?? '');
  for (let k = 0; k < text.length; k += 1) if (CLAUSE_END.test(text[k]!) && !separator(k)) starts.push(k + 1);
  return starts;
}

/** The unit a table's caption gives its cells in (金額單位：新臺幣百萬元 → 百萬元), from the first passage that has one. */
function captionOf(passages: readonly string[]): string | undefined {
  return passages.map((p) => /單位：(?:新臺幣)?([^）)，,\s」]+)/u.exec(p)?.[1]).find((u) => u !== undefined);
}

/** (An address or a phone number, 「地址：…臺灣大道2段218號」「TEL：(04)2322-3617」: its numbers are no figures.) */
const ADDRESS_OR_PHONE = /地址|TEL|電話|傳真|\d\s*[號段樓巷弄]/u;

/** A figure's label without the brackets and joiners around it (「（對受衝擊之保證企業(約」, 「111年」」). */
function trimmedLabel(label: string): string {
  let text = label.replace(/^[「（(、及和與]+/u, '');
  while (/[（(」]$/u.test(text) || (/[)）]$/u.test(text) && !/[(（]/u.test(text))) text = text.slice(0, -1);
  return text;
}

/** A question asking a difference of rates (「幾個百分點」「逾期率」), or of money (「多少錢」「金額」). */
const PERCENT_ASKED = /百分點|[率%％趴]/u;

/** Whether a question asks of rates or shares (「差幾個百分點」「占幾%」「幾趴」), not amounts. */
export function asksOfPercent(question: string): boolean {
  return PERCENT_ASKED.test(question);
}
const MONEY_ASKED = /錢|金額|[元億萬]/u;
const COUNT_ASKED = /(?:幾|多少)(?:家|件|戶|個|位|人)/u;

/** Whether a label names a year (「與110年度之保證金額」, 「110賸餘」 of a 分別 list). */
const ROC_YEAR_IN = /(?:^|[^\d])\d{2,3}(?:年|$|[^\d,.])/u;

/** The label's words, with the years of the Republic it names as words of their own (「110年」, 「110」). */
function labelTokens(label: string): ReadonlySet<string> {
  const tokens = new Set(tokenize(label));
  for (const m of label.matchAll(ROC_YEAR)) {
    tokens.add(`${m[1]}年`);
    tokens.add(m[1]!);
  }
  // (A day of a year, 「111年12月31日」 (a balance sheet's column), is of that year too.)
  for (const m of label.matchAll(ROC_DATE)) {
    tokens.add(`${m[1]}年`);
    tokens.add(m[1]!);
  }
  return tokens;
}

/** A question's years as the documents write them: 「一百一十一年」 and 「2022年」 → 「111年」. */
function withRocYears(text: string): string {
  const years = withYearsOfTheRepublic(text);
  // (「2022年…比前一年成長了幾%」: the year before the one named is that year less one.)
  const named = [...new Set([...years.matchAll(ROC_YEAR)].map((m) => Number(m[1])))];
  return named.length === 1 ? years.replace(/(?:前一年度?|上一年度?|前一年|上年度|前年度)/gu, `${named[0]! - 1}年`) : years;
}

function withYearsOfTheRepublic(text: string): string {
  return text
    .replace(/(?<![零〇一二兩三四五六七八九十百])([零〇一二兩三四五六七八九十百]{2,6})年/gu, (all, numeral: string) => {
      const n = parseChineseNumber(numeral);
      return n !== undefined && n >= 30 && n <= 150 ? `${n}年` : all;
    })
    .replace(/(?<!\d)(19[5-9]\d|20\d\d)年?(?!\d)/gu, (_all, western: string) => `${Number(western) - 1911}年`);
}

/**
 * The ways a question may be cut into its two sides, surest first: 「X 比 Y」, then 「X 跟/和/與 Y」, then 「X 是 Y 的」; in the
 * sentence asking it (the last) before the whole message (「信保基金的錢是政府跟銀行捐的吼？…政府捐的比金融機構多幾億」).
 */
function sidesOf(question: string, operation?: Operation): Array<[string, string]> {
  const whole = withRocYears(compact(question));
  const last = whole.split(/[?？!！。]/u).filter((part) => part.length > 0).at(-1) ?? whole;
  const texts = [...new Set([last, whole])];
  // (A sum is of the things joined, 「上櫃跟興櫃的保證企業總共幾家？佔…」: not of the sides 占 sets apart.)
  const joined = operation === 'sum' ? texts.flatMap(joinedSplit) : [];
  return [...joined, ...texts.flatMap(splitsOf)];
}

/** 「X 跟/和/與 Y」: the two sides of the first joiner. */
function joinedSplit(text: string): Array<[string, string]> {
  const joined = JOINER_WORD.exec(text);
  return joined && joined.index > 0 ? [[text.slice(0, joined.index), text.slice(joined.index + joined[0].length)]] : [];
}

const JOINER_WORD = /跟|和|與|加上|及|、|還有/u;

/** 到 or 至 between two years: 「109年到110年」「109到110年」. */
const YEAR_SPAN = /(?<=\d年?)(?:到|至)(?=\d)/u;

function splitsOf(text: string): Array<[string, string]> {
  const at = (index: number, length: number): Array<[string, string]> => (index > 0 ? [[text.slice(0, index), text.slice(index + length)]] : []);
  const than = /比(?!較|例|率|重)/u.exec(text);
  // (「關懷了幾家，占被停的名單多少比例」: X 占 Y.)
  const of = /[占佔](?!比)/u.exec(text);
  // (「名單上的企業裡面，關懷的大概佔幾成」: of Y, X 占 — the whole is said first.)
  const within = /(?:裡面|裡頭|之中|當中)[，,]?/u.exec(text);
  const whole: Array<[string, string]> = within && of && within.index > 0 && of.index > within.index + within[0].length ? [[text.slice(within.index + within[0].length, of.index), text.slice(0, within.index)]] : [];
  const joined = JOINER_WORD.exec(text);
  // (「政府大概是銀行的幾倍」: X 是 Y 的 ….)
  const is = text.indexOf('是');
  // (「109年到110年…漲了多少」: the year it went from and the year it went to.)
  const span = YEAR_SPAN.exec(text);
  return [
    ...whole,
    ...(of ? at(of.index, 1) : []),
    ...(than ? at(than.index, 1) : []),
    ...(joined ? at(joined.index, joined[0].length) : []),
    ...(span ? at(span.index, span[0].length) : []),
    ...(is > 0 && text.indexOf('的', is + 2) > 0 ? at(is, 1) : []),
  ];
}

interface Choice {
  figure: Figure;
  own: number;
  score: number;
  /** Its label holds the other side's own words too: a figure of both (their total) comes after those of one. */
  both: boolean;
}

/** Ranks figures by a side's own words (those the other side lacks), then by the whole question's words. */
function ranked(figures: readonly Figure[], own: ReadonlySet<string>, whole: ReadonlySet<string>, others: ReadonlySet<string>): Choice[] {
  const count = (f: Figure, words: ReadonlySet<string>) => [...words].filter((w) => f.tokens.has(w)).length;
  return figures
    .map((figure) => {
      const all = count(figure, whole);
      return { figure, own: count(figure, own), score: (all * all) / Math.max(1, figure.tokens.size), both: count(figure, others) > 0 };
    })
    .filter((c) => c.own > 0)
    .sort((a, b) => Number(a.both) - Number(b.both) || b.own - a.own || b.score - a.score);
}

/** The two figures a question's sides name, of one kind, distinct; undefined when either side finds none or two tie. */
/** The first way of cutting the question whose two sides both find a figure. */
function firstOperands(splits: Array<[string, string]>, figures: readonly Figure[]): [Figure, Figure] | undefined {
  for (const sides of splits) {
    const pair = operands(sides, figures);
    if (pair) return pair;
  }
  return undefined;
}

function operands(sides: [string, string], figures: readonly Figure[]): [Figure, Figure] | undefined {
  // (「紓困期間的上限是平常1.2億的幾倍」: a side stating an amount is the figure of that amount the answer gives.)
  const stated = sides.map((side) => {
    const amount = scanMentions(compact(side)).find((m) => m.unit === 'amount')?.value;
    return amount === undefined ? undefined : figures.find((f) => f.kind === 'money' && f.value === amount);
  }) as [Figure | undefined, Figure | undefined];
  if (stated[0] || stated[1]) return statedOperands(sides, figures, stated);
  // (「上櫃跟興櫃的保證企業總共幾家」: when each side names a row of a table the passages quote, by the row's whole name, its
  // figures are that side's: not a sentence naming both, 「上市、上櫃及興櫃企業總家數 2,088 家」.)
  const rowOf = (mine: string, other: string) => figures.filter((f) => f.rowName !== undefined && f.rowName.length >= 2 && mine.includes(f.rowName) && !other.includes(f.rowName));
  const [rowsX, rowsY] = [rowOf(sides[0], sides[1]), rowOf(sides[1], sides[0])];
  if (rowsX.length > 0 && rowsY.length > 0 && figures.some((f) => !rowsX.includes(f) && !rowsY.includes(f))) {
    // (Of the rows' cells, a count asked, 「幾家」, is read in the cells counted in 家, not the plain numbers beside them.)
    const counted = COUNT_ASKED.test(sides.join('')) ? [...rowsX, ...rowsY].filter((f) => f.kind === 'count') : [];
    const own = (list: Figure[]) => (counted.length > 0 ? list.filter((f) => counted.includes(f)) : list);
    if (own(rowsX).length > 0 && own(rowsY).length > 0) return operands(sides, [...own(rowsX), ...own(rowsY)]);
  }
  const [x, y] = sides.map((side) => new Set(tokenize(side).concat([...side.matchAll(ROC_YEAR)].flatMap((m) => [`${m[1]}年`, m[1]!])))) as [Set<string>, Set<string>];
  // (「到111年底 政府捐的比銀行捐的」: a year only one side names is when both are read, not what sets them apart.)
  const dated = (side: Set<string>) => [...side].some((w) => /^\d{2,3}年?$/u.test(w));
  if (dated(x) !== dated(y)) for (const side of [x, y]) for (const w of [...side]) if (/\d|年/u.test(w)) side.delete(w);
  const whole = new Set([...x, ...y]);
  // (A figure of both sides' words, 「政府及金融機構累計捐助款計 x」, is their total, not either side.)
  const ownOf = (mine: Set<string>, other: Set<string>) => new Set([...mine].filter((w) => !other.has(w)));
  const first = ranked(figures, ownOf(x, y), whole, ownOf(y, x));
  // (Two cells of one table row the words tell apart no better, 「小巨人獎…有用過信保的得獎公司」: the row's first column,
  // the table's own subject (保證企業家數 (A)); the answer names the column it read.)
  const tied = (c: Choice) => c.own === first[0]!.own && c.score === first[0]!.score;
  const sameRow = first.length > 1 && tied(first[1]!) && first.filter(tied).every((c) => c.figure.column !== undefined && c.figure.passage === first[0]!.figure.passage);
  const best = sameRow ? first.filter(tied).sort((a, b) => a.figure.clause - b.figure.clause)[0] : first[0];
  if (!best || (!sameRow && first[1] && first[1].own === best.own && first[1].score === best.score && first[1].figure.value !== best.figure.value)) return undefined;
  // (Of figures the other side's words find alike, the one beside the first: 「年底之保證…分別為」 over 「保證金額為」.)
  const near = (f: Figure) => (f.passage === best.figure.passage ? Math.abs(f.clause - best.figure.clause) : 1000);
  const second = ranked(figures.filter((f) => f !== best.figure && f.kind === best.figure.kind), ownOf(y, x), whole, ownOf(x, y)).sort((a, b) => Number(a.both) - Number(b.both) || b.own - a.own || b.score - a.score || near(a.figure) - near(b.figure));
  const other = second[0];
  if (!other || other.figure.value === best.figure.value) return undefined;
  return [best.figure, other.figure];
}

/**
 * 「國家磐石獎跟創新研究獎 得獎的保證企業加起來幾家」: two rows of one table are set against each other in one column, the
 * one whose header the question's words name most (保證企業家數, not 獲獎總家數 for one row and 保證企業家數 for the other).
 */
function sameColumn([a, b]: [Figure, Figure], figures: readonly Figure[], question: string): [Figure, Figure] {
  if (!a.column || !b.column || a.passage === b.passage || a.column === b.column) return [a, b];
  const words = new Set(tokenize(compact(question)));
  const named = (column: string) => tokenize(column).filter((w) => words.has(w)).length;
  const inColumn = (row: Figure, column: string) => figures.find((f) => f.passage === row.passage && f.column === column && f.kind === row.kind);
  const pairs: Array<[Figure, Figure, number]> = [];
  const bInA = inColumn(b, a.column);
  if (bInA) pairs.push([a, bInA, named(a.column)]);
  const aInB = inColumn(a, b.column);
  if (aInB) pairs.push([aInB, b, named(b.column)]);
  const best = pairs.sort((p, q) => q[2] - p[2])[0];
  return best ? [best[0], best[1]] : [a, b];
}

/** Operands when a side states its amount: that figure, and the other side's by its words among figures of the same kind. */
function statedOperands(sides: [string, string], figures: readonly Figure[], stated: [Figure | undefined, Figure | undefined]): [Figure, Figure] | undefined {
  if (stated[0] && stated[1]) return stated[0].value === stated[1].value ? undefined : [stated[0], stated[1]];
  const known = (stated[0] ?? stated[1])!;
  const side = stated[0] ? sides[1] : sides[0];
  const words = new Set(tokenize(side));
  const other = ranked(figures.filter((f) => f.kind === known.kind && f.value !== known.value), words, words, new Set())[0];
  if (!other) return undefined;
  return stated[0] ? [known, other.figure] : [other.figure, known];
}

/** Words between two figures of a clause saying the first became the second: 「由 1 億 2 千萬元提高至 1 億 5 千萬元」. */
const CHANGED_TO = /^(?:元)?(?:提高|調高|增加|降低|調降|減少|放寬|縮減|改|調整)?(?:至|到|為)$/u;

/**
 * 「紓困期間企業保證融資總額度上限提高了多少」, with no two sides: a figure said to have changed into another in one clause
 * (由 x 提高至 y), the clause whose words the question shares most.
 */
function changed(question: string, figures: readonly Figure[]): [Figure, Figure] | undefined {
  const words = new Set(tokenize(compact(question)));
  const pairs = figures.flatMap((a, i) => {
    const b = figures[i + 1];
    if (!b || b.passage !== a.passage || b.clause !== a.clause || b.kind !== a.kind || !/由|從/u.test(a.label) || !CHANGED_TO.test(b.label)) return [];
    return [{ pair: [a, b] as [Figure, Figure], shared: [...a.sentence].filter((w) => words.has(w)).length }];
  });
  return pairs.sort((p, q) => q.shared - p.shared)[0]?.pair;
}

/** The largest unit both figures are written in (億 for 「1兆2,964億元」 and 「1,136.94億元」), with its decimals. */
function moneyUnit(a: Figure, b: Figure): { name: string; size: number; decimals: number } | undefined {
  const unit = MONEY_UNITS.filter(([name]) => a.raw.includes(name) && b.raw.includes(name)).at(-1);
  if (!unit) return undefined;
  const decimals = Math.max(...[a, b].map((f) => /\.(\d+)\s*[億萬兆]/u.exec(f.raw)?.[1]?.length ?? 0));
  return { name: unit[0], size: unit[1], decimals };
}

/** A sum of money as its figures write it: 1,732億元 (and 5兆8,250億元 when a 兆 is in it). */
function moneyText(value: number, a: Figure, b: Figure): string {
  const unit = moneyUnit(a, b);
  if (!unit || unit.name === '兆') return amountInWords(value);
  // (1億5千萬元 − 1億2千萬元 is no whole number of 億: it is said in 萬, 3,000萬元.)
  if (!Number.isInteger(Math.round((value / unit.size) * 10 ** unit.decimals * 1e6) / 1e6)) return amountInWords(value);
  const inUnit = (value / unit.size).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: unit.decimals });
  const trillions = unit.name === '億' && value >= 1e12 ? `（${Math.floor(value / 1e12)}兆${formatAmount((value % 1e12) / 1e8)}億元）` : '';
  return `${inUnit}${unit.name}元${trillions}`;
}

/** The classifier an average asks per (件, 戶, 家, 年), when the question asks one. */
export function perItemAsked(question: string): string | undefined {
  const item = PER_ITEM.exec(normalizeText(question))?.[1];
  return item === '筆' ? '件' : item;
}

/** What 「平均一件」「每戶平均」「一年平均」 divides by: the classifier asked, and the units a divisor may be written in. */
const PER_ITEM = /(?:平[均局](?:每|一)?|每|一)([件戶家年個筆])/u;

/** An average as its figures write it, and whether it is exact: 190億元; 346.45萬元（3,464,464 元）. */
function averageText(value: number): { text: string; exact: boolean } {
  const unit = MONEY_UNITS.find(([, size]) => value >= size);
  const whole = Math.round(value);
  if (!unit) return { text: `${formatAmount(whole)} 元`, exact: whole === value };
  // (To a tenth of 萬, a hundredth of 億: 346.4萬元, 1.23億元.)
  const inUnit = Number((value / unit[1]).toFixed(unit[0] === '萬' ? 1 : 2));
  const exact = Math.abs(inUnit * unit[1] - value) < 1e-6 * value;
  return { text: exact ? `${inUnit.toLocaleString('en-US')}${unit[0]}元` : `${inUnit.toLocaleString('en-US')}${unit[0]}元（${formatAmount(whole)} 元）`, exact };
}

/**
 * 「111年平均一件保證多少錢」「5年950億，一年平均多少」: an amount a passage writes over the count beside it of the thing
 * asked (件, 戶, 家) or the years it spans; the amount is the one the question's words name best.
 */
function perItemLine(question: string, passages: readonly string[], before?: string): string | undefined {
  // (「平均每一筆」: a 筆 of guarantee is a case, 件.)
  const item = perItemAsked(question);
  if (!item) return undefined;
  const words = new Set(tokenize(withRocYears(compact(`${before ?? ''}${question}`))));
  if (item === '年') {
    const yearly = yearRowAverage(question, passages, words);
    if (yearly) return yearly;
  }
  const amounts: Array<Figure & { score: number }> = [];
  const divisors: Array<{ value: number; raw: string; passage: number; clause: number }> = [];
  passages.forEach((passage, index) => {
    // (Not an amount said as a bound, 「保證融資餘額逾 1.6 兆元」: no average follows from it.)
    // (Nor a count written in 萬, 「210 萬餘個就業機會」: money is written in 元, 億 or 兆.)
    for (const f of figuresIn(passage, index, false)) if (f.kind === 'money' && !/(?:逾|超過|近|約)$/u.test(f.label) && /元|[億兆]$/u.test(f.raw)) amounts.push({ ...f, score: 10 * [...words].filter((w) => f.tokens.has(w)).length + [...words].filter((w) => f.sentence.has(w)).length });
    // (Years are no figures of the quote's own kinds: 「5 年將投入 950 億元」 reads its duration here.)
    const text = compact(passage);
    // (Clauses counted as figuresIn counts them.)
    const starts = clauseStartsOf(text);
    const clauseOf = (at: number) => starts.filter((start) => start <= at).length - 1;
    for (const m of scanMentions(text)) {
      const counted = item === '年' ? m.unit === 'years' : m.unit === 'count' && m.raw.endsWith(item);
      if (counted && m.value > 0) divisors.push({ value: m.value, raw: m.raw, passage: index, clause: clauseOf(m.index) });
    }
  });
  const amount = [...amounts].sort((a, b) => b.score - a.score)[0];
  if (!amount || amount.score === 0) return undefined;
  // (The count written beside the amount: its passage, its nearest clause.)
  // (Else one written in a passage of its own quoted beside it: 「提供 299,513 戶企業信用保證服務」.)
  const near = divisors.filter((d) => d.passage === amount.passage).sort((a, b) => Math.abs(a.clause - amount.clause) - Math.abs(b.clause - amount.clause))[0] ?? divisors.find((d) => d.passage !== amount.passage);
  if (!near) return undefined;
  const per = amount.value / near.value;
  const each = item === '年' ? '每年' : `每${item}`;
  const { text, exact } = averageText(per);
  return `計算：${amount.raw}（${trimmedLabel(amount.label).slice(0, 24)}）÷ ${near.raw} ${exact ? '＝' : '≈'} ${text}（平均${each}）。`;
}

/** The units a table's caption gives its cells in. */
const CAPTION_SIZES: ReadonlyArray<readonly [string, number]> = [['百萬元', 1e6], ['千元', 1e3]];

/** A table's total row: 合計, 總計. */
const TOTAL_ROW = /^(?:合計|總計)$/u;

/** A table row by year as quoted: 「新發生逾期保證金額：107年 97；108年 95；…」. */
const YEAR_ROW = /^「?([^「」：:]{1,40})[：:](.+?)」?$/u;
const YEAR_CELL = /(\d{2,3})\s?年(?:度)?\s*([\d,]+(?:\.\d+)?)(?![\d.%])/gu;

/**
 * 「107到111年新發生逾期保證金額，平均一年多少」: the cells of a row by year (those of the years the question spans, else all),
 * summed and divided by their count, in the unit of the table's caption.
 */
function yearRowAverage(question: string, passages: readonly string[], words: ReadonlySet<string>): string | undefined {
  const caption = captionOf(passages);
  const asked = [...withRocYears(compact(question)).matchAll(ROC_YEAR)].map((m) => Number(m[1])).filter((y) => y >= 30 && y <= 150);
  const [from, to] = asked.length >= 2 ? [Math.min(...asked), Math.max(...asked)] : [0, Infinity];
  const rows = passages.flatMap((passage) => {
    const m = YEAR_ROW.exec(passage.trim());
    if (!m) return [];
    const cells = [...m[2]!.matchAll(YEAR_CELL)].map((c) => ({ year: Number(c[1]), raw: c[2]!, value: Number(c[2]!.replaceAll(',', '')) })).filter((c) => c.year >= from && c.year <= to);
    const label = m[1]!.trim();
    return cells.length >= 2 ? [{ label, cells, score: tokenize(label).filter((w) => words.has(w)).length }] : [];
  });
  // (No row named by the question's words, 「98到101年总经费多少？平均一年大概几亿」: the table's total row.)
  const best = rows.sort((a, b) => b.score - a.score)[0];
  const row = best && best.score > 0 ? best : rows.find((r) => TOTAL_ROW.test(r.label));
  if (!row) return undefined;
  const sum = row.cells.reduce((total, c) => total + c.value, 0);
  const decimals = Math.max(...row.cells.map((c) => c.raw.split('.')[1]?.length ?? 0));
  const average = sum / row.cells.length;
  const shown = Number(average.toFixed(Math.max(decimals, 2)));
  const exact = Math.abs(shown * row.cells.length - sum) < 1e-9 * Math.max(1, Math.abs(sum));
  const unit = caption ? ` ${caption}` : '';
  // (In 千元 or 百萬元, the average in 萬 or 億 too: 370,815.75 千元 ≈ 3.71億元.)
  const size = caption ? CAPTION_SIZES.find(([name]) => caption.endsWith(name))?.[1] : undefined;
  const spoken = size !== undefined && size > 1 ? averageText(average * size).text : undefined;
  const inWords = spoken ? `（約 ${spoken.split('（')[0]}）` : '';
  return `計算：${row.label}（${row.cells[0]!.year}～${row.cells.at(-1)!.year}年）（${row.cells.map((c) => c.raw).join(' + ')}）÷ ${row.cells.length} ${exact ? '＝' : '≈'} ${shown.toLocaleString('en-US')}${unit}${inWords}（平均每年）。`;
}

/** The result of the operation asked, as a line after the quoted passages; undefined when the question's figures are not both found. */
export function arithmeticLine(question: string, operation: Operation, passages: readonly string[], before?: string, sidesFrom?: string): string | undefined {
  if (operation === 'per') return perItemLine(question, passages, before);
  // (「增加多少錢？逾期率又上升幾個百分點？」: a part asking money is of the amounts, one asking points of the rates.)
  const asksPoints = PERCENT_ASKED.test(question);
  const asksMoney = MONEY_ASKED.test(question);
  // (A growth asked in percent, 「多了幾%」, is of any figures: the percent is the answer's.)
  // (「…總共幾家」 asks a count: of the counts, not the rates beside them.)
  const asksCount = COUNT_ASKED.test(question) && !asksPoints && !asksMoney;
  const ofKind = (f: Figure) => (asksCount ? f.kind !== 'percent' : asksPoints === asksMoney || operation === 'growth' ? true : asksPoints ? f.kind === 'percent' : f.kind !== 'percent');
  const read = passages.flatMap((p, i) => figuresIn(p, i, operation === 'years_between', operation === 'times')).filter((f) => f.kind === 'year' || ofKind(f));
  // (「淨值…比110年底增加了多少」, asking no rate: the amounts, not the percentages beside them.)
  // (Nor a rate asked just before, 「逾期率哪一年最低」 → 「跟110年比差多少」.)
  const ratesBefore = before !== undefined && PERCENT_ASKED.test(before);
  // (Nor a multiple of table rows, 「台中是台東的幾倍」: of their amounts, not the rounded shares beside them.)
  const ofRows = operation === 'times' && read.some((f) => f.column !== undefined && f.kind !== 'percent');
  const amounts = !asksPoints && !ratesBefore && (operation === 'difference' || operation === 'sum' || ofRows) ? read.filter((f) => f.kind !== 'percent') : read;
  const figures = amounts.length >= 2 ? amounts : read;
  // (「111年的保證金額多少」 → 「那比110年少多少」, 「政府累計捐助多少」 → 「金融機構呢？兩個差多少」: a follow-up whose own
  // sides find no two figures sets the question before against what it names.)
  // (「111年比110年增加多少錢？逾期率又上升幾個百分點？」: a part with no sides of its own sets the part before's against each other.)
  // (Nor one whose own sides find none, 「政府捐的跟銀行捐的差多少？政府大概是銀行的幾倍」: the part before named them better.)
  const own = sidesOf(question, operation);
  const splits = own.length === 0 && sidesFrom !== undefined ? sidesOf(sidesFrom, operation) : own;
  const pair = firstOperands(splits, figures) ?? (splits === own && sidesFrom !== undefined ? firstOperands(sidesOf(sidesFrom, operation), figures) : undefined) ?? (before ? operands([compact(before), withRocYears(compact(question))], figures) : undefined) ?? (operation === 'difference' || operation === 'growth' ? changed(question, figures) : undefined);
  if (!pair) return undefined;
  const [a, b] = sameColumn(pair, figures, question);
  const [high, low] = a.value >= b.value ? [a, b] : [b, a];
  // (A table's cells in the unit of its caption, 「金額單位：新臺幣百萬元」, with as many decimals as the cells.)
  const caption = captionOf(passages);
  const decimals = Math.max(...[a, b].map((f) => f.raw.split('.')[1]?.replace(/\D/gu, '').length ?? 0));
  // (In 百萬元 or 千元, in 億 or 萬 too: 「1,912.75 百萬元（約 19.13億元）」.)
  const size = caption ? CAPTION_SIZES.find(([name]) => caption.endsWith(name))?.[1] : undefined;
  const inWords = (value: number) => (size !== undefined && Math.abs(value * size) >= 1e4 ? `（約 ${averageText(value * size).text.split('（')[0]}）` : '');
  const numberText = (value: number) => `${value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${caption ? ` ${caption}${inWords(value)}` : ''}`;
  const amountText = (value: number) => (a.kind === 'money' ? moneyText(value, high, low) : a.kind === 'number' ? numberText(value) : formatAmount(value));
  const shown = (f: Figure) => `${f.raw}（${trimmedLabel(f.label).slice(0, 24)}）`;
  switch (operation) {
    case 'years_between':
      return `計算：民國${high.value}年 − 民國${low.value}年 ＝ ${high.value - low.value} 年（${shown(high)}；${shown(low)}）。`;
    case 'times':
      // (「計畫是用幾倍保證能量去估的」: a multiple the passage states, 「以 10 倍保證能量估算」, is the answer, not one to work out.)
      if (low.value === 0 || passages.some((p) => /\d\s*倍/u.test(p))) return undefined;
      // (Exact to two decimals, 「＝ 2.5 倍」; else rounded, 「≈ 2.03 倍」.)
      const times = Number((a.value / b.value).toFixed(2));
      return `計算：${shown(a)} ÷ ${shown(b)} ${Math.abs(times * b.value - a.value) < 1e-9 * Math.abs(a.value) ? '＝' : '≈'} ${times} 倍。`;
    case 'share': {
      if (b.value === 0 || a.value > b.value) return undefined;
      const percent = Number(((a.value / b.value) * 100).toFixed(2));
      const exact = Math.abs((percent / 100) * b.value - a.value) < 1e-9 * Math.abs(a.value);
      // (「是政府捐的幾成」: in 成 too.)
      const tenths = /幾成|多少成/u.test(question) ? `（約 ${Number((percent / 10).toFixed(1))} 成）` : '';
      return `計算：${shown(a)} ÷ ${shown(b)} ${exact ? '＝' : '≈'} ${percent}%${tenths}。`;
    }
    case 'sum': {
      const sum = a.value + b.value;
      return `計算：${shown(a)} ＋ ${shown(b)} ＝ ${amountText(sum)}。`;
    }
    case 'growth': {
      // (A rate grown by 「幾趴」, 「新發生逾期率111年比109年高了幾趴」, is grown by percentage points: 0.56, not 83.58%.)
      if (a.kind === 'percent' && b.kind === 'percent') return `計算：${shown(high)} − ${shown(low)} ＝ ${Number((high.value - low.value).toFixed(4))} 個百分點。`;
      // From the earlier year's figure to the later's when each names its year (「111年比110年成長多少」); else from the
      // figure before (「跟原本比多了幾%」: the smaller; 「少了幾%」: the larger).
      const yearOf = (f: Figure) => Number(/(\d{2,3})年/u.exec(f.label)?.[1] ?? [...f.tokens].find((t) => /^\d{2,3}年$/u.test(t))?.slice(0, -1) ?? NaN);
      const dated = !Number.isNaN(yearOf(a)) && !Number.isNaN(yearOf(b)) && yearOf(a) !== yearOf(b);
      const fewer = /少了|減少|減了|降|衰退|縮減/u.test(question);
      const [from, to] = dated ? (yearOf(a) < yearOf(b) ? [a, b] : [b, a]) : fewer ? [high, low] : [low, high];
      if (from.value === 0) return undefined;
      const percent = Number((((to.value - from.value) / from.value) * 100).toFixed(2));
      const exact = Math.abs((percent / 100) * from.value - (to.value - from.value)) < 1e-9 * Math.abs(from.value);
      return `計算：（${shown(to)} − ${shown(from)}）÷ ${from.raw} ${exact ? '＝' : '≈'} ${percent}%（${percent < 0 ? `減少 ${Math.abs(percent)}%` : `增加 ${percent}%`}）。`;
    }
    case 'difference': {
      const gap = high.value - low.value;
      const size = high.kind === 'percent' ? `${Number(gap.toFixed(4))} 個百分點` : amountText(gap);
      return `計算：${shown(high)} − ${shown(low)} ＝ ${size}。`;
    }
  }
}
