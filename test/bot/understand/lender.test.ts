import { describe, expect, it } from 'vitest';
import { understand } from '../../../bot/understand/index.ts';

/** The lending bank a message names, by the full name the documents write (facts.yaml choices.lender). */
describe('understand reads the lending bank by the name users call it', () => {
  it.each([
    ['我在玉山辦批保 借三百萬', '玉山商業銀行'],
    ['中信承作的批次保證費率', '中國信託商業銀行'],
    ['臺企銀送保的案子', '臺灣中小企業銀行'],
    ['我們跟合庫借的', '合作金庫商業銀行'],
    ['彰銀說要送信保', '彰化商業銀行'],
  ])('%s → %s', (text, lender) => {
    expect(understand(text).lender).toBe(lender);
  });

  it.each(['一般貸款手續費多少', '第一次申請信保', '台中的服務中心電話'])('names no bank in 「%s」', (text) => {
    expect(understand(text).lender).toBeUndefined();
  });

  it('keeps a bank named out of the case facts a message states', () => {
    expect(understand('玉山銀行拿過哪些獎').facts).toEqual({});
  });
});
