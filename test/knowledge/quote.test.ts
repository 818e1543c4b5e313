import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { passageCatalogue } from '../../knowledge/passages.ts';
import { readableQuote, rowDifference, rowsJoined, shownRowShare, shownRowsDifference, shownRowsSum, yearCells } from '../../knowledge/quote.ts';
import { frontMatter, writeKnowledgeDir } from './fixtures.ts';

describe('figures read off the table rows a section quotes', () => {
  const unit = '金額單位：新臺幣百萬元';
  const header = '地區別 111年保證餘額';

  it('sets two rows of one table against each other, exactly in the figures’ decimals and the table’s unit', () => {
    expect(rowDifference([unit, `${header}：臺北市 196,703.17`, `${header}：新北市 195,826.11`])).toBe(
      '比較：臺北市 196,703.17（約 1,967.03億元） 高於 新北市 195,826.11（約 1,958.26億元），相差 877.06（新臺幣百萬元，約 8.77億元）。',
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

  it('gives both ends of a row and what lies between them, within the years named', () => {
    const quoted = ['金額單位：新臺幣億元', '年度 108年 109年 110年 111年：新發生逾期率 0.94% 0.67% 1.12% 1.23%'];
    expect(yearCells(quoted, { text: '新發生逾期率最高和最低差多少', years: [], bothEnds: true, difference: true })).toEqual([
      '新發生逾期率最高：111年 1.23%',
      '新發生逾期率最低：109年 0.67%',
      '新發生逾期率最高與最低相差：1.23% − 0.67% ＝ 0.56 個百分點',
    ]);
    // (Both ends without a difference asked: no difference line.)
    expect(yearCells(quoted, { text: '新發生逾期率最高和最低', years: [], bothEnds: true })).toHaveLength(2);
    // (「108到110年哪一年最高」: the years named bound the columns.)
    expect(yearCells(quoted, { text: '新發生逾期率108到110年哪一年最高', years: [2019, 2021], superlative: 'most' })).toEqual(['新發生逾期率最高：110年 1.12%']);
  });

  it('reads a table headed 「98 年度」 from its cells, the total row when no row is named, and sums the years named', () => {
    const header = ['推動重點', '98 年度', '99 年度', '100 年度', '合計'];
    const rows: Record<string, string[]> = {
      a: ['(經常門) 補貼貸款展延息', '82,800', '248,500', '226,000', '557,300'],
      b: ['(經常門) 融資協助及補貼', '54,402', '157,500', '54,244', '266,146'],
      t: ['合計', '137,202', '406,000', '280,244', '823,446'],
    };
    const cellsOf = (text: string) => (rows[text] ? { header, row: rows[text]! } : undefined);
    const quoted = ['金額單位：新台幣千元', 'a', 'b', 't'];
    expect(yearCells(quoted, { text: '經費哪一年最少', years: [], superlative: 'least' }, cellsOf)).toEqual(['合計最低：98年度 137,202新台幣千元']);
    expect(yearCells(quoted, { text: '補貼貸款展延息哪一年最多', years: [], superlative: 'most' }, cellsOf)).toEqual(['(經常門) 補貼貸款展延息最高：99年度 248,500新台幣千元']);
    expect(yearCells(quoted, { text: '99跟100年加起來', years: [2010, 2011], total: true }, cellsOf)).toEqual([
      '99年度合計：406,000新台幣千元',
      '100年度合計：280,244新台幣千元',
      '合計：99年度 406,000 ＋ 100年度 280,244 ＝ 686,244新台幣千元',
    ]);
  });

  it('gives the change between two years of the row named, exactly, an amount also as a share, a rate in percentage points', () => {
    const quoted = ['金額單位：新臺幣億元', '年度 109年 110年 111年：新發生逾期保證金額 120 114 98.5', '年度 109年 110年 111年：新發生逾期率 1.02% 0.94% 0.80%'];
    expect(yearCells(quoted, { text: '111年的新發生逾期保證金額比109年少多少', years: [2022, 2020] })).toContain('新發生逾期保證金額：111年較109年減少 21.5億元（98.5 對 120，減少 17.92%）');
    expect(yearCells(quoted, { text: '新發生逾期率110年跟109年差多少', years: [2021, 2020] })).toEqual([
      '110年新發生逾期保證金額：114億元',
      '109年新發生逾期保證金額：120億元',
      '110年新發生逾期率：0.94%',
      '109年新發生逾期率：1.02%',
      '新發生逾期率：110年較109年減少 0.08 個百分點（0.94% 對 1.02%）',
    ]);
    // (Three years asked, or a row not named: no change is worked out.)
    expect(yearCells(quoted, { text: '新發生逾期率109年110年111年', years: [2020, 2021, 2022] }).some((line) => line.includes('較'))).toBe(false);
    expect(yearCells(quoted, { text: '110年跟109年呢', years: [2021, 2020] }).some((line) => line.includes('較'))).toBe(false);
    // (Each row named by what tells it from the other, 金額 and 逾期率, is worked out.)
    const both = yearCells(quoted, { text: '新發生逾期 111年比110年 金額增加幾億？逾期率增加多少', years: [2022, 2021] });
    expect(both).toContain('新發生逾期保證金額：111年較110年減少 15.5億元（98.5 對 114，減少 13.60%）');
    expect(both).toContain('新發生逾期率：111年較110年減少 0.14 個百分點（0.80% 對 0.94%）');
  });

  it('reads a quoted table row cell by cell under its column names, a count column with its unit', async () => {
    const id = 'batch-guarantee-revision-2014';
    const dir = await writeKnowledgeDir({
      [`${id}.md`]: [frontMatter(id), '', '## 得獎家數', '', '| 獎項 | 得獎企業家數 (A) | 參賽總數 (B) | 比率 |', '|---|---|---|---|', '| 創新獎 | 12 | 30 | 40% |', ''].join('\n'),
      'answer-kinds.yaml': await readFile('knowledge/documents/answer-kinds.yaml', 'utf8'),
    });
    const knowledge = await loadKnowledge(dir);
    const section = knowledge.sections.find((s) => s.heading === '得獎家數')!;
    const row = passageCatalogue(knowledge).sections.get(section.id)!.passages.find((p) => p.kind === 'row')!;
    expect(readableQuote(knowledge, section.id, row.text)).toBe('創新獎：得獎企業家數 (A) 12 家；參賽總數 (B) 30；比率 40%');
    expect(readableQuote(knowledge, section.id, `第1名 ${row.text}`)).toBe('第1名 創新獎：得獎企業家數 (A) 12 家；參賽總數 (B) 30；比率 40%');
    expect(readableQuote(knowledge, section.id, '三、公告代償上限計提率設定為 1.25%')).toBe('三、公告代償上限計提率設定為 1.25%');
  });
});

describe('two rows of one table, each quoted apart as an answer shows them', () => {
  const caption = '「※項目別（金額單位：新臺幣百萬元）」';
  it('compares their first figures and their shares, in the caption’s unit', () => {
    expect(shownRowsDifference([caption, '「一般貸款：保證餘額：金額 249,345.65；保證餘額：結構比 18.41%」', '「購料週轉融資：保證餘額：金額 45,020.12；保證餘額：結構比 3.32%」'])).toBe(
      '比較：一般貸款 249,345.65（約 2,493.46億元） 高於 購料週轉融資 45,020.12（約 450.2億元），相差 204,325.53（百萬元，約 2,043.26億元）；占比 18.41% 與 3.32% 相差 15.09 個百分點。',
    );
  });
  it('compares nothing when the rows have different columns, or there are not two', () => {
    expect(shownRowsDifference(['「一般貸款：保證餘額：金額 249,345.65」', '「臺北市：111年保證餘額 196,703.17；111年結構比 15.88%」'])).toBeUndefined();
    expect(shownRowsDifference(['「一般貸款：保證餘額：金額 249,345.65」'])).toBeUndefined();
  });
  it('sums the rows quoted, figures and shares exactly, leaving out a total row and rows of other columns', () => {
    const caption = '「※金融機構別（金額單位：新臺幣百萬元）」';
    const rows = ['「第1名 臺灣企銀：保證餘額 210,706.10；結構比 15.56%」', '「第2名 合庫商銀：保證餘額 189,539.38；結構比 14.00%」', '「第3名 第一商銀：保證餘額 186,782.71；結構比 13.79%」'];
    expect(shownRowsSum([caption, ...rows])).toBe(
      '合計：臺灣企銀 210,706.10 ＋ 合庫商銀 189,539.38 ＋ 第一商銀 186,782.71 ＝ 587,028.19（百萬元，約 5,870.28億元）；占比 15.56% ＋ 14.00% ＋ 13.79% ＝ 43.35%。',
    );
    expect(shownRowsSum([caption, rows[0]!, '「合計：保證餘額 1,354,176.21；結構比 100.00%」'])).toBeUndefined();
    // (Programmes named by nicknames add their own rows only, not a third row quoted beside them.)
    const items = ['「青年創業及啟動金貸款：保證餘額 67,327.91；結構比 4.97%」', '「青年築夢創業啟動金貸款：保證餘額 6.11；結構比 0.00%」', '「勞動部微型創業鳳凰貸款：保證餘額 1,630.84；結構比 0.12%」'];
    const programmes = [['青創', '青年創業貸款', '青年創業'], ['鳳凰', '微型創業鳳凰貸款', '創業鳳凰']];
    expect(shownRowsSum(items, '青創跟鳳凰加起來多少', { programmes })).toBe('合計：青年創業及啟動金貸款 67,327.91 ＋ 勞動部微型創業鳳凰貸款 1,630.84 ＝ 68,958.75；占比 4.97% ＋ 0.12% ＝ 5.09%。');
    expect(shownRowsSum(items)).toContain('＝ 68,964.86');
    expect(shownRowsSum([rows[0]!, '「臺北市：111年保證餘額 196,703.17」'])).toBeUndefined();
    expect(shownRowsSum([rows[0]!])).toBeUndefined();
  });
  it('sums the rows a question names beside the total row, and sets the sum against a row named after 比', () => {
    const caption = '「※行業別（金額單位：新臺幣百萬元）」';
    const lines = [caption, '「製造業：111 年保證餘額 340,832.71；111 年結構比 25.17%」', '「營建工程業：111 年保證餘額 159,094.88；111 年結構比 11.75%」', '「批發零售業：111 年保證餘額 495,659.15；111 年結構比 36.60%」', '「合計：111 年保證餘額 1,354,176.21；111 年結構比 100.00%」'];
    expect(shownRowsSum(lines, '營建工程業跟批發零售業加起來多少')).toBe('合計：營建工程業 159,094.88 ＋ 批發零售業 495,659.15 ＝ 654,754.03（百萬元，約 6,547.54億元）；占比 11.75% ＋ 36.60% ＝ 48.35%。');
    const words = { setAgainst: ['比', '超過'], sumJoiners: ['加', '+'], aliases: [['臺南', '雲嘉南'], ['彰銀', '彰化商銀']] };
    expect(shownRowsSum(lines, '製造業+營建工程業兩個加起來多少 有沒有比批發零售業還多', words)).toBe(
      '合計：製造業 340,832.71 ＋ 營建工程業 159,094.88 ＝ 499,927.59（百萬元，約 4,999.28億元）；占比 25.17% ＋ 11.75% ＝ 36.92%。\n比較：合計 499,927.59 高於 批發零售業 495,659.15，相差 4,268.44（百萬元，約 42.68億元）。',
    );
    // (A total asked, naming fewer than two rows: the total row quoted is the answer; nothing is added.)
    expect(shownRowsSum(lines, '111年行業別保證餘額合計多少')).toBeUndefined();
    expect(shownRowsSum(lines, '製造業合計多少')).toBeUndefined();
    // (With no words setting a row against the sum, every row named is added.)
    expect(shownRowsSum(lines, '製造業+營建工程業加起來 有沒有比批發零售業還多')).toMatch(/^合計：製造業 340,832.71 ＋ 營建工程業 159,094.88 ＋ 批發零售業 495,659.15 ＝/u);
  });
  it('gives a named row’s share of the total row when the table has no share column (each row’s 合計 cell first)', () => {
    const lines = ['「金額單位：新台幣千元」', '「(經常門) 補貼貸款展延息：98 年度 82,800；合計 723,500」', '「(資本門) 捐助信保基金：98 年度 450,000；合計 450,000」', '「合計：98 年度 587,202；合計 1,483,263」'];
    expect(shownRowShare(lines, '捐助信保基金的錢佔了幾%')).toBe('占比：(資本門) 捐助信保基金 450,000 ÷ 合計 1,483,263 ＝ 30.34%。');
    // (A bracket before a label names nothing by itself; two rows named, or none, give no share.)
    expect(shownRowShare(lines, '經費佔了幾%')).toBeUndefined();
    expect(shownRowShare(lines, '補貼貸款展延息跟捐助信保基金佔了幾%')).toBeUndefined();
    // (A table with its own share column is read as it is.)
    expect(shownRowShare(['「臺北市：111年保證餘額 196,703.17；111年結構比 15.88%」', '「合計：111年保證餘額 1,238,627.84；111年結構比 100.00%」'], '臺北市佔幾%')).toBeUndefined();
  });

  it('reads rows named by their other names, joined by 加, or set against the sum after 超過', () => {
    const words = { setAgainst: ['比', '超過'], sumJoiners: ['加', '+'], aliases: [['臺南', '雲嘉南'], ['彰銀', '彰化商銀'], ['臺中']] };
    const places = ['「※地區別（金額單位：新臺幣百萬元）」', '「臺北市：111年保證餘額 196,703.17；111年結構比 15.88%」', '「臺中市：111年保證餘額 176,766.89；111年結構比 14.27%」', '「臺南市：111年保證餘額 99,621.73；111年結構比 8.04%」'];
    expect(rowsJoined(places, '臺中市加臺南市的保證餘額', words)).toBe(true);
    expect(rowsJoined(places, '臺中市跟臺南市哪個多', words)).toBe(false);
    expect(shownRowsSum(places, '台中加台南 有沒有超過臺北市？超過多少', words)).toBe(
      '合計：臺中市 176,766.89 ＋ 臺南市 99,621.73 ＝ 276,388.62（百萬元，約 2,763.89億元）；占比 14.27% ＋ 8.04% ＝ 22.31%。\n比較：合計 276,388.62 高於 臺北市 196,703.17，相差 79,685.45（百萬元，約 796.85億元）。',
    );
    const banks = ['「臺灣銀行：保證餘額 84,756.17；結構比 6.26%」', '「彰化商銀：保證餘額 78,925.61；結構比 5.83%」', '「土地銀行：保證餘額 65,752.85；結構比 4.86%」'];
    // (「彰銀」 names 彰化商銀; the group's other names alone, 「雲嘉南」, name no row.)
    expect(shownRowsSum(banks, '臺灣銀行跟彰銀加起來', words)).toMatch(/^合計：臺灣銀行 84,756.17 ＋ 彰化商銀 78,925.61 ＝ 163,681.78/u);
    expect(rowsJoined(places, '臺北市加雲嘉南', words)).toBe(false);
    expect(rowsJoined(places, '臺北市加臺南', words)).toBe(true);
    // (A label's 及 may be left out: 「住宿餐飲業」 is 「住宿及餐飲業」.)
    const industries = ['「住宿及餐飲業：111 年保證餘額 68,102.34；111 年結構比 5.03%」', '「運輸及倉儲業：111 年保證餘額 51,694.94；111 年結構比 3.82%」', '「營建工程業：111 年保證餘額 159,094.88；111 年結構比 11.75%」'];
    expect(shownRowsSum(industries, '住宿餐飲業加上運輸倉儲業 有沒有比營建工程業多', words)).toContain('相差 39,297.60');
  });
});
