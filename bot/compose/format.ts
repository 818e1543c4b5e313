/** How figures are written in answers: the same figure always reads the same way. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** NT$ amounts with thousands separators: 40000 → 「40,000」. */
export function formatAmount(value: number): string {
  return integer.format(value);
}

/** A percentage as the documents write it: 1 → 「1.00%」 for fee rates (two decimals at least), 80 → 「80%」. */
export function formatRate(percent: number): string {
  const decimals = Math.max(2, decimalPlaces(percent));
  return `${percent.toFixed(decimals)}%`;
}

export function formatPercent(percent: number): string {
  return `${trimNumber(percent)}%`;
}

/** A guarantee ratio in 成 with its percentage: 80 → 「8成（80%）」, 95 → 「9.5成（95%）」. */
export function formatRatio(percent: number): string {
  return `${trimNumber(percent / 10)}成（${trimNumber(percent)}%）`;
}

/** A large NT$ amount in 萬/億 as people say it: 100000000 → 「1億元」, 30000000 → 「3,000萬元」. */
export function formatAmountInWords(value: number): string {
  if (value >= 100_000_000 && value % 1_000_000 === 0) return `${trimNumber(value / 100_000_000)}億元`;
  if (value >= 10_000 && value % 100 === 0) return `${integer.format(value / 10_000)}萬元`.replace(/\.0+萬/, '萬');
  return `${integer.format(value)}元`;
}

/** ISO date → 「民國103年12月15日（2014-12-15）」. */
export function formatRocDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `民國${y - 1911}年${m}月${d}日（${iso}）`;
}

export function trimNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

function decimalPlaces(value: number): number {
  const text = trimNumber(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
