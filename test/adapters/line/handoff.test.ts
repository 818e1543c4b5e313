import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteInteractionStore } from '../../../adapters/http/interaction-store.ts';
import { createBot } from '../../../bot/index.ts';
import { shippedSources } from '../../support/bot.ts';
import { startFakeLineApi, type FakeLineApi } from './fake-line-api.ts';
import { startLineServer, type LineServer } from './line-server.ts';
import { GROUP_ID, OTHER_USER_ID, USER_ID, textEvent, webhookBody, type EventOptions } from './webhook-events.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';
const HANDOFF_MINUTES = 30;
const MINUTE = 60_000;

let lineApi: FakeLineApi;
let server: LineServer;
let interactions: SqliteInteractionStore;
let now = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  lineApi = await startFakeLineApi();
  interactions = new SqliteInteractionStore({ path: ':memory:' });
  const sources = await shippedSources();
  const bot = createBot({ sources: () => sources, interactions });
  server = await startLineServer(bot, lineApi.url, { minutes: HANDOFF_MINUTES, now: () => now });
});

afterAll(async () => {
  await server?.close();
  await lineApi?.close();
  await interactions?.close();
});

/** Sends one text as a LINE user (USER_ID unless another source is given) and returns how the event ended and what LINE was asked to send. */
async function send(text: string, source?: EventOptions['source']) {
  const event = textEvent(text, source ? { source } : {});
  await server.post(webhookBody(event));
  const { outcome } = await server.handled(event.webhookEventId);
  const messages: any[] = lineApi.replies().find((call) => call.body.replyToken === event.replyToken)?.body.messages ?? [];
  return { outcome, messages, text: messages.map((m) => m.text ?? m.altText).join('\n') };
}

const other = { type: 'user' as const, userId: OTHER_USER_ID };

describe('a LINE user who asks for a person', () => {
  it('is told staff will answer, with the service lines from the knowledge, call buttons and how long the bot stands aside', async () => {
    const { outcome, messages, text } = await send('可以跟真人說話嗎？我的電話是0912-345-678');
    expect(outcome).toBe('replied');
    expect(text).toContain('客服人員協助您');
    expect(text).toContain('企業客服 0800-089-921');
    expect(text).toContain(`接下來 ${HANDOFF_MINUTES} 分鐘內智慧客服不會自動回覆`);
    const calls = JSON.stringify(messages.find((m) => m.type === 'flex'));
    expect(calls).toContain('"uri":"tel:0800089921"');
    expect(messages.at(-1).quickReply.items.map((i: any) => i.action.label)).toContain('回到機器人');
  });

  it('is recorded for the staff inbox, with the phone number redacted', async () => {
    const [handoff] = await interactions.handoffs();
    expect(handoff).toMatchObject({ channel: 'line' });
    expect(handoff?.question).toContain('可以跟真人說話嗎');
    expect(handoff?.question).not.toContain('0912-345-678');
  });

  it('gets no automatic answer while staff have the chat: no reply and no loading animation', async () => {
    now = new Date(now.getTime() + (HANDOFF_MINUTES - 1) * MINUTE);
    const loadingsBefore = lineApi.loadings().length;
    const { outcome, messages } = await send(FEE_QUESTION);
    expect(outcome).toBe('standing_aside');
    expect(messages).toEqual([]);
    expect(lineApi.loadings()).toHaveLength(loadingsBefore);
  });

  it('does not stop the bot answering another user meanwhile', async () => {
    const { outcome, text } = await send(FEE_QUESTION, other);
    expect(outcome).toBe('replied');
    expect(text).toContain('40,000');
  });

  it('gets the bot back on 「回到機器人」, and answers again', async () => {
    const back = await send('回到機器人');
    expect(back.outcome).toBe('replied');
    expect(back.text).toContain('智慧客服回來了');
    const answered = await send(FEE_QUESTION);
    expect(answered.text).toContain('40,000');
  });

  it(`gets the bot back by itself ${HANDOFF_MINUTES} minutes after the handoff`, async () => {
    await send('轉客服');
    now = new Date(now.getTime() + HANDOFF_MINUTES * MINUTE - 1);
    expect((await send(FEE_QUESTION)).outcome).toBe('standing_aside');
    now = new Date(now.getTime() + 2);
    const { outcome, text } = await send(FEE_QUESTION);
    expect(outcome).toBe('replied');
    expect(text).toContain('40,000');
  });
});

describe('a person asking for a person in a group', () => {
  const group = { type: 'group' as const, groupId: GROUP_ID, userId: USER_ID };
  it('gets the service lines, and the bot goes on answering the group (staff cannot take over a group chat)', async () => {
    const mention = (text: string) => ({ source: group, text: `@信保小幫手 ${text}` });
    const ask = async (text: string) => {
      const { source, text: said } = mention(text);
      const event = textEvent(said, { source, mentionees: [{ index: 0, length: 6, type: 'user', isSelf: true }] });
      await server.post(webhookBody(event));
      const { outcome } = await server.handled(event.webhookEventId);
      return { outcome, messages: lineApi.replies().find((c) => c.body.replyToken === event.replyToken)?.body.messages ?? [] };
    };
    const handoff = await ask('找真人');
    expect(JSON.stringify(handoff.messages)).toContain('0800-089-921');
    expect(JSON.stringify(handoff.messages)).not.toContain('分鐘內智慧客服不會自動回覆');
    expect((await ask(FEE_QUESTION)).outcome).toBe('replied');
  });
});
