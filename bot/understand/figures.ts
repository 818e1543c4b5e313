import { findAmounts } from './amounts.ts';
import { findCounts, findPlainNumbers } from './counts.ts';
import { findDates } from './dates.ts';
import type { Mention } from './mention.ts';
import { normalizeWidth } from './normalize.ts';
import { findAges, findDurations } from './periods.ts';
import { findPhones } from './phones.ts';
import { findPercents, findTenths } from './ratios.ts';
import type { Figure } from './types.ts';

/**
 * Finders in order of precedence: where two readings overlap, the earlier finder wins
 * (103年12月15日 is a date, not 103 years; 0800-089-921 is one phone number, not three numbers).
 */
const FINDERS: Array<(text: string) => Mention[]> = [
  findDates,
  findPhones,
  findAmounts,
  findPercents,
  findTenths,
  findAges,
  findDurations,
  findCounts,
  findPlainNumbers,
];

/** Every figure in text that is already normalised, without overlaps, in reading order. */
export function scanMentions(text: string): Mention[] {
  const taken: Mention[] = [];
  const overlaps = (m: Mention) => taken.some((t) => m.index < t.end && t.index < m.end);
  for (const finder of FINDERS) {
    const candidates = finder(text).sort((a, b) => a.index - b.index || b.raw.length - a.raw.length);
    for (const candidate of candidates) if (!overlaps(candidate)) taken.push(candidate);
  }
  return taken.filter((m) => !isVague(text, m)).sort((a, b) => a.index - b.index);
}

/** A Chinese numeral's place word written alone: 十 百 千 萬 億 兆 (「幾十億」「數百萬」「上千萬」). */
const PLACE_WORD = /^[十百千萬億兆]/u;

/**
 * 「幾十億」「好幾百萬」「十幾萬」「數十億」「上千萬」: a number said only roughly is no figure to compute with — it reads as
 * 十億 or 十萬 otherwise. (「人數50人」 is a figure: 數 marks a rough number only before a place word.)
 */
function isVague(text: string, m: Mention): boolean {
  const before = text[m.index - 1] ?? '';
  const after = text[m.end] ?? '';
  if (before === '幾' || m.raw.includes('幾')) return true;
  if ((before === '數' || before === '上') && PLACE_WORD.test(m.raw)) return true;
  return after === '幾' && /[十百千]$/u.test(m.raw);
}

/**
 * Every number in a text, normalised (4萬 → amount 40000, 九成 → ratio 90, 民國103年12月15日 → date 20141215),
 * with `index` and `raw` referring to the text as given. The basis of the figure guard.
 */
export function extractFigures(text: string): Figure[] {
  const mapped = normalizeWidth(text);
  return scanMentions(mapped.text).map((m) => {
    const start = mapped.origin[m.index] ?? text.length;
    const last = mapped.origin[m.end - 1] ?? start;
    const end = last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
    return { kind: m.kind, value: m.value, raw: text.slice(start, end), index: start };
  });
}

type Family = 'number' | 'percent' | 'duration' | 'days' | 'date';

function comparable(figure: Figure): { family: Family; value: number } {
  switch (figure.kind) {
    case 'percent':
    case 'ratio':
      return { family: 'percent', value: figure.value };
    case 'years':
      return { family: 'duration', value: figure.value * 12 };
    case 'months':
      return { family: 'duration', value: figure.value };
    case 'days':
      return { family: 'days', value: figure.value };
    case 'date':
      return { family: 'date', value: figure.value };
    default:
      return { family: 'number', value: figure.value };
  }
}

/**
 * Whether two figures state the same quantity: 4萬 and 40,000; 九成 and 90%; 一年 and 12個月.
 * Amounts, counts and plain numbers compare as numbers; percent and ratio share the percent unit.
 */
export function sameFigure(a: Figure, b: Figure): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x.family === y.family && Math.abs(x.value - y.value) < 1e-9 * Math.max(1, Math.abs(x.value));
}
