import { describe, expect, it } from 'vitest';
import { extractFigures, sameFigure, type Figure } from '../../../bot/understand/index.ts';

const brief = (text: string) => extractFigures(text).map((f) => [f.kind, f.value, f.raw]);

describe('extractFigures finds every figure of a generated answer', () => {
  it.each<[string, Array<[Figure['kind'], number, string]>]>([
    [
      '保證手續費 40,000 元（5,000,000 × 80% × 1.00% × 12/12）',
      [
        ['amount', 40_000, '40,000 元'],
        ['plain', 5_000_000, '5,000,000'],
        ['percent', 80, '80%'],
        ['percent', 1, '1.00%'],
        ['plain', 12, '12'],
        ['plain', 12, '12'],
      ],
    ],
    ['最高九成', [['ratio', 90, '九成']]],
    ['1.2億元', [['amount', 120_000_000, '1.2億元']]],
    ['民國103年12月15日', [['date', 20141215, '民國103年12月15日']]],
    ['0800-089-921', [['plain', 800089921, '0800-089-921']]],
    ['第13屆', [['count', 13, '第13屆']]],
    ['費率0.75%~1.5%', [['percent', 0.75, '0.75'], ['percent', 1.5, '1.5%']]],
    ['年齡20歲至45歲', [['years', 20, '20'], ['years', 45, '45歲']]],
    ['8~9成', [['ratio', 80, '8'], ['ratio', 90, '9成']]],
    ['九成五', [['ratio', 95, '九成五']]],
    ['新臺幣 1 億元', [['amount', 100_000_000, '新臺幣 1 億元']]],
    ['1兆1,232億元', [['amount', 1_123_200_000_000, '1兆1,232億元']]],
    ['保證件數324,206件', [['count', 324_206, '324,206件']]],
    ['電話：02-23214261，分機：283', [['plain', 223214261, '02-23214261'], ['plain', 283, '283']]],
    ['自103年12月15日起至104年12月31日止', [['date', 20141215, '103年12月15日'], ['date', 20151231, '104年12月31日']]],
    ['民國63年推出', [['date', 19740000, '民國63年']]],
    ['2022年', [['date', 20220000, '2022年']]],
    ['最長以一年為限', [['years', 1, '一年']]],
    ['一年半', [['years', 1.5, '一年半']]],
    ['6個月', [['months', 6, '6個月']]],
    ['申請期限為4個月', [['months', 4, '4個月']]],
    ['90天', [['days', 90, '90天']]],
    ['借500萬保8成', [['amount', 5_000_000, '500萬'], ['ratio', 80, '8成']]],
    ['4萬', [['amount', 40_000, '4萬']]],
    ['3,000萬', [['amount', 30_000_000, '3,000萬']]],
    ['相對資金之20倍', [['count', 20, '20倍']]],
    ['統一發票與一般貸款', []],
    ['２０１４／１２／１５', [['date', 20141215, '２０１４／１２／１５']]],
    ['0.5%', [['percent', 0.5, '0.5%']]],
    ['百分之八十', [['percent', 80, '百分之八十']]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('reports positions in the text as given, full-width characters included', () => {
    const text = '手續費為４萬元，保證９成。';
    const figures = extractFigures(text);
    expect(figures.map((f) => text.slice(f.index, f.index + f.raw.length))).toEqual(['４萬元', '９成']);
    expect(figures.map((f) => f.value)).toEqual([40_000, 90]);
  });
});

describe('sameFigure compares quantities across writings', () => {
  const only = (text: string) => extractFigures(text)[0] as Figure;

  it.each([
    ['4萬', '40,000'],
    ['4萬元', '40,000元'],
    ['九成', '90%'],
    ['一年', '12個月'],
    ['民國103年12月15日', '2014-12-15'],
    ['1.2億元', '120,000,000元'],
    ['0800-089-921', '0800089921'],
  ])('%s equals %s', (a, b) => {
    expect(sameFigure(only(a), only(b))).toBe(true);
  });

  it.each([
    ['4萬', '400,000'],
    ['九成', '9%'],
    ['一年', '1天'],
    ['80%', '80萬'],
  ])('%s differs from %s', (a, b) => {
    expect(sameFigure(only(a), only(b))).toBe(false);
  });
});
