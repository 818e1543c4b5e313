import express from 'express';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { requestContext, requestIdOf } from '../../../adapters/http/request-context.ts';
import { listen, type Listening } from './listen.ts';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('requestContext', () => {
  it('keeps an acceptable X-Request-Id, replaces an unacceptable one, and logs one line per request without the body', async () => {
    const { logger, lines } = capturingLogger();
    const app = express();
    app.use(requestContext(logger));
    app.post('/api/chat', express.json(), (_req, res) => {
      res.json({ requestId: requestIdOf(res) });
    });
    running = await listen(app);
    const post = (headers: Record<string, string>) =>
      fetch(`${running!.url}/api/chat?text=secret`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ conversationId: 'c', text: '我的統編 12345678 可以申請嗎' }),
      });

    const kept = await post({ 'X-Request-Id': 'lb-42.abc' });
    expect(kept.headers.get('x-request-id')).toBe('lb-42.abc');
    expect(await kept.json()).toEqual({ requestId: 'lb-42.abc' });

    const replaced = await post({ 'X-Request-Id': 'bad id "{injected}"' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const requestLines = lines.filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(2);
    expect(requestLines[0]).toMatchObject({ requestId: 'lb-42.abc', method: 'POST', path: '/api/chat', status: 200 });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('12345678');
    expect(logged).not.toContain('secret');
  });
});
