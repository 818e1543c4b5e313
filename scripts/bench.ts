/**
 * Throughput, latency, memory and reload figures, printed (not asserted):
 *
 *   npm run bench                                  # everything, about two minutes on 2 cores
 *   npm run bench -- --seconds 5 --memory-requests 20000 --scale 10
 *
 * 1. autocannon against POST /api/chat of the real server (started here, in this process) with a mix of
 *    fact questions, calculations and multi-turn conversations, and against a bare express endpoint on the
 *    same machine: requests/s, p50/p99 latency and their ratio.
 * 2. Resident memory after start, after a warm-up and after many more requests (should not grow).
 * 3. Index build and reload time for the real knowledge base and for one `--scale` times larger.
 */
import autocannon, { type Result } from 'autocannon';
import express from 'express';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { createLiveSources } from '../adapters/http/live-sources.ts';
import { startServer } from '../adapters/http/server.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'memory-requests': { type: 'string', default: '100000' },
    scale: { type: 'string', default: '100' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const MEMORY_REQUESTS = Number(args['memory-requests']);
const SCALE = Number(args.scale);
const KNOWLEDGE_DIR = 'knowledge/documents';
const RULES_DIR = 'rules/parameters';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** One cycle per connection: a fresh conversation, then facts, calculations and a three-turn conversation. */
const QUESTIONS: Array<{ kind: 'fact' | 'calculation' | 'multi-turn'; text: string }> = [
  { kind: 'fact', text: '批次保證的保證手續費年費率是多少？' },
  { kind: 'fact', text: '青年創業貸款最高可以保證幾成？' },
  { kind: 'calculation', text: '一般貸款 500 萬，保證成數 8 成，期間一年，保證手續費多少？' },
  { kind: 'fact', text: '微型創業鳳凰貸款的保證手續費怎麼算' },
  { kind: 'multi-turn', text: '我想試算保證手續費' },
  { kind: 'multi-turn', text: '批次保證' },
  { kind: 'multi-turn', text: '貸款 300 萬，保證九成，兩年' },
  { kind: 'calculation', text: '批保貸款1200萬保證8成一年半手續費？' },
];

interface Figures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function figures(label: string, result: Result): Figures {
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function chatRequests() {
  return QUESTIONS.map((question, position) => ({
    method: 'POST',
    path: '/api/chat',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: object, context: Record<string, unknown>) => {
      if (position === 0) context.conversationId = `bench-${Math.random().toString(36).slice(2)}`;
      return { ...request, body: JSON.stringify({ conversationId: context.conversationId, text: question.text }) };
    },
  }));
}

async function load(url: string, options: { seconds?: number; amount?: number }): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? SECONDS }),
    requests: chatRequests(),
    timeout: 10,
  });
}

