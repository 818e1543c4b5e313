/**
 * One server under test for scripts/bench.ts, in a process of its own so that the load generator neither takes
 * its CPU nor shows up in its memory figures:
 *
 *   node --import tsx --expose-gc scripts/bench-server.ts bot|bare
 *
 * `bot` is the real server (startServer, configured from this process's environment); `bare` is express with one
 * JSON endpoint answering the same shape, the ceiling the bot is compared with. Over the IPC channel it sends
 * `{ type: 'listening', url }`, answers `{ type: 'memory' }` with its memory after a full GC and `{ type: 'cpu' }`
 * with the CPU time it has used, and exits on `{ type: 'stop' }` or as soon as the parent goes away.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '../adapters/http/server.ts';

export type BenchServerKind = 'bot' | 'bare';

export type ParentMessage = { type: 'memory' } | { type: 'cpu' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'listening'; url: string }
  | { type: 'memory'; memory: NodeJS.MemoryUsage }
  | { type: 'cpu'; cpu: NodeJS.CpuUsage };

interface Listening {
  url: string;
  close(): Promise<void>;
}

class BenchServerUsageError extends Error {
  constructor(readonly detail: string) {
    super(`scripts/bench-server.ts: ${detail}`);
  }
}

async function startBot(): Promise<Listening> {
  const running = await startServer({ port: 0, host: '127.0.0.1' });
  return { url: running.url, close: () => running.close() };
}

async function startBare(): Promise<Listening> {
  const app = express();
  app.post('/api/chat', express.json({ limit: 16 * 1024 }), (req, res) => {
    const { conversationId } = req.body as { conversationId: string };
    res.json({ conversationId, replies: [{ kind: 'answer', text: '批次保證之保證手續費年費率為 0.35%。', citations: [] }] });
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
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

/** Memory as the server itself holds it: garbage collected first, so figures compare between moments. */
function memoryAfterGc(): NodeJS.MemoryUsage {
  if (typeof globalThis.gc !== 'function') throw new BenchServerUsageError('run with --expose-gc');
  globalThis.gc();
  return process.memoryUsage();
}

function send(message: ChildMessage): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

function kindFromArgs(): BenchServerKind {
  const kind = process.argv[2];
  if (kind === 'bot' || kind === 'bare') return kind;
  throw new BenchServerUsageError(`expected "bot" or "bare", got ${JSON.stringify(kind)}`);
}

const server = kindFromArgs() === 'bot' ? await startBot() : await startBare();
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') send({ type: 'memory', memory: memoryAfterGc() });
  else if (message.type === 'cpu') send({ type: 'cpu', cpu: process.cpuUsage() });
  else if (message.type === 'stop') void stop();
});
// A parent that crashed or was killed closes the channel; a server left listening would hold the port and CPU.
process.on('disconnect', () => void stop());
send({ type: 'listening', url: server.url });
