import { describe, expect, it } from 'vitest';
import { rowsNamed } from '../../knowledge/named-rows.ts';
import { shippedSources } from '../support/bot.ts';

const label = (row: { cells?: { row: string[] } }) => (row.cells?.row ?? []).find((cell, i, all) => /^[\d,.]+%?$/.test(all[i + 1] ?? '') && !/^[\d,.]+%?$/.test(cell)) ?? '';

describe('rows of the statistics tables a question names, in any table', () => {
  it('reads a label whole, by its end, or by its beginning and end with rare pairs between', async () => {
    const { knowledge } = await shippedSources();
    expect(rowsNamed(knowledge, '履約保證跟交通部觀光局振興觀光產業融資').map(label)).toEqual(['履約保證', '交通部觀光局振興觀光產業融資']);
    expect(rowsNamed(knowledge, '小頭家貸款').map(label)).toEqual(['企業小頭家貸款']);
    expect(rowsNamed(knowledge, '經濟部紓困振興貸款').map(label)).toEqual(['經濟部對受嚴重特殊傳染性肺炎影響發生營運困難事業資金紓困振興貸款']);
    // (The end of many labels, 「保證措施」, or a place's loan under a category column, are read as they should be.)
    expect(rowsNamed(knowledge, '保證措施')).toEqual([]);
    expect(rowsNamed(knowledge, '臺北市中小企業融資貸款').map(label)).toEqual(['臺北市中小企業融資貸款']);
  });

  it('reads one row for each programme, by the longest of its names', async () => {
    const { knowledge } = await shippedSources();
    const youth = ['青年創業貸款', '青年創業及啟動金貸款', '青年創業', '青創'];
    expect(rowsNamed(knowledge, '青創', [youth]).map(label)).toEqual(['青年創業及啟動金貸款']);
  });
});