async function startBareExpress(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.post('/api/chat', express.json({ limit: 16 * 1024 }), (req, res) => {
    const { conversationId } = req.body as { conversationId: string };
    res.json({ conversationId, replies: [{ kind: 'answer', text: '批次保證之保證手續費年費率為 0.35%。', citations: [] }] });
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function memoryNow(): { rss: number; heapUsed: number; external: number } {
  collectGarbage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

function printThroughput(bot: Figures, bare: Figures): void {
  const ratio = bot.requestsPerSecond / bare.requestsPerSecond;
  console.log(`\n## POST /api/chat, ${CONNECTIONS} connections, ${SECONDS} s each, ${availableParallelism()} CPUs`);
  console.log('| server | requests/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of [bot, bare]) {
    console.log(`| ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.non2xx} |`);
  }
  console.log(`ratio bot/bare: ${ratio.toFixed(2)} (target ≥ 0.33: ${ratio >= 1 / 3 ? 'met' : 'NOT met'}); ` +
    `bot p99 ${bot.p99} ms (target ≤ 25 ms: ${bot.p99 <= 25 ? 'met' : 'NOT met'})`);
}

async function benchServers(dataDir: string): Promise<void> {
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    KNOWLEDGE_WATCH: 'false',
    // The benchmark is one client hammering from one address; the limiter would rightly refuse it.
    RATE_LIMIT_PER_MINUTE: String(1e9),
  };
  const bare = await startBareExpress();
  const bot = await startServer({ port: 0, host: '127.0.0.1', env });
  try {
    const afterStart = memoryNow();
    await load(`${bot.url}`, { seconds: 2 });
    await load(`${bare.url}`, { seconds: 2 });

    const botFigures = figures('SMEG assistant', await load(bot.url, {}));
    const bareFigures = figures('bare express', await load(bare.url, {}));
    printThroughput(botFigures, bareFigures);

    const warm = memoryNow();
    const memoryRun = await load(bot.url, { amount: MEMORY_REQUESTS });
    const after = memoryNow();
    console.log(`\n## Memory (after a full GC)`);
    console.log('(one process: the server and the autocannon client that loads it)');
    console.log('| moment | resident | heap used | external |');
    console.log('|---|---:|---:|---:|');
    const row = (moment: string, m: ReturnType<typeof memoryNow>) =>
      console.log(`| ${moment} | ${megabytes(m.rss)} | ${megabytes(m.heapUsed)} | ${megabytes(m.external)} |`);
    row('after start', afterStart);
    row('after warm-up and the throughput runs', warm);
    row(`after ${MEMORY_REQUESTS.toLocaleString('en-US')} more requests`, after);
    console.log(`heap growth over the ${MEMORY_REQUESTS.toLocaleString('en-US')} requests: ${megabytes(after.heapUsed - warm.heapUsed)}; ` +
      `${memoryRun['2xx'].toLocaleString('en-US')} answered 2xx, ${memoryRun.non2xx} non-2xx, ${memoryRun.errors} errors`);
  } finally {
    await bot.close();
    await bare.close();
  }
}

/** A knowledge folder `scale` times the real one: each document copied under new ids, so every copy is indexed. */
function scaledKnowledge(root: string, scale: number): string {
  const dir = join(root, `knowledge-x${scale}`);
  mkdirSync(dir, { recursive: true });
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  for (const file of readdirSync(KNOWLEDGE_DIR).filter((name) => name.endsWith('.md'))) {
    const id = file.replace(/\.md$/, '');
    const text = readFileSync(join(KNOWLEDGE_DIR, file), 'utf8');
    for (let copy = 1; copy < scale; copy++) {
      writeFileSync(join(dir, `${id}-copy-${copy}.md`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${id}-copy-${copy}`));
    }
  }
  return dir;
}

/** The longest time the event loop could not run a timer: how long a request arriving then would wait. */
function watchEventLoopPauses(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - 1);
    },
  };
}

async function benchReload(label: string, knowledgeDir: string): Promise<string> {
  const logger = pino({ level: 'silent' });
  let started = performance.now();
  const sources = await createLiveSources({ knowledgeDir, rulesDir: RULES_DIR, logger, watch: false });
  const firstLoadMs = performance.now() - started;
  const { knowledge } = sources.current();

  const edited = join(knowledgeDir, 'guarantee-programs-overview.md');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n## 效能測試新增章節\n\n重新載入測試。\n`);
  const pauses = watchEventLoopPauses();
  started = performance.now();
  const result = await sources.reload('bench');
  const reloadMs = performance.now() - started;
  const longestPauseMs = pauses.stop();
  sources.close();
  if (!result.ok) throw new Error(`reload failed in the benchmark: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return `| ${label} | ${knowledge.documents.length} | ${knowledge.sections.length} | ${firstLoadMs.toFixed(0)} | ${reloadMs.toFixed(0)} | ${longestPauseMs.toFixed(0)} |`;
}

async function benchReloads(root: string): Promise<void> {
  const realCopy = join(root, 'knowledge');
  cpSync(KNOWLEDGE_DIR, realCopy, { recursive: true });
  const rows = [await benchReload('real knowledge base', realCopy)];
  if (SCALE > 1) rows.push(await benchReload(`${SCALE} × larger`, scaledKnowledge(root, SCALE)));
  console.log('\n## Knowledge load, index build and reload (validate + index + swap)');
  console.log('| knowledge | documents | sections | first load ms | reload ms | longest event-loop pause ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

const root = mkdtempSync(join(tmpdir(), 'smeg-bench-'));
try {
  await benchServers(join(root, 'data'));
  await benchReloads(root);
} finally {
  rmSync(root, { recursive: true, force: true });
}
