import { describe, expect, it } from 'vitest';
import { parseDate, parsePeriod, parseRatio, understand } from '../../../bot/understand/index.ts';

describe('parseRatio gives percent', () => {
  it.each([
    ['8成', 80],
    ['80%', 80],
    ['九成五', 95],
    ['9.5成', 95],
    ['保八成', 80],
    ['最高九成', 90],
    ['十成', 100],
    ['五成', 50],
    ['2成5', 25],
    ['百分之八十', 80],
    ['0.395%', 0.395],
    ['８０％', 80],
  ])('%s → %d', (text, value) => {
    expect(parseRatio(text)).toBe(value);
  });

  it.each(['成立', '500萬', '十一成', '80'])('%s is not a ratio', (text) => {
    expect(parseRatio(text)).toBeUndefined();
  });
});

describe('parsePeriod gives months, or days when written in days', () => {
  it.each([
    ['6個月', { months: 6 }],
    ['兩年', { months: 24 }],
    ['18個月', { months: 18 }],
    ['一年半', { months: 18 }],
    ['半年', { months: 6 }],
    ['90天', { days: 90 }],
    ['1年', { months: 12 }],
    ['4年半', { months: 54 }],
    ['三個半月', { months: 3.5 }],
    ['十八個月', { months: 18 }],
    ['两年', { months: 24 }],
    ['一季', { months: 3 }],
    ['兩季', { months: 6 }],
    ['每個月', { months: 1 }],
    ['每季', { months: 3 }],
  ])('%s → %o', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(['年度', '103年度', '500萬', '季度', '每月份'])('%s is not a period', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('reads a fee per month or quarter as that period, unless the message names a term', () => {
    expect(understand('換算成每個月多少').facts.periodMonths).toBe(1);
    expect(understand('那每季要繳多少').facts.periodMonths).toBe(3);
    expect(understand('借三年 每個月要繳多少').facts.periodMonths).toBe(36);
    expect(understand('保費按月攤的話一個月多少').facts.periodMonths).toBe(1);
    expect(understand('按季算要繳多少').facts.periodMonths).toBe(3);
    // (A loan repaid monthly says nothing of the fee's period.)
    expect(understand('貸款按月攤還 保證金額100萬 一年手續費').facts.periodMonths).toBe(12);
  });
});

describe('parseDate reads ISO, slashed and ROC dates', () => {
  it.each([
    ['2014-12-15', '2014-12-15'],
    ['2014/12/15', '2014-12-15'],
    ['103年12月15日', '2014-12-15'],
    ['民國103年12月1日', '2014-12-01'],
    ['中華民國103年11月5日', '2014-11-05'],
    ['103/12/15', '2014-12-15'],
    ['2014年12月15日', '2014-12-15'],
    ['民國一百零三年十二月十五日', '2014-12-15'],
    ['100年1月1日', '2011-01-01'],
    ['103年12/15', '2014-12-15'],
    ['民國103年 12/1', '2014-12-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['2014/13/01', '103年2月30日', '民國103年', '12/12', '103年2/30'])('%s is not a complete valid date', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('durations of years and months together', () => {
  it.each([
    ['借兩年又三個月', { periodMonths: 27 }],
    ['公司設立4年11個月', { businessAgeMonths: 59 }],
  ])('%s → %o', (message, facts) => {
    expect(understand(message).facts).toMatchObject(facts);
  });

  it('does not read 哪一年 as a duration', () => {
    const { facts } = understand('這個計畫是哪一年核定的？');
    expect(facts.periodMonths).toBeUndefined();
    expect(facts.businessAgeMonths).toBeUndefined();
  });
});

describe('whose date a date is', () => {
  it('reads the date a business was founded, not an application date', () => {
    const u = understand('我們公司民國107年3月設立');
    expect(u.facts.foundedDate).toBe('2018-03-01');
    expect(u.facts.applicationDate).toBeUndefined();
  });

  it('does not take the date of a letter or an announcement for a date of the case', () => {
    const u = understand('110年3月2日公告的措施現在還有效嗎');
    expect(u.facts.applicationDate).toBeUndefined();
    expect(understand('民國112年4月1日申請一般貸款').facts.applicationDate).toBe('2023-04-01');
  });
});

describe('a superlative is a table row, not a maximum asked of a rule', () => {
  it.each([
    ['青創最多可以保幾成', undefined],
    ['最高可以借多少錢', undefined],
    ['哪一家銀行的保證餘額最多', 'most'],
    ['哪個縣市最少', 'least'],
  ])('%s → %s', (text, superlative) => {
    expect(understand(text).modifiers.superlative).toBe(superlative);
  });
});

describe('places in a ranking', () => {
  it.each([
    ['保證餘額前三名是哪幾家', { from: 1, to: 3 }],
    ['那第四名呢', { from: 4, to: 4 }],
    ['排第二跟第三的縣市', { from: 2, to: 3 }],
    ['依第19條規定', undefined],
    ['第13屆董事有誰', undefined],
  ])('%s', (text, rank) => {
    expect(understand(text).modifiers.rank).toEqual(rank);
  });
});

describe("a year's end", () => {
  it('is the last day of the year, a date of the case only with its word', () => {
    expect(understand('我們在112年底申請了一般貸款').facts.applicationDate).toBe('2023-12-31');
    expect(understand('110年底的保證餘額').facts.applicationDate).toBeUndefined();
  });
});

describe('years a question names', () => {
  it.each([
    ['111年跟110年比', [2022, 2021]],
    ['2021 and ROC 109', [2021, 2020]],
    ['How did the balance change from ROC year 110 to year 111?', [2021, 2022]],
    // (A four-digit Gregorian year, an amount or an age is no ROC year.)
    ['In 2022, how many years can I borrow for? I am 45 years old', [2022]],
    ['the year 2023', [2023]],
  ])('%s', (text, years) => {
    expect(understand(text).years).toEqual(years);
  });
});

describe('a share read off a table is no fact of the case', () => {
  it('reads a percentage written to two decimals as a reported share, not a guarantee ratio', () => {
    expect(understand('年報裡結構比27.33%的是什麼保證項目').facts.guaranteeRatio).toBeUndefined();
    expect(understand('貸款500萬保證92.5%').facts.guaranteeRatio).toBe(92.5);
    expect(understand('保80%一年手續費').facts.guaranteeRatio).toBe(80);
  });

  it('does not read 「怎麼還會」 (how come still) as a repayment question', () => {
    expect(understand('信保基金那兩年怎麼還會有賸餘').asks).not.toContain('repayment');
    expect(understand('青創貸款要怎麼還').asks).toContain('repayment');
  });
});
