import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createLineRouter } from '../../../adapters/line/index.ts';
import { createTestBot } from '../../support/bot.ts';
import { startFakeLineApi } from './fake-line-api.ts';
import { captureLogs } from './log-capture.ts';
import { CHANNEL_ACCESS_TOKEN, CHANNEL_SECRET } from './line-server.ts';
import { sign, textEvent, webhookBody } from './webhook-events.ts';

describe('mounting the LINE router', () => {
  it('logs that the webhook is on when created', async () => {
    const logs = captureLogs();
    createLineRouter({ bot: await createTestBot(), channelSecret: CHANNEL_SECRET, channelAccessToken: CHANNEL_ACCESS_TOKEN, logger: logs.logger });
    expect(logs.lines.map((l) => l.msg)).toContain('LINE webhook on /webhooks/line');
  });

  it('behind an app-wide JSON parser, refuses every webhook and logs why, since the raw body is gone', async () => {
    const lineApi = await startFakeLineApi();
    const logs = captureLogs();
    const app = express();
    app.use(express.json());
    app.use(
      createLineRouter({
        bot: await createTestBot(),
        channelSecret: CHANNEL_SECRET,
        channelAccessToken: CHANNEL_ACCESS_TOKEN,
        apiBaseUrl: lineApi.url,
        logger: logs.logger,
      }),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const body = webhookBody(textEvent('一般貸款費率？'));
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/webhooks/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, CHANNEL_SECRET) },
        body,
      });
      expect(response.status).toBe(401);
      expect(logs.lines.some((l) => l.level === 50 && l.msg.includes('mount the LINE router before body parsers'))).toBe(true);
      expect(lineApi.calls).toHaveLength(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await lineApi.close();
    }
  });
});
