/**
 * What an unseen question costs: answers never-repeated questions (scripts/bench-questions.ts) in this process
 * through the bot core (the bot the server builds, with its conversation store, interaction store and metrics,
 * without HTTP) and prints the CPU time per answer (median, p90, p99) and where it goes, by stage, from a CPU
 * profile of the same kind of questions:
 *
 *   npx tsx scripts/profile-answer.ts                         # 2,000 timed answers, then 2,000 profiled
 *   npx tsx scripts/profile-answer.ts --answers 5000 --top 40 # more answers, more functions listed
 *   npx tsx scripts/profile-answer.ts --cpu-prof /tmp/answers.cpuprofile   # also write the profile (Chrome DevTools)
 *   npx tsx scripts/profile-answer.ts --http                  # through POST /api/chat instead, as `npm run bench` does
 *
 * With `--http` the server runs in this process and a child process (this script with `--load`) sends the
 * questions over loopback with autocannon, 10 connections; the CPU per request is then this process's CPU over the
 * run divided by the requests answered (a mean, as the bench reports it), and the profile shows the HTTP layers too.
 *
 * Every question is new to the process (its amount differs), so neither the understanding memo nor the answer memo
 * helps: the figures are those of an uncached answer. A warm-up of other never-repeated questions runs first, so
 * one-time work (compiling the registry, building per-version tables, the JIT) is not counted.
 */
import { Session, type Profiler } from 'node:inspector/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { startServer } from '../adapters/http/server.ts';
import type { Turn } from '../bot/types.ts';
import { distinctQuestion, REPEATED_QUESTIONS } from './bench-questions.ts';

