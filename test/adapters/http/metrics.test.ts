import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../adapters/http/metrics.ts';
import { startServer } from '../../../adapters/http/server.ts';
import { listen, type Listening } from './listen.ts';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('GET /metrics', () => {
  it('exposes requests by route and status, answer latency, intents, fallbacks, LLM calls, guard rejections and reloads', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const app = express();
    app.use(metrics.httpMiddleware());
    app.use(metrics.router());
    app.use('/api/refused', (_req, res) => {
      res.status(429).json({});
    });
    app.post('/api/chat', (_req, res) => {
      res.json({ ok: true });
    });
    running = await listen(app);

    await fetch(`${running.url}/api/chat`, { method: 'POST' });
    await fetch(`${running.url}/no/such/page`);
    await fetch(`${running.url}/api/refused`, { method: 'POST' });
    const at = new Date();
    metrics.interactions.record({ type: 'answered', at, conversationId: 'c', channel: 'web', text: 't', intent: 'fee_calculation', latencyMs: 12 });
    metrics.interactions.record({ type: 'unanswered', at, conversationId: 'c', channel: 'line', text: 't', intent: 'unknown', latencyMs: 5 });
    metrics.interactions.record({ type: 'feedback', at, conversationId: 'c', channel: 'web', answerId: 'a', rating: 'down' });
    metrics.llmCall('ok');
    metrics.llmCall('timeout');
    metrics.guardRejection('unsupported_figure');
    metrics.reload('ok', 120);
    metrics.reload('failed', 30);

    const response = await fetch(`${running.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const body = await response.text();
    expect(body).toContain('smeg_http_requests_total{route="/api/chat",method="POST",status="200"} 1');
    expect(body).toContain('smeg_http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(body).toContain('smeg_http_requests_total{route="/api/refused",method="POST",status="429"} 1');
    expect(body).toContain('smeg_answer_duration_seconds_bucket{le="0.025",channel="web",outcome="answered"} 1');
    expect(body).toContain('smeg_intents_total{intent="fee_calculation"} 1');
    expect(body).toContain('smeg_fallbacks_total{channel="line",type="unanswered"} 1');
    expect(body).not.toContain('smeg_fallbacks_total{channel="web"');
    expect(body).toContain('smeg_feedback_total{channel="web",rating="down"} 1');
    expect(body).toContain('smeg_llm_calls_total{outcome="timeout"} 1');
    expect(body).toContain('smeg_guard_rejections_total{reason="unsupported_figure"} 1');
    expect(body).toContain('smeg_reloads_total{result="ok"} 1');
    expect(body).toContain('smeg_reloads_total{result="failed"} 1');
    expect(body).toContain('smeg_reload_duration_seconds_count 2');
  });

  it('keeps each server its own registry, with process metrics when asked', async () => {
    const withProcess = createMetrics();
    const without = createMetrics({ processMetrics: false });
    expect(await withProcess.registry.metrics()).toContain('smeg_process_resident_memory_bytes');
    expect(await without.registry.metrics()).not.toContain('smeg_process_resident_memory_bytes');
  });
});

describe('route labels', () => {
  /** A small seeded generator, so a failure can be replayed. */
  function seeded(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  function routeLabels(exposition: string): Set<string> {
    return new Set([...exposition.matchAll(/^smeg_http_requests_total\{route="([^"]*)"/gm)].map((match) => match[1] ?? ''));
  }

  it('stay a fixed few whatever the case, slashes and suffixes of the paths asked for', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: ':memory:',
        KNOWLEDGE_WATCH: 'false',
        ADMIN_TOKEN: 'test-admin-token-0123456789',
        RATE_LIMIT_PER_MINUTE: '1',
      },
    });
    try {
      const random = seeded(42);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const bases = ['/admin', '/admin/status', '/admin/reload', '/api/chat', '/api/feedback', '/api/search', '/healthz', '/metrics'];
      const vary = (path: string) => [...path].map((c) => (random() < 0.5 ? c.toUpperCase() : c)).join('');
      const before = routeLabels(await (await fetch(`${server.url}/metrics`)).text());
      for (let i = 0; i < 50; i++) {
        const path = `${vary(pick(bases))}${pick(['', '/', `/${Math.floor(random() * 1e6)}`])}`;
        const post = random() < 0.5;
        await fetch(`${server.url}${path}`, post ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {}).then(
          (response) => response.arrayBuffer(),
        );
      }
      const after = routeLabels(await (await fetch(`${server.url}/metrics`)).text());
      const added = [...after].filter((label) => !before.has(label));
      expect(added.length).toBeLessThanOrEqual(bases.length + 1);
      expect(added.filter((label) => label !== label.toLowerCase())).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
