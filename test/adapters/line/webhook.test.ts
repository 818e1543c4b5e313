import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_ONLY_NOTICE } from '../../../adapters/line/handle-event.ts';
import { askPostbackData } from '../../../adapters/line/postbacks.ts';
import { createTestBot } from '../../support/bot.ts';
import { startFakeLineApi, type FakeLineApi } from './fake-line-api.ts';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET, recordingBot, startLineServer, type LineServer } from './line-server.ts';
import {
  BOT_USER_ID,
  GROUP_ID,
  OTHER_USER_ID,
  USER_ID,
  followEvent,
  postbackEvent,
  sign,
  stickerEvent,
  textEvent,
  webhookBody,
} from './webhook-events.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';

let lineApi: FakeLineApi;
let server: LineServer;
let recorder: ReturnType<typeof recordingBot>;

beforeAll(async () => {
  lineApi = await startFakeLineApi();
  recorder = recordingBot(await createTestBot());
  server = await startLineServer(recorder.bot, lineApi.url);
});

afterAll(async () => {
  await server?.close();
  await lineApi?.close();
});

function repliesTo(replyToken: string) {
  return lineApi.replies().filter((call) => call.body.replyToken === replyToken);
}

function allText(messages: any[]): string {
  return JSON.stringify(messages);
}

describe('a signed text message in a one-to-one chat', () => {
  const event = textEvent(FEE_QUESTION);
  let response: Response;

  beforeAll(async () => {
    response = await server.post(webhookBody(event));
    await server.handled(event.webhookEventId);
  });

  it('is acknowledged with 200', () => {
    expect(response.status).toBe(200);
  });

  it('is answered once with its reply token, the channel access token and the expected figure first', () => {
    const [reply, ...more] = repliesTo(event.replyToken);
    expect(more).toHaveLength(0);
    expect(reply?.headers.authorization).toBe(`Bearer ${CHANNEL_ACCESS_TOKEN}`);
    const [first] = reply?.body.messages ?? [];
    expect(first.altText ?? first.text).toMatch(/^保證手續費：新臺幣 40,000 元/);
  });

  it('sends at most five messages', () => {
    expect(repliesTo(event.replyToken)[0]?.body.messages.length).toBeLessThanOrEqual(5);
  });

  it('shows the loading animation to that user before the reply', () => {
    const loading = lineApi.loadings().find((call) => call.body.chatId === USER_ID);
    expect(loading).toBeDefined();
    expect(loading!.body.loadingSeconds % 5).toBe(0);
    expect(loading!.body.loadingSeconds).toBeLessThanOrEqual(60);
    const reply = repliesTo(event.replyToken)[0]!;
    expect(lineApi.calls.indexOf(loading!)).toBeLessThan(lineApi.calls.indexOf(reply));
  });

  it('carries the calculation as one Flex bubble: the result, a copy button and its sources behind 「來源與說明」', async () => {
    const flex = repliesTo(event.replyToken)[0]?.body.messages.find((m: any) => m.type === 'flex');
    expect(flex?.contents.type).toBe('bubble');
    expect(allText([flex.contents.body])).toContain('40,000 元');
    const [copy, details] = flex.contents.footer.contents.map((c: any) => c.action);
    expect(copy.clipboardText).toContain('一般貸款,5000000,80%,1.00%,12,40000');

    const tap = postbackEvent(details.data);
    await server.post(webhookBody(tap));
    expect((await server.handled(tap.webhookEventId)).outcome).toBe('replied');
    const [sources] = repliesTo(tap.replyToken)[0]?.body.messages ?? [];
    expect(sources.text).toContain('資料來源：\n1. 中小企業信用保證基金信用保證業務概述 > (4) 授權保證項目表');
  });

  it('keeps the conversation per LINE user', () => {
    const turn = recorder.exchanges.find((e) => e.turn.event.type === 'message' && e.turn.userId === USER_ID)?.turn;
    expect(turn).toMatchObject({
      channel: 'line',
      conversationId: `line:user:${USER_ID}`,
      event: { type: 'message', text: FEE_QUESTION },
    });
  });

  it('is not answered again when LINE redelivers it', async () => {
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    const again = await server.post(webhookBody(redelivered));
    expect(again.status).toBe(200);
    const line = await server.logs.waitFor(
      (l) => l.msg === 'line event handled' && l.webhookEventId === event.webhookEventId && l.redelivery === true,
    );
    expect(line.outcome).toBe('duplicate');
    expect(repliesTo(event.replyToken)).toHaveLength(1);
  });
});

