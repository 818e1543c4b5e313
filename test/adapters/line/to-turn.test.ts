import type { webhook } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { toLineDecision } from '../../../adapters/line/to-turn.ts';
import { BOT_USER_ID, GROUP_ID, USER_ID, followEvent, postbackEvent, stickerEvent, textEvent } from './webhook-events.ts';

const asEvent = (e: unknown) => e as webhook.Event;

describe('toLineDecision', () => {
  it('turns a one-to-one text into a message turn for that user, with the loading animation', () => {
    const decision = toLineDecision(asEvent(textEvent('  青創貸款最高多少？ ', { replyToken: 'r1' })));
    expect(decision).toEqual({
      action: 'answer',
      replyToken: 'r1',
      loadingChatId: USER_ID,
      oneToOne: true,
      turn: { channel: 'line', conversationId: `line:user:${USER_ID}`, userId: USER_ID, event: { type: 'message', text: '青創貸款最高多少？' } },
    });
  });

  it('greets on follow and when the bot joins a group', () => {
    expect(toLineDecision(asEvent(followEvent()))).toMatchObject({ action: 'answer', turn: { event: { type: 'greeting' } } });
    const join = { ...followEvent({ source: { type: 'group', groupId: GROUP_ID } }), type: 'join' };
    expect(toLineDecision(asEvent(join))).toMatchObject({
      action: 'answer',
      turn: { conversationId: `line:group:${GROUP_ID}`, event: { type: 'greeting' } },
    });
  });

  it('keeps one conversation per room', () => {
    const decision = toLineDecision(
      asEvent(textEvent('@bot 費率', { source: { type: 'room', roomId: 'R1', userId: USER_ID }, mentionees: [{ index: 0, length: 4, type: 'user', isSelf: true }] })),
    );
    expect(decision).toMatchObject({ action: 'answer', oneToOne: false, turn: { conversationId: 'line:room:R1', event: { text: '費率' } } });
    expect(decision).not.toHaveProperty('loadingChatId');
  });

  it('treats a bare mention as a greeting', () => {
    const event = textEvent('@信保小幫手', {
      source: { type: 'group', groupId: GROUP_ID },
      mentionees: [{ index: 0, length: 6, type: 'user', userId: BOT_USER_ID }],
    });
    expect(toLineDecision(asEvent(event), { botUserId: BOT_USER_ID })).toMatchObject({ turn: { event: { type: 'greeting' } } });
  });

  it('ignores an @All mention in a group', () => {
    const event = textEvent('@All 開會囉', { source: { type: 'group', groupId: GROUP_ID }, mentionees: [{ index: 0, length: 4, type: 'all' }] });
    expect(toLineDecision(asEvent(event), { botUserId: BOT_USER_ID })).toMatchObject({ action: 'ignore' });
  });

  it('declines non-text messages politely in one-to-one chats and ignores them in groups', () => {
    expect(toLineDecision(asEvent(stickerEvent({ replyToken: 'r2' })))).toEqual({ action: 'decline', replyToken: 'r2', messageType: 'sticker' });
    expect(toLineDecision(asEvent(stickerEvent({ source: { type: 'group', groupId: GROUP_ID } })))).toMatchObject({ action: 'ignore' });
  });

  it('reads 👍/👎 postbacks and ignores other postback data', () => {
    expect(toLineDecision(asEvent(postbackEvent('feedback=up&answer=a%2F1')))).toMatchObject({
      turn: { event: { type: 'feedback', rating: 'up', answerId: 'a/1' } },
    });
    expect(toLineDecision(asEvent(postbackEvent('feedback=maybe&answer=a1')))).toMatchObject({ action: 'ignore' });
    expect(toLineDecision(asEvent(postbackEvent('richmenu=home')))).toMatchObject({ action: 'ignore' });
  });

  it('reads 「來源與說明」 as a request for an answer’s folded part, and a rich-menu question as a message', () => {
    expect(toLineDecision(asEvent(postbackEvent('details=a1', { replyToken: 'r3' })))).toEqual({
      action: 'details',
      answerId: 'a1',
      replyToken: 'r3',
      conversationId: `line:user:${USER_ID}`,
      oneToOne: true,
    });
    expect(toLineDecision(asEvent(postbackEvent('ask=%E8%81%AF%E7%B5%A1%E5%AE%A2%E6%9C%8D')))).toMatchObject({
      action: 'answer',
      loadingChatId: USER_ID,
      turn: { event: { type: 'message', text: '聯絡客服' } },
    });
  });

  it('stays out of chats in standby mode and of events it does not answer', () => {
    expect(toLineDecision(asEvent({ ...textEvent('費率'), mode: 'standby' }))).toMatchObject({ action: 'ignore' });
    expect(toLineDecision(asEvent({ ...followEvent(), type: 'unfollow', replyToken: undefined }))).toMatchObject({ action: 'ignore' });
  });
});
