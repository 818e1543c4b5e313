import { describe, expect, it } from 'vitest';
import { rowDifference, yearCells } from '../../knowledge/quote.ts';

describe('figures read off the table rows a section quotes', () => {
  const unit = '金額單位：新臺幣百萬元';
  const header = '地區別 111年保證餘額';

  it('sets two rows of one table against each other, exactly in the figures’ decimals and the table’s unit', () => {
    expect(rowDifference([unit, `${header}：臺北市 196,703.17`, `${header}：新北市 195,826.11`])).toBe(
      '比較：臺北市 196,703.17 高於 新北市 195,826.11，相差 877.06（新臺幣百萬元）。',
    );
    expect(rowDifference([`${header}：臺北市 1.5`, `${header}：新北市 1.50`])).toBe('比較：臺北市與新北市相同（1.5）。');
    // Rows of two different tables are not compared.
    expect(rowDifference([`${header}：臺北市 1`, '行業別 保證餘額：製造業 2'])).toBeUndefined();
  });

  it('gives the cells of the years named, or the highest or lowest year of the row named, with the unit', () => {
    const quoted = ['金額單位：新臺幣億元', '年度 109年 110年 111年：新發生逾期保證金額 120 114 98', '年度 109年 110年 111年：新發生逾期率 1.02% 0.94% 0.80%'];
    expect(yearCells(quoted, { text: '110年的新發生逾期保證金額', years: [2021] })).toEqual(['110年新發生逾期保證金額：114億元', '110年新發生逾期率：0.94%']);
    expect(yearCells(quoted, { text: '新發生逾期率哪一年最低', years: [], superlative: 'least' })).toEqual(['新發生逾期率最低：111年 0.80%']);
    expect(yearCells(quoted, { text: '新發生逾期保證金額哪一年最高', years: [], superlative: 'most' })).toEqual(['新發生逾期保證金額最高：109年 120億元']);
    expect(yearCells(quoted, { text: '新發生逾期率', years: [] })).toEqual([]);
  });
});
