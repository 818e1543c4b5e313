import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../adapters/botframework/to-activity.ts';
import { toTurn } from '../../../adapters/botframework/to-turn.ts';
import type { Reply } from '../../../bot/types.ts';

const calculation: Reply = {
  kind: 'calculation',
  text: [
    '保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）',
    '計算：5,000,000 × 80% × 1.00% × 12/12 = 40,000',
    '適用年費率 1.00%，風險組群 B',
    '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
    '資料來源：《保證手續費計收規定》〈第三條〉',
  ].join('\n'),
  citations: [
    { documentId: 'fees', title: '保證手續費計收規定', section: '第三條', dateLabel: '民國103年12月15日起實施' },
    { documentId: 'fees', title: '保證手續費計收規定', section: '第三條' },
  ],
  quickReplies: ['那C組呢？', '重新開始', '那C組呢？'],
  answerId: 'answer-1',
  card: {
    title: '保證手續費試算',
    inputs: [{ label: '貸款金額', value: '5,000,000 元' }],
    formula: '5,000,000 × 80% × 1.00% × 12/12 = 40,000',
    result: { label: '保證手續費', value: '40,000 元' },
    ruleDate: '依 民國103年12月15日起之規定',
    sources: ['信用保證業務概述 > 授權保證項目表'],
  },
};

describe('toActivity', () => {
  const activity = toActivity(calculation);
  const card = () => activity.attachments?.[0]?.content;

  it('writes an answer result first in markdown: the result, the formula, why; nothing folded', () => {
    expect(activity.textFormat).toBe('markdown');
    expect(activity.text).toBe(
      '**保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）**\n\n計算：5,000,000 × 80% × 1.00% × 12/12 = 40,000\n\n適用年費率 1.00%，風險組群 B',
    );
  });

  it('offers quick replies as imBack suggested actions, once each', () => {
    expect(activity.suggestedActions?.actions.map((a) => [a.type, a.value])).toEqual([
      ['imBack', '那C組呢？'],
      ['imBack', '重新開始'],
    ]);
  });

  it('attaches an Adaptive Card with the result, formula, inputs and rule date', () => {
    const [attachment] = activity.attachments ?? [];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const body = JSON.stringify(card().body);
    for (const part of ['40,000 元', calculation.card!.formula!, '適用年費率 1.00%，風險組群 B', '5,000,000 元', '依 民國103年12月15日起之規定']) {
      expect(body).toContain(part);
    }
  });

  it('folds the notes and the distinct sources behind 「來源與說明」, offers the figures to copy, then 👍/👎', () => {
    const [details, copy, up, down] = card().actions;
    expect(details).toMatchObject({ type: 'Action.ShowCard', title: '來源與說明' });
    expect(JSON.stringify(details.card.body)).toContain('四捨五入');
    expect(details.card.body.filter((b: { text: string }) => b.text.startsWith('1.')).map((b: { text: string }) => b.text)).toEqual([
      '1. 保證手續費計收規定 > 第三條（民國103年12月15日起實施）',
    ]);
    expect(copy).toMatchObject({ type: 'Action.ShowCard', title: '複製用文字' });
    expect(copy.card.body[0].text).toContain('5000000,40000');
    expect([up, down]).toEqual([
      { type: 'Action.Submit', title: '👍 有幫助', data: { feedback: 'up', answerId: 'answer-1' } },
      { type: 'Action.Submit', title: '👎 沒幫助', data: { feedback: 'down', answerId: 'answer-1' } },
    ]);
  });

  it('links phone numbers and lists the sources of a reply that has no card', () => {
    const fallback = toActivity({
      kind: 'fallback',
      text: '請洽信保基金：企業客服 0800-089-921、規章諮詢 (02)2397-3557\n資料來源：《年報》〈聯絡資訊〉',
      citations: [{ documentId: 'report', title: '年報', section: '聯絡資訊' }],
    });
    expect(fallback.text).toBe(
      '請洽信保基金：企業客服 [0800-089-921](tel:0800089921)、規章諮詢 [(02)2397-3557](tel:0223973557)\n\n**資料來源**\n\n1. 年報 > 聯絡資訊',
    );
    expect(fallback.attachments).toBeUndefined();
  });

  it('sends a plain answer as text alone', () => {
    const plain = toActivity({ kind: 'answer', text: '您好', citations: [] });
    expect(plain).toMatchObject({ type: 'message', text: '**您好**' });
    expect(plain.attachments).toBeUndefined();
    expect(plain.suggestedActions).toBeUndefined();
  });
});

describe('toTurn', () => {
  const base = {
    channelId: 'msteams',
    conversation: { id: '19:abc@thread.tacv2' },
    from: { id: '29:user', aadObjectId: 'aad-user' },
    recipient: { id: '28:bot', name: '信保小幫手' },
  };

  it('removes the bot mention from a Teams channel message', () => {
    const activity = {
      ...base,
      type: 'message',
      text: '<at>信保小幫手</at> 青創貸款最高多少？',
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: '信保小幫手' }, text: '<at>信保小幫手</at>' }],
    } as unknown as Activity;
    expect(toTurn(activity)).toEqual({
      channel: 'botframework',
      conversationId: 'botframework:msteams:19:abc@thread.tacv2',
      userId: 'aad-user',
      event: { type: 'message', text: '青創貸款最高多少？' },
    });
  });

  it('ignores typing indicators and empty messages', () => {
    expect(toTurn({ ...base, type: 'typing' } as unknown as Activity)).toBeUndefined();
    expect(toTurn({ ...base, type: 'message', text: '  ' } as unknown as Activity)).toBeUndefined();
  });
});
