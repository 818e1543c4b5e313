import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';
import { hasRedis, startRedis, type RedisServer } from '../../bot/dialogue/redis-server.ts';

/** Two servers behind one load balancer, sharing one Redis, each asked in turn. */
describe.skipIf(!hasRedis)('two instances sharing one Redis', () => {
  let redis: RedisServer;
  let instances: RunningServer[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      KNOWLEDGE_WATCH: 'false',
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: '4',
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
  });

  async function ask(instance: RunningServer, text: string) {
    const response = await fetch(`${instance.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'two-instances', text }),
    });
    return { status: response.status, body: (await response.json()) as { replies: { text: string }[] } };
  }

  it('keeps a conversation across them and counts its user once, so the limit is not doubled', async () => {
    const [first, second] = instances as [RunningServer, RunningServer];
    expect((await ask(first, '一般貸款費率？')).status).toBe(200);
    expect((await ask(second, '那C組呢？')).status).toBe(200);
    const fee = await ask(first, '借800萬保8成一年要多少？');
    expect(fee.body.replies[0]?.text).toContain('8,000,000 × 80% × 1.50% × 12/12 = 96,000');
    expect((await ask(second, '批次保證的手續費率？')).status).toBe(200);
    expect((await ask(first, '批次保證的手續費率？')).status).toBe(429);
  });
});
