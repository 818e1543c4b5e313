import { describe, expect, it } from 'vitest';
import { tapTargets } from '../../../bot/compose/tap-targets.ts';

describe('tap targets in an answer', () => {
  it('finds the service lines as tel: links named by the words before them', () => {
    expect(tapTargets('請洽信保基金：企業客服 0800-089-921、規章諮詢 (02)2397-3557')).toEqual([
      { kind: 'tel', text: '0800-089-921', href: 'tel:0800089921', label: '企業客服' },
      { kind: 'tel', text: '(02)2397-3557', href: 'tel:0223973557', label: '規章諮詢' },
    ]);
  });

  it('finds a web address and a mailbox, but not a fax number', () => {
    const found = tapTargets('TEL：(02)2321-4261　傳真：(02)2321-4682　網址：<https://www.smeg.org.tw　客服信箱：service@smeg.org.tw');
    expect(found.map((t) => t.href)).toEqual(['tel:0223214261', 'https://www.smeg.org.tw', 'mailto:service@smeg.org.tw']);
    expect(found[0]?.label).toBe('(02)2321-4261');
  });

  it('takes a figure for a figure, not for a phone number', () => {
    expect(tapTargets('5,000,000 × 80% × 1.00% × 12/12 = 40,000；民國103年12月15日；2014-12-15')).toEqual([]);
  });

  it('reads a bare www address as an https link', () => {
    expect(tapTargets('請見 www.smeg.org.tw。')).toEqual([{ kind: 'url', text: 'www.smeg.org.tw', href: 'https://www.smeg.org.tw', label: 'www.smeg.org.tw' }]);
  });
});
