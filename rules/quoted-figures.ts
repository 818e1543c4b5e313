/**
 * The figures a reference's quote states, in a parameter's units: 「0.35%」 → 0.35 and 「九成」 → 90 (percent);
 * 「1.2億元」, 「3,000萬元」, 「1 億 2 千萬元」 → NT$ (amount_twd). Quotes keep the source's wording, so both
 * Arabic and Chinese forms are read.
 */

const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]/g;
const TENTHS = /(?<![\d.])(\d+(?:\.\d+)?)\s*成/g;
const CHINESE_TENTHS = /(?<![一二三四五六七八九十])([一二三四五六七八九]|十)成/g;
const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Percent figures: 0.35% → 0.35, 9成 and 九成 → 90, 9.5成 → 95. */
export function quotedPercents(quote: string): number[] {
  const text = quote.normalize('NFKC');
  const figures: number[] = [];
  for (const match of text.matchAll(PERCENT)) figures.push(Number(match[1]));
  for (const match of text.matchAll(TENTHS)) figures.push(round(Number(match[1]) * 10));
  for (const match of text.matchAll(CHINESE_TENTHS)) figures.push((CHINESE_DIGIT[match[1] ?? ''] ?? 0) * 10);
  return figures;
}

const MONEY = /(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*(千萬|仟萬|百萬|佰萬|萬|億|千|仟|元)/g;
const MULTIPLIER: Record<string, number> = {
  億: 100_000_000,
  千萬: 10_000_000,
  仟萬: 10_000_000,
  百萬: 1_000_000,
  佰萬: 1_000_000,
  萬: 10_000,
  千: 1_000,
  仟: 1_000,
  元: 1,
};

/** NT$ figures: 1億元 → 100000000, 3,000萬元 → 30000000, 1 億 2 千萬元 → 120000000 (and its parts). */
export function quotedAmounts(quote: string): number[] {
  const text = quote.normalize('NFKC');
  const figures: number[] = [];
  let previous: { value: number; unit: string; end: number } | undefined;
  for (const match of text.matchAll(MONEY)) {
    const unit = match[2] ?? '元';
    const value = Math.round(Number((match[1] ?? '').replaceAll(',', '')) * (MULTIPLIER[unit] ?? 1));
    const start = match.index ?? 0;
    // 「1 億 2 千萬元」: a smaller unit right after 億 continues the same amount.
    const continues = previous?.unit === '億' && unit !== '億' && text.slice(previous.end, start).trim() === '';
    if (continues && previous) figures.push(previous.value + value);
    figures.push(value);
    previous = { value, unit, end: start + match[0].length };
  }
  return figures;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
