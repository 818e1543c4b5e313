/**
 * Fits the ranker's weights (knowledge/ranker-weights.json) to the labelled passage queries of test/knowledge.
 *
 * The slices written before `--hold-out-from` (default 20: tuning, heldout … heldout-v19) are fitted; the later
 * ones are held out, never looked at while fitting, and reported before and after. A query counts as answered
 * when the retrieval flow's own choice quotes its labelled passage, or says "not covered" for a query the
 * documents do not answer (bot/flows/retrieval-probe.ts choiceAnswers), as in `npm run bench:search`.
 *
 * Coordinate search: each weight in turn is tried at 0, ½, ¾, 1¼, 1½ and 2 times its value (a zero weight at
 * 0.05, 0.1 and 0.2); a value is kept only when it answers at least `--min-gain` (default 3) more fitted queries
 * than the weights in force, and the passes repeat until none is kept (at most `--passes`, default 3).
 *
 *   npm run tune:ranker [-- --hold-out-from 20] [-- --min-gain 3] [-- --passes 3] [-- --write]
 *
 * Prints each weight changed with the fitted queries it won, then every slice before and after; `--write` saves
 * the fitted weights. Run `npm run bench:search` and `npm run eval` after writing: the fit sees only retrieval.
 */
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { choiceAnswers, probeContext } from '../bot/flows/retrieval-probe.ts';
import { retrievalChoice } from '../bot/flows/retrieval.ts';
import type { Sources } from '../bot/sources.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { rankerWeights, RankerWeightsSchema, useRankerWeights, type RankerWeights } from '../knowledge/ranker-weights.ts';
import { loadPassageQuerySlices, sliceNumber, type PassageQuery } from '../knowledge/retrieval-quality.ts';
import { createSearchIndex } from '../knowledge/search.ts';
import { loadParameters } from '../rules/load.ts';

const AS_OF = '2026-11-22';
const WEIGHTS_FILE = 'knowledge/ranker-weights.json';
const FACTORS = [0, 0.5, 0.75, 1.25, 1.5, 2];
const FROM_ZERO = [0.05, 0.1, 0.2];

const { values: args } = parseArgs({
  options: {
    'hold-out-from': { type: 'string', default: '20' },
    'min-gain': { type: 'string', default: '3' },
    passes: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
});
const holdOutFrom = Number(args['hold-out-from']);
const minGain = Number(args['min-gain']);
const passes = Number(args.passes);

const [knowledge, rules] = await Promise.all([loadKnowledge('knowledge/documents'), loadParameters('rules/parameters')]);
const sources: Sources = { knowledge, index: createSearchIndex(knowledge), rules, version: 'tune' };
const slices = await loadPassageQuerySlices('test/knowledge', knowledge.sections);
// Each question is read once (understanding does not depend on the weights); only the choice is made again.
const asked = (queries: PassageQuery[]) => queries.map((query) => ({ query, ctx: probeContext(sources, query.q, { asOf: AS_OF, ...(query.context ? { context: query.context } : {}) }) }));
const fitted = Object.entries(slices).filter(([name]) => sliceNumber(name) < holdOutFrom).flatMap(([, queries]) => asked(queries));
const heldOut = Object.fromEntries(Object.entries(slices).filter(([name]) => sliceNumber(name) >= holdOutFrom).map(([name, queries]) => [name, asked(queries)]));

type Asked = ReturnType<typeof asked>;
function answered(set: Asked, weights: RankerWeights): number {
  useRankerWeights(weights);
  let n = 0;
  for (const { query, ctx } of set) if (choiceAnswers(retrievalChoice(ctx), query)) n++;
  return n;
}

const start = { ...rankerWeights };
const startHeld = Object.fromEntries(Object.entries(heldOut).map(([name, set]) => [name, answered(set, start)]));
let weights = { ...start };
let score = answered(fitted, weights);
const startScore = score;
console.log(`fitting ${fitted.length} queries (slices before v${holdOutFrom}), holding out ${Object.values(heldOut).flat().length}; answered at start ${score}`);
const started = performance.now();
for (let pass = 1; pass <= passes; pass++) {
  let kept = 0;
  for (const key of Object.keys(weights) as Array<keyof RankerWeights>) {
    const now = weights[key];
    const candidates = (now === 0 ? FROM_ZERO : FACTORS.map((f) => Number((now * f).toFixed(4)))).filter((v) => v !== now && RankerWeightsSchema.shape[key].safeParse(v).success);
    let best: { value: number; score: number } | undefined;
    for (const value of candidates) {
      const tried = answered(fitted, { ...weights, [key]: value });
      // (Of values answering as many, the one closest to the weight in force.)
      if (!best || tried > best.score || (tried === best.score && Math.abs(value - now) < Math.abs(best.value - now))) best = { value, score: tried };
    }
    if (best && best.score >= score + minGain) {
      console.log(`  pass ${pass}: ${key} ${now} → ${best.value}  (+${best.score - score})`);
      weights = { ...weights, [key]: best.value };
      score = best.score;
      kept++;
    }
  }
  if (kept === 0) break;
}
console.log(`fitted: ${startScore} → ${score} of ${fitted.length} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
const endHeld = Object.fromEntries(Object.entries(heldOut).map(([name, set]) => [name, answered(set, weights)]));
for (const [name, set] of Object.entries(heldOut)) console.log(`  held out ${name}: ${startHeld[name]} → ${endHeld[name]} of ${set.length}`);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
console.log(`  held out, all: ${total(startHeld)} → ${total(endHeld)} of ${Object.values(heldOut).flat().length}`);
if (args.write) {
  await writeFile(WEIGHTS_FILE, `${JSON.stringify(weights, null, 2)}\n`);
  console.log(`wrote ${WEIGHTS_FILE}`);
}
useRankerWeights(start);
