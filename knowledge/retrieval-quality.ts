import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { SearchIndex } from './search.ts';

/** A question and the sections a good answer would cite; any one of them counts as found. */
const retrievalQuerySchema = z.strictObject({
  q: z.string().min(1),
  expect: z.array(z.string().includes('#')).min(1),
});
export type RetrievalQuery = z.infer<typeof retrievalQuerySchema>;

export async function loadRetrievalQueries(file: string): Promise<RetrievalQuery[]> {
  return z.array(retrievalQuerySchema).parse(parse(await readFile(file, 'utf8')));
}

export interface RecallReport {
  queries: number;
  /** k → share of queries with an expected section among the first k hits. */
  recall: Record<number, number>;
  /** Queries not found within the largest k, with what came back instead. */
  misses: Array<{ q: string; expect: string[]; got: string[] }>;
}

/**
 * Recall@k of `index` over `queries`. `originOf` maps a hit to the section it stands for (the
 * identity, unless the index holds generated copies of real sections).
 */
export function measureRecall(
  index: SearchIndex,
  queries: RetrievalQuery[],
  ks: number[] = [1, 3],
  originOf: (sectionId: string) => string = (sectionId) => sectionId,
): RecallReport {
  const largest = Math.max(...ks);
  const found = new Map(ks.map((k) => [k, 0]));
  const misses: RecallReport['misses'] = [];
  for (const query of queries) {
    const got = index.search(query.q, { limit: largest }).map((hit) => originOf(hit.sectionId));
    const rank = got.findIndex((sectionId) => query.expect.includes(sectionId));
    for (const k of ks) if (rank !== -1 && rank < k) found.set(k, (found.get(k) ?? 0) + 1);
    if (rank === -1) misses.push({ q: query.q, expect: query.expect, got });
  }
  const recall = Object.fromEntries(ks.map((k) => [k, queries.length ? (found.get(k) ?? 0) / queries.length : 0]));
  return { queries: queries.length, recall, misses };
}
