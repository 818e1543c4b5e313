import type { ParameterHistoryEntry, ParameterReading, ParameterView } from '../../rules/at.ts';
import type { ParameterValue, Unit } from '../../rules/units.ts';
import { amountInWords, formatAmount, formatPercent, formatRate, formatCheng, formatRocDate, formatRocPeriod, trimNumber } from './format.ts';

/** A parameter value as a person reads it, by its unit: 0.35 percent → 「0.35%」, 80 max ratio → 「8成（80%）」. */
export function valueText(value: ParameterValue | null, unit: Unit, name: string): string {
  if (value === null) return '（已停止適用）';
  switch (unit) {
    case 'percent':
      return percentText(value as number, name);
    case 'percent_range': {
      const r = value as { min: number; max: number };
      return `${percentText(r.min, name)}～${percentText(r.max, name)}`;
    }
    case 'amount_twd':
      return `新臺幣 ${formatAmount(value as number)} 元（${amountInWords(value as number)}）`;
    case 'ratio_of_fund':
      return `${trimNumber(value as number)} 倍`;
    case 'months':
      return `${trimNumber(value as number)} 個月`;
    case 'years':
      return `${trimNumber(value as number)} 年`;
    case 'age_range': {
      const r = value as { min: number; max: number };
      return `${r.min} 歲至 ${r.max} 歲`;
    }
    case 'date_range': {
      const r = value as { from: string; to: string };
      return formatRocPeriod(r.from, r.to);
    }
    case 'count':
      return formatAmount(value as number);
    case 'boolean':
      return (value as boolean) ? '是' : '否';
    case 'text':
      return value as string;
    case 'text_list':
      return (value as string[]).map((item, i) => `${circled(i + 1)} ${item}`).join('\n');
  }
}

/** Guarantee ratios read in 成 (「9成（90%）」), rates with two decimals (「1.00%」), other percentages plainly (「70%」). */
function percentText(value: number, name: string): string {
  if (/max_ratio|authorised_ratio|share_of_need/.test(name)) return formatCheng(value);
  if (/fee_rate|fee_cap/.test(name)) return formatRate(value);
  return formatPercent(value);
}

function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `${n}.`;
}

/** 「（民國103年12月15日起適用）」, empty for values dated before any source. */
export function sinceText(effectiveFrom: string): string {
  return effectiveFrom >= '1900-01-01' ? `${formatRocDate(effectiveFrom)}起適用` : '';
}

/** One answer line for a parameter: 「批次信用保證之保證手續費年費率：0.3%（民國111年1月1日起適用）」. */
export function readingLine(reading: ParameterReading): string {
  const value = valueText(reading.value, reading.unit, reading.name);
  const since = sinceText(reading.effectiveFrom);
  const multiline = value.includes('\n');
  return multiline
    ? `${reading.description}：\n${value}${since ? `\n（${since}）` : ''}`
    : `${reading.description}：${value}${since ? `（${since}）` : ''}`;
}

/**
 * Where a figure changed over time, the other dated values, so the answer can say which one applies and mention
 * the rest: 「另：保證手續費年費率於民國103年12月15日至110年12月31日為 0.35%（見《修正「批次信用保證要點」函》…）」.
 */
export function otherVersions(view: ParameterView, reading: ParameterReading): ParameterHistoryEntry[] {
  return view.history(reading.name).filter((h) => h.effectiveFrom !== reading.effectiveFrom && h.value !== null);
}

const FEE_HISTORY = '保證手續費';

/** What a version line is about, in words a reader knows; fee figures all begin with 保證手續費. */
function historySubject(entry: ParameterHistoryEntry): string {
  if (/fee_cap/.test(entry.name)) return `${FEE_HISTORY}費率上限`;
  if (/fee_rate/.test(entry.name)) return `${FEE_HISTORY}年費率`;
  if (/max_ratio|authorised_ratio/.test(entry.name)) return '保證成數';
  return entry.description;
}

/** The reading in force is passed by callers; the period's dates already say which version came first. */
export function versionLine(entry: ParameterHistoryEntry, _current?: ParameterReading): string {
  const from = dated(entry.effectiveFrom);
  const to = dated(entry.effectiveTo);
  const period = from && to ? formatRocPeriod(from, to) : from ? `${formatRocDate(from)}起` : to ? `${formatRocDate(to)}以前` : '較早文件中';
  return `${VERSION_LINE}${historySubject(entry)}於${period}為 ${valueText(entry.value, entry.unit, entry.name)}（見《${entry.reference.title}》〈${entry.reference.section}〉）`;
}

/** Dates before any source (0001-01-01 stands for "since before the dated documents") are not printed. */
function dated(iso: string | undefined): string | undefined {
  return iso !== undefined && iso >= '1900-01-01' ? iso : undefined;
}

const VERSION_LINE = '另：';

export function isVersionLine(line: string): boolean {
  return line.startsWith(VERSION_LINE);
}

const SOURCE_WORDS_LINE = '原文：';

/** 「原文：「保證成數最高九成。」」: the sentences figures were read from, as their documents write them. */
export function sourceWordsLine(quotes: readonly string[]): string | undefined {
  return quotes.length > 0 ? `${SOURCE_WORDS_LINE}${quotes.map((q) => `「${q}」`).join('；')}` : undefined;
}

export function isSourceWordsLine(line: string): boolean {
  return line.startsWith(SOURCE_WORDS_LINE);
}

/** A version line about a fee figure: the only history that bears on a fee calculation. */
export function isFeeHistory(line: string): boolean {
  return line.startsWith(`${VERSION_LINE}${FEE_HISTORY}`);
}
