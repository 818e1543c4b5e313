import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/index.ts';
import { RedisConversationStore } from '../../../bot/dialogue/redis-store.ts';
import type { Bot } from '../../../bot/types.ts';
import { shippedSources, TEST_DATE } from '../../support/bot.ts';
import { connected, hasRedis, startRedis, type RedisServer } from './redis-server.ts';

/** Well under the 1.1–2.0 s a turn used to wait for its store commands to time out. */
const OUTAGE_BUDGET_MS = 300;
/** The store's command timeout, which the first command sent to a Redis that stopped answering waits out. */
const COMMAND_TIMEOUT_MS = 300;
const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';

describe.skipIf(!hasRedis)('a turn while Redis is unavailable', async () => {
  const sources = await shippedSources();
  let redis: RedisServer;
  let store: RedisConversationStore;
  let bot: Bot;
  let failures: string[];
  const say = (text: string) => bot.handle({ conversationId: 'c', channel: 'api', event: { type: 'message', text } });

  async function start(): Promise<void> {
    redis = await startRedis();
    store = await connected(new RedisConversationStore({ url: redis.url, keyPrefix: 'test:outage:' }));
    failures = [];
    bot = createBot({ sources: () => sources, now: () => TEST_DATE, store, onStoreError: (_error, operation) => failures.push(operation) });
    await say('一般貸款500萬');
    expect((await store.get('c'))?.facts).toEqual({ loanAmount: 5_000_000 });
  }

  /** Asks the fee question a few times over about two seconds, while the client tries to reconnect; how long each took. */
  async function feeTurnsTimed(): Promise<number[]> {
    const elapsedMs: number[] = [];
    for (let turn = 0; turn < 6; turn++) {
      const startedAt = performance.now();
      const [reply] = await say(FEE_QUESTION);
      elapsedMs.push(performance.now() - startedAt);
      expect(reply?.text).toContain('40,000');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return elapsedMs;
  }

  async function expectStoreWorksAgain(): Promise<void> {
    await expect.poll(() => store.get('c').then(() => true, () => false), { timeout: 10_000, interval: 100 }).toBe(true);
    await say('保8成');
    expect((await store.get('c'))?.facts).toMatchObject({ guaranteeRatio: 80 });
  }

  afterEach(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('after Redis crashed, is answered at once without the saved context, and the store works again once it is back', async () => {
    await start();
    await redis.stop();
    const elapsedMs = await feeTurnsTimed();
    expect(failures).toContain('get');
    expect(Math.max(...elapsedMs)).toBeLessThan(OUTAGE_BUDGET_MS);

    redis = await startRedis(redis.port);
    await expectStoreWorksAgain();
  });

  it('while Redis hangs with its connections open, waits out one command timeout, then is answered at once', async () => {
    await start();
    redis.pause();
    const [first, ...later] = await feeTurnsTimed();
    expect(failures).toContain('lock');
    expect(first).toBeLessThan(COMMAND_TIMEOUT_MS + OUTAGE_BUDGET_MS);
    expect(Math.max(...later)).toBeLessThan(OUTAGE_BUDGET_MS);

    redis.resume();
    await expectStoreWorksAgain();
  });
});
