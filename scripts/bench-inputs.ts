/**
 * The worst messages for the understanding code and for a whole turn: every pathological input of
 * test/support/pathological-inputs.ts (runs of digits, numerals, units, punctuation, white space and letters,
 * up to MAX_MESSAGE_LENGTH code points), each understood and answered by the real bot over the shipped knowledge.
 * Each input runs in a worker that is stopped after LIMIT_MS, so a catastrophic input is reported, not waited for.
 * Each worker answers a few ordinary questions first, so no input is charged for what the first answer builds once.
 * Prints the slowest inputs and the totals; asserts nothing.
 *
 *   npm run bench:inputs [-- --limit-ms 2000 --lengths 27,41,200,1000 --top 15]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { pathologicalInputs, type PathologicalInput } from '../test/support/pathological-inputs.ts';

interface Timing {
  understandMs: number;
  turnCpuMs: number;
}

if (isMainThread) await main();
else await serve();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'limit-ms': { type: 'string', default: '2000' }, lengths: { type: 'string' }, top: { type: 'string', default: '15' } },
  });
  const limitMs = Number(values['limit-ms']);
  const maxLength = Number(process.env.MAX_MESSAGE_LENGTH ?? 1000);
  const lengths = values.lengths?.split(',').map(Number);
  const inputs = pathologicalInputs(maxLength, lengths);
  console.log(`${inputs.length} inputs up to ${maxLength} code points; each stopped after ${limitMs} ms\n`);

  const results: Array<{ input: PathologicalInput; timing: Timing | undefined }> = [];
  let worker = await startWorker();
  const started = performance.now();
  for (const input of inputs) {
    const timing = await measure(worker, input.text, limitMs);
    if (!timing) {
      await worker.terminate();
      worker = await startWorker();
    }
    results.push({ input, timing });
  }
  await worker.terminate();

  const stopped = results.filter((r) => !r.timing);
  const timed = results.filter((r): r is { input: PathologicalInput; timing: Timing } => r.timing !== undefined);
  const byTurn = [...timed].sort((a, b) => b.timing.turnCpuMs - a.timing.turnCpuMs);
  const byUnderstand = [...timed].sort((a, b) => b.timing.understandMs - a.timing.understandMs);
  console.log(`stopped at the limit (> ${limitMs} ms): ${stopped.length}`);
  for (const { input } of stopped.slice(0, Number(values.top))) console.log(`  ${input.label}`);
  console.log(`\nslowest understand() (ms of wall clock, after a warm-up call):`);
  for (const { input, timing } of byUnderstand.slice(0, Number(values.top))) console.log(`  ${timing.understandMs.toFixed(2).padStart(9)}  ${input.label}`);
  console.log(`\nslowest whole turns (ms of CPU, bot.handle on a new conversation):`);
  for (const { input, timing } of byTurn.slice(0, Number(values.top))) console.log(`  ${timing.turnCpuMs.toFixed(2).padStart(9)}  ${input.label}`);
  const turns = timed.map((r) => r.timing.turnCpuMs).sort((a, b) => a - b);
  const at = (q: number) => (turns[Math.min(turns.length - 1, Math.floor(q * turns.length))] ?? 0).toFixed(2);
  console.log(`\nwhole turn CPU: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms over ${turns.length} inputs`);
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function startWorker(): Promise<Worker> {
  // A worker's entry cannot be TypeScript by itself: it registers tsx's loader, then imports this file.
  const entry = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(entry, { eval: true });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return worker;
}

function measure(worker: Worker, text: string, limitMs: number): Promise<Timing | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.off('message', done);
      resolve(undefined);
    }, limitMs);
    const done = (timing: Timing) => {
      clearTimeout(timer);
      resolve(timing);
    };
    worker.once('message', done);
    worker.postMessage(text);
  });
}

async function serve(): Promise<void> {
  const { understand } = await import('../bot/understand/index.ts');
  const { createTestBot } = await import('../test/support/bot.ts');
  const bot = await createTestBot();
  // The first answers build what is built once per knowledge version (passage catalogue, indexes, compiled cues): ~150 ms
  // paid at the first question, whatever it is. Warmed up here, so the first input measured is not charged for it.
  for (const text of ['一般貸款500萬保8成一年手續費多少？', '111年保證餘額最高的銀行是哪家', '我開早餐店想借錢']) {
    await bot.handle({ conversationId: `bench-warm-up-${text}`, channel: 'cli', event: { type: 'message', text } });
  }
  let n = 0;
  parentPort?.on('message', async (text: string) => {
    understand(`${text} `);
    let at = performance.now();
    understand(text);
    const understandMs = performance.now() - at;
    const cpu = process.cpuUsage();
    await bot.handle({ conversationId: `bench-${n++}`, channel: 'cli', event: { type: 'message', text } });
    const used = process.cpuUsage(cpu);
    at = (used.user + used.system) / 1000;
    parentPort?.postMessage({ understandMs, turnCpuMs: at } satisfies Timing);
  });
  parentPort?.postMessage('ready');
}
