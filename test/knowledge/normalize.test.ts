/**
 * The normal form of user and document text: Simplified becomes Traditional (Taiwan), while a Traditional message keeps
 * the characters Traditional Chinese writes too (OpenCC alone turns 「10月核准」 into 「10月核準」).
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../knowledge/normalize.ts';

describe('normalizeText', () => {
  it('converts Simplified Chinese, the characters it shares with Traditional included', () => {
    expect(normalizeText('标准')).toBe('標準');
    expect(normalizeText('三百万 台风后')).toBe('三百萬 颱風後');
    expect(normalizeText('批次保证')).toBe('批次保證');
  });

  it('leaves a Traditional message as written where OpenCC would change a character Traditional writes too', () => {
    expect(normalizeText('額度是2014年10月核准的呢')).toBe('額度是2014年10月核准的呢');
    expect(normalizeText('還是只有一般貸款才有')).toBe('還是只有一般貸款才有');
    expect(normalizeText('不准')).toBe('不准');
  });

  it('still writes 台 as 臺 where OpenCC does, so words are matched in one form', () => {
    expect(normalizeText('台積電明天會漲嗎')).toBe('臺積電明天會漲嗎');
  });
});
