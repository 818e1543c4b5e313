/**
 * Numbers as people write them: Arabic digits with thousands separators and decimals, Chinese numerals
 * (五百萬, 一億二千萬, 一百零五), financial numerals (壹貳參), and mixtures (5百萬, 1億2000萬, 1.2億, 1兆1,232億).
 * Simplified variants (万 亿 两) are accepted so the parsers also work on text that was not converted.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 貳: 2, 贰: 2, 兩: 2, 两: 2, 三: 3, 參: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陸: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 };

export const CHINESE_DIGIT_CHARS = Object.keys(CHINESE_DIGITS).join('');
export const SMALL_UNIT_CHARS = Object.keys(SMALL_UNITS).join('');
export const BIG_UNIT_CHARS = Object.keys(BIG_UNITS).join('');

/** An Arabic number: 5, 0.395, 1,200, 5,000,000.5 (commas only in groups of three). */
export const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * A numeral never starts inside another: without this guard a pattern that fails after a long run of digits
 * would be tried again from every position of the run (quadratic time). 千, 萬 and 億 may precede one: 500萬8成.
 */
export const NUMERAL_START = `(?<![\\d${CHINESE_DIGIT_CHARS}十拾百佰])`;

/**
 * Any numeral, possibly with 十百千萬億 units (a space may sit before a unit: 「1 億」).
 * Used inside larger patterns; parseChineseNumber decides whether it is well formed. An Arabic part inside the
 * repetition may not follow a digit, so a run of digits is read one way only (no catastrophic backtracking).
 */
export const NUMERAL = String.raw`${NUMERAL_START}(?:${ARABIC}|[${CHINESE_DIGIT_CHARS}十拾])(?:(?<!\d)(?:${ARABIC})|[${CHINESE_DIGIT_CHARS}]|\s?[${SMALL_UNIT_CHARS}${BIG_UNIT_CHARS}])*`;

/** A numeral without 萬/億: what stands before 成, 歲, 個月, 年, 天 and classifiers. */
export const SMALL_NUMERAL = String.raw`${NUMERAL_START}(?:\d+(?:\.\d+)?|[${CHINESE_DIGIT_CHARS}十拾百佰]+)`;

type Token =
  | { type: 'number'; value: number; singleDigit: boolean; zero: boolean }
  | { type: 'small'; value: number }
  | { type: 'big'; value: number };

/** Rounds away binary noise (1.2 × 1e8) while keeping every digit a person could write. */
export function tidy(value: number): number {
  // A whole number of at most 15 digits has no noise to round away (and toPrecision is slow): it stays, -0 as 0.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value || 0;
  return Number(value.toPrecision(15));
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const arabic = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/;
  let rest = text.replace(/\s+/g, '');
  while (rest.length > 0) {
    const digits = arabic.exec(rest);
    if (digits) {
      const raw = digits[0].replaceAll(',', '');
      tokens.push({ type: 'number', value: Number(raw), singleDigit: /^\d$/.test(raw), zero: false });
      rest = rest.slice(digits[0].length);
      continue;
    }
    const char = rest[0] as string;
    const digit = CHINESE_DIGITS[char];
    const small = SMALL_UNITS[char];
    const big = BIG_UNITS[char];
    if (digit !== undefined) tokens.push({ type: 'number', value: digit, singleDigit: true, zero: digit === 0 });
    else if (small !== undefined) tokens.push({ type: 'small', value: small });
    else if (big !== undefined) tokens.push({ type: 'big', value: big });
    else return undefined;
    rest = rest.slice(1);
  }
  return tokens;
}

/** 二〇一四 → 2014: Chinese digits written one by one, without units. */
function digitString(tokens: Token[]): number | undefined {
  if (tokens.length < 2 || !tokens.every((t) => t.type === 'number' && t.singleDigit)) return undefined;
  return Number(tokens.map((t) => t.value).join(''));
}

/**
 * Parses a whole string as a number: 五百萬 → 5000000, 一億二千萬 → 120000000, 1.2億 → 120000000,
 * 3仟萬 → 30000000, 一千兩百萬 → 12000000, 一百零五 → 105, 一萬五 → 15000 (a trailing digit counts in
 * the unit below the last one, as people say it). Returns undefined for anything else, including
 * 九成五 (see parseRatio) and units without a digit (千萬).
 */
export function parseChineseNumber(s: string): number | undefined {
  const whole = parseWhole(s);
  if (whole !== undefined) return whole;
  // 「三千五百仟元」: a number of thousands (a form's 仟元 column), written after a numeral that already has its 千.
  // (Not 「一百一千」: a count ending in a colloquial last digit is no column figure.)
  const text = s.normalize('NFKC').trim();
  const count = text.length > 1 && /[千仟]$/.test(text) ? text.slice(0, -1).trimEnd() : '';
  const value = /[十拾百佰千仟]$/.test(count) ? parseWhole(count) : undefined;
  return value !== undefined && value >= 1 ? tidy(value * 1000) : undefined;
}

function parseWhole(s: string): number | undefined {
  const tokens = tokenize(s.normalize('NFKC').trim());
  if (!tokens || tokens.length === 0) return undefined;
  const spelled = digitString(tokens);
  if (spelled !== undefined) return spelled;

  let total = 0;
  let section = 0;
  let pending: Extract<Token, { type: 'number' }> | undefined;
  let lastUnit: number | undefined;
  let lastBig = Infinity;
  let zeroSeen = false;
  for (const [i, token] of tokens.entries()) {
    if (token.type === 'number') {
      if (token.zero && tokens.length > 1) {
        zeroSeen = true;
        continue;
      }
      if (pending) return undefined;
      pending = token;
    } else if (token.type === 'small') {
      if (!pending && !(token.value === 10 && (i === 0 || tokens[i - 1]?.type !== 'small'))) return undefined;
      if (lastUnit !== undefined && lastUnit < 1e4 && token.value >= lastUnit && pending) return undefined;
      section += (pending?.value ?? 1) * token.value;
      pending = undefined;
      lastUnit = token.value;
      zeroSeen = false;
    } else {
      if (token.value >= lastBig) return undefined;
      section += pending?.value ?? 0;
      if (section === 0) return undefined;
      total += section * token.value;
      section = 0;
      pending = undefined;
      lastUnit = token.value;
      lastBig = token.value;
      zeroSeen = false;
    }
  }
  if (pending) {
    const colloquial = pending.singleDigit && lastUnit !== undefined && lastUnit >= 100 && !zeroSeen;
    section += colloquial ? pending.value * ((lastUnit as number) / 10) : pending.value;
  }
  return tidy(total + section);
}

/**
 * 「零點七五趴」「一點五億」: a decimal written in Chinese numerals, before a unit of rate, ratio or amount, as digits
 * (0.75趴, 1.5億), so every reader of figures takes it as it takes 0.75% and 1.5億. Bounded runs, one pass.
 */
const CHINESE_DECIMAL = /(?<![零〇一二兩两三四五六七八九十])([零〇一二兩两三四五六七八九十]{1,3})[點点]([零〇一二三四五六七八九]{1,4})(?=\s?(?:趴|%|成|億|亿|萬|万|千萬|千万|倍))/gu;

export function withArabicDecimals(text: string): string {
  return text.replace(CHINESE_DECIMAL, (whole, integer: string, fraction: string) => {
    const head = parseChineseNumber(integer);
    if (head === undefined) return whole;
    const digits = [...fraction].map((c) => CHINESE_DIGITS[c]);
    return digits.some((d) => d === undefined) ? whole : `${head}.${digits.join('')}`;
  });
}

