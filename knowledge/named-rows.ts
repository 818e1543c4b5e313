import type { KnowledgeBase } from './load.ts';
import { normalizeText } from './normalize.ts';
import { canonical } from './passage-terms.ts';
import { passageCatalogue, type KnowledgePassage } from './passages.ts';
import { TOTAL_ROW } from './retrieve.ts';

/**
 * Rows of the statistics tables a question names, whichever tables they are in: 「批次信用保證跟經濟部紓困振興貸款」 names
 * the row 批次信用保證 of 〈項目別〉 and the row 經濟部對受嚴重特殊傳染性肺炎影響…紓困振興貸款 of 〈項目別—專案基金〉.
 *
 * A row is named by a part of the question (cut at joiners, white space and figures) that
 * - holds its label whole (「一般貸款」);
 * - is the label's end, half of it or more, with a pair of characters few labels have (「小頭家貸款」 of 企業小頭家貸款,
 *   「金質獎保證措施」 of 信保金質獎保證措施);
 * - or begins and ends as the label does, with the label's characters in order between and two such pairs
 *   (「經濟部紓困振興貸款」: 困振, 振興);
 * or by the names of a programme given with `programmes` (「鳳凰」 → 微型創業鳳凰貸款, in 勞動部微型創業鳳凰貸款), one row each.
 * Only rows of tables with a unit of money (金額單位) are read, total rows never, each label once (its first table).
 */
export function rowsNamed(knowledge: KnowledgeBase, question: string, programmes: ReadonlyArray<readonly string[]> = []): KnowledgePassage[] {
  const rows = statisticsRows(knowledge);
  const parts = canonical(question)
    .split(/[跟和與及、,，;；+＋\s\d]|加上|再加|還有|以及|加/u)
    .map((part) => part.replace(/^(?:那|請問|還有|另外)/u, ''))
    .filter((part) => [...part].length >= MIN_PART && [...part].length <= MAX_PART);
  const counts = pairCounts(knowledge);
  const found: KnowledgePassage[] = [];
  const seen = new Set<string>();
  const programmeWords = new Set<string>();
  // (Each programme names one row: the one holding the longest of its names, the shortest such label of equals —
  // 青年創業及啟動金貸款 for 青創, not 臺北市青年創業融資貸款.)
  for (const names of programmes) {
    const scored = rows.flatMap((row) => {
      const longest = Math.max(0, ...names.filter((name) => name.length >= MIN_NAME && row.label.includes(canonical(name))).map((name) => name.length));
      return longest > 0 ? [{ row, longest }] : [];
    });
    const best = scored.sort((a, b) => b.longest - a.longest || a.row.label.length - b.row.label.length)[0]?.row;
    if (best && !seen.has(best.label)) {
      seen.add(best.label);
      found.push(best.passage);
      for (const name of names) if (name.length >= MIN_NAME) programmeWords.add(canonical(name));
    }
  }
  for (const { passage, label } of rows) {
    if (seen.has(label)) continue;
    // (A programme already read as its own row, 青年創業貸款, names no other row ending in its name, 「高雄市青年創業貸款」,
    // unless the question says that row's own beginning too.)
    if ([...programmeWords].some((word) => label.includes(word) && !label.startsWith(word)) && !parts.some((part) => part.includes(label.slice(0, 2)))) continue;
    if (parts.some((part) => namesLabel(part, label, counts))) {
      seen.add(label);
      found.push(passage);
    }
  }
  // (A label inside another named, 「青年創業貸款」 in a longer one, is the longer one's.)
  return found.filter((p) => !found.some((q) => q !== p && labelOf(q).includes(labelOf(p)) && parts.every((part) => !part.includes(labelOf(p)) || part.includes(labelOf(q)))));
}

/**
 * The shortest part of a question that may name a row, and the longest read (a row is named apart from the rest of the
 * question by joiners, white space or figures; a run longer than this names none, and reading it would cost time on a
 * long message), and the shortest programme name that names a row.
 */
const MIN_PART = 4;
const MAX_PART = 60;
const MIN_NAME = 3;

/** A pair of characters this few labels hold is distinctive enough to tell a row named in short. */
const RARE_PAIR = 2;

function namesLabel(part: string, label: string, counts: Map<string, number>): boolean {
  if ([...label].length >= MIN_PART && part.includes(label)) return true;
  const last = label.slice(-2);
  const first = label.slice(0, 2);
  for (let end = part.indexOf(last); end >= 0; end = part.indexOf(last, end + 1)) {
    const upTo = end + 2;
    // The label's end, half of it or more, with a pair few labels have (「小頭家貸款」; not 「保證措施」, the end of many).
    for (let length = Math.min(label.length - 1, upTo); length >= MIN_PART; length--) {
      const said = part.slice(upTo - length, upTo);
      if (label.endsWith(said) && said.length * 2 >= label.length && rare(said, label, counts) > 0) return true;
    }
    // Its beginning and end, its characters in order between, two pairs of them rare (「經濟部紓困振興貸款」).
    for (let start = part.lastIndexOf(first, end); start >= 0; start = start > 0 ? part.lastIndexOf(first, start - 1) : -1) {
      const said = part.slice(start, upTo);
      // (Never longer than the label it is read in.)
      if (said.length > label.length) break;
      if ([...said].length > MIN_PART && inOrder(said, label) && rare(said, label, counts) >= 2) return true;
      if (start === 0) break;
    }
  }
  return false;
}

