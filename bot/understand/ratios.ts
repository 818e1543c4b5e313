import { matchesOf, mention, type Mention } from './mention.ts';
import { NUMERAL, parseChineseNumber, tidy } from './numbers.ts';

/**
 * Percentages (80%, 0.395%, 百分之八十, 0.75%~1.5%) and 成 (8成, 九成五, 9.5成, 十成, 2成5, 8成半), both in percent:
 * 九成五 → 95, 8成半 → 85 (but 「7成半年」 is 7成 for half a year). A range head (8~9成, 0.75~1.5%) takes the unit of its tail.
 */
const RANGE = String.raw`\s*[~〜～\-至到]\s*`;
const DECIMAL = String.raw`\d+(?:\.\d+)?`;
const PERCENT = new RegExp(`(?<![\\d.])(?:(${DECIMAL})(?:\\s*(?:%|趴))?${RANGE})?(${DECIMAL})\\s*(?:%|趴|percent)`, 'dg');
const PERCENT_WORDS = new RegExp(`百分之\\s*(${NUMERAL})`, 'g');

const TENTHS = '\\d+(?:\\.\\d+)?|[一二三四五六七八九十兩]{1,2}';
/** 成 in 成立, 成長, 成本 … is not a ratio. */
const NOT_RATIO = '立|長|长|功|本|員|员|績|绩|交|果|效|為|为|熟|年|人|份|分|就(?![好行夠可])|品|型|都|數|数';
const TENTHS_RATIO = new RegExp(
  `(?<![\\d.])(?!(?<=[千仟百佰])[一二三四五六七八九十兩])(?:(${TENTHS})(?:\\s*成)?${RANGE})?(${TENTHS})\\s*成(?!${NOT_RATIO})(?:([一二三四五六七八九]|\\d)(?![\\d萬万億亿千仟百佰年個个歲岁月天成%])|(半)(?![年個个月天]))?`,
  'dg',
);

function tenths(numeral: string): number | undefined {
  const value = parseChineseNumber(numeral);
  return value === undefined || value > 10 ? undefined : tidy(value * 10);
}

export function findPercents(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of matchesOf(PERCENT, text)) {
    const tailIndex = (m.indices?.[2] as [number, number])[0];
    if (m[1] !== undefined) found.push(mention('percent', 'percent', Number(m[1]), m[1], m.index));
    found.push(mention('percent', 'percent', Number(m[2]), text.slice(tailIndex, m.index + m[0].length), tailIndex));
  }
  for (const m of matchesOf(PERCENT_WORDS, text)) {
    const value = parseChineseNumber(m[1] as string);
    if (value !== undefined) found.push(mention('percent', 'percent', value, m[0], m.index));
  }
  return found;
}

export function findTenths(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of matchesOf(TENTHS_RATIO, text)) {
    const whole = tenths(m[2] as string);
    if (whole === undefined) continue;
    const extra = m[4] !== undefined ? 5 : m[3] === undefined ? 0 : (parseChineseNumber(m[3]) ?? 0);
    const value = tidy(whole + extra);
    if (value > 100) continue;
    const tailOffset = (m.indices?.[2] as [number, number])[0] - m.index;
    if (m[1] !== undefined) {
      const head = tenths(m[1]);
      if (head !== undefined) found.push(mention('ratio', 'ratio', head, m[1], m.index));
    }
    found.push(mention('ratio', 'ratio', value, m[0].slice(tailOffset), m.index + tailOffset));
  }
  return found;
}

/** Parses a whole string as a ratio in percent: 8成 → 80, 九成五 → 95, 9.5成 → 95, 80% → 80, 保八成 → 80. */
export function parseRatio(s: string): number | undefined {
  const text = s.normalize('NFKC').trim().replace(/^(?:保證?|最高|最多|可保)+/, '');
  const found = [...findTenths(text), ...findPercents(text)];
  const whole = found.find((m) => m.index === 0 && m.raw.length === text.length);
  return whole?.value;
}
