import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../adapters/botframework/to-activity.ts';
import { toTurn } from '../../../adapters/botframework/to-turn.ts';
import type { Reply } from '../../../bot/types.ts';

const calculation: Reply = {
  kind: 'calculation',
  text: '保證手續費 40,000 元',
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
    ruleDate: '適用 2014-12-15 起之規定',
    sources: ['信用保證業務概述 > 授權保證項目表'],
  },
};

describe('toActivity', () => {
  const activity = toActivity(calculation);

  it('writes the text in markdown with a numbered list of distinct sources', () => {
    expect(activity.textFormat).toBe('markdown');
    expect(activity.text).toBe('保證手續費 40,000 元\n\n**資料來源**\n\n1. 保證手續費計收規定 > 第三條（民國103年12月15日起實施）');
  });

  it('offers quick replies as imBack suggested actions, once each', () => {
    expect(activity.suggestedActions?.actions.map((a) => [a.type, a.value])).toEqual([
      ['imBack', '那C組呢？'],
      ['imBack', '重新開始'],
    ]);
  });

  it('attaches an Adaptive Card with the result, formula, rule date, sources and 👍/👎', () => {
    const [attachment] = activity.attachments ?? [];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(attachment?.content);
    for (const part of ['5,000,000 元', '40,000 元', '適用 2014-12-15 起之規定', '授權保證項目表']) expect(json).toContain(part);
    expect(attachment?.content.actions).toEqual([
      { type: 'Action.Submit', title: '👍 有幫助', data: { feedback: 'up', answerId: 'answer-1' } },
      { type: 'Action.Submit', title: '👎 沒幫助', data: { feedback: 'down', answerId: 'answer-1' } },
    ]);
  });

  it('sends a plain answer as text alone', () => {
    const plain = toActivity({ kind: 'answer', text: '您好', citations: [] });
    expect(plain).toMatchObject({ type: 'message', text: '您好' });
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
