import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationBusyError } from '../../../bot/dialogue/conversation-busy-error.ts';
import { ConversationStoreError, RedisConversationStore } from '../../../bot/dialogue/redis-store.ts';
import type { ConversationState } from '../../../bot/dialogue/state.ts';
import { connected, freePort, hasRedis, REDIS_SERVER, startRedis, type RedisServer } from './redis-server.ts';

if (!hasRedis) console.warn(`Skipping RedisConversationStore tests: ${REDIS_SERVER} is not installed (apt-get install redis-server).`);

const state: ConversationState = {
  programme: 'batch',
  facts: { loanAmount: 5_000_000, guaranteeRatio: 80 },
  task: 'fee_calculation',
  pending: 'guaranteeRatio',
  turns: 2,
};

describe.skipIf(!hasRedis)('RedisConversationStore against a real redis-server', () => {
  let redis: RedisServer;
  const stores: RedisConversationStore[] = [];
  const unconnected = (options: Partial<ConstructorParameters<typeof RedisConversationStore>[0]> = {}) => {
    const store = new RedisConversationStore({ url: redis.url, keyPrefix: `test:${Math.random()}:`, ...options });
    stores.push(store);
    return store;
  };
  const open = (options: Partial<ConstructorParameters<typeof RedisConversationStore>[0]> = {}) => connected(unconnected(options));

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis?.stop();
  });

  it('shares a conversation between two instances, as two servers behind a load balancer would', async () => {
    const keyPrefix = 'test:shared:';
    const first = await open({ keyPrefix });
    const second = await open({ keyPrefix });

    await first.set('line:U1', state);
    expect(await second.get('line:U1')).toEqual(state);

    await second.set('line:U1', { ...state, turns: 3 });
    expect((await first.get('line:U1'))?.turns).toBe(3);

    await first.delete('line:U1');
    expect(await second.get('line:U1')).toBeUndefined();
  });

  it('forgets a conversation after its time to live', async () => {
    const store = await open({ ttlMs: 100 });
    await store.set('web:1', state);
    expect(await store.get('web:1')).toEqual(state);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.get('web:1')).toBeUndefined();
  });

  it('sets the time to live on every write', async () => {
    const keyPrefix = 'test:ttl:';
    const store = await open({ keyPrefix, ttlMs: 60_000 });
    await store.set('c', state);
    const remaining = await store.client.pttl(`${keyPrefix}c`);
    expect(remaining).toBeGreaterThan(50_000);
    expect(remaining).toBeLessThanOrEqual(60_000);
  });

  it('reports a stored value it cannot decode as a ConversationStoreError, quoting neither the conversation nor the value', async () => {
    const keyPrefix = 'test:corrupt:';
    const store = await open({ keyPrefix });
    await store.client.set(`${keyPrefix}line:user:U1234`, '{"topic":"我的電話0912345678"');
    const error = await store.get('line:user:U1234').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationStoreError);
    expect(error).toMatchObject({ operation: 'get' });
    const told = `${JSON.stringify(error)} ${(error as Error).message} ${(error as Error).cause}`;
    expect(told).not.toContain('U1234');
    expect(told).not.toContain('0912345678');
  });

  it('fails at once with a ConversationStoreError, not a hang, when Redis is unreachable', async () => {
    const store = unconnected({ url: `redis://127.0.0.1:${await freePort()}` });
    const startedAt = performance.now();
    const error = await store.set('c', state).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationStoreError);
    expect(error).toMatchObject({ operation: 'set' });
    expect(performance.now() - startedAt).toBeLessThan(100);
  });

  describe('holding a conversation for one turn', () => {
    it('makes a turn on another instance wait until the holder releases it', async () => {
      const keyPrefix = `test:lock:${Math.random()}:`;
      const first = await open({ keyPrefix });
      const second = await open({ keyPrefix });
      const release = await first.lock('c');
      let secondHolds = false;
      const waiting = second.lock('c').then((releaseSecond) => {
        secondHolds = true;
        return releaseSecond;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(secondHolds).toBe(false);
      await release();
      await (await waiting)();
      expect(secondHolds).toBe(true);
    });

    it('gives up after its wait with a ConversationBusyError', async () => {
      const keyPrefix = `test:busy:${Math.random()}:`;
      await (await open({ keyPrefix })).lock('c');
      const impatient = await open({ keyPrefix, lockWaitMs: 100 });
      const startedAt = performance.now();
      await expect(impatient.lock('c')).rejects.toBeInstanceOf(ConversationBusyError);
      expect(performance.now() - startedAt).toBeLessThan(300);
    });

    it('frees a conversation whose holder died, after the lock time to live', async () => {
      const keyPrefix = `test:dead:${Math.random()}:`;
      await (await open({ keyPrefix, lockTtlMs: 150 })).lock('c');
      const next = await open({ keyPrefix });
      const startedAt = performance.now();
      await next.lock('c');
      expect(performance.now() - startedAt).toBeGreaterThan(100);
    });

    it('does not release a lock that expired and was taken by another turn', async () => {
      const keyPrefix = `test:stale:${Math.random()}:`;
      const slow = await open({ keyPrefix, lockTtlMs: 100 });
      const releaseLate = await slow.lock('c');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const other = await open({ keyPrefix });
      await other.lock('c');
      await releaseLate();
      await expect((await open({ keyPrefix, lockWaitMs: 50 })).lock('c')).rejects.toBeInstanceOf(ConversationBusyError);
    });

    it('keeps locks apart from conversations, whatever the conversation id', async () => {
      const keyPrefix = `test:apart:${Math.random()}:`;
      const store = await open({ keyPrefix });
      await store.set('c', state);
      await store.lock('c');
      await store.lock('lock:c');
      await store.lock('c-lock:c');
      expect(await store.get('c')).toEqual(state);
      expect(await store.client.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}c`]);
    });
  });
});
