import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../adapters/http/config.ts';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';

const METRICS_TOKEN = 'test-metrics-token-0123456789';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', KNOWLEDGE_WATCH: 'false', ...env },
  });
  return server;
}

function scrape(base: string, token?: string) {
  return fetch(`${base}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

describe('/metrics', () => {
  it('is served on the chat port to anyone when neither METRICS_TOKEN nor METRICS_PORT is set', async () => {
    const running = await start({});
    expect(running.metricsUrl).toBe(running.url);
    const response = await scrape(running.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('smeg_http_requests_total');
  });

  it('asks for METRICS_TOKEN as a bearer token when it is set', async () => {
    const running = await start({ METRICS_TOKEN });
    const anonymous = await scrape(running.url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN') } });
    expect((await scrape(running.url, 'not-the-metrics-token-at-all')).status).toBe(401);
    expect((await scrape(running.url, METRICS_TOKEN)).status).toBe(200);
  });

  it('is served on METRICS_PORT only when it is set, and nothing else is served there', async () => {
    const running = await start({ METRICS_PORT: '0' });
    expect(running.metricsUrl).not.toBe(running.url);
    expect((await scrape(running.url)).status).toBe(404);
    const scraped = await scrape(running.metricsUrl);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('smeg_http_requests_total');
    const other = await fetch(`${running.metricsUrl}/healthz`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('asks for the token on METRICS_PORT too when both are set', async () => {
    const running = await start({ METRICS_PORT: '0', METRICS_TOKEN });
    expect((await scrape(running.metricsUrl)).status).toBe(401);
    expect((await scrape(running.metricsUrl, METRICS_TOKEN)).status).toBe(200);
  });

  it('refuses to start with a METRICS_TOKEN shorter than 16 characters, naming it', () => {
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });

  it('refuses to start with METRICS_PORT the same as PORT, naming it', () => {
    expect(() => parseConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(parseConfig({ PORT: '3000', METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
  });
});
