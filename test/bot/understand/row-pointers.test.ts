import { describe, expect, it } from 'vitest';
import { withRowPointedAt } from '../../../bot/understand/follow-up.ts';

describe('a word pointing back at the one row an answer gave', () => {
  it.each([
    ['它佔全部多少%', '臺灣企銀佔全部多少%'],
    ['那它的保證餘額是多少', '那臺灣企銀的保證餘額是多少'],
    ['那家的結構比呢', '臺灣企銀的結構比呢'],
    ['该行的结构比多少', '臺灣企銀的結構比多少'],
  ])('「%s」 asks of the row', (text, expected) => {
    expect(withRowPointedAt(text, '臺灣企銀')).toBe(expected);
  });

  it.each(['其它的呢', '那其他銀行呢', '鳳凰貸款的保證餘額'])('「%s」 points at no row', (text) => {
    expect(withRowPointedAt(text, '臺灣企銀')).toBeUndefined();
  });
});
