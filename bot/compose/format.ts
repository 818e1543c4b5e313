import { amountInWords, amountSpoken, formatAmount, formatRate, formatRatio, formatTenths } from '../../rules/display.ts';

/**
 * How figures are written in answers: the calculator's formatters (so a figure in an answer reads as it does in
 * the formula), plus the forms only answers use.
 */
export { amountInWords, amountSpoken, formatAmount, formatRate };

/** A plain percentage: 70 → 「70%」, 62.5 → 「62.5%」. */
export const formatPercent = formatRatio;

/** A guarantee ratio in 成 with its percentage: 80 → 「8成（80%）」, 95 → 「9.5成（95%）」. */
export function formatCheng(percent: number): string {
  return `${formatTenths(percent)}（${formatRatio(percent)}）`;
}

/**
 * ISO date → 「民國103年12月15日」: the form readers in Taiwan use. The ISO date stays in the citation's `date`
 * field, where software reads it; printed beside every date it made answers twice as long.
 */
export function formatRocDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `民國${y - 1911}年${m}月${d}日`;
}

/** Two ISO dates → 「民國92年1月1日至103年12月14日」: 民國 once. */
export function formatRocPeriod(from: string, to: string): string {
  const end = formatRocDate(to);
  return `${formatRocDate(from)}至${end.replace(/^民國/, '')}`;
}

export function trimNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
