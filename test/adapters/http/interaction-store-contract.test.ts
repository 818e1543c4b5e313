import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRetention } from '../../../adapters/http/interaction-retention.ts';
import type { InteractionStore } from '../../../adapters/http/interaction-store.ts';
import { saltedHash } from '../../../adapters/http/redaction.ts';
import type { InteractionEvent } from '../../../bot/types.ts';
import { removeStores, storeKinds } from './interaction-store-kinds.ts';

/** What both interaction stores must do alike: the console and `npm run report` read either. */

const LINE_USER = 'U0123456789abcdef0123456789abcdef';
const at = new Date('2025-03-01T02:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

function unanswered(text: string, type: 'unanswered' | 'low_confidence' | 'handoff' = 'unanswered', when = at): InteractionEvent {
  return { type, at: when, conversationId: LINE_USER, channel: 'line', userId: LINE_USER, text, intent: 'unknown', latencyMs: 3 };
}

function answered(text: string, answerId: string, answer: string, when = at): InteractionEvent {
  return { type: 'answered', at: when, conversationId: 'web-1', channel: 'web', text, intent: 'fact_lookup', answerId, answer, latencyMs: 4.4 };
}

function feedback(answerId: string, rating: 'up' | 'down', comment?: string, when = at): InteractionEvent {
  return { type: 'feedback', at: when, conversationId: 'web-1', channel: 'web', answerId, rating, ...(comment ? { comment } : {}) };
}

const opened: InteractionStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(removeStores);

describe.each(storeKinds)('the $name interaction store', (kind) => {
  const open = async (options: { salt?: string } = {}) => {
    const result = await kind.open(options);
    opened.push(result.store);
    return result;
  };

  it.skipIf(!kind.available)('counts answers, unanswered and unsure questions and 👍/👎', async () => {
    const { store } = await open({ salt: 'contract-salt' });
    store.record(unanswered('鳳凰貸款可以貸多少？'));
    store.record(unanswered('青創貸款利率', 'low_confidence'));
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    store.record(feedback('a1', 'down', '數字不對'));
    store.record(feedback('a1', 'up'));
    expect(await store.counts()).toEqual({ answered: 1, unanswered: 1, lowConfidence: 1, feedbackUp: 1, feedbackDown: 1 });
  });

  it.skipIf(!kind.available)('groups unanswered questions that differ in spacing or final punctuation, most frequent first', async () => {
    const { store } = await open({ salt: 'contract-salt' });
    store.record(unanswered('鳳凰貸款可以貸多少？'));
    store.record(unanswered('鳳凰貸款 可以貸多少'));
    store.record(unanswered('鳳凰貸款可以貸多少?', 'low_confidence'));
    store.record(unanswered('信保基金在哪裡'));
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    const rows = await store.unansweredQuestions(10);
    expect(rows.map((row) => row.count)).toEqual([3, 1]);
    expect(rows[0]?.question).toBe('鳳凰貸款可以貸多少?');
    expect(rows[0]?.intents).toEqual(['unknown']);
    expect(rows[0]?.lastAsked).toBe(at.toISOString());
  });

  it.skipIf(!kind.available)('lists the answers with the most 👎, with their 👍 and redacted comments', async () => {
    const { store } = await open({ salt: 'contract-salt' });
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    store.record(answered('批保費率？', 'a2', '年費率 0.35%'));
    store.record(answered('批保費率', 'a3', '年費率 0.35%'));
    store.record(feedback('a1', 'down'));
    store.record(feedback('a2', 'down', '請寄到 x@y.com 給我'));
    store.record(feedback('a3', 'down'));
    store.record(feedback('a3', 'up'));
    const rows = await store.dislikedAnswers(10);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ answer: '年費率 0.35%', down: 2, up: 1, comments: ['請寄到 [電子郵件] 給我'] });
    expect(rows[1]).toMatchObject({ answer: '年費率 0.95%', down: 1, up: 0, comments: [] });
  });

  it.skipIf(!kind.available)('tells whether an answer id was recorded', async () => {
    const { store } = await open();
    store.record(answered('一般貸款費率？', 'a1', '年費率 0.95%'));
    expect(await store.hasAnswer('a1')).toBe(true);
    expect(await store.hasAnswer('never-given')).toBe(false);
  });

  it.skipIf(!kind.available)('writes no personal data: text redacted, user and conversation ids hashed with the salt', async () => {
    const { store, rows } = await open({ salt: 'contract-salt' });
    store.record(unanswered(`我是 ${LINE_USER}，電話 0912-345-678，統編 12345678，身分證 A123456789`));
    store.record(feedback('a9', 'down', '打 0912-345-678 給我'));
    const written = JSON.stringify([await rows('turns'), await rows('feedback')]);
    for (const personal of [LINE_USER, '0912', '12345678', 'A123456789']) expect(written).not.toContain(personal);
    expect(written).toContain('[電話]');
    const [turn] = await rows('turns');
    // The same hash in both stores, so a user is one user whichever store an instance writes to.
    expect(turn).toMatchObject({ user: saltedHash(LINE_USER, 'contract-salt'), conversation: saltedHash(LINE_USER, 'contract-salt') });
    expect(turn?.latency_ms).toBe(3);
  });

  it.skipIf(!kind.available)('lists requests for a person, newest first, redacted', async () => {
    const { store } = await open();
    store.record(unanswered('找真人', 'handoff', new Date('2025-03-01T01:00:00Z')));
    store.record(unanswered('轉客服 我的電話 0912-345-678', 'handoff', new Date('2025-03-01T02:00:00Z')));
    const handoffs = await store.handoffs();
    expect(handoffs.map((row) => row.question)).toEqual(['轉客服 我的電話 [電話]', '找真人']);
    expect(handoffs[0]).toMatchObject({ channel: 'line', at: '2025-03-01T02:00:00.000Z' });
    expect(handoffs[0]?.user).toMatch(/^[0-9a-f]{32}$/);
  });

  it.skipIf(!kind.available)('deletes what is past the retention, with startRetention as the server runs it', async () => {
    const { store } = await open();
    const today = new Date('2025-09-01T00:00:00Z');
    store.record(answered('一般貸款費率？', 'old', '年費率 0.95%', new Date(today.getTime() - 181 * DAY_MS)));
    store.record(feedback('old', 'down', undefined, new Date(today.getTime() - 181 * DAY_MS)));
    store.record(answered('一般貸款費率？', 'recent', '年費率 0.95%', new Date(today.getTime() - 179 * DAY_MS)));
    await store.flush();
    const retention = startRetention({ store, days: 180, now: () => today });
    await retention.idle();
    retention.stop();
    expect(await store.counts()).toMatchObject({ answered: 1, feedbackDown: 0 });
    expect(await store.hasAnswer('old')).toBe(false);
    expect(await store.deleteOlderThan(today)).toEqual({ turns: 1, feedback: 0 });
  });

  it.skipIf(!kind.available)('writes every one of many events recorded in one turn, and record() neither waits nor throws', async () => {
    const { store } = await open();
    const started = performance.now();
    for (let i = 0; i < 1_200; i++) store.record(unanswered(`問題 ${i % 7}`));
    expect(performance.now() - started).toBeLessThan(200);
    expect((await store.counts()).unanswered).toBe(1_200);
    await store.close();
    expect(() => store.record(unanswered('關閉後寫入'))).not.toThrow();
  });
});
