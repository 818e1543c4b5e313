import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot } from '../../support/bot.ts';
import { startWebApp, type RunningWebApp } from './web-app.ts';

let app: RunningWebApp;

beforeAll(async () => {
  app = await startWebApp({ bot: await createTestBot() });
});
afterAll(() => app.close());

describe('GET /', () => {
  it('serves the chat page in Traditional Chinese', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('lang="zh-Hant-TW"');
    expect(html).toContain('財團法人中小企業信用保證基金');
  });

  it('tells the browser to load scripts, styles and fonts from the server only', async () => {
    const policy = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("font-src 'self'");
  });

  it('links no file from another host', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
