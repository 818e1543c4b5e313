import { Router } from 'express';
import type { Logger } from 'pino';
import { requireBearerToken } from './bearer-token.ts';
import type { InteractionCounts } from './interaction-store.ts';
import type { LiveSources } from './live-sources.ts';

export interface AdminRouterDeps {
  /** ADMIN_TOKEN; without it every /admin route answers 404. */
  token: string | undefined;
  sources: Pick<LiveSources, 'reload' | 'status'>;
  /** Counts of answered and unanswered questions and feedback, when the interaction store is on. */
  interactions?: { counts(): Promise<InteractionCounts> };
  logger: Logger;
}

/**
 * `POST /admin/reload` reloads knowledge and rules now (answers 200 when applied, 422 with the errors when
 * refused); `GET /admin/status` shows what is loaded, the last reload and the interaction counts.
 */
export function createAdminRouter(deps: AdminRouterDeps): Router {
  const router = Router();
  const { token, logger } = deps;
  if (token === undefined) {
    logger.info('ADMIN_TOKEN is not set: /admin/reload and /admin/status are off (404)');
    router.use('/admin', (_req, res) => {
      res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
    });
    return router;
  }

  router.use('/admin', requireBearerToken({ token, variable: 'ADMIN_TOKEN', realm: 'admin', logger }));

  router.post('/admin/reload', async (_req, res) => {
    const result = await deps.sources.reload('POST /admin/reload');
    res.status(result.ok ? 200 : 422).json(result);
  });

  router.get('/admin/status', async (_req, res) => {
    res.json({ ...deps.sources.status(), interactions: await deps.interactions?.counts() });
  });

  return router;
}
