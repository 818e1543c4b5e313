import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatInteractionReport, interactionReport } from '../../../adapters/http/interaction-report.ts';
import { PostgresInteractionStore } from '../../../adapters/http/postgres-interaction-store.ts';
import { RATE_LIMITED_TEXT } from '../../../adapters/http/protection.ts';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';
import { hasPostgres, startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { hasRedis, startRedis, type RedisServer } from '../../bot/dialogue/redis-server.ts';

const ADMIN_TOKEN = 'two-instances-admin-token';

/** Two servers behind one load balancer, sharing one Redis and one PostgreSQL, each asked in turn. */
describe.skipIf(!hasRedis || !hasPostgres)('two instances sharing one Redis and one PostgreSQL', () => {
  let redis: RedisServer;
  let postgres: TestPostgres;
  let databaseUrl: string;
  let instances: RunningServer[] = [];

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    databaseUrl = await postgres.createDatabase();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      KNOWLEDGE_WATCH: 'false',
      REDIS_URL: redis.url,
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '5',
      // Behind the (imagined) load balancer: each user's address comes from X-Forwarded-For.
      TRUST_PROXY: '1',
    };
    instances = await Promise.all([startServer({ port: 0, host: '127.0.0.1', env }), startServer({ port: 0, host: '127.0.0.1', env })]);
    // Until an instance has connected it answers without Redis (context lost, limit counted alone): wait for both.
    const probe = new Redis(redis.url);
    await vi.waitFor(async () => expect(String(await probe.client('LIST')).trim().split('\n')).toHaveLength(3), { timeout: 10_000 });
    probe.disconnect();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await redis?.stop();
    await postgres?.stop();
  });

  /** A user asks through the load balancer, from their own address. */
  async function ask(instance: RunningServer, text: string, user: { conversationId: string; ip: string } = alice) {
    const response = await fetch(`${instance.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': user.ip },
      body: JSON.stringify({ conversationId: user.conversationId, text }),
    });
    return { status: response.status, body: (await response.json()) as { replies: { text: string; answerId?: string }[] } };
  }
  const alice = { conversationId: 'alice', ip: '203.0.113.1' };
  const bob = { conversationId: 'bob', ip: '203.0.113.2' };
  const dave = { conversationId: 'dave', ip: '203.0.113.4' };

  it('keeps a conversation across them and counts its user once, so the limit is not doubled', async () => {
    const [first, second] = instances as [RunningServer, RunningServer];
    expect((await ask(first, '一般貸款費率？')).status).toBe(200);
    expect((await ask(second, '那C組呢？')).status).toBe(200);
    const fee = await ask(first, '借800萬保8成一年要多少？');
    expect(fee.body.replies[0]?.text).toContain('8,000,000 × 80% × 1.5% × 12/12 = 96,000');
    expect((await ask(second, '批次保證的手續費率？')).status).toBe(200);
    expect((await ask(first, '鳳凰貸款保幾成？')).body.replies[0]?.text).not.toBe(RATE_LIMITED_TEXT);
    // Five messages in a minute, three to one instance and two to the other: the sixth is refused by either, for
    // the conversation (the same user on another network) as for the address.
    const sameUserElsewhere = await ask(second, '批次保證的手續費率？', { conversationId: alice.conversationId, ip: '198.51.100.7' });
    expect(sameUserElsewhere.body.replies.map((reply) => reply.text)).toEqual([RATE_LIMITED_TEXT]);
    expect((await ask(second, '批次保證的手續費率？')).status).toBe(429);
    expect((await ask(first, '批次保證的手續費率？')).status).toBe(429);
    // Other users are not held back by the first one's limit. Their questions are ones the fund's documents do
    // not answer, one asked of each instance, for the report below.
    expect((await ask(second, '信保基金的停車場在哪裡', bob)).status).toBe(200);
    expect((await ask(first, '信保基金的員工餐廳好吃嗎', dave)).status).toBe(200);
  });

  it("shows both instances' questions in one report, and in either instance's status", async () => {
    const store = new PostgresInteractionStore({ url: databaseUrl });
    try {
      await vi.waitFor(
        async () => {
          const report = await interactionReport(store, 20);
          expect(report.counts.answered + report.counts.unanswered + report.counts.lowConfidence).toBe(7);
          expect(report.unanswered.map((row) => row.question)).toEqual(
            expect.arrayContaining(['信保基金的停車場在哪裡', '信保基金的員工餐廳好吃嗎']),
          );
          const text = formatInteractionReport(report, 'PostgreSQL', 20);
          expect(text).toContain('信保基金的員工餐廳好吃嗎');
          expect(text).toContain('信保基金的停車場在哪裡');
        },
        { timeout: 5_000 },
      );
      const report = await interactionReport(store, 20);
      for (const instance of instances) {
        const status = await fetch(`${instance.url}/admin/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        expect(((await status.json()) as { interactions: unknown }).interactions).toEqual(report.counts);
      }
    } finally {
      await store.close();
    }
  });

  it('takes 👍/👎 at either instance on an answer the other gave', async () => {
    const [first, second] = instances as [RunningServer, RunningServer];
    const carol = { conversationId: 'carol', ip: '203.0.113.3' };
    const answer = await ask(first, '一般貸款500萬保8成B組一年手續費多少？', carol);
    const answerId = answer.body.replies.find((reply) => reply.answerId)?.answerId;
    expect(answerId).toBeDefined();
    const rate = (answerId: string) =>
      fetch(`${second.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: carol.conversationId, answerId, rating: 'down' }),
      });
    // The first instance writes its turn in the background; the second finds it in PostgreSQL once written.
    await vi.waitFor(async () => expect((await rate(answerId!)).status).toBe(200), { timeout: 5_000 });
    expect((await rate('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
