import { describe, expect, it } from 'vitest';
import { compareOutput } from '../../rules/case-table.ts';

describe('case table comparison', () => {
  it('passes when the named keys match and ignores keys the case does not name', () => {
    expect(compareOutput({ fee: 40000, feeRate: { min: 0.75 } }, { fee: 40000, rate: 1, feeRate: { min: 0.75, max: 1.5 } })).toEqual([]);
  });

  it('reports a wrong figure with what was expected and what came out', () => {
    expect(compareOutput({ fee: 40000 }, { fee: 60000 })).toEqual(['fee：預期 40000，實際 60000']);
  });

  it('compares arrays element by element, including their length', () => {
    expect(compareOutput({ missing: ['age'] }, { missing: ['age', 'gender'] })).toHaveLength(1);
  });

  it('checks that some entry contains each text for <key>_include', () => {
    expect(compareOutput({ reasons_include: ['45'] }, { reasons: ['年齡 47 歲，不在 20 歲至 45 歲之範圍'] })).toEqual([]);
    expect(compareOutput({ reasons_include: ['50'] }, { reasons: ['年齡 47 歲'] })).toHaveLength(1);
  });

  it('lets null stand for an absent value', () => {
    expect(compareOutput({ maxRatio: null }, {})).toEqual([]);
    expect(compareOutput({ maxRatio: null }, { maxRatio: 80 })).toHaveLength(1);
  });
});
