import { matchesOf, mention, type Mention } from './mention.ts';
import { parseChineseNumber } from './numbers.ts';

/**
 * Dates: ISO and slashed (2014-12-15, 2014/12/15), ROC (民國103年12月15日, 103/12/15, 一百零三年),
 * partial (民國103年, 103年12月, 12月15日, 8/10), and a year with a slashed day (103年12/15). ROC years add 1911.
 */
const YEAR_NUMERAL = '[\\d〇零一二三四五六七八九十百]{2,6}';
const PART_NUMERAL = '[\\d一二三四五六七八九十]{1,3}';

const WESTERN = /(?<![\d.,])(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/g;
const ROC_NUMERIC = /(?<![\d.,])(\d{2,3})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d%])/g;
const CHINESE = new RegExp(
  `(?:((?:中華)?民[國国]|西元|公元)\\s*)?(${YEAR_NUMERAL})\\s*年(度)?(?:\\s*(${PART_NUMERAL})\\s*月(?:\\s*(${PART_NUMERAL})\\s*[日號号]|(上旬|中旬|下旬|初|底|末)(?![期])|份(?:的)?(上旬|中旬|下旬))?|\\s*(\\d{1,2})\\/(\\d{1,2})(?![\\d./%-]))?`,
  'g',
);
// (「隔年2月28日」 is a day of no year named; 「103年2月」 is read with its year above.)
const MONTH_DAY = new RegExp(`(?<!\\d)(?<![^隔次明翌]年)(${PART_NUMERAL})\\s*月\\s*(${PART_NUMERAL})\\s*[日號号]`, 'g');

// (「8/10颱風淹水，今天已經9/25了」: a month and day written with a slash, in chat.)
// (Not a share in a computation: 「× 12/12」.)
// (「103年12/15」 is read with its year above.)
const SLASH_MONTH_DAY = /(?<![\d./×*-])(?<![×*] )(?<!年\s?)(\d{1,2})\/(\d{1,2})(?![\d./%-])/g;

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

function isValid({ year, month, day }: DateParts): boolean {
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day === undefined) return true;
  if (month === undefined || day < 1) return false;
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  return probe.getUTCDate() === day;
}

function isoDate({ year, month, day }: DateParts): string | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateMention(parts: DateParts, raw: string, index: number): Mention | undefined {
  if (!isValid(parts)) return undefined;
  const value = (parts.year ?? 0) * 10000 + (parts.month ?? 0) * 100 + (parts.day ?? 0);
  return mention('date', 'date', value, raw, index, isoDate(parts));
}

function gregorian(year: number, roc: boolean): number {
  return roc || year < 1000 ? year + 1911 : year;
}

/**
 * 「103年12月下旬」「12月底」: a part of a month stands for its first day (上旬 1, 中旬 11, 下旬 21; 初 1), and its end
 * (底, 末) for the month's last day, so that a rule taking effect on the 15th is decided on the side the part lies.
 */
function dayOfMonthPart(year: number, month: number, part: string): number {
  if (part === '中旬') return 11;
  if (part === '下旬') return 21;
  if (part === '底' || part === '末') return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return 1;
}

/** A year without month counts as a date only when it cannot be a duration: 民國/西元, 年度, 4 digits, or 100–150. */
function isCalendarYear(year: number, prefixed: boolean, fiscal: boolean): boolean {
  return prefixed || fiscal || (year >= 1900 && year <= 2100) || (year >= 100 && year <= 150);
}

export function findDates(text: string): Mention[] {
  const found: Mention[] = [];
  const push = (m: Mention | undefined) => m && found.push(m);
  for (const m of matchesOf(WESTERN, text)) {
    const year = Number(m[1]);
    if (year >= 1900 && year <= 2100) push(dateMention({ year, month: Number(m[2]), day: Number(m[3]) }, m[0], m.index));
  }
  for (const m of matchesOf(ROC_NUMERIC, text)) {
    const year = Number(m[1]);
    if (year >= 1 && year <= 200) push(dateMention({ year: year + 1911, month: Number(m[2]), day: Number(m[3]) }, m[0], m.index));
  }
  for (const m of matchesOf(CHINESE, text)) {
    const year = parseChineseNumber(m[2] as string);
    if (year === undefined) continue;
    const prefix = m[1];
    // 「103年底」「111年末」: the year's last day.
    const yearEnd = m[4] === undefined && /^[底末終]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1));
    // (「103年12/15」: the month and day after the year written with a slash.)
    const [monthText, dayText] = m[8] !== undefined ? [m[8], m[9]] : [m[4], m[5]];
    const month = yearEnd ? 12 : monthText === undefined ? undefined : parseChineseNumber(monthText);
    const part = m[6] ?? m[7];
    const day = yearEnd ? 31 : dayText !== undefined ? parseChineseNumber(dayText) : part !== undefined && month !== undefined ? dayOfMonthPart(gregorian(year, false), month, part) : undefined;
    if (monthText === undefined && !isCalendarYear(year, prefix !== undefined, m[3] !== undefined)) continue;
    const roc = prefix !== undefined && prefix.includes('民');
    const start = prefix === undefined ? m.index + (m[0].length - m[0].trimStart().length) : m.index;
    push(dateMention({ year: gregorian(year, roc), month, day }, m[0].trimStart(), start));
  }
  for (const m of matchesOf(MONTH_DAY, text)) {
    const month = parseChineseNumber(m[1] as string);
    const day = parseChineseNumber(m[2] as string);
    if (month !== undefined && day !== undefined) push(dateMention({ month, day }, m[0], m.index));
  }
  for (const m of matchesOf(SLASH_MONTH_DAY, text)) push(dateMention({ month: Number(m[1]), day: Number(m[2]) }, m[0], m.index));
  return found;
}

/** Parses a whole string as a complete date and returns yyyy-mm-dd. */
export function parseDate(s: string): string | undefined {
  const text = s.normalize('NFKC').trim();
  const whole = findDates(text).find((m) => m.index === 0 && m.raw.length === text.length);
  return whole?.iso;
}
