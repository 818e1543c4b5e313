import type { ResultCard } from '../types.ts';

/** 「5,000,000 元」 → 5000000 under 「貸款金額（元）」: a spreadsheet reads the number, the header keeps the unit. */
const NUMBER_THEN_UNIT = /^(\d[\d,]*(?:\.\d+)?) ?(元|個月|天|歲|months|days)$/;
/** The same amount with its labels in English: 「NT$ 5,000,000」. */
const UNIT_THEN_NUMBER = /^(NT\$) ?(\d[\d,]*(?:\.\d+)?)$/;

/**
 * What the copy button of a calculation card copies: the result and the formula as plain text, then a header and
 * a row of comma-separated values (RFC 4180) that paste into a spreadsheet as numbers.
 */
export function cardCopyText(card: ResultCard): string {
  const cells = [...card.inputs, card.result].map(({ label, value }) => {
    const split = numberAndUnit(value.trim());
    return split ? { header: `${label}（${split.unit}）`, value: split.number } : { header: label, value };
  });
  return [
    `${card.title}：${card.result.label} ${card.result.value}`,
    card.formula,
    cells.map((c) => csvField(c.header)).join(','),
    cells.map((c) => csvField(c.value)).join(','),
  ]
    .filter((line): line is string => typeof line === 'string' && line !== '')
    .join('\n');
}

function numberAndUnit(value: string): { number: string; unit: string } | undefined {
  const after = NUMBER_THEN_UNIT.exec(value);
  if (after) return { number: after[1]!.replaceAll(',', ''), unit: after[2]! };
  const before = UNIT_THEN_NUMBER.exec(value);
  return before ? { number: before[2]!.replaceAll(',', ''), unit: before[1]! } : undefined;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
