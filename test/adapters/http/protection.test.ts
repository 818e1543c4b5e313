import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bot, Turn } from '../../../bot/types.ts';
import {
  RATE_LIMITED_TEXT,
  TIMED_OUT_TEXT,
  TokenBucketRateLimiter,
  bodySizeLimit,
  rateLimitByClient,
  requestTimeout,
  withRateLimit,
} from '../../../adapters/http/protection.ts';
import { listen, type Listening } from './listen.ts';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('TokenBucketRateLimiter', () => {
  it('allows a minute’s worth at once, then refuses until a token has refilled', () => {
    let now = 0;
    const limiter = new TokenBucketRateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.consumeNow('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.consumeNow('a');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(limiter.consumeNow('b').allowed).toBe(true);
    now = 20_000;
    expect(limiter.consumeNow('a').allowed).toBe(true);
    expect(limiter.consumeNow('a').allowed).toBe(false);
  });

  it('remembers at most maxKeys users, forgetting the least recently seen', () => {
    const limiter = new TokenBucketRateLimiter({ perMinute: 1, maxKeys: 2, now: () => 0 });
    limiter.consumeNow('a');
    limiter.consumeNow('b');
    limiter.consumeNow('a');
    limiter.consumeNow('c');
    expect(limiter.size).toBe(2);
    // b was forgotten, so it starts with a full bucket; a is remembered and still empty.
    expect(limiter.consumeNow('a').allowed).toBe(false);
    expect(limiter.consumeNow('b').allowed).toBe(true);
  });
});

describe('rateLimitByClient', () => {
  it('answers HTTP 429 with a polite Traditional Chinese reply and Retry-After once a client is over the limit', async () => {
    const app = express();
    app.post('/api/chat', rateLimitByClient({ limiter: new TokenBucketRateLimiter({ perMinute: 2 }) }), (_req, res) => {
      res.json({ replies: [] });
    });
    running = await listen(app);
    const post = () => fetch(`${running!.url}/api/chat`, { method: 'POST' });

    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { code: string }; replies: Array<{ text: string }> };
    expect(body.error.code).toBe('rate_limited');
    expect(body.replies[0]?.text).toBe(RATE_LIMITED_TEXT);
  });
});

describe('withRateLimit', () => {
  const echo: Bot = { handle: async (turn) => [{ kind: 'answer', text: `ok ${turn.conversationId}`, citations: [] }] };
  const message = (userId: string | undefined, conversationId: string): Turn => ({
    conversationId,
    channel: 'line',
    event: { type: 'message', text: '費率？' },
    ...(userId ? { userId } : {}),
  });

  it('counts a LINE user across conversations, and refuses politely when over the limit', async () => {
    const bot = withRateLimit(echo, new TokenBucketRateLimiter({ perMinute: 1 }));
    expect((await bot.handle(message('U1', 'group-1')))[0]?.kind).toBe('answer');
    const refused = await bot.handle(message('U1', 'group-2'));
    expect(refused).toEqual([{ kind: 'error', text: RATE_LIMITED_TEXT, citations: [] }]);
    expect((await bot.handle(message('U2', 'group-1')))[0]?.kind).toBe('answer');
  });

  it('counts by conversation when there is no user id, and always lets feedback through', async () => {
    const bot = withRateLimit(echo, new TokenBucketRateLimiter({ perMinute: 1 }));
    await bot.handle(message(undefined, 'c1'));
    expect((await bot.handle(message(undefined, 'c1')))[0]?.kind).toBe('error');
    const feedback: Turn = { conversationId: 'c1', channel: 'web', event: { type: 'feedback', answerId: 'a', rating: 'up' } };
    expect((await bot.handle(feedback))[0]?.kind).toBe('answer');
  });
});

describe('requestTimeout', () => {
  it('answers 503 with an apology when the handler is too slow, and drops the late response quietly', async () => {
    const app = express();
    let lateResponseError: unknown;
    app.use(requestTimeout(50));
    app.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      try {
        res.json({ late: true });
      } catch (error) {
        lateResponseError = error;
      }
    });
    app.get('/fast', (_req, res) => {
      res.json({ fast: true });
    });
    running = await listen(app);

    const slow = await fetch(`${running.url}/slow`);
    expect(slow.status).toBe(503);
    expect(((await slow.json()) as { replies: Array<{ text: string }> }).replies[0]?.text).toBe(TIMED_OUT_TEXT);
    expect((await fetch(`${running.url}/fast`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(lateResponseError).toBeUndefined();
  });
});

describe('bodySizeLimit', () => {
  it('refuses a declared body above the limit with 413 before any route reads it', async () => {
    const app = express();
    let reached = false;
    app.use(bodySizeLimit(1024));
    app.post('/anything', express.text({ limit: '1mb' }), (_req, res) => {
      reached = true;
      res.send('ok');
    });
    running = await listen(app);

    const big = await fetch(`${running.url}/anything`, { method: 'POST', body: 'x'.repeat(2048), headers: { 'content-type': 'text/plain' } });
    expect(big.status).toBe(413);
    expect(reached).toBe(false);
    const small = await fetch(`${running.url}/anything`, { method: 'POST', body: 'x'.repeat(100), headers: { 'content-type': 'text/plain' } });
    expect(small.status).toBe(200);
  });
});
