import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopbackAddress } from '../../../adapters/botframework/index.ts';
import { APOLOGY } from '../../../adapters/botframework/router.ts';
import type { Bot, Turn } from '../../../bot/types.ts';
import { createTestBot } from '../../support/bot.ts';
import { recordingBot } from '../line/line-server.ts';
import { membersAddedActivity, messageActivity, startBotServer, startBotServerOnSocket, type BotServer } from './bot-server.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

let connector: FakeConnector;
let server: BotServer;
let recorder: ReturnType<typeof recordingBot>;

beforeAll(async () => {
  connector = await startFakeConnector();
  recorder = recordingBot(await createTestBot());
  server = await startBotServer(recorder.bot);
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
});

function postedReplyTo(activityId: string) {
  return connector.calls.filter((c) => c.method === 'POST' && c.path === `/v3/conversations/conversation-1/activities/${activityId}`);
}

describe('an activity with deliveryMode "expectReplies"', () => {
  it('gets the answer in the response body and nothing posted to the serviceUrl', async () => {
    const callsBefore = connector.calls.length;
    const activity = messageActivity(connector.url, FEE_QUESTION, { deliveryMode: 'expectReplies' });
    const response = await server.post(activity);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: any[] };
    const texts = body.activities.map((a) => a.text ?? '').join('\n');
    expect(texts).toContain('40,000');
    expect(body.activities.every((a) => a.type === 'message' && a.replyToId === activity.id)).toBe(true);
    expect(connector.calls.length).toBe(callsBefore);
  });
});

describe('a normal message activity', () => {
  const activity = messageActivity('', FEE_QUESTION);
  let response: Response;

  beforeAll(async () => {
    activity.serviceUrl = connector.url;
    response = await server.post(activity);
  });

  it('is acknowledged once the reply has been posted to the serviceUrl', () => {
    expect(response.status).toBe(200);
    expect(postedReplyTo(activity.id).length).toBeGreaterThan(0);
  });

  it('is answered with the expected figure, addressed back to the user', () => {
    const [posted] = postedReplyTo(activity.id);
    expect(posted?.body).toMatchObject({
      type: 'message',
      replyToId: activity.id,
      conversation: { id: 'conversation-1' },
      recipient: { id: 'user-1' },
      from: { id: 'bot-1' },
    });
    expect(postedReplyTo(activity.id).map((c) => c.body.text).join('\n')).toContain('40,000');
  });

  it('carries the calculation as an Adaptive Card', () => {
    const card = postedReplyTo(activity.id)
      .flatMap((c) => c.body.attachments ?? [])
      .find((a: any) => a.contentType === ADAPTIVE_CARD);
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.3' });
    expect(JSON.stringify(card.content)).toContain('40,000');
  });

  it('passes the bot a turn keyed by channel and conversation', () => {
    const turn = recorder.exchanges.find((e) => e.turn.conversationId === 'botframework:emulator:conversation-1')?.turn;
    expect(turn).toMatchObject({ channel: 'botframework', userId: 'user-1', event: { type: 'message', text: FEE_QUESTION } });
  });
});

describe('conversationUpdate', () => {
  it('welcomes a user who joins', async () => {
    const activity = membersAddedActivity(connector.url, ['bot-1', 'user-1']);
    expect((await server.post(activity)).status).toBe(200);
    const posted = connector.calls.filter((c) => c.path.startsWith(`/v3/conversations/${activity.conversation.id}/`));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.text.length).toBeGreaterThan(0);
    expect(recorder.exchanges.at(-1)?.turn).toMatchObject({ conversationId: `botframework:emulator:${activity.conversation.id}`, event: { type: 'greeting' } });
  });

  it('says nothing when only the bot itself was added', async () => {
    const activity = membersAddedActivity(connector.url, ['bot-1']);
    expect((await server.post(activity)).status).toBe(200);
    expect(connector.calls.filter((c) => c.path.startsWith(`/v3/conversations/${activity.conversation.id}/`))).toHaveLength(0);
  });
});

describe('a 👍 pressed on an answer card', () => {
  it('reaches the bot as feedback on that answer', async () => {
    const activity = messageActivity(connector.url, '', { value: { feedback: 'up', answerId: 'answer-7' }, deliveryMode: 'expectReplies' });
    const response = await server.post(activity);
    expect(response.status).toBe(200);
    expect(recorder.exchanges.at(-1)?.turn.event).toEqual({ type: 'feedback', answerId: 'answer-7', rating: 'up' });
  });
});

describe('when the bot fails', () => {
  it('apologises and logs the error', async () => {
    const broken: Bot = {
      handle: async (_turn: Turn) => {
        throw new Error('rules not loaded');
      },
    };
    const failing = await startBotServer(broken);
    try {
      const response = await failing.post(messageActivity(connector.url, FEE_QUESTION, { deliveryMode: 'expectReplies' }));
      const body = (await response.json()) as { activities: any[] };
      expect(body.activities.map((a) => a.text)).toEqual([APOLOGY]);
      const logged = await failing.logs.waitFor((l) => l.msg === 'bot failed on a Bot Framework turn');
      expect(logged.err.message).toBe('rules not loaded');
    } finally {
      await failing.close();
    }
  });
});

describe('without credentials', () => {
  it('says in the log that only loopback requests are accepted', () => {
    expect(server.logs.lines.some((l) => l.level === 40 && /loopback requests only/.test(l.msg))).toBe(true);
  });

  // A Unix domain socket: the client has no IP address, so nothing proves it is local and it must be refused.
  it('rejects a request with no loopback remote address with 401, a log line and no reply posted', async () => {
    const exposed = await startBotServerOnSocket(recorder.bot);
    try {
      const turnsBefore = recorder.exchanges.length;
      const connectorCallsBefore = connector.calls.length;
      const activity = messageActivity(connector.url, FEE_QUESTION);
      const response = await exposed.post(activity);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'unauthorized' });
      const logged = await exposed.logs.waitFor((l) => l.msg.startsWith('Bot Framework request rejected'));
      expect(logged.remoteAddress).toBeUndefined();
      expect(recorder.exchanges).toHaveLength(turnsBefore);
      expect(connector.calls).toHaveLength(connectorCallsBefore);
      expect(postedReplyTo(activity.id)).toHaveLength(0);
    } finally {
      await exposed.close();
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['127.45.6.7', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.1', true],
    ['192.0.2.2', false],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['fd00::2', false],
    ['128.0.0.1', false],
    ['', false],
    [undefined, false],
  ])('treats %s as loopback: %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('with credentials', () => {
  it('rejects an unauthenticated request even from loopback', async () => {
    const secured = await startBotServer(recorder.bot, {
      credentials: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-secret' },
    });
    // CloudAdapter prints every authentication failure to the console itself.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const turnsBefore = recorder.exchanges.length;
      const response = await secured.post(messageActivity(connector.url, FEE_QUESTION));
      expect(response.status).toBe(401);
      expect(recorder.exchanges).toHaveLength(turnsBefore);
    } finally {
      consoleError.mockRestore();
      await secured.close();
    }
  });
});
