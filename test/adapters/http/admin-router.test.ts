import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminRouter } from '../../../adapters/http/admin-router.ts';
import type { LiveSources, ReloadResult, ReloadStatus } from '../../../adapters/http/live-sources.ts';
import { listen, type Listening } from './listen.ts';

const TOKEN = 'a-long-enough-admin-token';
const silent = pino({ level: 'silent' });

function fakeSources(result: Partial<ReloadResult> = {}): Pick<LiveSources, 'reload' | 'status'> & { reasons: string[] } {
  const reasons: string[] = [];
  return {
    reasons,
    async reload(reason) {
      reasons.push(reason);
      return { ok: true, reason, at: new Date(0), durationMs: 5, changed: true, version: 'v2', issues: [], ...result };
    },
    status: () => ({ version: 'v1', documents: [], parameters: [] }) as unknown as ReloadStatus,
  };
}

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(token: string | undefined, sources = fakeSources()) {
  const app = express();
  app.use(createAdminRouter({ token, sources, logger: silent, interactions: { counts: async () => ({ answered: 7, unanswered: 2, lowConfidence: 1, feedbackUp: 3, feedbackDown: 1 }) } }));
  running = await listen(app);
  return { url: running.url, sources };
}

describe('admin routes', () => {
  it('answer 404 when ADMIN_TOKEN is not set, even with a token', async () => {
    const { url, sources } = await start(undefined);
    const reload = await fetch(`${url}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(reload.status).toBe(404);
    expect((await fetch(`${url}/admin/status`)).status).toBe(404);
    expect(sources.reasons).toEqual([]);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer not-the-admin-token-at-all'],
    ['the token with a different scheme', `Basic ${TOKEN}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
  ])('refuse %s with 401 and do not reload', async (_case, authorization) => {
    const { url, sources } = await start(TOKEN);
    const response = await fetch(`${url}/admin/reload`, { method: 'POST', headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(sources.reasons).toEqual([]);
  });

  it('reload with the right token and answer with the result', async () => {
    const { url, sources } = await start(TOKEN);
    const response = await fetch(`${url}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, version: 'v2' });
    expect(sources.reasons).toEqual(['POST /admin/reload']);
  });

  it('answer 422 with the issues when the reload is refused', async () => {
    const issues = [{ file: 'knowledge/documents/x.md', line: 6, field: 'issued', message: '日期格式應為 YYYY-MM-DD', severity: 'error' as const }];
    const { url } = await start(TOKEN, fakeSources({ ok: false, version: 'v1', issues }));
    const response = await fetch(`${url}/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ ok: false, version: 'v1', issues });
  });

  it('show status with the interaction counts', async () => {
    const { url } = await start(TOKEN);
    const response = await fetch(`${url}/admin/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: 'v1', interactions: { answered: 7, unanswered: 2 } });
  });
});
