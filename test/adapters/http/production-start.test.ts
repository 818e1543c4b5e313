import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { faithfulParaphrase, startFakeLlm, type FakeLlm } from '../../../scripts/fake-llm.ts';
import { hasRedis, startRedis, type RedisServer } from '../../bot/dialogue/redis-server.ts';
import { hasPostgres, startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { messageActivity } from '../botframework/bot-server.ts';
import { spawnServer, type ServerProcess } from './server-process.ts';

const ADMIN_TOKEN = 'production-start-test-token';

/** True while any process of the group `leader` leads is still running. */
function groupIsAlive(leader: number): boolean {
  try {
    process.kill(-leader, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function ask(url: string, text: string, conversationId = `production-start-${text.length}`) {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, text }),
  });
  return (await response.json()) as { replies: { kind: string; text: string }[] };
}

/** The bundle `npm start` runs, started directly. */
const BUILT = [process.execPath, '--enable-source-maps', 'dist/adapters/http/main.js'];

// One build for every test of this file (tests in other files do not use dist/).
beforeAll(async () => {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { timeout: 120_000 });
}, 180_000);

describe('npm start, after the build npm ci runs', () => {
  let server: ServerProcess;
  let url: string;
  let leader: number;

  beforeAll(async () => {
    server = spawnServer({ PORT: '0', ADMIN_TOKEN }, ['npm', 'start']);
    leader = server.child.pid ?? 0;
    url = await waitFor('starting', server.listening, 30_000);
  }, 60_000);

  afterAll(() => {
    if (groupIsAlive(leader)) process.kill(-leader, 'SIGKILL');
  });

  it('runs compiled JavaScript with plain node, without tsx', async () => {
    const { stdout } = await promisify(execFile)('ps', ['-o', 'args=', '-g', String(leader)]);
    expect(stdout).toMatch(/node --enable-source-maps dist\/adapters\/http\/main\.js/);
    expect(stdout).not.toMatch(/tsx|esbuild/);
  });

  it('is healthy and serves the chat page and its scripts, copied beside the compiled code', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect((await fetch(`${url}/chat.js`)).status).toBe(200);
  });

  it('serves the staff console page and its assets', async () => {
    expect((await fetch(`${url}/admin`)).status).toBe(200);
    expect((await fetch(`${url}/admin/assets/console.css`)).status).toBe(200);
  });

  it('answers with the registry, the English labels and the handoff words shipped beside the code', async () => {
    const fee = await ask(url, '一般貸款500萬保8成B組一年手續費多少？');
    expect(fee.replies[0]?.text).toContain('40,000');
    const english = await ask(url, 'What is the guarantee fee for a general loan of 5 million at 80% group B for one year?');
    expect(english.replies[0]?.text).toMatch(/^Guarantee fee: NT\$ 40,000/);
    const handoff = await ask(url, '找真人');
    expect(handoff.replies[0]?.kind).toBe('handoff');
  });

  it('stops on SIGTERM to the npm process within a few seconds, leaving no process behind', async () => {
    server.child.kill('SIGTERM');
    const code = await waitFor('stopping', server.exited, 5_000);
    expect(code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(groupIsAlive(leader)).toBe(false);
  });
});

describe('the built server when it cannot start', () => {
  it('names the sources of the bundled code in its stack trace', async () => {
    const server = spawnServer({ PORT: '0', KNOWLEDGE_DIR: '/nonexistent-knowledge-folder' }, BUILT);
    expect(await waitFor('exiting', server.exited, 30_000)).not.toBe(0);
    expect(server.stderr()).toMatch(/at createLiveSources \(\S*adapters\/http\/live-sources\.ts:\d+:\d+\)/);
    expect(server.stderr()).toMatch(/at async startServer \(\S*adapters\/http\/server\.ts:\d+:\d+\)/);
  });
});

// The SDKs are outside the bundle and loaded only when configured: each configured here, each used once.
describe.skipIf(!hasRedis || !hasPostgres)('the built server with Redis, PostgreSQL, LINE, Bot Framework and a model', () => {
  let redis: RedisServer;
  let postgres: TestPostgres;
  let databaseUrl: string;
  let llm: FakeLlm;
  let server: ServerProcess;
  let url: string;

  beforeAll(async () => {
    [redis, postgres, llm] = await Promise.all([startRedis(), startPostgres(), startFakeLlm(faithfulParaphrase)]);
    databaseUrl = await postgres.createDatabase();
    server = spawnServer(
      {
        PORT: '0',
        REDIS_URL: redis.url,
        DATABASE_URL: databaseUrl,
        LINE_CHANNEL_SECRET: 'production-start-line-secret',
        LINE_CHANNEL_ACCESS_TOKEN: 'production-start-line-token',
        OPENAI_BASE_URL: llm.baseURL,
        OPENAI_MODEL: 'fake-model',
      },
      BUILT,
    );
    url = await waitFor('starting', server.listening, 30_000);
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await Promise.all([redis?.stop(), postgres?.stop(), llm?.close()]);
  });

  it('keeps the conversation in Redis, writes the question to PostgreSQL and asks the model', async () => {
    const fee = await ask(url, '一般貸款500萬保8成B組一年手續費多少？', 'configured-1');
    expect(fee.replies[0]?.text).toContain('40,000');
    const probe = new Redis(redis.url);
    try {
      await vi.waitFor(async () => expect(await probe.exists('smeg:conversation:configured-1')).toBe(1), { timeout: 5_000 });
    } finally {
      probe.disconnect();
    }
    // The model's SDK loads in the background: a question asked before it has loaded may be answered without it.
    let asked = 1;
    await vi.waitFor(
      async () => {
        if (llm.requests.length === 0) await ask(url, '青創貸款最高保幾成？', `configured-${(asked += 1)}`);
        expect(llm.requests.length).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 500 },
    );
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await vi.waitFor(async () => expect(Number((await client.query('SELECT count(*) AS n FROM turns')).rows[0].n)).toBeGreaterThan(0), {
        timeout: 10_000,
      });
    } finally {
      await client.end();
    }
  });

  it('checks LINE signatures on its webhook', async () => {
    const response = await fetch(`${url}/webhooks/line`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': 'not-the-signature' },
      body: JSON.stringify({ destination: 'bot', events: [] }),
    });
    expect(response.status).toBe(401);
  });

  it('answers a Bot Framework activity', async () => {
    const activity = messageActivity('http://127.0.0.1:9', '一般貸款500萬保8成B組一年手續費多少？', { deliveryMode: 'expectReplies' });
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('40,000');
  });

  it('logs no error', () => {
    expect(server.stderr()).toBe('');
    const lines = server.stdout().trim().split('\n').map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
  });
});
