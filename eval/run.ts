import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../adapters/http/server.ts';
import { EvalFile, judge, type EvalCase, type ReplyForEval } from './match.ts';

export interface CaseResult {
  testCase: EvalCase;
  passed: boolean;
  problems: string[];
  replies: ReplyForEval[];
}

/** Cases from every `*.json` in `dir`, or only from files whose name contains `fileSubstring`. */
export async function loadEvalCases(dir = 'eval', fileSubstring?: string): Promise<EvalCase[]> {
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.json') && (!fileSubstring || f.includes(fileSubstring)))
    .sort();
  if (fileSubstring && files.length === 0) throw new Error(`no evaluation file in ${dir}/ has a name containing "${fileSubstring}"`);
  const cases: EvalCase[] = [];
  for (const file of files) {
    const parsed = EvalFile.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    cases.push(...parsed.data.cases);
  }
  return cases;
}

/**
 * Runs cases through the same path as a user: POST /api/chat on a server started here on loopback,
 * one conversation per case. `env` adds to the environment (e.g. OPENAI_BASE_URL to switch a model on).
 */
export async function runEval(cases: EvalCase[], env: NodeJS.ProcessEnv = {}): Promise<CaseResult[]> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      KNOWLEDGE_WATCH: 'false',
      DATA_DIR: ':memory:',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
  });
  const results: CaseResult[] = [];
  try {
    for (const [i, testCase] of cases.entries()) {
      const conversationId = `eval-${testCase.id}-${i}`;
      let replies: ReplyForEval[] = [];
      try {
        for (const turn of testCase.turns) replies = await ask(server.url, conversationId, turn);
        results.push({ testCase, replies, ...judge(testCase, replies) });
      } catch (error) {
        results.push({ testCase, replies, passed: false, problems: [(error as Error).message] });
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

async function ask(url: string, conversationId: string, text: string): Promise<ReplyForEval[]> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, text }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { replies: ReplyForEval[] }).replies;
}
