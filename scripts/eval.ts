/**
 * Runs the evaluation set through the same path as a user: POST /api/chat on a server started here on loopback.
 * Prints the pass rate by kind, each failure with the answer given, and a closing `N passed, M failed` line.
 *
 *   npm run eval                    # every case in eval/*.json
 *   npm run eval -- --kind calc     # one kind
 *   npm run eval -- --id P31        # one case
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EvalFile, judge, type EvalCase, type ReplyForEval } from '../eval/match.ts';
import { startServer } from '../adapters/http/server.ts';

const { values: args } = parseArgs({
  options: { kind: { type: 'string' }, id: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});

async function loadCases(dir: string): Promise<EvalCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const cases: EvalCase[] = [];
  for (const file of files) {
    const parsed = EvalFile.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    cases.push(...parsed.data.cases);
  }
  return cases;
}

async function ask(url: string, conversationId: string, text: string): Promise<ReplyForEval[]> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, text }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { replies: ReplyForEval[] };
  return body.replies;
}

const all = await loadCases('eval');
const cases = all.filter((c) => (!args.kind || c.kind === args.kind) && (!args.id || c.id === args.id));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  env: { ...process.env, LOG_LEVEL: 'silent', KNOWLEDGE_WATCH: 'false', DATA_DIR: ':memory:', RATE_LIMIT_PER_MINUTE: '1000000' },
});
const byKind = new Map<string, { passed: number; total: number }>();
const failures: string[] = [];
let passed = 0;
try {
  for (const testCase of cases) {
    const conversationId = `eval-${testCase.id}-${Date.now()}`;
    let replies: ReplyForEval[] = [];
    let error: string | undefined;
    try {
      for (const turn of testCase.turns) replies = await ask(server.url, conversationId, turn);
    } catch (e) {
      error = (e as Error).message;
    }
    const verdict = error ? { passed: false, problems: [error] } : judge(testCase, replies);
    const tally = byKind.get(testCase.kind) ?? { passed: 0, total: 0 };
    tally.total += 1;
    if (verdict.passed) {
      tally.passed += 1;
      passed += 1;
    } else {
      const answer = replies.map((r) => r.text).join(' ⏎ ').replace(/\s+/g, ' ').slice(0, 400);
      const cited = replies.flatMap((r) => r.citations).map((c) => `${c.title}〈${c.section}〉`).join('；');
      failures.push(
        `✗ ${testCase.id} [${testCase.kind}] ${testCase.turns.join(' → ')}\n    ${verdict.problems.join('；')}\n    答：${answer}\n    引：${cited || '（無）'}`,
      );
    }
    byKind.set(testCase.kind, tally);
  }
} finally {
  await server.close();
}

console.log('依類型通過率：');
for (const [kind, t] of [...byKind].sort()) {
  console.log(`  ${kind.padEnd(12)} ${t.passed}/${t.total} (${((100 * t.passed) / t.total).toFixed(1)}%)`);
}
const rate = cases.length ? ((100 * passed) / cases.length).toFixed(1) : '0.0';
console.log(`  ${'total'.padEnd(12)} ${passed}/${cases.length} (${rate}%)`);
if (failures.length && !args.quiet) console.log(`\n未通過：\n${failures.join('\n')}`);
console.log(`${passed} passed, ${cases.length - passed} failed`);
