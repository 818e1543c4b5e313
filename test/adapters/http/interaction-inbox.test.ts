import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Channel, InteractionEvent } from '../../../bot/types.ts';
import type { InteractionStore } from '../../../adapters/http/interaction-store.ts';
import { removeStores, storeKinds } from './interaction-store-kinds.ts';

function asked(
  text: string,
  at: string,
  options: { type?: 'answered' | 'unanswered' | 'low_confidence'; channel?: Channel; answerId?: string; answer?: string } = {},
): InteractionEvent {
  return {
    type: options.type ?? 'unanswered',
    at: new Date(at),
    conversationId: `c-${at}`,
    channel: options.channel ?? 'web',
    text,
    intent: 'unknown',
    ...(options.answerId ? { answerId: options.answerId, answer: options.answer ?? '' } : {}),
    latencyMs: 3,
  };
}

function rated(answerId: string, rating: 'up' | 'down', at: string, comment?: string): InteractionEvent {
  return { type: 'feedback', at: new Date(at), conversationId: 'c', channel: 'web', answerId, rating, ...(comment ? { comment } : {}) };
}

let store: InteractionStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});
afterAll(removeStores);

describe.each(storeKinds)('the staff inbox of the $name interaction store', (kind) => {
  it.skipIf(!kind.available)('lists each question once with its counts, channels, times and latest answer, the most recent first', async () => {
    store = (await kind.open({ salt: 'inbox-salt' })).store;
    store.record(asked('送保後公司經營惡化怎麼辦？', '2026-11-20T01:00:00Z', { channel: 'line' }));
    store.record(asked('送保後公司經營惡化怎麼辦', '2026-11-21T01:00:00Z'));
    store.record(asked('青創貸款可以貸多少', '2026-11-22T01:00:00Z', { type: 'low_confidence', answerId: 'a1', answer: '依《概述》回答' }));
    store.record(asked('批保費率？', '2026-11-19T01:00:00Z', { type: 'answered', answerId: 'a2', answer: '0.3%' }));
    store.record(rated('a2', 'down', '2026-11-23T01:00:00Z', '應該是 0.25%'));
    store.record(rated('a2', 'up', '2026-11-23T02:00:00Z'));

    // Stored text is redacted on its NFKC form, so the full-width ？ comes back as ?.
    const rows = await store.inbox();
    expect(rows.map((row) => row.question)).toEqual(['批保費率?', '青創貸款可以貸多少', '送保後公司經營惡化怎麼辦']);
    expect(rows[0]).toMatchObject({ down: 1, up: 1, comments: ['應該是 0.25%'], answer: '0.3%', unanswered: 0, lastAt: '2026-11-23T02:00:00.000Z' });
    expect(rows[1]).toMatchObject({ lowConfidence: 1, answer: '依《概述》回答' });
    expect(rows[2]).toMatchObject({ unanswered: 2, firstAt: '2026-11-20T01:00:00.000Z', lastAt: '2026-11-21T01:00:00.000Z' });
    expect(rows[2]?.channels.sort()).toEqual(['line', 'web']);
    expect(rows[2]?.answer).toBeUndefined();
  });

  it.skipIf(!kind.available)('counts questions, unanswered ones and 👍/👎 per day in Taipei, with zero for quiet days', async () => {
    store = (await kind.open({ salt: 'inbox-salt' })).store;
    // 23:30 UTC on 11-20 is 07:30 on 11-21 in Taipei.
    store.record(asked('一', '2026-11-20T23:30:00Z', { type: 'answered', answerId: 'b1' }));
    store.record(asked('二', '2026-11-21T03:00:00Z'));
    store.record(rated('b1', 'down', '2026-11-22T03:00:00Z'));
    store.record(asked('太早', '2026-11-01T03:00:00Z'));

    expect(await store.dailyCounts('2026-11-22', 3)).toEqual([
      { day: '2026-11-20', questions: 0, unanswered: 0, up: 0, down: 0 },
      { day: '2026-11-21', questions: 2, unanswered: 1, up: 0, down: 0 },
      { day: '2026-11-22', questions: 0, unanswered: 0, up: 0, down: 1 },
    ]);
  });
});
