import { mkdtemp, rm } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { createBotFrameworkRouter, type BotFrameworkCredentials } from '../../../adapters/botframework/index.ts';
import type { Bot } from '../../../bot/types.ts';
import { captureLogs, type LogCapture } from '../line/log-capture.ts';

export interface BotServer {
  url: string;
  logs: LogCapture;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The Bot Framework router in a real express app, as the server mounts it. */
function createBotApp(bot: Bot, logs: LogCapture, credentials?: BotFrameworkCredentials): Express {
  const app = express();
  app.use(createBotFrameworkRouter({ bot, logger: logs.logger, ...(credentials ? { credentials } : {}) }));
  return app;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}

/** The Bot Framework app listening on 127.0.0.1. */
export async function startBotServer(bot: Bot, options: { credentials?: BotFrameworkCredentials } = {}): Promise<BotServer> {
  const logs = captureLogs();
  const app = createBotApp(bot, logs, options.credentials);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/messages`;
  return {
    url,
    logs,
    post: (activity, headers = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) }),
    close: () => closeServer(server),
  };
}

export interface SocketBotServer {
  socketPath: string;
  logs: LogCapture;
  /** A real HTTP POST of the activity to /api/messages over the socket. */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The same app on a Unix domain socket in a fresh tmp dir. A client there has no IP address at all
 * (`req.socket.remoteAddress` is undefined), so it stands for every client that is not provably loopback
 * without sending traffic anywhere but this machine's file system.
 */
export async function startBotServerOnSocket(bot: Bot): Promise<SocketBotServer> {
  const logs = captureLogs();
  const app = createBotApp(bot, logs);
  const dir = await mkdtemp(join(tmpdir(), 'botframework-'));
  const socketPath = join(dir, 'bot.sock');
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(socketPath, () => resolve(s));
    s.once('error', reject);
  });
  return {
    socketPath,
    logs,
    post: (activity) => postOverSocket(socketPath, activity),
    close: async () => {
      await closeServer(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postOverSocket(socketPath: string, activity: unknown): Promise<{ status: number; body: any }> {
  const payload = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        path: '/api/messages',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let sequence = 0;

/** An Activity as the Emulator or a channel sends it. */
export function messageActivity(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    timestamp: '2025-01-01T00:00:00.000Z',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conversation-1' },
    from: { id: 'user-1', name: '王小明' },
    recipient: { id: 'bot-1', name: '信保小幫手' },
    locale: 'zh-TW',
    text,
    ...extra,
  };
}

export function membersAddedActivity(serviceUrl: string, memberIds: string[]) {
  sequence += 1;
  return {
    type: 'conversationUpdate',
    id: `activity-${sequence}`,
    timestamp: '2025-01-01T00:00:00.000Z',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: `conversation-welcome-${sequence}` },
    from: { id: 'user-1' },
    recipient: { id: 'bot-1', name: '信保小幫手' },
    membersAdded: memberIds.map((id) => ({ id })),
  };
}
