/** The evaluation matcher compares figures whole: a figure never matches inside a longer number. */
import { describe, expect, it } from 'vitest';
import { comparable, containsWhole, judge } from '../../eval/match.ts';

const reply = (text: string) => [{ text, citations: [] }];

describe('matching an answer against a case', () => {
  it('finds a figure only where it stands whole', () => {
    expect(containsWhole(comparable('計算：3,000,000 × 80% = 2,400,000'), comparable('30,000'))).toBe(false);
    expect(containsWhole(comparable('手續費 124,000 元'), comparable('24,000'))).toBe(false);
    expect(containsWhole(comparable('年費率 1.5%'), comparable('1.5%'))).toBe(true);
    expect(containsWhole(comparable('保證成數 9.5成'), comparable('5成'))).toBe(false);
    expect(containsWhole(comparable('手續費24,000元。'), comparable('24,000'))).toBe(true);
    expect(containsWhole(comparable('餘額 210,706.45 百萬元'), comparable('210,706'))).toBe(true);
    // (Zeros after a decimal are the same figure, and so are digits that round to it; other digits are not.)
    expect(containsWhole(comparable('占比 42.30%'), comparable('42.3'))).toBe(true);
    expect(containsWhole(comparable('增加 22.81%'), comparable('22.8'))).toBe(true);
    expect(containsWhole(comparable('占比 42.36%'), comparable('42.3'))).toBe(false);
    expect(containsWhole(comparable('占比 142.31%'), comparable('42.3'))).toBe(false);
    expect(containsWhole(comparable('相差 4,230'), comparable('42.3'))).toBe(false);
    expect(containsWhole(comparable('1.500 萬'), comparable('1.5'))).toBe(true);
    expect(containsWhole(comparable('增加 21.00%'), comparable('21.0%'))).toBe(true);
    expect(containsWhole(comparable('增加 21.00%'), comparable('21%'))).toBe(true);
    expect(containsWhole(comparable('增加 121.00%'), comparable('21%'))).toBe(false);
    expect(containsWhole(comparable('1.05 億'), comparable('1.5億'))).toBe(false);
  });

  it('passes a case whose banned figure is only part of a longer number, and fails one that says it', () => {
    const testCase = { id: 'T1', kind: 'calc', turns: ['q'], expect: { all: [['24,000']], none: ['30,000'] } };
    expect(judge(testCase as never, reply('3,000,000 × 80% × 1.00% = 24,000')).passed).toBe(true);
    expect(judge(testCase as never, reply('手續費 30,000 元')).passed).toBe(false);
  });
});
