import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLineRouter, type LineRouterDeps } from '../../../adapters/line/index.ts';
import type { Bot, Reply, Turn } from '../../../bot/types.ts';
import { captureLogs, type LogCapture, type LogLine } from './log-capture.ts';
import { BOT_USER_ID, sign } from './webhook-events.ts';

export const CHANNEL_SECRET = 'test-channel-secret-0123456789abcdef';
export const CHANNEL_ACCESS_TOKEN = 'test-channel-access-token';

/** Wraps a bot to record the Turns it was given and the Replies it returned; the bot itself is untouched. */
export function recordingBot(bot: Bot) {
  const exchanges: Array<{ turn: Turn; replies: Reply[] }> = [];
  return {
    exchanges,
    bot: {
      async handle(turn: Turn) {
        const replies = await bot.handle(turn);
        exchanges.push({ turn, replies });
        return replies;
      },
    } satisfies Bot,
  };
}

export interface LineServer {
  url: string;
  logs: LogCapture;
  /** POSTs a webhook body signed with the channel secret, unless another signature (or none) is given. */
  post(body: string, signature?: string | null): Promise<Response>;
  /** Waits for the "line event handled" log line of one event and returns it. */
  handled(webhookEventId: string): Promise<LogLine>;
  close(): Promise<void>;
}

/**
 * The LINE router in a real express app on 127.0.0.1, with an app-wide JSON parser mounted after it; `handoff`
 * sets how long the bot stands aside after 「找真人」 and the clock it reads.
 */
export async function startLineServer(bot: Bot, apiBaseUrl: string, handoff?: LineRouterDeps['handoff']): Promise<LineServer> {
  const logs = captureLogs();
  const app = express();
  app.use(
    createLineRouter({
      bot,
      channelSecret: CHANNEL_SECRET,
      channelAccessToken: CHANNEL_ACCESS_TOKEN,
      apiBaseUrl,
      logger: logs.logger,
      botUserId: BOT_USER_ID,
      ...(handoff ? { handoff } : {}),
    }),
  );
  app.use(express.json());
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/webhooks/line`;

  return {
    url,
    logs,
    post(body, signature) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const chosen = signature === undefined ? sign(body, CHANNEL_SECRET) : signature;
      if (chosen !== null) headers['x-line-signature'] = chosen;
      return fetch(url, { method: 'POST', headers, body });
    },
    handled: (webhookEventId) =>
      logs.waitFor((line) => line.msg === 'line event handled' && line.webhookEventId === webhookEventId),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
