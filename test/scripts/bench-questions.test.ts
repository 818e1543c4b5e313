import { describe, expect, it } from 'vitest';
import { SqliteInteractionStore } from '../../adapters/http/interaction-store.ts';
import { createBot } from '../../bot/index.ts';
import { distinctQuestion } from '../../scripts/bench-questions.ts';
import { shippedSources } from '../support/bot.ts';

/** `npm run bench`'s never-repeated questions must be real questions the bot answers, each one new. */
describe('the never-repeated benchmark questions', () => {
  it('are all different, even far into a long run', () => {
    const texts = new Set<string>();
    for (let n = 0; n < 20_000; n++) texts.add(distinctQuestion(n));
    for (let n = 1_000_000; n < 1_020_000; n++) texts.add(distinctQuestion(n));
    expect(texts.size).toBe(40_000);
  });

  it('are each answered (calculations, verdicts, facts, programmes), none left unanswered', async () => {
    const sources = await shippedSources();
    const interactions = new SqliteInteractionStore({ path: ':memory:' });
    const bot = createBot({ sources: () => sources, interactions });
    const kinds = new Set<string>();
    for (let n = 0; n < 80; n++) {
      const replies = await bot.handle({ conversationId: `bench-${n}`, channel: 'api', event: { type: 'message', text: distinctQuestion(n) } });
      for (const reply of replies) kinds.add(reply.kind);
    }
    const counts = await interactions.counts();
    await interactions.close();
    expect(counts).toMatchObject({ unanswered: 0, lowConfidence: 0 });
    expect(counts.answered).toBeGreaterThanOrEqual(70);
    expect([...kinds]).toEqual(expect.arrayContaining(['calculation', 'eligibility', 'answer']));
  });
});
