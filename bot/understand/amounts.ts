import { matchesOf, mention, type Mention } from './mention.ts';
import { BIG_UNIT_CHARS, NUMERAL, parseChineseNumber } from './numbers.ts';

/**
 * Money: 500萬, 1,200萬, 1.2億, 五百萬, NT$5,000,000, 新台幣300萬元, 3仟萬, 兩百萬.
 * A numeral is money when it has a currency sign, 元, or 萬/億/兆; a bare 5,000,000 stays a plain number.
 */
const CURRENCY = String.raw`nt\$|ntd|twd|\$|新[臺台]幣|新台币|[臺台]幣|台币`;
/**
 * A numeral directly followed by another unit belongs to that unit (500萬8成: 8 is a ratio). After 萬 or 億 only a unit
 * right beside it does (1萬件); one after a space starts the next words (「240萬 年費率」). 成數 is a word, not a unit.
 * A counting word makes a count: 「青創貸款一案 八百萬」 is one case of 800萬, not 1萬.
 */
const OTHER_UNIT = String.raw`(?:(?<![萬万億亿兆])\s*|(?<=[萬万億亿兆]))(?:成(?![數数])|[%趴年個个歲岁天月件家筆笔人位屆届次倍號号條条項项案宗戶户張张份])`;
/**
 * A digit that starts a word is not a colloquial last digit of the amount: 「1000萬一般貸款」 is 1000萬 and 一般, where
 * 「一萬五」 is 15,000.
 */
const DIGIT_STARTS_WORD = String.raw`(?<=[一二三四五六七八九兩两])[般樣样起定直些下律致併并旦共切同半點点]`;
/** Never stop inside a run of digits (5,000,000 is not 5,000,00). */
const MID_DIGITS = String.raw`(?<=\d)(?:\d|[.,]\d)`;
/** 「那一塊」「這一筆」: 一 after a demonstrative is "that one", not a figure (「每一百萬」「那一千萬」 are: a unit follows). */
const DEMONSTRATIVE_ONE = String.raw`(?!(?<=[那這哪每某同])一(?![十百千萬万億亿]))`;
const AMOUNT = new RegExp(`(?:(${CURRENCY})\\s*)?${DEMONSTRATIVE_ONE}(${NUMERAL})(?!${OTHER_UNIT}|${MID_DIGITS}|${DIGIT_STARTS_WORD})(\\s*(?:元整|元|塊|块|圓))?`, 'gi');

const BIG_UNIT = new RegExp(`[${BIG_UNIT_CHARS}]`);
const HAN_DIGIT = /[零〇一二兩两三四五六七八九十百佰千仟]/;
const WAN = 10_000;
/** A column's unit in brackets: （萬元）, (單位：萬), (新臺幣萬元). */
const UNIT_LABEL = String.raw`[（(](?:單位[:：]?)?(?:新[臺台]幣)?[萬万]元?[)）]`;
const UNIT_LABEL_BEFORE = new RegExp(`${UNIT_LABEL}[:：]? ?$`);
const UNIT_LABEL_AFTER = new RegExp(`^ ?${UNIT_LABEL}`);

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

/** A numeral with no unit of its own after it (what 「借兩百五」 ends with). */
const UNITLESS = new RegExp(`(${NUMERAL})(?![零〇一二兩两三四五六七八九十百佰千仟]|${OTHER_UNIT}|${MID_DIGITS}|${DIGIT_STARTS_WORD}|\\s*(?:元|塊|块|圓|[${BIG_UNIT_CHARS}]))`, 'g');

/**
 * 「借兩百五」「貸款 500 B組」「兩百五 一般貸款」: a number with no unit right after a borrowing word, or opening the
 * message, is an amount said without its 萬 (domain/registry/roles.yaml `unit_omitted`). It replaces the plain number
 * found there; other figures stay.
 */
export function withUnitOmittedAmounts(
  text: string,
  mentions: Mention[],
  rule: { after: RegExp; unit: number; below: number; opening?: boolean; standalone?: boolean } | undefined,
): Mention[] {
  if (!rule) return mentions;
  const added: Mention[] = [];
  for (const m of matchesOf(UNITLESS, text)) {
    const value = parseChineseNumber(m[1] as string);
    if (value === undefined || value <= 0 || value >= rule.below) continue;
    // (「0206 花蓮地震」: digits led by a zero are a code or a day, never an amount.)
    if (/^0\d/u.test(m[1] as string)) continue;
    const end = m.index + m[0].length;
    // (「借十幾萬」「借個幾十」: a rough number is no amount.)
    if (text[end] === '幾' || text[m.index - 1] === '幾') continue;
    // 「一千二 一般貸款 保8成」: a number opening a message, before anything else is said, is the amount too. (Not one
    // that begins a word: 「八八風災」 names the typhoon.)
    // (Nor one of a range of bare numbers, 「107~111這五年的…」: years of the Republic, or a span, not a sum.)
    const ranged = /^\s*[~〜～\-至到]\s*\d/u.test(text.slice(end));
    const opens = rule.opening === true && value >= 10 && !ranged && text.slice(0, m.index).trim() === '' && !/^\p{Script=Han}/u.test(text.slice(end));
    // 「貸款金額（萬元）：四百五十」「金額陸佰(單位萬)」: a form's unit in brackets says 萬 outright.
    const labelled = UNIT_LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) || UNIT_LABEL_AFTER.test(text.slice(end));
    // 「一般貸款C組 一千二 保八成」: a number in Chinese numerals standing alone between the figures of a parameter line.
    const alone = rule.standalone === true && value >= 10 && HAN_DIGIT.test(m[1] as string) && /(?:^|\s)$/.test(text.slice(0, m.index)) && /^(?:\s|$)/.test(text.slice(end));
    // (「金額：四百五十」: a label's colon stands between the word and its figure.)
    if (!labelled && !opens && !alone && !rule.after.test(text.slice(Math.max(0, m.index - 9), m.index).replace(/[:：]\s*$/, ''))) continue;
    if (mentions.some((o) => o.unit !== 'plain' && o.index < end && m.index < o.end)) continue;
    added.push(mention('amount', 'amount', value * (labelled ? WAN : rule.unit), m[0], m.index));
  }
  if (added.length === 0) return mentions;
  const kept = mentions.filter((o) => !added.some((a) => o.index < a.end && a.index < o.end));
  return [...kept, ...added].sort((a, b) => a.index - b.index);
}
