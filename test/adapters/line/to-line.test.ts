import { describe, expect, it } from 'vitest';
import { toLineMessages, textWithCitations } from '../../../adapters/line/to-line.ts';
import type { Reply, ResultCard } from '../../../bot/types.ts';

const card: ResultCard = {
  title: '保證手續費試算',
  inputs: [
    { label: '貸款金額', value: '5,000,000 元' },
    { label: '保證成數', value: '8 成' },
  ],
  formula: '5,000,000 × 80% × 1.00% × 12/12 = 40,000',
  result: { label: '保證手續費', value: '40,000 元' },
  ruleDate: '適用 2014-12-15 起之規定',
  notes: ['實際費率以信保基金核定為準'],
  sources: ['信用保證業務概述 > 授權保證項目表'],
};

function reply(overrides: Partial<Reply> = {}): Reply {
  return { kind: 'answer', text: '答案', citations: [], ...overrides };
}

describe('toLineMessages', () => {
  it('puts the sources under the answer text', () => {
    const [message] = toLineMessages([
      reply({
        citations: [
          { documentId: 'fees', title: '保證手續費計收規定', section: '第三條', dateLabel: '民國103年12月15日起實施' },
          { documentId: 'fees', title: '保證手續費計收規定', section: '第三條' },
        ],
      }),
    ]);
    expect(message).toMatchObject({ type: 'text', text: '答案\n\n資料來源：\n1. 保證手續費計收規定 > 第三條（民國103年12月15日起實施）' });
  });

  it('leaves text without citations as it is', () => {
    expect(textWithCitations('您好', [])).toBe('您好');
  });

  it('follows a calculation with a Flex bubble showing inputs, formula, result, rule date and sources', () => {
    const messages = toLineMessages([reply({ kind: 'calculation', card })]);
    expect(messages.map((m) => m.type)).toEqual(['text', 'flex']);
    const flex = messages[1];
    if (flex?.type !== 'flex') throw new Error('expected a flex message');
    expect(flex.altText).toBe('保證手續費試算：保證手續費 40,000 元');
    const json = JSON.stringify(flex.contents);
    for (const part of ['5,000,000 元', card.formula!, '40,000 元', card.ruleDate!, '實際費率以信保基金核定為準', card.sources[0]!]) {
      expect(json).toContain(JSON.stringify(part).slice(1, -1));
    }
  });

  it('never sends an empty Flex text, which LINE would reject', () => {
    const messages = toLineMessages([reply({ card: { ...card, formula: '', ruleDate: '', inputs: [{ label: '備註', value: '' }] } })]);
    const texts = JSON.stringify(messages[1]).match(/"type":"text","text":"[^"]*"/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.endsWith('"text":""'))).toBe(false);
  });

  it('offers suggestions as quick replies on the last message only, then 👍/👎 for the answer', () => {
    const messages = toLineMessages([reply({ card, quickReplies: ['那C組呢？', '重新開始'], answerId: 'a1' })]);
    expect(messages[0]?.quickReply).toBeUndefined();
    const items = messages[1]?.quickReply?.items ?? [];
    expect(items.map((i) => i.action)).toEqual([
      { type: 'message', label: '那C組呢？', text: '那C組呢？' },
      { type: 'message', label: '重新開始', text: '重新開始' },
      { type: 'postback', label: '👍 有幫助', data: 'feedback=up&answer=a1', displayText: '👍 有幫助' },
      { type: 'postback', label: '👎 沒幫助', data: 'feedback=down&answer=a1', displayText: '👎 沒幫助' },
    ]);
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

  it('folds anything past five messages into the fifth', () => {
    const replies = Array.from({ length: 4 }, (_, i) => reply({ text: `第${i}段`, card }));
    const messages = toLineMessages(replies);
    expect(messages).toHaveLength(5);
    const last = messages[4];
    expect(last?.type).toBe('text');
    if (last?.type !== 'text') throw new Error('expected a text message');
    expect(last.text).toContain('第3段');
    expect(last.text).toContain('保證手續費試算：保證手續費 40,000 元');
  });

  it('shortens a text over 5,000 characters', () => {
    const [message] = toLineMessages([reply({ text: '很'.repeat(6000) })]);
    if (message?.type !== 'text') throw new Error('expected a text message');
    expect(message.text.length).toBe(5000);
    expect(message.text.endsWith('…')).toBe(true);
  });
});
