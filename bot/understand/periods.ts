import { matchesOf, mention, type Mention } from './mention.ts';
import { SMALL_NUMERAL, parseChineseNumber, tidy } from './numbers.ts';

/**
 * Durations: 6個月, 18個月, 兩年, 1年, 一年半 (18 months), 半年, 4年半, 90天, 1~3年; and ages: 47歲, 20歲至45歲.
 * Months and years stay in their own unit here; roles.ts turns them into months.
 */
/** Between the two ends of a range; each end's unit is optional and written before it (1年~3年), spaces aside. */
const RANGE = String.raw`\s*[~〜～\-至到]\s*`;
const N = SMALL_NUMERAL;

const MONTHS = new RegExp(`(?:(${N})(?:\\s*(?:(?:個|个)月?|月))?${RANGE})?(${N})\\s*(?:個|个)(半)?多?月`, 'dg');
/** 年 followed by these is not a duration (年度, 年級, 年費率, 年營業額 …). */
const NOT_DURATION = '度|級|级|代|底|初|中|輕|轻|紀|纪|齡|龄|費|费|息|利|營|营|薪|資|资|報|报|前';
const YEARS = new RegExp(`(?:(${N})(?:\\s*年)?${RANGE})?(${N})\\s*年(半)?(?!${NOT_DURATION})`, 'dg');
/** 兩年又三個月, 4年11個月: one duration in months. */
const YEARS_AND_MONTHS = new RegExp(`(${N})\\s*年(?:\\s*[又零])?\\s*(${N})\\s*(?:個|个)月`, 'dg');
/** 「18月」 without 個: more than 12 cannot be a month of the year, so it is a duration. */
const BARE_MONTHS = /(?<![年\d.])(\d{2,3})\s*月(?![日號号初底中份])/g;
/** (「111年下半年借的」「上半年」: a half of a calendar year is when, not how long.) */
const HALF_YEAR = /(?<![\d一二三四五六七八九十兩两年上下])半年(?!度)/g;
/** 一季, 兩季, 3季 (of a year: three months each; not 季度, 季節, 季報). */
const QUARTERS = new RegExp(`(${N})\\s*季(?![度節节報报末底初])`, 'g');
/**
 * 「換算成每個月多少」「每季要繳多少」: a fee asked per month or per quarter, with no duration of its own in the message,
 * is the fee of one month or one quarter. (Beside a term, 「借三年 每個月要繳多少」, the term is the duration.)
 */
// (「按月攤的話」「按季算」: the fee spread per month or quarter; 「按月攤還」 is how a loan is repaid.)
const PER_PERIOD = /(?:每(?:一)?(?:個|个)?(月|季)(?![份底初中])|按(月|季)(?:分攤|攤|算|計)(?!還))/g;
const DAYS = new RegExp(`(?:(${N})(?:\\s*[天日])?${RANGE})?(${N})\\s*(?:天|日)(?!本|期|幣|币|圓|元|報)`, 'dg');
const AGES = new RegExp(`(?:(${N})(?:\\s*[歲岁])?${RANGE})?(${N})\\s*[歲岁]`, 'dg');

/**
 * The unit each pattern cannot match without: a text without it is not scanned (most messages name one unit or none,
 * and each scan tries the numeral at every position).
 */
const UNIT_OF = new Map<RegExp, RegExp>([
  [MONTHS, /[個个]/],
  [YEARS, /年/],
  [DAYS, /[天日]/],
  [AGES, /[歲岁]/],
]);

function unitMentions(
  pattern: RegExp,
  text: string,
  unit: 'months' | 'years' | 'days' | 'age',
  kind: 'months' | 'years' | 'days',
): Mention[] {
  const found: Mention[] = [];
  if (UNIT_OF.get(pattern)?.test(text) === false) return found;
  for (const m of matchesOf(pattern, text)) {
    const value = parseChineseNumber(m[2] as string);
    if (value === undefined) continue;
    const half = m[3] === undefined ? 0 : 0.5;
    if (m[1] !== undefined) {
      const head = parseChineseNumber(m[1]);
      if (head !== undefined) found.push(mention(unit, kind, head, m[1], m.index));
    }
    const tailIndex = (m.indices?.[2] as [number, number])[0];
    found.push(mention(unit, kind, tidy(value + half), text.slice(tailIndex, m.index + m[0].length), tailIndex));
  }
  return found;
}

