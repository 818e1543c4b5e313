/**
 * Runs the evaluation set through the same path as a user: POST /api/chat on a server started here on loopback.
 * Prints the pass rate by kind, each failure with the answer given, and a closing `N passed, M failed` line.
 *
 *   npm run eval                        # every case in eval/*.json
 *   npm run eval -- --kind calc         # one kind
 *   npm run eval -- --id P31            # one case
 *   npm run eval -- --file heldout-v2   # only eval/*.json files whose name contains this
 *   npm run eval -- --with-fake-llm     # with the optional model on, pointed at a local fake that paraphrases
 */
import { parseArgs } from 'node:util';
import { loadEvalCases, runEval, type CaseResult } from '../eval/run.ts';
import { faithfulParaphrase, startFakeLlm } from './fake-llm.ts';

const { values: args } = parseArgs({
  options: {
    kind: { type: 'string' },
    id: { type: 'string' },
    file: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'with-fake-llm': { type: 'boolean', default: false },
  },
});

const cases = (await loadEvalCases('eval', args.file)).filter((c) => (!args.kind || c.kind === args.kind) && (!args.id || c.id === args.id));
const fake = args['with-fake-llm'] ? await startFakeLlm(faithfulParaphrase) : undefined;
const results = await runEval(cases, fake ? { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'fake' } : {});
await fake?.close();

printSummary(results);
if (fake) console.log(`（語言模型：本機假模型，收到 ${fake.requests.length} 次呼叫）`);
const failures = results.filter((r) => !r.passed);
if (failures.length && !args.quiet) console.log(`\n未通過：\n${failures.map(describeFailure).join('\n')}`);
const passed = results.length - failures.length;
console.log(`${passed} passed, ${failures.length} failed`);

function printSummary(all: CaseResult[]): void {
  const byKind = new Map<string, { passed: number; total: number }>();
  for (const r of all) {
    const tally = byKind.get(r.testCase.kind) ?? { passed: 0, total: 0 };
    tally.total += 1;
    if (r.passed) tally.passed += 1;
    byKind.set(r.testCase.kind, tally);
  }
  console.log('依類型通過率：');
  for (const [kind, t] of [...byKind].sort()) console.log(`  ${kind.padEnd(12)} ${t.passed}/${t.total} (${percent(t.passed, t.total)})`);
  const passed = all.filter((r) => r.passed).length;
  console.log(`  ${'total'.padEnd(12)} ${passed}/${all.length} (${percent(passed, all.length)})`);
}

function describeFailure(r: CaseResult): string {
  const answer = r.replies.map((x) => x.text).join(' ⏎ ').replace(/\s+/g, ' ').slice(0, 400);
  const cited = r.replies.flatMap((x) => x.citations).map((c) => `${c.title}〈${c.section}〉`).join('；');
  return `✗ ${r.testCase.id} [${r.testCase.kind}] ${r.testCase.turns.join(' → ')}\n    ${r.problems.join('；')}\n    答：${answer}\n    引：${cited || '（無）'}`;
}

function percent(n: number, total: number): string {
  return `${total ? ((100 * n) / total).toFixed(1) : '0.0'}%`;
}
