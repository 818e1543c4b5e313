import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot } from '../../support/bot.ts';
import { recordingBot } from '../line/line-server.ts';
import { messageActivity, startBotServer, type BotServer } from './bot-server.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';

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

function send(body: string | Buffer, headers: Record<string, string>) {
  return fetch(server.url, { method: 'POST', headers, body });
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Nothing reached the bot and nothing was sent anywhere. */
function expectUntouched(turnsBefore: number, callsBefore: number) {
  expect(recorder.exchanges).toHaveLength(turnsBefore);
  expect(connector.calls).toHaveLength(callsBefore);
}

function without(activity: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _removed, ...rest } = activity;
  return rest;
}

describe('an activity that is not one', () => {
  it.each([
    ['an empty body', ''],
    ['an empty object', '{}'],
  ])('is refused with 400 JSON naming the missing fields when it is %s', async (_case, body) => {
    const response = await send(body, { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_activity');
    for (const field of ['type', 'channelId', 'serviceUrl', 'conversation', 'from']) expect(error.message).toContain(`${field}: is required`);
  });

  it('is refused with 415 when it is not JSON', async () => {
    const response = await send('hello', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toEqual({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') });
  });

  it('is refused with 400 invalid_json when the JSON is broken, and the body is never logged', async () => {
    const response = await send('{"type": "message", "text": "我的電話 0912345678', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_json');
    expect(JSON.stringify(server.logs.lines)).not.toContain('0912345678');
  });
});

describe('a message activity with one bad field', () => {
  it.each([
    ['no serviceUrl', (a: Record<string, unknown>) => without(a, 'serviceUrl'), 'serviceUrl: is required'],
    ['a serviceUrl that is not a URL', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 'not a url' }), 'serviceUrl: must be an http(s) URL'],
    ['a file: serviceUrl', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 'file:///etc/passwd' }), 'serviceUrl: must be an http(s) URL'],
    ['no conversation id', (a: Record<string, unknown>) => ({ ...a, conversation: {} }), 'conversation.id: is required'],
    ['no sender id', (a: Record<string, unknown>) => ({ ...a, from: { name: '王小明' } }), 'from.id: is required'],
    ['a numeric text', (a: Record<string, unknown>) => ({ ...a, text: 42 }), 'text: must be a string'],
    ['an empty type', (a: Record<string, unknown>) => ({ ...a, type: '' }), 'type: must not be empty'],
    ['a member added that is null', (a: Record<string, unknown>) => ({ ...a, membersAdded: [null] }), 'membersAdded.0'],
    ['a mention that names no one', (a: Record<string, unknown>) => ({ ...a, entities: [{ type: 'mention' }] }), 'entities.0.mentioned'],
  ])('is refused with 400 naming the field when it has %s, without calling the bot or anyone', async (_case, spoil, message) => {
    const turnsBefore = recorder.exchanges.length;
    const callsBefore = connector.calls.length;
    const activity = spoil(messageActivity(connector.url, '一般貸款費率？'));
    const started = performance.now();
    const response = await server.post(activity);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ code: 'invalid_activity', message: expect.stringContaining(message) });
    expect(performance.now() - started).toBeLessThan(1_000);
    expectUntouched(turnsBefore, callsBefore);
  });

  it('is answered as before when text is null (some channels send it so)', async () => {
    const response = await server.post(messageActivity(connector.url, '', { text: null, deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
  });
});

describe('a body and its Content-Encoding', () => {
  it.each(['gzip', 'br'])('is refused with 400 when a plain body is declared %s', async (encoding) => {
    const turnsBefore = recorder.exchanges.length;
    const callsBefore = connector.calls.length;
    const response = await send(JSON.stringify(messageActivity(connector.url, '費率？')), {
      'content-type': 'application/json',
      'content-encoding': encoding,
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ code: 'unreadable_body', message: expect.stringContaining(encoding) });
    expectUntouched(turnsBefore, callsBefore);
  });

  it('is refused with 415 for an encoding the server cannot decode', async () => {
    const response = await send(JSON.stringify(messageActivity(connector.url, '費率？')), {
      'content-type': 'application/json',
      'content-encoding': 'compress',
    });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('unsupported_content_encoding');
  });
});
