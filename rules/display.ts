/** How figures are written in formulas and reasons (Taiwanese conventions). */

export function formatAmount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Rates: at least two decimals (1.00%, 0.35%, 0.395%). */
export function formatRate(percent: number): string {
  return `${percent.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}%`;
}

/** Ratios such as 保證成數 and 營授比: no needless decimals (80%, 95%, 62.5%). */
export function formatRatio(percent: number): string {
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

/** 80 → 8成, 95 → 9.5成 */
export function formatTenths(percent: number): string {
  return `${(percent / 10).toLocaleString('en-US', { maximumFractionDigits: 2 })}成`;
}
