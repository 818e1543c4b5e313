import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryHandoffPauses, RedisHandoffPauses, type HandoffPauses } from '../../../adapters/line/handoff-pauses.ts';
import { hasRedis, startRedis, type RedisServer } from '../../bot/dialogue/redis-server.ts';

const CHAT = 'line:user:U1';

/** The same behaviour whichever store keeps the pauses. */
function behavesAsPauses(make: () => HandoffPauses) {
  it('stands aside in a chat until the time given, then no longer', async () => {
    const pauses = make();
    const from = Date.now();
    const until = new Date(from + 60_000);
    await pauses.standAside(CHAT, until);
    expect(await pauses.standingAsideUntil(CHAT, new Date(from))).toEqual(until);
    expect(await pauses.standingAsideUntil(CHAT, until)).toBeUndefined();
    expect(await pauses.standingAsideUntil('line:user:U2', new Date(from))).toBeUndefined();
  });

  it('resumes when asked', async () => {
    const pauses = make();
    await pauses.standAside(CHAT, new Date(Date.now() + 60_000));
    await pauses.resume(CHAT);
    expect(await pauses.standingAsideUntil(CHAT, new Date())).toBeUndefined();
  });
}

describe('handoff pauses in memory', () => {
  behavesAsPauses(() => new MemoryHandoffPauses());
});

describe.skipIf(!hasRedis)('handoff pauses in Redis, shared by every instance', () => {
  let redis: RedisServer;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });

  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  behavesAsPauses(() => new RedisHandoffPauses(client));

  it('lets Redis forget a pause when it ends', async () => {
    await new RedisHandoffPauses(client).standAside('line:user:U3', new Date(Date.now() + 60_000));
    const ttl = await client.pttl('smeg:handoff:line:user:U3');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
