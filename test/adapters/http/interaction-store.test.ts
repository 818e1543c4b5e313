import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionEvent } from '../../../bot/types.ts';
import { SqliteInteractionStore, interactionStorePath } from '../../../adapters/http/interaction-store.ts';

const LINE_USER = 'U0123456789abcdef0123456789abcdef';
const at = new Date('2025-03-01T02:00:00Z');

function unanswered(text: string, type: 'unanswered' | 'low_confidence' = 'unanswered'): InteractionEvent {
  return { type, at, conversationId: LINE_USER, channel: 'line', userId: LINE_USER, text, intent: 'unknown', latencyMs: 3 };
}

function answered(text: string, answerId: string, answer: string): InteractionEvent {
  return { type: 'answered', at, conversationId: 'web-1', channel: 'web', text, intent: 'fact_lookup', answerId, answer, latencyMs: 4 };
}

function feedback(answerId: string, rating: 'up' | 'down', comment?: string): InteractionEvent {
  return { type: 'feedback', at, conversationId: 'web-1', channel: 'web', answerId, rating, ...(comment ? { comment } : {}) };
}

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'interactions-'));
  path = interactionStorePath(join(dir, 'data'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite interaction store', () => {
  it('keeps what it recorded after the process closes and reopens it', async () => {
    const first = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    first.record(unanswered('鳳凰貸款可以貸多少？'));
    first.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    first.record(feedback('a1', 'down', '數字不對'));
    await first.close();

    const reopened = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    expect(await reopened.counts()).toEqual({ answered: 1, unanswered: 1, lowConfidence: 0, feedbackUp: 0, feedbackDown: 1 });
    await reopened.close();
  });

  it('keeps a record once the turn that recorded it is over, even if the process then crashes (WAL, never closed)', async () => {
    const crashed = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    crashed.record(unanswered('青創貸款要什麼文件'));
    await new Promise((resolve) => setImmediate(resolve));
    // No close() and no read through the same store: another connection reads what the WAL holds, as a restarted process would.
    const reader = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    expect((await reader.counts()).unanswered).toBe(1);
    await reader.close();
  });

  it('has 👍/👎 on disk by the time record() returns, so the 200 that follows is never a lie', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    store.record(feedback('a1', 'up'));
    // Read at once, from another connection, before the event loop turns: what a process killed now would leave.
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('SELECT answer_id, rating FROM feedback').all();
    raw.close();
    await store.close();
    expect(rows).toEqual([{ answer_id: 'a1', rating: 'up' }]);
  });

  it('tells whether an answer id was recorded, across a restart', async () => {
    const first = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    first.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    expect(await first.hasAnswer('a1')).toBe(true);
    await first.close();
    const reopened = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    expect(await reopened.hasAnswer('a1')).toBe(true);
    expect(await reopened.hasAnswer('never-given')).toBe(false);
    await reopened.close();
  });

  it('stores no personal data: text redacted, LINE user and conversation ids hashed', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(unanswered(`我是 ${LINE_USER}，電話 0912-345-678，統編 12345678，身分證 A123456789`));
    await store.close();

    const raw = new Database(path, { readonly: true });
    const rows = JSON.stringify(raw.prepare('SELECT * FROM turns').all());
    raw.close();
    expect(rows).not.toContain(LINE_USER);
    expect(rows).not.toContain('0912');
    expect(rows).not.toContain('12345678');
    expect(rows).not.toContain('A123456789');
    expect(rows).toContain('[電話]');
  });

  it('hashes the same user the same way across restarts when no salt is configured', async () => {
    const first = new SqliteInteractionStore({ path });
    first.record(unanswered('問題一'));
    await first.close();
    const second = new SqliteInteractionStore({ path });
    second.record(unanswered('問題二'));
    await second.close();

    const raw = new Database(path, { readonly: true });
    const users = raw.prepare('SELECT DISTINCT user FROM turns').all();
    raw.close();
    expect(users).toHaveLength(1);
  });

  it('lists unanswered questions by frequency, treating spacing and final punctuation as the same question', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(unanswered('鳳凰貸款可以貸多少？'));
    store.record(unanswered('鳳凰貸款 可以貸多少'));
    store.record(unanswered('鳳凰貸款可以貸多少?'));
    store.record(unanswered('信保基金在哪裡'));
    store.record(unanswered('青創貸款利率', 'low_confidence'));
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));

    const rows = await store.unansweredQuestions(10);
    await store.close();
    expect(rows.map((row) => row.count)).toEqual([3, 1, 1]);
    expect(rows[0]?.question).toMatch(/^鳳凰貸款/);
    expect(rows.flatMap((row) => row.question)).not.toContain('一般貸款費率？');
  });

  it('lists the answers with the most 👎, with their 👍 and comments', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    store.record(answered('批保費率？', 'a2', '年費率 0.35%'));
    store.record(answered('批保費率', 'a3', '年費率 0.35%'));
    store.record(feedback('a1', 'down'));
    store.record(feedback('a2', 'down', '請寄到 x@y.com 給我'));
    store.record(feedback('a3', 'down'));
    store.record(feedback('a3', 'up'));

    const rows = await store.dislikedAnswers(10);
    await store.close();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ answer: '年費率 0.35%', down: 2, up: 1 });
    expect(rows[0]?.comments).toEqual(['請寄到 [電子郵件] 給我']);
    expect(rows[1]).toMatchObject({ answer: '年費率 0.95%', down: 1, up: 0 });
  });

  it('does not throw into the bot when a write fails', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    await store.close();
    expect(() => store.record(unanswered('關閉後寫入'))).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('writes many events of one turn together, and all of them', async () => {
    const store = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    for (let i = 0; i < 600; i++) store.record(unanswered(`問題 ${i % 7}`));
    await new Promise((resolve) => setImmediate(resolve));
    const reader = new SqliteInteractionStore({ path, salt: 'test-salt-1' });
    expect((await reader.counts()).unanswered).toBe(600);
    await reader.close();
    await store.close();
  });
});

describe('npm run report', () => {
  it('prints the most frequent unanswered questions and the most disliked answers with counts', async () => {
    const dataDir = join(dir, 'data');
    const store = new SqliteInteractionStore({ path: interactionStorePath(dataDir) });
    for (let i = 0; i < 3; i++) store.record(unanswered('微型創業鳳凰貸款的保證成數？'));
    store.record(unanswered('信保基金地址'));
    store.record(answered('批保費率？', 'a2', '年費率 0.35%'));
    store.record(feedback('a2', 'down'));
    await store.close();

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/report.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const unansweredLine = stdout.split('\n').find((line) => line.includes('微型創業鳳凰貸款的保證成數'));
    expect(unansweredLine).toMatch(/\b3 次/);
    expect(stdout).toMatch(/👎 1 {2}👍 0/);
    expect(stdout).toContain('年費率 0.35%');
  });
});
