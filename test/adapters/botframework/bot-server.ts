import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBotFrameworkRouter, type BotFrameworkCredentials } from '../../../adapters/botframework/index.ts';
import type { Bot } from '../../../bot/types.ts';
import { captureLogs, type LogCapture } from '../line/log-capture.ts';

export interface BotServer {
  url: string;
  logs: LogCapture;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The Bot Framework router in a real express app listening on `host` (loopback unless told otherwise). */
export async function startBotServer(
  bot: Bot,
  options: { host?: string; credentials?: BotFrameworkCredentials } = {},
): Promise<BotServer> {
  const logs = captureLogs();
  const app = express();
  app.use(createBotFrameworkRouter({ bot, logger: logs.logger, ...(options.credentials ? { credentials: options.credentials } : {}) }));
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/api/messages`;
  return {
    url,
    logs,
    post: (activity, headers = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) }),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
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
