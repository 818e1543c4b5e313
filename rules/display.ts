/** How figures are written in formulas and reasons (Taiwanese conventions). Formatters are built once: they are on every answer's path. */

const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const rate = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 4 });
const wholeRate = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A limit in months as the documents say it: 6 → 半年（6 個月）, 12 → 一年（12 個月）, 18 → 18 個月. */
export function formatMonthsLimit(months: number): string {
  const words: Record<number, string> = { 6: '半年', 12: '一年', 24: '兩年', 36: '三年', 60: '五年' };
  return words[months] ? `${words[months]}（${months} 個月）` : `${months} 個月`;
}

export function formatAmount(value: number): string {
  return amount.format(value);
}

/** 100000000 → 「1億元」, 30000000 → 「3,000萬元」, 1000000 → 「100萬元」. */
export function amountInWords(value: number): string {
  if (value >= 100_000_000) {
    const yi = Math.floor(value / 100_000_000);
    const wan = (value % 100_000_000) / 10_000;
    // (1億5,000萬元 is also said 1.5億: given both when a tenth of 億 says it exactly.)
    const tenths = value % 10_000_000 === 0 ? `，即${value / 100_000_000}億元` : '';
    return wan ? `${yi}億${formatAmount(wan)}萬元${tenths}` : `${yi}億元`;
  }
  if (value >= 10_000 && value % 10_000 === 0) return `${formatAmount(value / 10_000)}萬元`;
  return `${formatAmount(value)}元`;
}

/**
 * A computed amount as people say it, with its digits: 27000000 → 「2,700萬元（27,000,000 元）」, 150000000 →
 * 「1億5,000萬元，即1.5億元（150,000,000 元）」. Amounts below 10萬 or not in whole 萬 stay as digits (「7,125 元」).
 */
export function amountSpoken(value: number): string {
  const digits = `${formatAmount(value)} 元`;
  return value >= 100_000 && value % 10_000 === 0 ? `${amountInWords(value)}（${digits}）` : digits;
}

/** Rates as the documents write them: a whole rate with two decimals (1.00%), others as they are (0.5%, 1.5%, 0.35%, 0.395%). */
export function formatRate(percent: number): string {
  return `${(Number.isInteger(percent) ? wholeRate : rate).format(percent)}%`;
}

/** The number of a listed item as the documents write it: 1 → ①, 9 → ⑨ (beyond ⑳, the plain number). */
export function circled(n: number): string {
  return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[n - 1] ?? String(n);
}

/** Ratios such as 保證成數 and 營授比: no needless decimals (80%, 95%, 62.5%). */
export function formatRatio(percent: number): string {
  return `${plain.format(percent)}%`;
}

/** 80 → 8成, 95 → 9.5成 */
export function formatTenths(percent: number): string {
  return `${plain.format(percent / 10)}成`;
}
