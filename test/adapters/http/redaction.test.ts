import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData, saltedHash } from '../../../adapters/http/redaction.ts';

describe('redactPersonalData', () => {
  it.each([
    ['我的手機 0912-345-678 請回電', `我的手機 ${REDACTED.phone} 請回電`],
    ['手機0912345678', `手機${REDACTED.phone}`],
    ['+886 912 345 678', REDACTED.phone],
    ['公司電話 (02)2345-6789', `公司電話 ${REDACTED.phone}`],
    ['公司電話 02-2345-6789 分機 12', `公司電話 ${REDACTED.phone} 分機 12`],
    ['台中 04-23456789', `台中 ${REDACTED.phone}`],
    ['寄到 chen.ming@example.com.tw 謝謝', `寄到 ${REDACTED.email} 謝謝`],
    ['身分證 A123456789 可以申請嗎', `身分證 ${REDACTED.nationalId} 可以申請嗎`],
    ['居留證F812345678', `居留證${REDACTED.nationalId}`],
    ['統編 12345678 的公司', `統編 ${REDACTED.businessNumber} 的公司`],
    ['統一編號:24536806', `統一編號:${REDACTED.businessNumber}`],
    ['使用者 U1234567890abcdef1234567890abcdef 問的', `使用者 ${REDACTED.lineId} 問的`],
  ])('redacts %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    '貸款 50000000 元的手續費是多少',
    '借 12345678元 要多少保證費',
    'NT$12000000 保證成數',
    '貸款 5,000,000 元，保證成數 8 成',
    '費率 0.35% 還是 1.25%',
    '一般貸款 500 萬 一年',
    '民國103年12月15日起實施',
    '信保基金客服怎麼聯絡',
  ])('keeps %s as it is', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it('redacts every kind in one message', () => {
    const text = '我是A223456789，電話0987654321，信箱 a@b.co，統編 87654321';
    const redacted = redactPersonalData(text);
    expect(redacted).not.toMatch(/\d{8}/);
    expect(redacted).not.toContain('@');
    expect(redacted).toContain(REDACTED.nationalId);
  });
});

describe('saltedHash', () => {
  it('links the same id under one salt, and not across salts', () => {
    const id = 'U1234567890abcdef1234567890abcdef';
    expect(saltedHash(id, 'salt-one')).toBe(saltedHash(id, 'salt-one'));
    expect(saltedHash(id, 'salt-one')).not.toBe(saltedHash(id, 'salt-two'));
    expect(saltedHash(id, 'salt-one')).not.toContain(id);
  });
});
