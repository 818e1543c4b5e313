import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../bot/redaction.ts';

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
    // Full-width forms, as phones type them.
    ['手機０９１２－３４５－６７８', `手機${REDACTED.phone}`],
    ['身分證Ａ１２３４５６７８９', `身分證${REDACTED.nationalId}`],
    ['信箱 ｃｈｅｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', `信箱 ${REDACTED.email}`],
    ['統編１２３４５６７８', `統編${REDACTED.businessNumber}`],
    // Spaced and dashed forms.
    ['身分證 A 123456789', `身分證 ${REDACTED.nationalId}`],
    ['身分證 a-123-456-789 可以嗎', `身分證 ${REDACTED.nationalId} 可以嗎`],
    ['統編 1234 5678', `統編 ${REDACTED.businessNumber}`],
    ['統編 12345678，電話呢', `統編 ${REDACTED.businessNumber},電話呢`],
    ['統一編號：2453-6806', `統一編號:${REDACTED.businessNumber}`],
    ['寄給 chen @ example.com', `寄給 ${REDACTED.email}`],
    // Credit cards (Luhn-valid) with spaces, dashes or none; bank accounts.
    ['卡號 4111 1111 1111 1111', `卡號 ${REDACTED.card}`],
    ['卡號4111-1111-1111-1111到期', `卡號${REDACTED.card}到期`],
    ['卡號 5500005555555559', `卡號 ${REDACTED.card}`],
    ['AMEX 3782 822463 10005', `AMEX ${REDACTED.card}`],
    ['匯到帳號 012-345-678901', `匯到帳號 ${REDACTED.account}`],
    ['帳號 00123456789012 是我的', `帳號 ${REDACTED.account} 是我的`],
    ['我的帳號是１２３４５６７８９０１２', `我的帳號是${REDACTED.account}`],
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
    '貸款 12345678901 元',
    'NT$ 1234567890123',
    '營業額 1,234,567,890 元',
    '２０１４－１２－１５起',
    '批次保證 0.35% 與 1.25%，5000000 × 0.8',
  ])('keeps %s as it is', (input) => {
    expect(redactPersonalData(input)).toBe(input.normalize('NFKC'));
  });

  it('redacts every kind in one message', () => {
    const text = '我是A223456789，電話0987654321，信箱 a@b.co，統編 87654321';
    const redacted = redactPersonalData(text);
    expect(redacted).not.toMatch(/\d{8}/);
    expect(redacted).not.toContain('@');
    expect(redacted).toContain(REDACTED.nationalId);
  });
});

describe('redactPersonalData on full-width input', () => {
  it('returns the redacted text in its NFKC form, so nothing full-width slips through a later check', () => {
    expect(redactPersonalData('貸款５００萬')).toBe('貸款500萬');
  });
});
