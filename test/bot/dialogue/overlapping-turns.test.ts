import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/index.ts';
import { ConversationBusyError } from '../../../bot/dialogue/conversation-busy-error.ts';
import { RedisConversationStore } from '../../../bot/dialogue/redis-store.ts';
import { MemoryConversationStore, type ConversationStore } from '../../../bot/dialogue/store.ts';
import type { Bot } from '../../../bot/types.ts';
import { shippedSources, TEST_DATE } from '../../support/bot.ts';
import { connected, hasRedis, startRedis, type RedisServer } from './redis-server.ts';

/** Each message adds one fact; sent at once, every one of them must be remembered. */
const FACTS_BY_MESSAGE = [
  ['一般貸款500萬', 'loanAmount', 5_000_000],
  ['保8成', 'guaranteeRatio', 80],
  ['B組', 'riskGroup', 'B'],
  ['一年', 'periodMonths', 12],
] as const;

const RUNS = 20;

/** Sends every message of FACTS_BY_MESSAGE at once, spread over the bots; answers the runs that forgot something. */
async function overlappingRuns(bots: Bot[], store: ConversationStore, prefix: string): Promise<string[]> {
  const lost: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const conversationId = `${prefix}-${run}`;
    await Promise.all(
      FACTS_BY_MESSAGE.map(([text], i) =>
        bots[(run + i) % bots.length]!.handle({ conversationId, channel: 'api', event: { type: 'message', text } }),
      ),
    );
    const state = await store.get(conversationId);
    const kept = FACTS_BY_MESSAGE.every(([, fact, value]) => (state?.facts as Record<string, unknown> | undefined)?.[fact] === value);
    if (!kept || state?.turns !== FACTS_BY_MESSAGE.length) lost.push(`${conversationId}: ${JSON.stringify(state)}`);
  }
  return lost;
}

/** A turn that never finishes holds the conversation; the next one waits its bound, then answers anyway. */
async function expectAnsweredDespiteAStuckTurn(store: ConversationStore): Promise<void> {
  const failures: unknown[] = [];
  const sources = await shippedSources();
  const bot = createBot({ sources: () => sources, now: () => TEST_DATE, store, onStoreError: (error, operation) => failures.push([operation, error]) });
  await store.lock!('stuck');
  const startedAt = performance.now();
  const [reply] = await bot.handle({ conversationId: 'stuck', channel: 'api', event: { type: 'message', text: '一般貸款500萬保8成B組一年手續費多少？' } });
  expect(reply?.text).toContain('40,000');
  expect(performance.now() - startedAt).toBeLessThan(400);
  expect(failures).toEqual([['lock', expect.any(ConversationBusyError)]]);
}

describe('overlapping turns of one conversation', async () => {
  const sources = await shippedSources();

  it(`on one instance with the memory store, keep every turn's facts in ${RUNS} of ${RUNS} runs`, async () => {
    const store = new MemoryConversationStore();
    const bot = createBot({ sources: () => sources, now: () => TEST_DATE, store });
    expect(await overlappingRuns([bot], store, 'memory')).toEqual([]);
  });

  it('on one instance, forget everything when 重新開始 is sent right after a fact', async () => {
    const store = new MemoryConversationStore();
    const bot = createBot({ sources: () => sources, now: () => TEST_DATE, store });
    const say = (text: string) => bot.handle({ conversationId: 'reset', channel: 'api', event: { type: 'message', text } });
    await Promise.all([say('一般貸款500萬'), say('重新開始')]);
    expect(await store.get('reset')).toBeUndefined();
  });

  it('answer a turn whose conversation another turn holds too long, and report it', async () => {
    const store = new MemoryConversationStore({ lockWaitMs: 100 });
    await expectAnsweredDespiteAStuckTurn(store);
  });

  describe.skipIf(!hasRedis)('on two instances sharing a real redis-server', () => {
    let redis: RedisServer;
    const stores: RedisConversationStore[] = [];
    const open = async (options: { keyPrefix: string; lockWaitMs?: number }) => {
      const store = await connected(new RedisConversationStore({ url: redis.url, ...options }));
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      redis = await startRedis();
    });

    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await redis?.stop();
    });

    it(`keep every turn's facts in ${RUNS} of ${RUNS} runs`, async () => {
      const shared = [await open({ keyPrefix: 'test:overlap:' }), await open({ keyPrefix: 'test:overlap:' })];
      const instances = shared.map((store) => createBot({ sources: () => sources, now: () => TEST_DATE, store }));
      expect(await overlappingRuns(instances, shared[0]!, 'redis')).toEqual([]);
    });

    it('answer a turn whose conversation a stuck turn elsewhere holds too long, and report it', async () => {
      const store = await open({ keyPrefix: 'test:stuck:', lockWaitMs: 100 });
      await expectAnsweredDespiteAStuckTurn(store);
    });
  });
});
