import { Router } from 'express';
import { z } from 'zod';
import { isIsoDate } from '../../knowledge/schema.ts';
import type { SearchIndex } from '../../knowledge/search.ts';

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 20;

const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required: the text to search for' })
    .trim()
    .min(1, { error: 'q is required: the text to search for' })
    .max(MAX_QUERY_LENGTH, { error: `q is too long: at most ${MAX_QUERY_LENGTH} characters` }),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .int({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .min(1, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .max(MAX_LIMIT, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .default(5),
  asOf: z.string().refine(isIsoDate, { error: 'asOf must be a date written YYYY-MM-DD, e.g. 2014-12-15' }).optional(),
});

/**
 * `GET /api/search?q=…&limit=&asOf=` → `{ query, hits }`. The index is read through `getIndex` on
 * every request so a knowledge reload is picked up without remounting.
 */
export function createSearchRouter(getIndex: () => SearchIndex): Router {
  const router = Router();
  router.get('/api/search', (req, res) => {
    const parsed = searchQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.status(400).json({
        error: { code: 'invalid_query', message: issue?.message ?? 'invalid query', field: issue?.path.join('.') },
      });
      return;
    }
    const { q, limit, asOf } = parsed.data;
    const hits = getIndex().search(q, { limit, ...(asOf ? { asOf } : {}) });
    res.json({ query: q, hits });
  });
  return router;
}
