import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisConversationStore } from '../../../bot/dialogue/redis-store.ts';
import { RedisRateLimiter } from '../../../adapters/http/redis-rate-limiter.ts';
import { connected, hasRedis, REDIS_SERVER, startRedis, type RedisServer } from '../../bot/dialogue/redis-server.ts';

if (!hasRedis) console.warn(`Skipping RedisRateLimiter tests: ${REDIS_SERVER} is not installed (apt-get install redis-server).`);

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

describe.skipIf(!hasRedis)('RedisRateLimiter against a real redis-server', () => {
  let redis: RedisServer;
  const stores: RedisConversationStore[] = [];

  /** One instance's limiter, on a connection configured as the server configures the conversation store's. */
  async function instanceLimiter(server: RedisServer, perMinute: number, keyPrefix: string) {
    const store = await connected(new RedisConversationStore({ url: server.url }));
    stores.push(store);
    const { logger, lines } = capturingLogger();
    return { limiter: new RedisRateLimiter({ client: store.client, perMinute, logger, keyPrefix }), lines };
  }

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('counts one user together on two instances, so two instances do not double the limit', async () => {
    const first = await instanceLimiter(redis, 3, 'test:shared');
    const second = await instanceLimiter(redis, 3, 'test:shared');
    const decisions = [
      await first.limiter.consume('user:line:U1'),
      await second.limiter.consume('user:line:U1'),
      await first.limiter.consume('user:line:U1'),
      await second.limiter.consume('user:line:U1'),
    ];
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]?.retryAfterMs).toBeGreaterThan(0);
    expect(decisions[3]?.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await first.limiter.consume('user:line:U2')).allowed).toBe(true);
  });

  it('answers at once while Redis is down, counting in this instance, and logs one warning without the user', async () => {
    const own = await startRedis();
    const { limiter, lines } = await instanceLimiter(own, 2, 'test:down');
    await own.stop();
    const attempts = [];
    for (let i = 0; i < 3; i += 1) attempts.push(await timed(limiter.consume('user:line:U-secret')));
    expect(attempts.map((a) => a.value.allowed)).toEqual([true, true, false]);
    expect(Math.max(...attempts.map((a) => a.ms))).toBeLessThan(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('rate limit store unreachable');
    expect(lines[0]).not.toContain('U-secret');
  });

  it('waits no longer than the command timeout when Redis hangs, then counts in Redis again once it answers', async () => {
    const own = await startRedis();
    try {
      const { limiter, lines } = await instanceLimiter(own, 5, 'test:hung');
      own.pause();
      const hung = await timed(limiter.consume('user:line:U3'));
      expect(hung.value.allowed).toBe(true);
      expect(hung.ms).toBeLessThan(1_000);
      own.resume();
      await expect.poll(async () => (await limiter.consume('user:line:U3')) && lines.length, { timeout: 5_000 }).toBe(2);
      expect(lines[1]).toContain('rate limits are counted in Redis again');
    } finally {
      await own.stop();
    }
  });
});