export function findDurations(text: string): Mention[] {
  const combined: Mention[] = [];
  for (const m of text.includes('年') ? matchesOf(YEARS_AND_MONTHS, text) : []) {
    const years = parseChineseNumber(m[1] as string);
    const months = parseChineseNumber(m[2] as string);
    if (years !== undefined && months !== undefined) combined.push(mention('months', 'months', years * 12 + months, m[0], m.index));
  }
  const inCombined = (m: Mention) => combined.some((c) => m.index >= c.index && m.index < c.index + c.raw.length);
  // 哪一年, 那一年, 每一年, 第一年 ask or count; they are not durations (那兩年 still is one).
  // A message opening with 「那」 then 「一年」 (「那一年手續費變多少」) is a follow-up about one year, unless 「的」 follows
  // (「那一年的」 is that year).
  const opensWithThen = (m: Mention) => text[m.index - 1] === '那' && text.slice(0, m.index - 1).trim() === '' && text[m.index + m.raw.length] !== '的';
  // (「上一年」「前一年」「隔一年」 name a year relative to another: no duration either. 「優惠後一年」 is one.)
  const askingWhichYear = (m: Mention) => m.raw.startsWith('一') && /[哪那每第上前隔]/.test(text[m.index - 1] ?? '') && !opensWithThen(m);
  const found = [
    ...combined,
    ...[
      ...unitMentions(MONTHS, text, 'months', 'months'),
      ...matchesOf(BARE_MONTHS, text)
        .filter((m) => Number(m[1]) > 12)
        .map((m) => mention('months', 'months', Number(m[1]), m[0], m.index)),
      ...unitMentions(YEARS, text, 'years', 'years'),
      ...unitMentions(DAYS, text, 'days', 'days'),
      ...matchesOf(HALF_YEAR, text).map((m) => mention('months', 'months', 6, m[0], m.index)),
      ...(text.includes('季') ? matchesOf(QUARTERS, text) : []).flatMap((m) => {
        const quarters = parseChineseNumber(m[1] as string);
        return quarters === undefined ? [] : [mention('months', 'months', quarters * 3, m[0], m.index)];
      }),
    ].filter((m) => !inCombined(m) && !askingWhichYear(m)),
  ];
  // (A year of the calendar, 「111年有拿到…」, is no term.)
  const terms = found.filter((m) => !(m.unit === 'years' && m.value >= 50));
  if (terms.length > 0 || !/每|按[月季]/u.test(text)) return found;
  return [...found, ...matchesOf(PER_PERIOD, text).map((m) => mention('months', 'months', (m[1] ?? m[2]) === '季' ? 3 : 1, m[0], m.index))];
}

export function findAges(text: string): Mention[] {
  return unitMentions(AGES, text, 'age', 'years');
}

/** A duration in months (or days when written in days): 一年半 → { months: 18 }, 90天 → { days: 90 }. */
export function parsePeriod(s: string): { months: number } | { days: number } | undefined {
  const text = s.normalize('NFKC').trim();
  const whole = findDurations(text).find((m) => m.index === 0 && m.raw.length === text.length);
  if (!whole) return undefined;
  if (whole.unit === 'days') return { days: whole.value };
  return { months: whole.unit === 'years' ? tidy(whole.value * 12) : whole.value };
}

const HAN_NUMBER = /[一二三四五六七八九十兩两]+/g;

/**
 * 「我今年四十六 想辦青創」: a number in Chinese numerals right after a word of age (domain/registry/roles.yaml
 * `age_before`) is an age even without 歲, when nothing after it makes it another figure (年, 萬, 成 …).
 */
export function withSpokenAges(text: string, mentions: Mention[], ageBefore: RegExp, ageNotAfter: RegExp): Mention[] {
  const added: Mention[] = [];
  for (const m of matchesOf(HAN_NUMBER, text)) {
    const value = parseChineseNumber(m[0]);
    if (value === undefined || value < 16 || value > 100) continue;
    if (!ageBefore.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const after = text.slice(m.index + m[0].length);
    if (/^\s*[年月天日歲岁萬万千仟百佰億亿成%個个件家名人位次號号]/u.test(after)) continue;
    // (「我是八八水災受災戶」: a word right after it makes the number part of a name.)
    if (ageNotAfter.test(after)) continue;
    if (mentions.some((o) => o.index < m.index + m[0].length && m.index < o.end)) continue;
    added.push(mention('age', 'years', value, m[0], m.index));
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.index - b.index);
}