describe('the signature check', () => {
  it.each([
    ['a forged signature', sign('{"events":[]}', 'not-the-channel-secret')],
    ['a signature of another body', sign(webhookBody(), CHANNEL_SECRET)],
    ['no signature', null],
    ['an empty signature', ''],
  ])('rejects %s with 401 and calls nothing', async (_name, signature) => {
    const event = textEvent('一般貸款費率？');
    const callsBefore = lineApi.calls.length;
    const response = await server.post(webhookBody(event), signature);
    expect(response.status).toBe(401);
    // A properly signed event afterwards is answered, and it is the only new call besides its loading animation.
    const control = textEvent('一般貸款費率？');
    await server.post(webhookBody(control));
    await server.handled(control.webhookEventId);
    expect(repliesTo(event.replyToken)).toHaveLength(0);
    expect(lineApi.calls.slice(callsBefore).map((c) => c.body.replyToken ?? c.body.chatId)).toEqual([
      USER_ID,
      control.replyToken,
    ]);
  });

  it('answers the console Verify request (no events) with 200', async () => {
    const response = await server.post(webhookBody());
    expect(response.status).toBe(200);
  });

  it('rejects a signed body that is not JSON with 400', async () => {
    const response = await server.post('not json');
    expect(response.status).toBe(400);
  });
});

describe('a body with a Content-Encoding', () => {
  // LINE never compresses webhooks, and the signature covers the bytes as sent: nothing is decompressed first.
  it.each([
    ['really gzip-compressed', (json: string) => gzipSync(json)],
    ['plain text declared gzip', (json: string) => Buffer.from(json)],
  ])('is refused with 415 when %s, and reaches no one', async (_case, encode) => {
    const event = textEvent('一般貸款費率？');
    const json = webhookBody(event);
    const turnsBefore = recorder.exchanges.length;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-line-signature': sign(json, CHANNEL_SECRET) },
      body: encode(json),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'unsupported content encoding' });
    expect(recorder.exchanges).toHaveLength(turnsBefore);
    expect(repliesTo(event.replyToken)).toHaveLength(0);
  });
});

describe('events other than a text question', () => {
  it('greets a new follower through the bot', async () => {
    const event = followEvent();
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('replied');
    const [reply] = repliesTo(event.replyToken);
    expect(reply?.body.messages[0].type).toBe('text');
    expect(reply?.body.messages[0].text.length).toBeGreaterThan(0);
    expect(recorder.exchanges.at(-1)?.turn.event).toEqual({ type: 'greeting' });
  });

  it('answers a sticker with a polite note about text, without asking the bot', async () => {
    const event = stickerEvent();
    const turnsBefore = recorder.exchanges.length;
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('declined');
    expect(repliesTo(event.replyToken)[0]?.body.messages).toEqual([{ type: 'text', text: TEXT_ONLY_NOTICE }]);
    expect(recorder.exchanges).toHaveLength(turnsBefore);
  });

  it('answers a rich-menu button as the question it asks: 「聯絡客服」 gets the service lines and call buttons', async () => {
    const event = postbackEvent(askPostbackData('聯絡客服'));
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('replied');
    expect(recorder.exchanges.at(-1)?.turn.event).toEqual({ type: 'message', text: '聯絡客服' });
    const messages = repliesTo(event.replyToken)[0]?.body.messages;
    expect(messages[0].text).toContain('企業客服 0800-089-921');
    expect(allText(messages)).toContain('"uri":"tel:0800089921"');
  });

  it('passes a 👎 postback to the bot as feedback on that answer', async () => {
    const event = postbackEvent('feedback=down&answer=ans-123');
    await server.post(webhookBody(event));
    await server.handled(event.webhookEventId);
    expect(recorder.exchanges.at(-1)?.turn.event).toEqual({ type: 'feedback', answerId: 'ans-123', rating: 'down' });
    expect(repliesTo(event.replyToken)).toHaveLength(1);
  });
});

describe('group chats', () => {
  const source = { type: 'group' as const, groupId: GROUP_ID, userId: OTHER_USER_ID };

  it('stay silent when the bot is not mentioned', async () => {
    const event = textEvent('午餐吃什麼？', { source });
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('ignored');
    expect(repliesTo(event.replyToken)).toHaveLength(0);
  });

  it('answer a mention, without the mention in the question and without a loading animation', async () => {
    const mention = '@信保小幫手 ';
    const event = textEvent(`${mention}${FEE_QUESTION}`, {
      source,
      mentionees: [{ index: 0, length: mention.length - 1, type: 'user', userId: BOT_USER_ID, isSelf: true }],
    });
    const loadingsBefore = lineApi.loadings().length;
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('replied');
    expect(allText(repliesTo(event.replyToken)[0]?.body.messages)).toContain('40,000');
    expect(recorder.exchanges.at(-1)?.turn).toMatchObject({
      conversationId: `line:group:${GROUP_ID}`,
      userId: OTHER_USER_ID,
      event: { type: 'message', text: FEE_QUESTION },
    });
    expect(lineApi.loadings()).toHaveLength(loadingsBefore);
  });

  it('recognise a mention of the configured bot user id when LINE does not mark it isSelf', async () => {
    const event = textEvent(`@小幫手 ${FEE_QUESTION}`, {
      source,
      mentionees: [{ index: 0, length: 4, type: 'user', userId: BOT_USER_ID }],
    });
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('replied');
  });

  it('stay silent when someone else is mentioned', async () => {
    const event = textEvent(`@王經理 ${FEE_QUESTION}`, {
      source,
      mentionees: [{ index: 0, length: 4, type: 'user', userId: USER_ID, isSelf: false }],
    });
    await server.post(webhookBody(event));
    expect((await server.handled(event.webhookEventId)).outcome).toBe('ignored');
  });
});
