import type { CheckIssue } from '../knowledge/check-issue.ts';
import { quotedAmounts, quotedPercents } from './quoted-figures.ts';
import type { ParameterValue, Unit } from './units.ts';

type QuoteProblem = Pick<CheckIssue, 'severity' | 'message'>;

const SCALES = [10, 100, 1_000, 10_000];

/**
 * Compares a value with the figures its quote states. A value 10, 100, 1,000 or 10,000 times a quoted figure
 * (3 where the quote says 0.3%, 8 for 8成) is a slip of the decimal point or the unit: an error. A value the
 * quote does not state at all is a warning: the quote may be the wrong sentence. Quotes without a figure in
 * the parameter's unit (「免收保證手續費」) are not compared.
 */
export function checkQuotedValue(unit: Unit, value: ParameterValue, quote: string): QuoteProblem | undefined {
  const figures = figuresFor(unit, quote);
  if (figures.length === 0) return undefined;
  const values = unit === 'percent_range' ? rangeEnds(value) : typeof value === 'number' ? [value] : [];
  for (const wanted of values) {
    if (figures.some((figure) => same(figure, wanted))) continue;
    const shown = figures.map((figure) => show(unit, figure)).join('、');
    const scaled = figures.find((figure) => SCALES.some((scale) => same(figure * scale, wanted) || same(figure, wanted * scale)));
    if (scaled !== undefined) {
      const times = wanted > scaled ? Math.round(wanted / scaled) : Math.round(scaled / wanted);
      return {
        severity: 'error',
        message: `數值 ${wanted} 與原文摘句「${quote}」的 ${show(unit, scaled)} 相差 ${times.toLocaleString('en-US')} 倍：請改為 ${scaled}${UNIT_HINT[unit] ?? ''}`,
      };
    }
    return {
      severity: 'warning',
      message: `數值 ${wanted} 不在原文摘句「${quote}」中（摘句中的數字：${shown}）：請確認數值，或改引寫有這個數值的句子`,
    };
  }
  return undefined;
}

const UNIT_HINT: Partial<Record<Unit, string>> = {
  percent: '（單位 percent：0.3 代表 0.3%，80 代表 8成）',
  percent_range: '（單位 percent_range：0.75 代表 0.75%）',
  amount_twd: '（單位 amount_twd：新臺幣元，1億 寫 100000000）',
};

function figuresFor(unit: Unit, quote: string): number[] {
  if (unit === 'percent' || unit === 'percent_range') return quotedPercents(quote);
  if (unit === 'amount_twd') return quotedAmounts(quote);
  return [];
}

function rangeEnds(value: ParameterValue): number[] {
  if (typeof value !== 'object' || value === null || !('min' in value)) return [];
  return [value.min, value.max];
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function show(unit: Unit, figure: number): string {
  return unit === 'amount_twd' ? `${figure.toLocaleString('en-US')} 元` : `${figure}%`;
}
