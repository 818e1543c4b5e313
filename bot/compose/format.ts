import { formatAmount, formatRate, formatRatio, formatTenths } from '../../rules/display.ts';

/**
 * How figures are written in answers: the calculator's formatters (so a figure in an answer reads as it does in
 * the formula), plus the forms only answers use.
 */
export { formatAmount, formatRate };

/** A plain percentage: 70 → 「70%」, 62.5 → 「62.5%」. */
export const formatPercent = formatRatio;

/** A guarantee ratio in 成 with its percentage: 80 → 「8成（80%）」, 95 → 「9.5成（95%）」. */
export function formatCheng(percent: number): string {
  return `${formatTenths(percent)}（${formatRatio(percent)}）`;
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
