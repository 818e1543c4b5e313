import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStoreError, RedisConversationStore } from '../../../bot/dialogue/redis-store.ts';
import type { ConversationState } from '../../../bot/dialogue/state.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
const hasRedis = existsSync(REDIS_SERVER);
if (!hasRedis) console.warn(`Skipping RedisConversationStore tests: ${REDIS_SERVER} is not installed (apt-get install redis-server).`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

const state: ConversationState = {
  programme: 'batch',
  facts: { loanAmount: 5_000_000, guaranteeRatio: 80 },
  task: 'fee_calculation',
  pending: 'guaranteeRatio',
  turns: 2,
};

describe.skipIf(!hasRedis)('RedisConversationStore against a real redis-server', () => {
  let redis: ChildProcess;
  let url: string;
  const stores: RedisConversationStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof RedisConversationStore>[0]> = {}) => {
    const store = new RedisConversationStore({ url, keyPrefix: `test:${Math.random()}:`, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = await startRedis(port);
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    redis?.kill('SIGTERM');
  });

  it('shares a conversation between two instances, as two servers behind a load balancer would', async () => {
    const keyPrefix = 'test:shared:';
    const first = open({ keyPrefix });
    const second = open({ keyPrefix });

    await first.set('line:U1', state);
    expect(await second.get('line:U1')).toEqual(state);

    await second.set('line:U1', { ...state, turns: 3 });
    expect((await first.get('line:U1'))?.turns).toBe(3);

    await first.delete('line:U1');
    expect(await second.get('line:U1')).toBeUndefined();
  });

  it('forgets a conversation after its time to live', async () => {
    const store = open({ ttlMs: 100 });
    await store.set('web:1', state);
    expect(await store.get('web:1')).toEqual(state);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.get('web:1')).toBeUndefined();
  });

  it('sets the time to live on every write', async () => {
    const keyPrefix = 'test:ttl:';
    const store = open({ keyPrefix, ttlMs: 60_000 });
    await store.set('c', state);
    const remaining = await store.client.pttl(`${keyPrefix}c`);
    expect(remaining).toBeGreaterThan(50_000);
    expect(remaining).toBeLessThanOrEqual(60_000);
  });

  it('reports a stored value it cannot decode as a ConversationStoreError naming the conversation', async () => {
    const keyPrefix = 'test:corrupt:';
    const store = open({ keyPrefix });
    await store.client.set(`${keyPrefix}broken`, '{not json');
    const error = await store.get('broken').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationStoreError);
    expect(error).toMatchObject({ operation: 'get', conversationId: 'broken' });
  });

  it('fails with a ConversationStoreError, not a hang, when Redis is unreachable', async () => {
    const store = open({ url: `redis://127.0.0.1:${await freePort()}`, commandTimeoutMs: 300 });
    const startedAt = performance.now();
    const error = await store.set('c', state).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationStoreError);
    expect(error).toMatchObject({ operation: 'set', conversationId: 'c' });
    expect(performance.now() - startedAt).toBeLessThan(3_000);
  });
});