const { values: args } = parseArgs({
  options: {
    answers: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '1500' },
    top: { type: 'string', default: '25' },
    'cpu-prof': { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    http: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    /** Internal: be the load generator of an `--http` run, against this URL. */
    load: { type: 'string' },
    /** Report on a profile written earlier with --cpu-prof (pass --answers as it was run) instead of running. */
    read: { type: 'string' },
    from: { type: 'string', default: '0' },
    /** With --http: `repeated` sends the bench's repeated mix instead (answers from the memo: the cost around the bot). */
    traffic: { type: 'string', default: 'never-repeated' },
  },
});
const ANSWERS = Number(args.answers);
const WARMUP = Number(args.warmup);
const TOP = Number(args.top);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/** A project file relative to the repository, or the package a library file belongs to. */
function fileOf(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf(`node_modules${sep}`);
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules'.length + 1).split(sep);
    return `node_modules/${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:') || !path.startsWith('/')) return `node:${path.replace(/^node:/, '')}`;
  return relative(ROOT, path);
}

/**
 * The stage a frame marks, when it is one: the stage of a sample is that of the deepest marking frame on its stack,
 * except that understanding, retrieval and logging/store keep what runs below them (their normalisation, tokenizer,
 * SQLite) as theirs.
 */
const STAGES: Array<[string, RegExp, boolean]> = [
  ['understanding', /^bot\/understand\/|^bot\/dialogue\/(?:merge|questions)\.ts|^domain\/cues\.ts/, true],
  ['retrieval/search', /^bot\/flows\/retrieval|^knowledge\/(?:search|retrieve|passages|passage-terms|tokenizer|retrieval-quality)\.ts/, true],
  ['logging/store', /^adapters\/http\/(?:interaction|fan-out|metrics|logger|issued)|^node_modules\/(?:pino|better-sqlite3|prom-client)/, true],
  ['HTTP (express, body, JSON, protection)', /^adapters\/|^node_modules\/(?:express|body-parser|router|helmet|raw-body|finalhandler|send|on-finished)|^node:(?:_http|net|internal\/http|internal\/stream)/, false],
  ['compose', /^bot\/compose\//, false],
  ['flows and rules', /^bot\/flows\/|^rules\//, false],
  ['bot core (memo, conversation store, turn)', /^bot\/(?:index|lru-cache|redaction|message-length)\.ts|^bot\/dialogue\/|^bot\/handoff\//, false],
];

function report(profile: Profiler.Profile, answers: number): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const stage = (id: number): string => {
    const known = stageOf.get(id);
    if (known !== undefined) return known;
    const chain: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.unshift(at);
    let found = 'other';
    for (const nodeId of chain) {
      const file = fileOf(nodes.get(nodeId)!.callFrame.url);
      const hit = STAGES.find(([, re]) => re.test(file));
      if (!hit) continue;
      found = hit[0];
      if (hit[2]) break;
    }
    const name = nodes.get(id)!.callFrame.functionName;
    if (name === '(garbage collector)') found = 'garbage collection';
    if (name === '(idle)' || name === '(program)') found = name;
    stageOf.set(id, found);
    return found;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byStage = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byStageSelf = new Map<string, Map<string, number>>();
  const byTotal = new Map<string, number>();
  const nameOf = (id: number) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    return `${functionName || '(anonymous)'} ${fileOf(url)}:${lineNumber + 1}`;
  };
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const node = nodes.get(samples[i]!)!;
    byStage.set(stage(node.id), (byStage.get(stage(node.id)) ?? 0) + ms);
    const file = fileOf(node.callFrame.url);
    const self = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    bySelf.set(self, (bySelf.get(self) ?? 0) + ms);
    const within = byStageSelf.get(stage(node.id)) ?? new Map<string, number>();
    within.set(self, (within.get(self) ?? 0) + ms);
    byStageSelf.set(stage(node.id), within);
    const onStack = new Set<string>();
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) onStack.add(nameOf(at));
    for (const name of onStack) byTotal.set(name, (byTotal.get(name) ?? 0) + ms);
    byFile.set(file || node.callFrame.functionName, (byFile.get(file || node.callFrame.functionName) ?? 0) + ms);
  }
  const total = [...byStage].filter(([s]) => s !== '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const line = (ms: number) => `${(ms / answers).toFixed(3)} ms/answer ${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  console.log(`\n## Profile of ${answers} more never-repeated answers (sampled every 0.1 ms; the profiler slows them down)`);
  console.log(`profiled time per answer: ${(total / answers).toFixed(3)} ms`);
  console.log('by stage:');
  for (const [s, ms] of [...byStage].filter(([s]) => s !== '(idle)').sort((a, b) => b[1] - a[1])) {
    console.log(`  ${line(ms)}  ${s}`);
    const within = [...(byStageSelf.get(s) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 6);
    for (const [f, fms] of within) console.log(`        ${(fms / answers).toFixed(3)} ms  ${f}`);
  }
  console.log(`by file (self time), top ${TOP}:`);
  for (const [f, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${line(ms)}  ${f}`);
  console.log(`project functions (total time, with what they call), top ${TOP}:`);
  const project = [...byTotal].filter(([f]) => /\s(?:bot|knowledge|rules|domain|adapters)\//.test(f));
  for (const [f, ms] of project.sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${line(ms)}  ${f}`);
  console.log(`by function (self time), top ${TOP}:`);
  for (const [f, ms] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${line(ms)}  ${f}`);
}

if (args.read) {
  report(JSON.parse(readFileSync(args.read, 'utf8')) as Profiler.Profile, ANSWERS);
  process.exit(0);
}
if (args.load) {
  await generateLoad(args.load, Number(args.from), Number(args.seconds), Number(args.connections));
  process.exit(0);
}

const running = await startServer({
  port: 0,
  host: '127.0.0.1',
  env: { ...process.env, LOG_LEVEL: 'silent', KNOWLEDGE_WATCH: 'false', DATA_DIR: ':memory:', RATE_LIMIT_PER_MINUTE: String(1e9) },
});
const bot = running.bot;

/** Question numbers never used before in this process: warm-up, timing and profiling each take their own. */
let next = 0;
async function answer(n: number): Promise<void> {
  const turn: Turn = { conversationId: `profile-${n}`, channel: 'web', event: { type: 'message', text: distinctQuestion(n) } };
  const replies = await bot.handle(turn);
  if (replies.length === 0) throw new Error(`no reply to ${distinctQuestion(n)}`);
}

try {
  if (args.http) await overHttp();
  else await inProcess();
} finally {
  await running.close();
}

/** Sends never-repeated questions from `from` on for `seconds`; tells the parent how many were answered. */
async function generateLoad(url: string, from: number, seconds: number, connections: number): Promise<void> {
  let n = from;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: object) => {
          const k = n++;
          const text = args.traffic === 'repeated' ? REPEATED_QUESTIONS[k % REPEATED_QUESTIONS.length]!.text : distinctQuestion(k);
          return { ...request, body: JSON.stringify({ conversationId: `profile-http-${k}`, text }) };
        },
      },
    ],
  });
  process.send?.({ total: result.requests.total, ok: result['2xx'], next: n, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average });
}

async function loadFromChild(from: number, seconds: number): Promise<{ total: number; ok: number; next: number; p50: number; p99: number; rps: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--load', running.url, '--from', String(from), '--seconds', String(seconds), '--connections', String(args.connections), '--traffic', String(args.traffic)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
  });
}

/** CPU time (ms) of each thread of this process, by thread name (Linux /proc; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const byName = new Map<string, number>();
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * tick;
      const key = tid === String(process.pid) ? 'main thread' : name;
      byName.set(key, (byName.get(key) ?? 0) + ms);
    }
  } catch {
    // not Linux
  }
  return byName;
}

async function overHttp(): Promise<void> {
  const seconds = Number(args.seconds);
  const warm = await loadFromChild(1e6, Math.max(2, seconds / 2));
  const cpu = process.cpuUsage();
  const threadsBefore = threadCpu();
  const run = await loadFromChild(warm.next, seconds);
  const used = process.cpuUsage(cpu);
  const threads = [...threadCpu()].map(([name, ms]) => [name, ms - (threadsBefore.get(name) ?? 0)] as const).filter(([, ms]) => ms > 0);
  console.log(`## POST /api/chat, ${args.traffic} questions, ${args.connections} connections, ${seconds} s, server in this process`);
  console.log(`${run.total} requests (${run.ok} 2xx), ${run.rps.toFixed(0)} requests/s, p50 ${run.p50} ms, p99 ${run.p99} ms; ` +
    `server CPU per request ${((used.user + used.system) / 1000 / Math.max(1, run.total)).toFixed(3)} ms`);
  console.log(`by thread, ms per request: ${threads.map(([name, ms]) => `${name} ${(ms / Math.max(1, run.total)).toFixed(3)}`).join(', ')}`);
  if (args['no-profile']) return;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const profiled = await loadFromChild(run.next, seconds);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  if (args['cpu-prof']) writeFileSync(args['cpu-prof'], JSON.stringify(profile));
  report(profile, profiled.total);
}

async function inProcess(): Promise<void> {
  for (let i = 0; i < WARMUP; i++) await answer(next++);

  // CPU of this process (all threads, as the bench measures the server) per answer, without the profiler.
  const perAnswer: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await answer(next++);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    perAnswer.push((used.user + used.system) / 1000);
  }
  const byKind = new Map<number, number[]>();
  perAnswer.forEach((ms, i) => {
    const kind = (next - ANSWERS + i) % 8;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  });
  console.log(`## CPU per never-repeated answer through the bot core, ${ANSWERS} answers after ${WARMUP} warm-up`);
  console.log(`CPU ms: median ${quantile(perAnswer, 0.5).toFixed(3)}, p90 ${quantile(perAnswer, 0.9).toFixed(3)}, ` +
    `p99 ${quantile(perAnswer, 0.99).toFixed(3)}, mean ${mean(perAnswer).toFixed(3)}`);
  console.log(`wall ms: median ${quantile(wall, 0.5).toFixed(3)}, p99 ${quantile(wall, 0.99).toFixed(3)}`);
  console.log('by kind of question (distinctQuestion n % 8): median / p99 CPU ms');
  for (const [kind, list] of [...byKind].sort(([a], [b]) => a - b)) {
    console.log(`  ${kind} ${quantile(list, 0.5).toFixed(3)} / ${quantile(list, 0.99).toFixed(3)}  e.g. ${distinctQuestion(kind + 8 * 1000)}`);
  }

  const slowest = perAnswer.map((ms, i) => [ms, next - ANSWERS + i] as const).sort((a, b) => b[0] - a[0]).slice(0, 8);
  console.log('slowest answers (CPU ms):');
  for (const [ms, n] of slowest) console.log(`  ${ms.toFixed(3)}  ${distinctQuestion(n)}`);

  if (!args['no-profile']) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < ANSWERS; i++) await answer(next++);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    if (args['cpu-prof']) writeFileSync(args['cpu-prof'], JSON.stringify(profile));
    report(profile, ANSWERS);
  }
}
