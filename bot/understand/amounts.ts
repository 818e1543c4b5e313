import { matchesOf, mention, type Mention } from './mention.ts';
import { BIG_UNIT_CHARS, NUMERAL, parseChineseNumber } from './numbers.ts';

/**
 * Money: 500萬, 1,200萬, 1.2億, 五百萬, NT$5,000,000, 新台幣300萬元, 3仟萬, 兩百萬.
 * A numeral is money when it has a currency sign, 元, or 萬/億/兆; a bare 5,000,000 stays a plain number.
 */
const CURRENCY = String.raw`nt\$|ntd|twd|\$|新[臺台]幣|新台币|[臺台]幣|台币`;
/** A numeral directly followed by another unit belongs to that unit (500萬8成: 8 is a ratio). */
const OTHER_UNIT = String.raw`\s*[成%趴年個个歲岁天月件家筆笔人位屆届次倍號号條条項项]`;
/**
 * A digit that starts a word is not a colloquial last digit of the amount: 「1000萬一般貸款」 is 1000萬 and 一般, where
 * 「一萬五」 is 15,000.
 */
const DIGIT_STARTS_WORD = String.raw`(?<=[一二三四五六七八九兩两])[般樣样起定直些下律致併并旦共切同半點点]`;
/** Never stop inside a run of digits (5,000,000 is not 5,000,00). */
const MID_DIGITS = String.raw`(?<=\d)(?:\d|[.,]\d)`;
const AMOUNT = new RegExp(`(?:(${CURRENCY})\\s*)?(${NUMERAL})(?!${OTHER_UNIT}|${MID_DIGITS}|${DIGIT_STARTS_WORD})(\\s*(?:元整|元|塊|块|圓))?`, 'gi');

const BIG_UNIT = new RegExp(`[${BIG_UNIT_CHARS}]`);

export function findAmounts(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of matchesOf(AMOUNT, text)) {
    const numeral = m[2] as string;
    const marked = m[1] !== undefined || m[3] !== undefined || BIG_UNIT.test(numeral);
    const value = parseChineseNumber(numeral);
    if (marked && value !== undefined) found.push(mention('amount', 'amount', value, m[0], m.index));
  }
  return found;
}

/** Parses a whole string as an amount in NT$ (a bare number is taken as NT$). */
export function parseAmount(s: string): number | undefined {
  const text = s.normalize('NFKC').trim().toLowerCase();
  const whole = new RegExp(`^(?:(?:${CURRENCY})\\s*)?(${NUMERAL})\\s*(?:元整|元|塊|块|圓)?$`, 'i').exec(text);
  return whole ? parseChineseNumber(whole[1] as string) : undefined;
}
