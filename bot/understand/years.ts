/**
 * Years a question names: 2022, 民國111年, 111年 (ROC years 60–149 before 年), and in English "ROC year 111", "ROC 111",
 * "year 110" (an ROC year: a Gregorian year has four digits), and years listed before one 年 (110、111年), as Gregorian years.
 */
const YEAR =
  /(?<![\d.])(?:民國\s*)?(?<roc>1[0-4]\d|[6-9]\d)\s*年|(?<!\d)(?<ad>19[5-9]\d|20\d\d)(?![\d萬億千元塊%])|\b(?:roc\s+(?:year\s+)?|year\s+)(?<english>1[0-4]\d|[6-9]\d)\b/giu;

/** 「110、111年」「110和111年」: ROC years listed before one 年, each a year named. */
const LISTED = /(?<![\d.])(1[0-4]\d|[6-9]\d)(?=\s*(?:、|和|跟|與|及|至|到)\s*(?:1[0-4]\d|[6-9]\d)\s*年)/gu;

/**
 * 「111跟110比」「那110和111相比」: two ROC years of three digits set against each other with no 年 at all (a pair of amounts
 * would have a unit after it).
 */
const COMPARED = /(?<![\d.])(1[0-4]\d)\s*(?:跟|和|與|比)\s*(1[0-4]\d)(?=\s*(?:相比|比較|比|的|差))/gu;

export function findYears(text: string): number[] {
  const compared = [...text.matchAll(COMPARED)].flatMap((m) => [{ index: m.index, year: Number(m[1]) + 1911 }, { index: m.index + 1, year: Number(m[2]) + 1911 }]);
  const listed = [...[...text.matchAll(LISTED)].map((m) => ({ index: m.index, year: Number(m[1]) + 1911 })), ...compared];
  const named = [...text.matchAll(YEAR)].map((m) => {
    const roc = m.groups?.roc ?? m.groups?.english;
    return { index: m.index, year: roc ? Number(roc) + 1911 : Number(m.groups?.ad) };
  });
  return [...new Set([...listed, ...named].sort((a, b) => a.index - b.index).map((y) => y.year))];
}

/**
 * 「111年新發生逾期率是多少」 → 「那前一年呢」「比去年多多少」: a follow-up naming no year of its own, with a year said relative
 * to another (understanding.relativeYear), asks of the year that far from the one year the question before named. Without
 * such a year before, the message is read as it is. (The understanding's other properties, a lazy one among them, are kept.)
 */
export function withRelativeYear<U extends { years: number[]; relativeYear?: number; asks?: readonly string[]; modifiers?: { comparison?: boolean; arithmetic?: string } }>(u: U, topicBefore: string | undefined): U {
  if (u.relativeYear === undefined || u.years.length > 1 || topicBefore === undefined) return u;
  const before = findYears(topicBefore);
  if (before.length !== 1) return u;
  // (「那前年咧？跟111年差幾個百分點」: a year said relative to the one before, beside a year of its own the two are set
  // against, is one of the two: 109年 and 111年.)
  const target = before[0]! + u.relativeYear;
  const setAgainst = u.modifiers?.comparison === true || u.modifiers?.arithmetic !== undefined || u.asks?.includes('statistics') === true;
  if (u.years.length === 1 && (!setAgainst || u.years[0] === target)) return u;
  const moved = Object.defineProperties({}, Object.getOwnPropertyDescriptors(u)) as U;
  moved.years = u.years.length === 1 ? [target, u.years[0]!] : [target];
  return moved;
}

/**
 * 「111年比前一年掉了多少」: a year said relative to the one year the same message names, after it, is that year moved
 * (110年), when the two are set against each other or a figure of the reports is asked. (「去年營業額」 said of one's own
 * business is no such year.)
 */
export function withYearRelativeInMessage(text: string, years: number[], relative: { word: string; offset: number } | undefined, compared: boolean): number[] {
  if (!compared || relative === undefined || years.length !== 1) return years;
  const named = [...text.matchAll(YEAR)][0];
  const at = text.indexOf(relative.word);
  if (named === undefined || at < named.index + named[0].length) return years;
  return [...years, years[0]! + relative.offset];
}

