import { describe, expect, it } from 'vitest';
import { loadEvalCases, runEval } from '../../eval/run.ts';
import { faithfulParaphrase, startFakeLlm } from '../../scripts/fake-llm.ts';

/**
 * The optional model may only reword: with a model that paraphrases (a fake on loopback), the evaluation set
 * must pass at least as many cases as the deterministic bot alone, and the rewrites must actually be used.
 */
describe('the evaluation set with the optional model switched on', () => {
  it('passes at least as many cases as without it', async () => {
    const cases = await loadEvalCases();
    const without = await runEval(cases);
    const fake = await startFakeLlm(faithfulParaphrase);
    try {
      const withModel = await runEval(cases, { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test' });
      const passed = (results: typeof without) => results.filter((r) => r.passed).length;
      expect(passed(withModel)).toBeGreaterThanOrEqual(passed(without));
      expect(fake.requests.length).toBeGreaterThan(cases.length / 2);
      const reworded = withModel.filter((r, i) => r.replies[0]?.text !== without[i]?.replies[0]?.text);
      expect(reworded.length).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
    // (Twice the whole evaluation set, about 5,000 cases each: its time grows with the set, so the limit is generous.)
  }, 360_000);
});
