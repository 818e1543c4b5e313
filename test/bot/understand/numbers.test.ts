import { describe, expect, it } from 'vitest';
import { parseAmount, parseChineseNumber } from '../../../bot/understand/index.ts';
import { withArabicDecimals } from '../../../bot/understand/numbers.ts';

describe('parseChineseNumber reads numerals as people write them', () => {
  it.each([
    ['五百萬', 5_000_000],
    ['一億二千萬', 120_000_000],
    ['一億二', 120_000_000],
    ['1.2億', 120_000_000],
    ['3仟萬', 30_000_000],
    ['兩百萬', 2_000_000],
    ['一千兩百萬', 12_000_000],
    ['5百萬', 5_000_000],
    ['1億2000萬', 120_000_000],
    ['1兆1,232億', 1_123_200_000_000],
    ['一百零五', 105],
    ['十二', 12],
    ['二十五', 25],
    ['十萬', 100_000],
    ['一萬五', 15_000],
    ['三千五', 3_500],
    ['二〇一四', 2014],
    ['壹佰萬', 1_000_000],
    ['5,000,000', 5_000_000],
    ['0.395', 0.395],
    ['１２００', 1200],
    ['两百万', 2_000_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['九成五', '千萬', '萬', '', 'abc', '八成', '一百一千'])('%s is not a number', (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});

describe('parseAmount reads NT$ amounts', () => {
  it.each([
    ['500萬', 5_000_000],
    ['1,200萬', 12_000_000],
    ['1.2億', 120_000_000],
    ['五百萬', 5_000_000],
    ['一億二千萬', 120_000_000],
    ['3仟萬', 30_000_000],
    ['NT$5,000,000', 5_000_000],
    ['nt$ 5,000,000', 5_000_000],
    ['新台幣300萬元', 3_000_000],
    ['新臺幣 1 佰萬元', 1_000_000],
    ['80萬', 800_000],
    ['５００萬', 5_000_000],
    ['兩百萬', 2_000_000],
    ['一千兩百萬', 12_000_000],
    ['5百萬', 5_000_000],
    ['100萬元', 1_000_000],
    ['4萬', 40_000],
    ['40,000元', 40_000],
    ['5000000', 5_000_000],
    ['$300,000', 300_000],
  ])('%s → %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['8成', '80%', '兩年', 'abc', '萬元'])('%s is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe('withArabicDecimals writes a decimal in Chinese numerals as digits before a unit of rate, ratio or amount', () => {
  it.each([
    ['費率零點七五趴', '費率0.75趴'],
    ['收到一點五%', '收到1.5%'],
    ['借一點五億', '借1.5億'],
    ['十二點五萬', '12.5萬'],
    ['零點三九五%', '0.395%'],
  ])('%s → %s', (text, expected) => {
    expect(withArabicDecimals(text)).toBe(expected);
  });

  it.each(['九點半開會', '三點五十分', '一點五', '重點五項'])('leaves %s as written (no unit after it)', (text) => {
    expect(withArabicDecimals(text)).toBe(text);
  });
});
