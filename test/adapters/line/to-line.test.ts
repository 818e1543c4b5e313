import { describe, expect, it } from 'vitest';
import { detailsText, toLineMessages, textWithCitations } from '../../../adapters/line/to-line.ts';
import type { Reply, ResultCard } from '../../../bot/types.ts';

const card: ResultCard = {
  title: '保證手續費試算',
  inputs: [
    { label: '貸款金額', value: '5,000,000 元' },
    { label: '保證成數', value: '80%' },
  ],
  formula: '5,000,000 × 80% × 1.00% × 12/12 = 40,000',
  result: { label: '保證手續費', value: '40,000 元' },
  ruleDate: '依 民國103年12月15日起之規定',
  notes: ['實際費率以信保基金核定為準'],
  sources: ['信用保證業務概述 > 授權保證項目表'],
};

const citation = { documentId: 'fees', title: '保證手續費計收規定', section: '第三條', dateLabel: '民國103年12月15日起實施' };

const calculation: Reply = {
  kind: 'calculation',
  text: [
    '保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）',
    '計算：5,000,000 × 80% × 1.00% × 12/12 = 40,000',
    '適用年費率 1.00%，風險組群 B',
    '另：保證手續費年費率於民國103年12月15日至110年12月31日為 0.35%（見《修正「批次信用保證要點」函》〈說明三〉）',
    '資料來源：《保證手續費計收規定》〈第三條〉',
  ].join('\n'),
  citations: [citation],
  card,
  answerId: 'a1',
};

function reply(overrides: Partial<Reply> = {}): Reply {
  return { kind: 'answer', text: '答案', citations: [], ...overrides };
}

function flexJson(message: unknown): string {
  return JSON.stringify(message);
}

