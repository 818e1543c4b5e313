import express, { type Express } from 'express';

export interface AppState {
  /** True once the knowledge base and rules have been loaded. */
  ready(): boolean;
}

/** Builds the express app: every channel adapter is mounted here and nowhere else. */
export function createApp(state: AppState): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    if (state.ready()) res.status(200).json({ status: 'ok' });
    else res.status(503).json({ status: 'loading' });
  });

  return app;
}
