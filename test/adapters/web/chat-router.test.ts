import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createTestBot } from '../../support/bot.ts';
import { recordingBot, startWebApp, type RunningWebApp } from './web-app.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';

let app: RunningWebApp;
let bot: ReturnType<typeof recordingBot>;

beforeAll(async () => {
  bot = recordingBot(await createTestBot());
  app = await startWebApp({ bot, maxMessageLength: 50, maxBodyBytes: 2048 });
});
afterAll(() => app.close());

function post(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${app.url}${path}`, { method: 'POST', headers, body });
}

function postJson(path: string, value: unknown, headers: Record<string, string> = {}) {
  return post(path, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

describe('POST /api/chat', () => {
  it('answers a fee question with the figure, a citation and quick replies', async () => {
    const response = await postJson('/api/chat', { conversationId: 'c-200', text: FEE_QUESTION });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { conversationId: string; replies: Array<Record<string, unknown>> };
    expect(body.conversationId).toBe('c-200');
    expect(body.replies.length).toBeGreaterThan(0);
    const answer = body.replies.find((r) => String(r.text).includes('40,000'));
    expect(answer).toBeDefined();
    expect(answer?.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId: expect.any(String), title: expect.any(String), section: expect.any(String) })]),
    );
    expect(body.replies.some((r) => Array.isArray(r.quickReplies) && r.quickReplies.length > 0)).toBe(true);
    expect(body.replies.every((r) => !('intent' in r))).toBe(true);
  });

  it('hands the bot the trimmed text on the api channel', async () => {
    await postJson('/api/chat', { conversationId: 'c-api', text: `  ${FEE_QUESTION}\n` });
    expect(bot.turns.at(-1)).toEqual({ conversationId: 'c-api', channel: 'api', event: { type: 'message', text: FEE_QUESTION } });
  });

  it('marks requests from the web page as the web channel', async () => {
    await postJson('/api/chat', { conversationId: 'c-web', text: FEE_QUESTION }, { 'x-client': 'web-chat' });
    expect(bot.turns.at(-1)?.channel).toBe('web');
  });

  it('answers politely, without asking the bot, when the message is over the limit', async () => {
    const before = bot.turns.length;
    const response = await postJson('/api/chat', { conversationId: 'c-long', text: '請'.repeat(51) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: Array<{ kind: string; text: string }> };
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]?.kind).toBe('error');
    expect(body.replies[0]?.text).toContain('太長');
    expect(body.replies[0]?.text).toContain('50');
    expect(bot.turns.length).toBe(before);
  });

  it('counts the limit after trimming', async () => {
    const response = await postJson('/api/chat', { conversationId: 'c-trim', text: `   ${'請'.repeat(50)}   ` });
    const body = (await response.json()) as { replies: Array<{ kind: string }> };
    expect(body.replies[0]?.kind).not.toBe('error');
  });

  it.each([
    ['a missing conversationId', { text: 'hi' }, 'conversationId: is required'],
    ['a missing text', { conversationId: 'c' }, 'text: is required'],
    ['a numeric text', { conversationId: 'c', text: 42 }, 'text: must be a string'],
    ['an empty conversationId', { conversationId: '', text: 'hi' }, 'conversationId: must not be empty'],
    ['a conversationId over 128 characters', { conversationId: 'x'.repeat(129), text: 'hi' }, 'conversationId: must be at most 128 characters'],
    ['an empty text', { conversationId: 'c', text: '   ' }, 'text: must not be empty'],
    ['an unknown field', { conversationId: 'c', text: 'hi', userId: 'u' }, 'userId: unknown field'],
    ['an array body', [], 'request body must be a JSON object'],
  ])('rejects %s with 400 naming the field', async (_case, value, message) => {
    const response = await postJson('/api/chat', value);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({ code: 'invalid_request', message: expect.stringContaining(message) });
  });

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const response = await post('/api/chat', '{"conversationId": "c", "text": ');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_json');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects an empty JSON request with 400 naming the missing fields', async () => {
    const response = await post('/api/chat', '');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe('conversationId: is required; text: is required');
  });

  it('accepts a charset parameter on the JSON content type', async () => {
    const response = await post('/api/chat', JSON.stringify({ conversationId: 'c', text: FEE_QUESTION }), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(200);
  });

  it('rejects a request without a content type with 415', async () => {
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', body: new Blob(['{}']) });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).message).toContain('got none');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await post('/api/chat', 'conversationId=c&text=hi', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    const error = await errorOf(response);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('application/json');
  });

  it('rejects a body over the byte limit with 413', async () => {
    const response = await postJson('/api/chat', { conversationId: 'c', text: 'a'.repeat(3000) });
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('2048 bytes');
  });
});

describe('a request body and its Content-Encoding', () => {
  const routes = [
    ['/api/chat', { conversationId: 'c-enc', text: FEE_QUESTION }],
    ['/api/feedback', { conversationId: 'c-enc', answerId: 'a-1', rating: 'up' }],
  ] as const;

  it.each(routes.flatMap(([path, value]) => ['gzip', 'br', 'deflate'].map((encoding) => [path, encoding, value] as const)))(
    '%s refuses a plain body declared %s with 400 unreadable_body',
    async (path, encoding, value) => {
      const response = await post(path, JSON.stringify(value), { 'content-type': 'application/json', 'content-encoding': encoding });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({ code: 'unreadable_body', message: expect.stringContaining(encoding) });
    },
  );

  it.each(routes)('%s refuses an encoding it cannot decode with 415 naming it', async (path, value) => {
    const response = await post(path, JSON.stringify(value), { 'content-type': 'application/json', 'content-encoding': 'compress' });
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toEqual({ code: 'unsupported_content_encoding', message: expect.stringContaining('"compress"') });
  });

  it('accepts a body that really is gzip-compressed', async () => {
    const body = gzipSync(JSON.stringify({ conversationId: 'c-gzip', text: FEE_QUESTION }));
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(response.status).toBe(200);
  });
});

describe('POST /api/feedback', () => {
  it('forwards the rating to the bot as a feedback turn and returns its replies', async () => {
    const response = await postJson(
      '/api/feedback',
      { conversationId: 'c-fb', answerId: 'a-1', rating: 'down', comment: '數字不對' },
      { 'x-client': 'web-chat' },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: Array<{ kind: string; text: string }> };
    expect(body.replies.length).toBeGreaterThan(0);
    expect(body.replies[0]?.text.length).toBeGreaterThan(0);
    expect(bot.turns.at(-1)).toEqual({
      conversationId: 'c-fb',
      channel: 'web',
      event: { type: 'feedback', answerId: 'a-1', rating: 'down', comment: '數字不對' },
    });
  });

  it('rejects a rating other than up or down with 400', async () => {
    const response = await postJson('/api/feedback', { conversationId: 'c', answerId: 'a', rating: 'meh' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('rating: must be "up" or "down"');
  });

  it('rejects a missing answerId with 400', async () => {
    const response = await postJson('/api/feedback', { conversationId: 'c', rating: 'up' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('answerId: is required');
  });
});

describe('POST /api/feedback on an answer the server never gave', () => {
  it('is refused with 404 naming the answerId, and never reaches the bot', async () => {
    const checked = await startWebApp({ bot, answerWasIssued: (answerId) => answerId === 'a-given' });
    try {
      const before = bot.turns.length;
      const refused = await fetch(`${checked.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: 'c-fb', answerId: 'a-invented', rating: 'down' }),
      });
      expect(refused.status).toBe(404);
      expect(await errorOf(refused)).toEqual({ code: 'unknown_answer', message: expect.stringContaining('answerId') });
      expect(bot.turns.length).toBe(before);

      const accepted = await fetch(`${checked.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: 'c-fb', answerId: 'a-given', rating: 'up' }),
      });
      expect(accepted.status).toBe(200);
    } finally {
      await checked.close();
    }
  });
});

describe('when the bot fails', () => {
  it('answers 500 with a polite Traditional Chinese message and logs the detail', async () => {
    const logged: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const failing = await startWebApp({
      bot: { handle: () => Promise.reject(new Error('search index unavailable')) },
      logger: pino({ level: 'info' }, sink),
    });
    try {
      const response = await fetch(`${failing.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: 'c', text: FEE_QUESTION }),
      });
      expect(response.status).toBe(500);
      const error = await errorOf(response);
      expect(error.code).toBe('internal_error');
      expect(error.message).toMatch(/抱歉.*請稍後再試/);
      expect(error.message).not.toContain('search index');
      expect(logged.join('')).toContain('search index unavailable');
    } finally {
      await failing.close();
    }
  });
});
