import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../../adapters/line/handle-event.ts';
import type { Bot } from '../../../bot/types.ts';
import { createTestBot } from '../../support/bot.ts';
import { startFakeLineApi, type FakeLineApi } from './fake-line-api.ts';
import { startLineServer, type LineServer } from './line-server.ts';
import { textEvent, webhookBody } from './webhook-events.ts';

const QUESTION = '一般貸款500萬保8成B組一年手續費多少？';

let lineApi: FakeLineApi;
let server: LineServer;

beforeAll(async () => {
  lineApi = await startFakeLineApi();
  server = await startLineServer(await createTestBot(), lineApi.url);
});

afterAll(async () => {
  await server?.close();
  await lineApi?.close();
});

function failureLogFor(webhookEventId: string) {
  return server.logs.waitFor((l) => l.msg === 'LINE API call failed' && l.webhookEventId === webhookEventId);
}

describe('when the LINE API refuses a reply', () => {
  it.each([
    [429, { message: 'The API rate limit has been exceeded. Try again later.' }, 'warn'],
    [500, { message: 'Internal server error' }, 'warn'],
    [400, { message: 'Invalid reply token' }, 'error'],
  ])('logs a %i with the x-line-request-id and keeps serving', async (status, body, level) => {
    const event = textEvent(QUESTION);
    lineApi.failReply(event.replyToken, { status, body });
    const response = await server.post(webhookBody(event));
    expect(response.status).toBe(200);

    const logged = await failureLogFor(event.webhookEventId);
    const failedCall = lineApi.replies().find((c) => c.body.replyToken === event.replyToken)!;
    expect(logged).toMatchObject({ operation: 'reply', status, requestId: failedCall.requestId, detail: body.message });
    expect(logged.level).toBe(level === 'warn' ? 40 : 50);
    expect((await server.handled(event.webhookEventId)).outcome).toBe('failed');

    const next = textEvent(QUESTION);
    await server.post(webhookBody(next));
    expect((await server.handled(next.webhookEventId)).outcome).toBe('replied');
  });

  it('answers the other events of the same webhook all the same', async () => {
    const failing = textEvent(QUESTION);
    const fine = textEvent(QUESTION);
    lineApi.failReply(failing.replyToken, { status: 500, body: { message: 'Internal server error' } });
    await server.post(webhookBody(failing, fine));
    expect((await server.handled(failing.webhookEventId)).outcome).toBe('failed');
    expect((await server.handled(fine.webhookEventId)).outcome).toBe('replied');
    expect(lineApi.replies().filter((c) => c.body.replyToken === fine.replyToken)).toHaveLength(1);
  });
});

describe('when the LINE API cannot be reached', () => {
  it('logs the failure and keeps serving', async () => {
    const unreachable = await startFakeLineApi();
    await unreachable.close();
    const offline = await startLineServer(await createTestBot(), unreachable.url);
    try {
      const event = textEvent(QUESTION);
      expect((await offline.post(webhookBody(event))).status).toBe(200);
      expect((await offline.handled(event.webhookEventId)).outcome).toBe('failed');
      const logged = await offline.logs.waitFor((l) => l.msg === 'LINE API call failed' && l.operation === 'reply');
      expect(logged.status).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});

describe('when the bot fails on a question', () => {
  it('apologises to the user and logs the error', async () => {
    const broken: Bot = {
      handle: async () => {
        throw new Error('knowledge index unavailable');
      },
    };
    const apologising = await startLineServer(broken, lineApi.url);
    try {
      const event = textEvent(QUESTION);
      await apologising.post(webhookBody(event));
      expect((await apologising.handled(event.webhookEventId)).outcome).toBe('apologised');
      const reply = lineApi.replies().find((c) => c.body.replyToken === event.replyToken);
      expect(reply?.body.messages).toEqual([{ type: 'text', text: APOLOGY }]);
      const logged = await apologising.logs.waitFor((l) => l.msg === 'bot failed on a LINE turn');
      expect(logged.err.message).toBe('knowledge index unavailable');
    } finally {
      await apologising.close();
    }
  });
});
