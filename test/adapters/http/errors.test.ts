import express from 'express';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { httpErrorMapper, notFound } from '../../../adapters/http/errors.ts';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';
import { listen, type Listening } from './listen.ts';

describe('the running server, for a path no route serves', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', KNOWLEDGE_WATCH: 'false' },
    });
  });
  afterAll(() => server?.close());

  it.each([
    ['GET', '/no/such/page'],
    ['POST', '/api/nothing'],
    ['GET', '/api/chat'],
    ['DELETE', '/api/feedback'],
  ])('answers %s %s with a JSON 404', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining(path) } });
  });

  it('still serves the chat page and its files', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const script = await fetch(`${server.url}/chat.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });
});

describe('httpErrorMapper', () => {
  let running: Listening | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  function capturingLogger() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { logger: pino({ level: 'debug' }, stream), lines };
  }

  it('answers an error no adapter mapped with a JSON 500 apology, and logs it without the body it carries', async () => {
    const { logger, lines } = capturingLogger();
    const app = express();
    app.post('/anything', () => {
      throw Object.assign(new Error('store unavailable'), { body: '我的電話 0912345678' });
    });
    app.use(notFound);
    app.use(httpErrorMapper(logger));
    running = await listen(app);

    const response = await fetch(`${running.url}/anything`, { method: 'POST' });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).toMatch(/抱歉/);
    expect(body.error.message).not.toContain('store unavailable');
    expect(lines.join('')).toContain('store unavailable');
    expect(lines.join('')).not.toContain('0912345678');
  });

  it('keeps the status of a client error it was handed, with a JSON body', async () => {
    const { logger } = capturingLogger();
    const app = express();
    app.post('/anything', express.json(), (_req, res) => {
      res.json({});
    });
    app.use(httpErrorMapper(logger));
    running = await listen(app);

    const response = await fetch(`${running.url}/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": "0912345678',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });
});
