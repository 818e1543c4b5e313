import express, { Router, type Express } from 'express';
import type { Logger } from 'pino';
import { requireBearerToken } from './bearer-token.ts';
import { httpErrorMapper, notFound } from './errors.ts';
import type { ServerMetrics } from './metrics.ts';

export interface MetricsEndpointOptions {
  /** METRICS_TOKEN: when set, scrapers must send it as a bearer token. */
  token: string | undefined;
  logger: Logger;
}

/** `GET /metrics`, behind METRICS_TOKEN when it is set. */
export function metricsEndpoint(metrics: ServerMetrics, options: MetricsEndpointOptions): Router {
  const router = Router();
  if (options.token !== undefined) {
    router.use('/metrics', requireBearerToken({ token: options.token, variable: 'METRICS_TOKEN', realm: 'metrics', logger: options.logger }));
  }
  router.use(metrics.router());
  return router;
}

/** What listens on METRICS_PORT: `/metrics` and a JSON 404 for anything else, so the chat port need not expose it. */
export function createMetricsApp(metrics: ServerMetrics, options: MetricsEndpointOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(metricsEndpoint(metrics, options));
  app.use(notFound);
  app.use(httpErrorMapper(options.logger));
  return app;
}
