import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresInteractionStore } from '../../../adapters/http/postgres-interaction-store.ts';
import { migrate, POSTGRES_MIGRATIONS_DIR } from '../../../adapters/http/postgres-migrations.ts';
import { startServer } from '../../../adapters/http/server.ts';
import type { InteractionEvent } from '../../../bot/types.ts';
import { freePort, hasPostgres, startPostgres, type TestPostgres } from '../../support/postgres.ts';

const USER = 'U0123456789abcdef0123456789abcdef';
const DAY_MS = 24 * 60 * 60 * 1000;

function asked(text: string, at = new Date()): InteractionEvent {
  return { type: 'unanswered', at, conversationId: USER, channel: 'line', userId: USER, text, intent: 'unknown', latencyMs: 2 };
}

function answered(text: string, answerId: string, at = new Date()): InteractionEvent {
  return { type: 'answered', at, conversationId: 'web-1', channel: 'web', text, intent: 'fact_lookup', answerId, answer: '年費率 0.95%', latencyMs: 2 };
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Log lines a store writes, as objects. */
function capturedLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** A TCP relay to PostgreSQL that can be cut (connections dropped, port closed) and restored on the same port. */
async function startRelay(target: URL) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const open = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  };
  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  };
  await open();
  const url = new URL(target);
  url.port = String(port);
  return { url: url.toString(), cut, restore: open };
}

