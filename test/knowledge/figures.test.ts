import { describe, expect, it } from 'vitest';
import { figuresIn } from '../../knowledge/retrieve.ts';

describe('figuresIn', () => {
  it('reads Chinese units across a figure written in parts', () => {
    expect(figuresIn('協助取得融資金額為 1 兆 4,075 億元')).toEqual([1_407_500_000_000]);
    expect(figuresIn('逾 1 兆 4 千億元')).toEqual([1_400_000_000_000]);
    expect(figuresIn('累計 24兆15億餘元')).toEqual([24_001_500_000_000]);
    expect(figuresIn('穩定 210 萬餘個就業機會')).toEqual([2_100_000]);
    expect(figuresIn('捐助款計 1,616.63 億元')).toEqual([161_663_000_000]);
  });

  it('keeps figures separated by words apart', () => {
    expect(figuresIn('98 年 1 月共 324,206 件')).toEqual([98, 1, 324_206]);
    expect(figuresIn('22,917 | 106,250')).toEqual([22_917, 106_250]);
  });
});
