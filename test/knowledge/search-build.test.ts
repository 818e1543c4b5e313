import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { buildSearchIndex, createSearchIndex } from '../../knowledge/search.ts';

describe('building the search index in slices', async () => {
  const knowledge = await loadKnowledge('knowledge/documents');

  it('finds the same sections as the one-shot build', async () => {
    const sliced = await buildSearchIndex(knowledge, undefined, 0);
    const whole = createSearchIndex(knowledge);
    expect(sliced.size).toBe(whole.size);
    for (const query of ['批次保證手續費率', '青年創業貸款年齡', '莫拉克颱風利息補貼', '客服專線']) {
      expect(sliced.search(query).map((h) => h.sectionId)).toEqual(whole.search(query).map((h) => h.sectionId));
    }
  });

  it('gives the event loop back while it builds, so requests are answered during a reload', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await buildSearchIndex(knowledge, undefined, 0);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