/** How many pairs of the label's that few labels hold what is said holds. */
function rare(said: string, label: string, counts: Map<string, number>): number {
  return [...pairsOf(said)].filter((pair) => label.includes(pair) && (counts.get(pair) ?? 0) > 0 && (counts.get(pair) ?? 0) <= RARE_PAIR).length;
}

/** Whether every character of `said` is in `label`, in the same order. */
function inOrder(said: string, label: string): boolean {
  let at = 0;
  for (const char of said) {
    at = label.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

function pairsOf(text: string): Set<string> {
  const chars = [...text];
  return new Set(chars.slice(0, -1).map((c, i) => `${c}${chars[i + 1]}`));
}

/** A row's label: the cell before its first figure (「臺北市中小企業融資貸款」 after the category 「地方政府」). */
export function labelOf(passage: KnowledgePassage): string {
  return canonical(rowLabel(passage.cells?.row ?? [])).replace(/\s+/gu, '');
}

/** A statistics row's name: the cell before its first figure (「| 地方政府 | 臺北市中小企業融資貸款 | 432.67 |」). */
export function rowLabel(row: readonly string[]): string {
  const first = row.findIndex((cell) => FIGURE.test(cell.trim()));
  return (row[first > 0 ? first - 1 : 0] ?? '').trim();
}

const FIGURE = /^\(?[\d,]+(?:\.\d+)?%?\)?$/u;

const rowsCache = new WeakMap<KnowledgeBase, Array<{ passage: KnowledgePassage; label: string }>>();
const countsCache = new WeakMap<KnowledgeBase, Map<string, number>>();

/** The rows of tables in a unit of money, with their labels as matched, once per knowledge version. */
function statisticsRows(knowledge: KnowledgeBase): Array<{ passage: KnowledgePassage; label: string }> {
  let rows = rowsCache.get(knowledge);
  if (!rows) {
    const catalogue = passageCatalogue(knowledge);
    rows = catalogue.all
      .filter((p) => p.cells !== undefined && /金額單位|單位：新臺幣/u.test(catalogue.sections.get(p.section.id)?.unit ?? ''))
      .map((passage) => ({ passage, label: labelOf(passage) }))
      .filter(({ label }) => label.length >= 2 && !TOTAL_ROW.test(label));
    rowsCache.set(knowledge, rows);
  }
  return rows;
}

/** For each pair of characters, how many of those rows' labels hold it. */
function pairCounts(knowledge: KnowledgeBase): Map<string, number> {
  let counts = countsCache.get(knowledge);
  if (!counts) {
    counts = new Map();
    for (const label of new Set(statisticsRows(knowledge).map((r) => r.label))) for (const pair of pairsOf(label)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    countsCache.set(knowledge, counts);
  }
  return counts;
}

/** A row written for a county and its city together, the two places it stands for, and how a question names each alone. */
interface CombinedPlaceRow {
  row: string;
  parts: ReadonlyArray<{ name: string; alone: RegExp }>;
}

/**
 * Places a statistics table writes as one row for a county and its city together (「嘉義縣市」, 「新竹縣市」): each with
 * the two places it stands for (嘉義縣, 嘉義市). Read from the tables' row labels, so a new report's rows are read too.
 * (A place name stands alone when followed by 的, a joiner, a year, white space, punctuation or the end, not when it
 * begins a longer name: 「新竹市中小企業及個人便利貸款」.)
 */
function combinedPlaceRows(knowledge: KnowledgeBase): readonly CombinedPlaceRow[] {
  let found = combinedCache.get(knowledge);
  if (!found) {
    found = [...new Set(statisticsRows(knowledge).map((r) => rowLabel(r.passage.cells?.row ?? []).replace(/\s+/gu, '')))].flatMap((label) => {
      const m = /^(\p{Script=Han}{2})縣市$/u.exec(label);
      if (!m) return [];
      const names = [`${m[1]}縣`, `${m[1]}市`];
      return [{ row: label, parts: names.map((name) => ({ name, alone: new RegExp(`${name}(?=$|[的跟和與及、,，。.?？!！;；\\s呢咧嗎喔有保0-9])`, 'u') })) }];
    });
    combinedCache.set(knowledge, found);
  }
  return found;
}
const combinedCache = new WeakMap<KnowledgeBase, readonly CombinedPlaceRow[]>();

/**
 * 「嘉義市的保證餘額」: the county or city a question names that a table writes only together with the other (嘉義縣市), as
 * the question names it, the row that holds it and the two places that row stands for; a question naming both
 * (「嘉義縣市」「嘉義縣跟嘉義市」) asks the row itself.
 */
export function combinedPlacesAsked(knowledge: KnowledgeBase, question: string): Array<{ asked: string; row: string; parts: string[] }> {
  const text = normalizeText(question).replaceAll('台', '臺');
  return combinedPlaceRows(knowledge).flatMap(({ row, parts }) => {
    if (text.includes(row)) return [];
    const alone = parts.filter((part) => part.alone.test(text));
    return alone.length === 1 ? [{ asked: alone[0]!.name, row, parts: parts.map((part) => part.name) }] : [];
  });
}
