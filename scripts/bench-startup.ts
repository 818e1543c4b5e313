/**
 * Start-up of the built server, as `npm start` runs it: the time from spawning `node dist/adapters/http/main.js`
 * to the first 200 from GET /healthz, and the CPU the process has used by then (user + system, every thread).
 *
 *   npm run build && npm run bench:startup              # 5 runs
 *   npm run bench:startup -- --runs 10 --cold           # each run with an empty start-up cache (STARTUP_CACHE_DIR)
 *   npm run bench:startup -- --cpu-prof /tmp/start      # also write a CPU profile of each start there
 *   npm run bench:startup -- --cwd /tmp/old-checkout    # the same for another (built) checkout, to compare
 *   npm run bench:startup -- --node-arg=--min-semi-space-size=16   # with more options for node
 *
 * Each run gets a free port and its own empty DATA_DIR. The runs share one STARTUP_CACHE_DIR (a new one unless
 * --cache-dir is given), filled by a first start that is not counted, so the runs measure a restart on unchanged
 * files; `--cold` gives every run an empty one instead (a first start, or one after the files or the code changed). The server is stopped with SIGTERM after it is healthy. CPU is read from /proc/<pid>/stat at
 * the moment /healthz answers, so this script is for Linux.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    cold: { type: 'boolean', default: false },
    // Start with plain `node` instead of `node --enable-source-maps` (what npm start and the Dockerfile run).
    'no-source-maps': { type: 'boolean', default: false },
    // More options for node (repeatable), e.g. --node-arg=--min-semi-space-size=16, to compare.
    'node-arg': { type: 'string', multiple: true, default: [] },
    'cache-dir': { type: 'string' },
    'cpu-prof': { type: 'string' },
    entry: { type: 'string', default: 'dist/adapters/http/main.js' },
    // Another checkout to start (its entry, knowledge and rules), e.g. an older commit built elsewhere, to compare.
    cwd: { type: 'string' },
  },
});
const runs = Number(values.runs);
const clockTicks = 100; // USER_HZ on Linux

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** User + system CPU of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Run {
  healthyMs: number;
  cpuMs: number;
  rssMb: number;
}

async function oneRun(index: number, cacheDir: string): Promise<Run> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'smeg-startup-data-'));
  const nodeArgs = [...(values['no-source-maps'] ? [] : ['--enable-source-maps']), ...values['node-arg']];
  if (values['cpu-prof']) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`, `--cpu-prof-name=start-${index}.cpuprofile`);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, values.entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STARTUP_CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    ...(values.cwd ? { cwd: values.cwd } : {}),
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited before it was healthy (run ${index + 1})`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) {
          const healthyMs = performance.now() - started;
          return { healthyMs, cpuMs: processCpuMs(child.pid!), rssMb: residentMb(child.pid!) };
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exit;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const sharedCache = values['cache-dir'] ?? mkdtempSync(path.join(os.tmpdir(), 'smeg-startup-cache-'));
const results: Run[] = [];
console.log(`${values.cwd ? `${values.cwd}: ` : ''}${values.entry}, ${runs} runs${values.cold ? ', each with an empty start-up cache' : ''}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (!values.cold) {
  // One start that is not counted fills the cache the counted ones read, as every start after the first one would.
  const primed = await oneRun(-1, sharedCache);
  console.log(`start that fills the cache (not counted): healthy after ${Math.round(primed.healthyMs)} ms, CPU ${Math.round(primed.cpuMs)} ms`);
}
for (let i = 0; i < runs; i += 1) {
  const cacheDir = values.cold ? mkdtempSync(path.join(os.tmpdir(), 'smeg-startup-cache-')) : sharedCache;
  const run = await oneRun(i, cacheDir);
  if (values.cold) rmSync(cacheDir, { recursive: true, force: true });
  results.push(run);
  console.log(`run ${i + 1}: healthy after ${Math.round(run.healthyMs)} ms, CPU ${Math.round(run.cpuMs)} ms, resident ${run.rssMb} MB`);
}
if (!values['cache-dir']) rmSync(sharedCache, { recursive: true, force: true });
console.log(
  `median: healthy after ${Math.round(median(results.map((r) => r.healthyMs)))} ms, CPU ${Math.round(median(results.map((r) => r.cpuMs)))} ms; ` +
    `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
);
