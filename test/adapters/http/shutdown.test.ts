import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createGracefulShutdown } from '../../../adapters/http/shutdown.ts';
import { listen } from './listen.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new connections, then closes the store', async () => {
    const app = express();
    let release: () => void = () => {};
    let started: () => void = () => {};
    const requestStarted = new Promise<void>((resolve) => (started = resolve));
    app.get('/slow', async (_req, res) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      res.json({ finished: true });
    });
    const running = await listen(app);
    const closed: string[] = [];
    const shutdown = createGracefulShutdown({
      server: running.server,
      logger: pino({ level: 'silent' }),
      closers: [{ name: 'interaction store', close: () => void closed.push('store') }],
    });

    const inFlight = fetch(`${running.url}/slow`);
    await requestStarted;
    const stopping = shutdown.shutdown('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));

    await expect(fetch(`${running.url}/slow`)).rejects.toThrow();
    expect(closed).toEqual([]);

    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await stopping;
    expect(closed).toEqual(['store']);
  });

  it('cuts connections still open after the grace period, and shuts down only once', async () => {
    const app = express();
    app.get('/never', () => {});
    const running = await listen(app);
    let closes = 0;
    const shutdown = createGracefulShutdown({
      server: running.server,
      logger: pino({ level: 'silent' }),
      closers: [{ name: 'counter', close: () => void closes++ }],
      graceMs: 100,
    });
    const hanging = fetch(`${running.url}/never`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 30));

    const startedAt = performance.now();
    await Promise.all([shutdown.shutdown('SIGTERM'), shutdown.shutdown('SIGINT')]);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(await hanging).toBeInstanceOf(Error);
    expect(closes).toBe(1);
  });
});
