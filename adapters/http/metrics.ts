import { Router, type Request, type RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InteractionEvent, InteractionSink } from '../../bot/types.ts';

/** What the LLM layer reports, so bot/llm never imports prom-client. */
export interface LlmMetrics {
  llmCall(outcome: 'ok' | 'error' | 'timeout'): void;
  /** The figure guard (or another guard) refused an LLM answer. */
  guardRejection(reason: string): void;
}

export interface ReloadMetrics {
  reload(result: 'ok' | 'failed', durationMs: number): void;
}

export interface ServerMetrics extends LlmMetrics, ReloadMetrics {
  registry: Registry;
  /** Counts requests by route and status; mount first. */
  httpMiddleware(): RequestHandler;
  /** Intents, fallbacks and answer latency, fed by the bot's interaction events. */
  interactions: InteractionSink;
  /** `GET /metrics` in Prometheus text format. */
  router(): Router;
}

export interface MetricsOptions {
  /** Node process metrics (memory, event loop lag, GC); off in tests to keep them quick. */
  processMetrics?: boolean;
}

const PREFIX = 'smeg_';

/** Routes not matched by any handler share one label, so scanners cannot grow the series without bound. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route pattern (not the URL) keeps ids out of labels. A response from middleware mounted on a path (a rate-limit
 * refusal, an admin 401) has no route but the part of the URL its mount matched: express matches mounts ignoring
 * case and a trailing slash, so `/ADMIN/` is folded back into `/admin`. Our mounts are literal lower-case paths.
 */
function routeLabel(req: Request): string {
  // Express leaves baseUrl unset on a request no router took. A loop, not /\/+$/, which is quadratic on many slashes.
  let mount = (req.baseUrl ?? '').toLowerCase();
  while (mount.endsWith('/')) mount = mount.slice(0, -1);
  if (req.route?.path !== undefined) return `${mount}${String(req.route.path)}`;
  return mount || UNMATCHED_ROUTE;
}

export function createMetrics(options: MetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests by route, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP request duration by route.',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const answerLatency = new Histogram({
    name: `${PREFIX}answer_duration_seconds`,
    help: 'Time the bot took to answer a message, by channel and outcome.',
    labelNames: ['channel', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const intents = new Counter({
    name: `${PREFIX}intents_total`,
    help: 'Messages by recognised intent.',
    labelNames: ['intent'] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: `${PREFIX}fallbacks_total`,
    help: 'Messages the bot could not answer (unanswered) or answered with low confidence.',
    labelNames: ['channel', 'type'] as const,
    registers: [registry],
  });
  const feedback = new Counter({
    name: `${PREFIX}feedback_total`,
    help: '👍/👎 feedback by channel and rating.',
    labelNames: ['channel', 'rating'] as const,
    registers: [registry],
  });
  const llmCalls = new Counter({
    name: `${PREFIX}llm_calls_total`,
    help: 'Calls to the language model by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const guardRejections = new Counter({
    name: `${PREFIX}guard_rejections_total`,
    help: 'Language-model answers refused by a guard, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: `${PREFIX}reloads_total`,
    help: 'Knowledge and rules reloads by result.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const reloadDuration = new Histogram({
    name: `${PREFIX}reload_duration_seconds`,
    help: 'Time to validate, index and swap knowledge and rules.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const interactions: InteractionSink = {
    record(event: InteractionEvent) {
      if (event.type === 'feedback') {
        feedback.inc({ channel: event.channel, rating: event.rating });
        return;
      }
      intents.inc({ intent: event.intent });
      answerLatency.observe({ channel: event.channel, outcome: event.type }, event.latencyMs / 1000);
      if (event.type !== 'answered') fallbacks.inc({ channel: event.channel, type: event.type });
    },
  };

  return {
    registry,
    interactions,
    llmCall: (outcome) => llmCalls.inc({ outcome }),
    guardRejection: (reason) => guardRejections.inc({ reason }),
    reload(result, durationMs) {
      reloads.inc({ result });
      reloadDuration.observe(durationMs / 1000);
    },
    httpMiddleware: () => (req, res, next) => {
      const started = performance.now();
      res.on('finish', () => {
        const route = routeLabel(req);
        httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
        httpDuration.observe({ route }, (performance.now() - started) / 1000);
      });
      next();
    },
    router() {
      const router = Router();
      router.get('/metrics', async (_req, res) => {
        res.set('Content-Type', registry.contentType);
        res.send(await registry.metrics());
      });
      return router;
    },
  };
}
