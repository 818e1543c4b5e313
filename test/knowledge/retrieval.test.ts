import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex, loadKnowledge, type KnowledgeBase } from '../../knowledge/index.ts';
import { loadRetrievalQueries, measureRecall, type RetrievalQuery } from '../../knowledge/retrieval-quality.ts';

const QUERIES = 'test/knowledge/retrieval-queries.yaml';

let knowledge: KnowledgeBase;
let queries: RetrievalQuery[];
beforeAll(async () => {
  knowledge = await loadKnowledge('knowledge/documents');
  queries = await loadRetrievalQueries(QUERIES);
});

describe('retrieval quality over the shipped knowledge', () => {
  it('has at least 60 queries, each naming sections that exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const known = new Set(knowledge.sections.map((section) => section.id));
    const unknown = queries.flatMap((query) => query.expect.filter((id) => !known.has(id)));
    expect(unknown, `update ${QUERIES}: these section ids no longer exist`).toEqual([]);
  });

  it('finds an expected section in the top 3 for at least 95% of the queries', () => {
    const report = measureRecall(createSearchIndex(knowledge), queries, [1, 3]);
    const misses = report.misses.map((miss) => `${miss.q} → ${miss.got.slice(0, 3).join(' | ')}`).join('\n');
    expect(report.recall[3], `recall@3 misses:\n${misses}`).toBeGreaterThanOrEqual(0.95);
  });
});