describe.skipIf(!hasPostgres)('the PostgreSQL interaction store', () => {
  let postgres: TestPostgres;
  const stores: PostgresInteractionStore[] = [];
  const open = (options: ConstructorParameters<typeof PostgresInteractionStore>[0]) => {
    const store = new PostgresInteractionStore(options);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await postgres?.stop();
  });

  describe('migrations', () => {
    it('are applied once, in order, and recorded; instances starting together migrate once', async () => {
      const url = await postgres.createDatabase();
      const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
      try {
        const results = await Promise.all(pools.map((pool) => migrate(pool)));
        expect(results.map((result) => result.applied).sort()).toEqual([[], ['001_interactions.sql']]);
        expect(await migrate(pools[0]!)).toEqual({ applied: [] });
      } finally {
        for (const pool of pools) await pool.end();
      }
      const recorded = await query<{ name: string }>(url, 'SELECT name FROM schema_migrations ORDER BY name');
      expect(recorded.map((row) => row.name)).toEqual(['001_interactions.sql']);
      const tables = await query<{ table_name: string }>(
        url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual(['feedback', 'meta', 'schema_migrations', 'turns']);
    });

    it('leave nothing half done when one fails: the ones before it in the same run are rolled back too', async () => {
      const url = await postgres.createDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
      writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE first_table (id int);');
      writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE second_table (id int); SELECT no_such_function();');
      writeFileSync(join(dir, 'notes.txt'), 'not a migration');
      const pool = new pg.Pool({ connectionString: url });
      try {
        await expect(migrate(pool, dir)).rejects.toThrow(/no_such_function/);
        const tables = await query<{ n: number }>(
          url,
          `SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
        );
        expect(tables[0]?.n).toBe(0);
        writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE second_table (id int);');
        expect(await migrate(pool, dir)).toEqual({ applied: ['001_first.sql', '002_broken.sql'] });
      } finally {
        await pool.end();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('ship with the code beside the store', () => {
      expect(POSTGRES_MIGRATIONS_DIR).toMatch(/adapters\/http\/migrations\/postgres\/$/);
    });
  });

  it('shares one salt between instances: the first makes it and keeps it in meta, INTERACTIONS_SALT overrides it', async () => {
    const url = await postgres.createDatabase();
    const [first, second] = [open({ url }), open({ url })];
    first.record(asked('問題一'));
    second.record(asked('問題二'));
    await Promise.all([first.flush(), second.flush()]);
    const users = await query<{ user: string }>(url, 'SELECT DISTINCT "user" FROM turns');
    expect(users).toHaveLength(1);
    const salt = await query<{ value: string }>(url, `SELECT value FROM meta WHERE key = 'salt'`);
    expect(salt[0]?.value).toMatch(/^[0-9a-f]{64}$/);

    const configured = open({ url, salt: 'configured-salt' });
    configured.record(asked('問題三'));
    await configured.flush();
    expect((await query(url, 'SELECT DISTINCT "user" FROM turns')).length).toBe(2);
  });

  it('holds events while PostgreSQL cannot be reached and writes them when it answers again; the caller never waits', async () => {
    const url = await postgres.createDatabase();
    const relay = await startRelay(new URL(url));
    const { logger, lines } = capturedLogger();
    const store = open({ url: relay.url, logger, timeoutMs: 1_000 });
    store.record(asked('連線正常時'));
    await store.flush();

    await relay.cut();
    const started = performance.now();
    for (let i = 0; i < 50; i++) store.record(asked(`斷線期間 ${i}`));
    expect(performance.now() - started).toBeLessThan(50);
    await store.flush();
    await expect(store.counts()).rejects.toThrow();
    expect(lines.filter((line) => line.msg.includes('cannot be reached'))).toHaveLength(1);

    await relay.restore();
    await vi.waitFor(async () => expect((await store.counts()).unanswered).toBe(51), { timeout: 10_000 });
    expect(lines.some((line) => line.msg.includes('reachable again'))).toBe(true);
    await relay.cut();
  });

  it('drops only the events PostgreSQL refuses (or that cannot be written at all), logs them, and writes the rest of their batch', async () => {
    const url = await postgres.createDatabase();
    const { logger, lines } = capturedLogger();
    const store = open({ url, logger });
    const refused = { type: 'feedback', at: new Date(), conversationId: 'c', channel: 'web', answerId: 'a1', rating: 'meh' } as unknown as InteractionEvent;
    store.record(asked('前一題'));
    store.record(refused);
    store.record(asked('沒有日期', new Date(Number.NaN)));
    store.record(asked('後一題\u0000'));
    await store.flush();
    const questions = await query<{ question: string }>(url, 'SELECT question FROM turns ORDER BY id');
    expect(questions.map((row) => row.question)).toEqual(['前一題', '後一題']);
    expect(lines.filter((line) => line.msg.includes('could not record an interaction'))).toHaveLength(2);
  });

  it('holds events while its tables cannot be made, and writes them once they can', async () => {
    const url = await postgres.createDatabase();
    // Something in the way of the first migration, as a database shared with another application might have.
    await query(url, 'CREATE TABLE turns (something_else int)');
    const { logger, lines } = capturedLogger();
    const store = open({ url, logger });
    store.record(asked('遷移前的問題'));
    await store.flush();
    await expect(store.counts()).rejects.toThrow(/turns/);
    expect(lines.some((line) => line.msg.includes('holding events'))).toBe(true);

    await query(url, 'DROP TABLE turns');
    await store.flush();
    expect(await store.unansweredQuestions()).toMatchObject([{ question: '遷移前的問題', count: 1 }]);
  });

  describe('in the server (DATABASE_URL)', () => {
    const env = (databaseUrl: string) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      KNOWLEDGE_WATCH: 'false',
      DATABASE_URL: databaseUrl,
    });

    async function ask(url: string, text: string) {
      const response = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: 'pg-user', text }),
      });
      return { status: response.status, body: (await response.json()) as { replies: Array<{ text: string; answerId?: string }> } };
    }

    it('applies the retention at start-up and records each question there', async () => {
      const url = await postgres.createDatabase();
      const seed = open({ url });
      seed.record(answered('一般貸款費率？', 'old', new Date(Date.now() - 181 * DAY_MS)));
      seed.record(answered('一般貸款費率？', 'recent', new Date(Date.now() - DAY_MS)));
      await seed.flush();

      const server = await startServer({ port: 0, host: '127.0.0.1', env: env(url) });
      try {
        expect((await ask(server.url, '一般貸款500萬保8成B組一年手續費多少？')).status).toBe(200);
        await vi.waitFor(
          async () => {
            const rows = await query<{ answer_id: string | null; question: string }>(url, 'SELECT answer_id, question FROM turns ORDER BY id');
            expect(rows.map((row) => row.answer_id)).not.toContain('old');
            expect(rows.map((row) => row.question)).toContain('一般貸款500萬保8成B組一年手續費多少?');
          },
          { timeout: 5_000 },
        );
      } finally {
        await server.close();
      }
    });

    it('answers at once and takes 👍 on its own answers while PostgreSQL is down, and shuts down promptly', async () => {
      const nobody = await freePort();
      const server = await startServer({ port: 0, host: '127.0.0.1', env: env(`postgres://smeg@127.0.0.1:${nobody}/smeg`) });
      let closed = false;
      try {
        const started = performance.now();
        const fee = await ask(server.url, '一般貸款500萬保8成B組一年手續費多少？');
        expect(fee.status).toBe(200);
        expect(fee.body.replies[0]?.text).toContain('40,000');
        expect(performance.now() - started).toBeLessThan(2_000);
        const answerId = fee.body.replies.find((reply) => reply.answerId)?.answerId;
        const rating = await fetch(`${server.url}/api/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ conversationId: 'pg-user', answerId, rating: 'up' }),
        });
        expect(rating.status).toBe(200);
        // An answer id it did not give cannot be checked with the other instances now: refused, without a long wait.
        const asking = performance.now();
        const unknown = await fetch(`${server.url}/api/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ conversationId: 'pg-user', answerId: '00000000-0000-4000-8000-000000000000', rating: 'up' }),
        });
        expect(unknown.status).toBe(404);
        expect(performance.now() - asking).toBeLessThan(3_000);
        const closing = performance.now();
        await server.close();
        closed = true;
        expect(performance.now() - closing).toBeLessThan(8_000);
      } finally {
        if (!closed) await server.close();
      }
    });

    it('is what npm run report reads', async () => {
      const url = await postgres.createDatabase();
      const store = open({ url });
      for (let i = 0; i < 3; i++) store.record(asked('微型創業鳳凰貸款的保證成數？'));
      store.record(asked('信保基金地址'));
      await store.flush();
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/report.ts'], {
        env: { ...process.env, DATABASE_URL: url, DATA_DIR: join(tmpdir(), 'no-such-data-dir') },
      });
      expect(stdout).toContain('PostgreSQL 127.0.0.1');
      expect(stdout).not.toContain('smeg@');
      expect(stdout.split('\n').find((line) => line.includes('微型創業鳳凰貸款的保證成數'))).toMatch(/\b3 次/);
      expect(stdout).toContain('無法回答 4');
    });
  });
});
