import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';
import { TEST_DATE } from '../../support/bot.ts';
import { createSourceFixture, type SourceFixture } from './source-fixture.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const BATCH_FEE_QUESTION = '批次保證的保證手續費年費率是多少？';

/** The whole server as `npm start` builds it, on copies of the knowledge and rules that the test edits. */
describe('the running server', () => {
  let fixture: SourceFixture;
  let server: RunningServer;

  beforeAll(async () => {
    fixture = createSourceFixture();
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      now: () => TEST_DATE,
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        KNOWLEDGE_DIR: fixture.knowledgeDir,
        RULES_DIR: fixture.rulesDir,
        DATA_DIR: ':memory:',
        ADMIN_TOKEN,
        KNOWLEDGE_WATCH: 'true',
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    fixture?.remove();
  });

  async function ask(text: string): Promise<string> {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: `c-${Math.random()}`, text }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replies: Array<{ text: string }> };
    return body.replies.map((r) => r.text).join('\n');
  }

  async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('is healthy and answers from the shipped figures', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await ask(BATCH_FEE_QUESTION)).toContain('0.3%');
  });

  it('answers with a new dated rate within seconds of a staff edit, keeping the old one as history', async () => {
    appendFileSync(
      join(fixture.rulesDir, 'batch/fee_rate.yaml'),
      [
        '  2026-01-01:',
        '    value: 0.28',
        '    reference:',
        '      document: batch-guarantee-revision-2014',
        '      title: 修正「批次信用保證要點」函',
        '      section: 說明三：代償上限計提率與保證手續費年費率',
        '',
      ].join('\n'),
    );
    await eventually(async () => (await ask(BATCH_FEE_QUESTION)).includes('0.28%'));
    expect(await ask(BATCH_FEE_QUESTION)).toContain('0.3%');
  });

  it('keeps answering with the last good version after a broken edit, and shows the error to staff', async () => {
    appendFileSync(join(fixture.rulesDir, 'batch/fee_rate.yaml'), '  2026-06-01:\n    value: 0.1\n');
    await eventually(async () => {
      const res = await fetch(`${server.url}/admin/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const status = (await res.json()) as { lastReload?: { ok: boolean; messages: string[] } };
      return status.lastReload?.ok === false && status.lastReload.messages.some((m) => m.includes('fee_rate.yaml'));
    });
    const answer = await ask(BATCH_FEE_QUESTION);
    expect(answer).toContain('0.28%');
    expect(answer).not.toContain('0.1%');
  });

  it('exposes Prometheus metrics of what it did', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/smeg_http_requests_total\{[^}]*route="\/api\/chat"/);
    expect(text).toContain('smeg_reloads_total');
  });
});