describe('toLineMessages', () => {
  it('puts the sources under a reply that has no 「來源與說明」 button', () => {
    const [message] = toLineMessages([reply({ citations: [citation, { documentId: 'fees', title: '保證手續費計收規定', section: '第三條' }] })]);
    expect(message).toMatchObject({ type: 'text', text: '答案\n\n資料來源：\n1. 保證手續費計收規定 > 第三條（民國103年12月15日起實施）' });
  });

  it('leaves text without citations as it is', () => {
    expect(textWithCitations('您好', [])).toBe('您好');
  });

  it('renders a calculation as one Flex bubble, result first, then formula, why, inputs and rule date', () => {
    const [message, ...more] = toLineMessages([calculation]);
    expect(more).toHaveLength(0);
    if (message?.type !== 'flex' || message.contents.type !== 'bubble') throw new Error('expected a flex bubble');
    expect(message.altText).toBe('保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）');
    const body = flexJson(message.contents.body);
    const order = ['40,000 元', card.formula!, '適用年費率 1.00%，風險組群 B', '5,000,000 元', card.ruleDate!].map((part) => body.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The history and the sources are behind 「來源與說明」, not on the card.
    expect(body).not.toContain('0.35%');
    expect(body).not.toContain('保證手續費計收規定');
  });

  it('gives the calculation a copy button (figures, formula, CSV row) and a 「來源與說明」 button', () => {
    const [message] = toLineMessages([calculation]);
    if (message?.type !== 'flex' || message.contents.type !== 'bubble') throw new Error('expected a flex bubble');
    const actions = (message.contents.footer?.contents ?? []).map((c) => (c.type === 'button' ? c.action : undefined));
    expect(actions[0]).toMatchObject({ type: 'clipboard', label: '複製數字' });
    expect(actions[0]?.type === 'clipboard' && actions[0].clipboardText.split('\n').at(-1)).toBe('5000000,80%,40000');
    expect(actions[1]).toEqual({ type: 'postback', label: '來源與說明', data: 'details=a1', displayText: '來源與說明' });
  });

  it('keeps the folded part of an answer for 「來源與說明」: its history, then every source', () => {
    expect(detailsText(calculation)).toBe(
      '說明與來源：\n另：保證手續費年費率於民國103年12月15日至110年12月31日為 0.35%（見《修正「批次信用保證要點」函》〈說明三〉）\n\n資料來源：\n1. 保證手續費計收規定 > 第三條（民國103年12月15日起實施）',
    );
  });

  it('never sends an empty Flex text, which LINE would reject', () => {
    const messages = toLineMessages([{ ...calculation, card: { ...card, formula: '', ruleDate: '', inputs: [{ label: '備註', value: '' }] } }]);
    const texts = JSON.stringify(messages[0]).match(/"type":"text","text":"[^"]*"/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.endsWith('"text":""'))).toBe(false);
  });

  it('turns phone numbers and the web address into call and open buttons', () => {
    const messages = toLineMessages([reply({ kind: 'fallback', text: '請洽信保基金：企業客服 0800-089-921、規章諮詢 (02)2397-3557\n網址：https://www.smeg.org.tw' })]);
    expect(messages.map((m) => m.type)).toEqual(['text', 'flex']);
    const buttons = JSON.parse(flexJson(messages[1])).contents.body.contents.filter((c: { type: string }) => c.type === 'button');
    expect(buttons.map((b: { action: unknown }) => b.action)).toEqual([
      { type: 'uri', label: '企業客服 0800-089-921', uri: 'tel:0800089921' },
      { type: 'uri', label: '規章諮詢 (02)2397-3557', uri: 'tel:0223973557' },
      { type: 'uri', label: '開啟信保基金網站', uri: 'https://www.smeg.org.tw' },
    ]);
  });

  it('says for how long the bot stands aside after a handoff, and offers to bring it back', () => {
    const handoff = reply({ kind: 'handoff', text: '好的，這個問題請由信保基金的客服人員協助您。\n服務專線：企業客服 0800-089-921' });
    const [text] = toLineMessages([handoff], { standingAsideMinutes: 30 });
    if (text?.type !== 'text') throw new Error('expected a text message');
    expect(text.text).toContain('接下來 30 分鐘內智慧客服不會自動回覆');
    const [, contact] = toLineMessages([handoff], { standingAsideMinutes: 30 });
    expect(contact?.quickReply?.items?.map((i) => i.action?.label)).toEqual(['回到機器人']);
    const [inGroup] = toLineMessages([handoff]);
    expect(inGroup?.type === 'text' && inGroup.text).not.toContain('分鐘');
  });

  it('offers suggestions as quick replies on the last message only, then 「來源與說明」 and 👍/👎 for the answer', () => {
    const messages = toLineMessages([reply({ text: '答案\n依據', citations: [citation], quickReplies: ['那C組呢？', '重新開始'], answerId: 'a1' }), reply({ text: '第二則' })]);
    expect(messages[0]?.quickReply).toBeUndefined();
    const items = messages[1]?.quickReply?.items ?? [];
    expect(items.map((i) => i.action)).toEqual([
      { type: 'message', label: '那C組呢？', text: '那C組呢？' },
      { type: 'message', label: '重新開始', text: '重新開始' },
      { type: 'postback', label: '📄 來源與說明', data: 'details=a1', displayText: '來源與說明' },
      { type: 'postback', label: '👍 有幫助', data: 'feedback=up&answer=a1', displayText: '👍 有幫助' },
      { type: 'postback', label: '👎 沒幫助', data: 'feedback=down&answer=a1', displayText: '👎 沒幫助' },
    ]);
    expect(messages[0]).toMatchObject({ type: 'text', text: '答案\n依據' });
  });

  it('keeps to LINE’s 13 quick reply items and 20-character labels, sending the full suggestion as text', () => {
    const long = '青年創業及啟動金貸款的申請資格與保證成數是多少呢';
    const suggestions = [long, ...Array.from({ length: 20 }, (_, i) => `問題${i}`)];
    const [message] = toLineMessages([reply({ quickReplies: suggestions, answerId: 'a2' })]);
    const items = message?.quickReply?.items ?? [];
    expect(items).toHaveLength(13);
    expect(items.filter((i) => i.action?.type === 'postback')).toHaveLength(2);
    for (const item of items) expect(item.action?.label?.length).toBeLessThanOrEqual(20);
    expect(items[0]?.action).toMatchObject({ label: `${long.slice(0, 19)}…`, text: long });
  });

  it('leaves out feedback buttons when the reply has no answer id', () => {
    const [message] = toLineMessages([reply({ kind: 'question', quickReplies: ['A組', 'B組'] })]);
    expect(message?.quickReply?.items?.every((i) => i.action?.type === 'message')).toBe(true);
  });

  it('labels an answer to an English question in English', () => {
    const [message] = toLineMessages([{ ...calculation, language: 'en' }]);
    expect(flexJson(message)).toContain('Copy figures');
    expect(message?.type === 'flex' && message.altText).toBe('Guarantee fee: NT$ 40,000（一般貸款, guarantee period 12 months）');
  });

  it('folds anything past five messages into the fifth', () => {
    const replies = Array.from({ length: 6 }, (_, i) => reply({ text: `第${i}段` }));
    const messages = toLineMessages(replies);
    expect(messages).toHaveLength(5);
    const last = messages[4];
    if (last?.type !== 'text') throw new Error('expected a text message');
    expect(last.text).toBe('第4段\n\n第5段');
  });

  it('shortens a text over 5,000 characters', () => {
    const [message] = toLineMessages([reply({ text: '很'.repeat(6000) })]);
    if (message?.type !== 'text') throw new Error('expected a text message');
    expect(message.text.length).toBe(5000);
    expect(message.text.endsWith('…')).toBe(true);
  });
});
