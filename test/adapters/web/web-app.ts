import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Bot, Turn } from '../../../bot/types.ts';
import { createChatRouter, createWebPageRouter, type ChatRouterDeps } from '../../../adapters/web/index.ts';

export interface RunningWebApp {
  url: string;
  close(): Promise<void>;
}

/** The web adapter's routers on an express app listening on a free loopback port, as the server mounts them. */
export async function startWebApp(deps: ChatRouterDeps): Promise<RunningWebApp> {
  const app = express();
  app.use(createChatRouter(deps));
  app.use(createWebPageRouter());
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Wraps a bot so a test can see the Turns the adapter handed it. */
export function recordingBot(inner: Bot): Bot & { turns: Turn[] } {
  const turns: Turn[] = [];
  return {
    turns,
    handle(turn) {
      turns.push(turn);
      return inner.handle(turn);
    },
  };
}
