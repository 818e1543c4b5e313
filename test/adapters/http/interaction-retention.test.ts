import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRetention } from '../../../adapters/http/interaction-retention.ts';
import { SqliteInteractionStore, interactionStorePath } from '../../../adapters/http/interaction-store.ts';
import { startServer } from '../../../adapters/http/server.ts';
import type { InteractionEvent } from '../../../bot/types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

function answered(at: Date, answerId: string): InteractionEvent {
  return { type: 'answered', at, conversationId: 'web-1', channel: 'web', text: '一般貸款費率？', intent: 'fact_lookup', answerId, answer: '年費率 0.95%', latencyMs: 4 };
}

function unanswered(at: Date): InteractionEvent {
  return { type: 'unanswered', at, conversationId: 'web-1', channel: 'web', text: '信保基金地址', intent: 'unknown', latencyMs: 3 };
}

function feedback(at: Date, answerId: string): InteractionEvent {
  return { type: 'feedback', at, conversationId: 'web-1', channel: 'web', answerId, rating: 'down' };
}

function rowCounts(path: string): { turns: number; feedback: number } {
  const raw = new Database(path, { readonly: true });
  try {
    const count = (table: string) => (raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { turns: count('turns'), feedback: count('feedback') };
  } finally {
    raw.close();
  }
}

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retention-'));
  path = interactionStorePath(join(dir, 'data'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const today = new Date('2025-09-01T00:00:00Z');
const daysBefore = (days: number, from = today) => new Date(from.getTime() - days * DAY_MS);

describe('interaction retention', () => {
  it('deletes questions, answers and 👍/👎 older than the retention at once, and keeps the rest', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(answered(daysBefore(181), 'old'));
    store.record(feedback(daysBefore(181), 'old'));
    store.record(unanswered(daysBefore(200)));
    store.record(answered(daysBefore(179), 'recent'));
    store.record(feedback(daysBefore(1), 'recent'));

    const retention = startRetention({ store, days: 180, now: () => today });
    await retention.idle();
    retention.stop();
    await store.close();
    expect(rowCounts(path)).toEqual({ turns: 1, feedback: 1 });
  });

  it('deletes again every hour as rows come of age, by the injected clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = today;
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    // 180 days old thirty minutes from now.
    store.record(answered(new Date(daysBefore(180).getTime() + 30 * 60 * 1000), 'ageing'));
    const retention = startRetention({ store, days: 180, now: () => now });
    await retention.idle();
    expect((await store.counts()).answered).toBe(1);

    now = new Date(today.getTime() + HOUR_MS);
    vi.advanceTimersByTime(HOUR_MS);
    await retention.idle();
    expect((await store.counts()).answered).toBe(0);
    retention.stop();
    await store.close();
  });

  it('keeps everything when the retention is 0 days', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(answered(daysBefore(5_000), 'ancient'));
    const retention = startRetention({ store, days: 0, now: () => today });
    vi.advanceTimersByTime(24 * HOUR_MS);
    await retention.idle();
    expect((await store.counts()).answered).toBe(1);
    retention.stop();
    await store.close();
  });

  it('is applied by the server at start-up, 180 days by default', async () => {
    const dataDir = join(dir, 'data');
    const store = new SqliteInteractionStore({ path });
    store.record(answered(daysBefore(181, new Date()), 'old'));
    store.record(answered(daysBefore(1, new Date()), 'recent'));
    await store.close();

    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false' },
    });
    try {
      expect(rowCounts(path).turns).toBe(1);
    } finally {
      await server.close();
    }
  });
});
