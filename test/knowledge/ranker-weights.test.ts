import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { choiceAnswers, probeRetrieval } from '../../bot/flows/retrieval-probe.ts';
import type { Sources } from '../../bot/sources.ts';
import { createSearchIndex, loadKnowledge } from '../../knowledge/index.ts';
import { rankerWeights, RankerWeightsSchema, useRankerWeights, type RankerWeights } from '../../knowledge/ranker-weights.ts';
import { loadPassageQuerySlices, sliceNumber } from '../../knowledge/retrieval-quality.ts';
import { loadParameters } from '../../rules/load.ts';

const AS_OF = '2026-11-22';
let sources: Sources;
const shipped: RankerWeights = { ...rankerWeights };

beforeAll(async () => {
  const [knowledge, rules] = await Promise.all([loadKnowledge('knowledge/documents'), loadParameters('rules/parameters')]);
  sources = { knowledge, index: createSearchIndex(knowledge), rules, version: 'test' };
});

afterEach(() => {
  useRankerWeights(shipped);
});

describe('the ranker weights (knowledge/ranker-weights.json)', () => {
  it('are the validated data file', async () => {
    const file = JSON.parse(await readFile('knowledge/ranker-weights.json', 'utf8')) as unknown;
    expect(RankerWeightsSchema.parse(file)).toEqual(rankerWeights);
  });

  it('reject an unknown weight, a missing one and a share above 1', () => {
    expect(RankerWeightsSchema.safeParse({ ...shipped, typo: 1 }).success).toBe(false);
    const { minConfidence: _dropped, ...missing } = shipped;
    expect(RankerWeightsSchema.safeParse(missing).success).toBe(false);
    expect(RankerWeightsSchema.safeParse({ ...shipped, searchWeight: 1.5 }).success).toBe(false);
    expect(() => useRankerWeights({ ...shipped, synonymOnly: -1 })).toThrow();
    expect(rankerWeights).toEqual(shipped);
  });

  it('decide the choice: weights put in force change it, and the shipped ones restore it', () => {
    const asked = () => probeRetrieval(sources, '批次保證的保證成數最高幾成', { asOf: AS_OF });
    expect(asked().covered).toBe(true);
    const replaced = useRankerWeights({ ...shipped, minConfidence: 20 });
    expect(replaced).toEqual(shipped);
    expect(asked().covered).toBe(false);
    useRankerWeights(shipped);
    expect(asked().covered).toBe(true);
  });

  it('answer the tuning slice as npm run bench:search reports it (choiceAnswers is the benchmark\'s test)', async () => {
    const slices = await loadPassageQuerySlices('test/knowledge', sources.knowledge.sections);
    expect(sliceNumber('tuning')).toBe(0);
    expect(sliceNumber('heldout')).toBe(1);
    expect(sliceNumber('heldout-v12')).toBe(12);
    const tuning = slices.tuning!;
    const answered = tuning.filter((query) => choiceAnswers(probeRetrieval(sources, query.q, { asOf: AS_OF, ...(query.context ? { context: query.context } : {}) }), query)).length;
    // The tuning slice is where the thresholds are held (passage recall@1 ≥ 90% with not covered counted as answered).
    expect(answered / tuning.length).toBeGreaterThanOrEqual(0.9);
  });
});
