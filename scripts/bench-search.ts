/**
 * Search quality and speed: recall@1 and recall@3 over test/knowledge/retrieval-queries.yaml,
 * index build time, and search latency p50/p99, over the real knowledge base and over a
 * synthetic one 100 times larger (the real sections copied with new ids and shuffled sentences).
 * Prints figures; asserts nothing.
 *
 *   npm run bench:search
 */
import { performance } from 'node:perf_hooks';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.ts';
import { loadRetrievalQueries, measureRecall, type RetrievalQuery } from '../knowledge/retrieval-quality.ts';
import type { KnowledgeDocument } from '../knowledge/schema.ts';
import { createSearchIndex, type SearchIndex } from '../knowledge/search.ts';

const SCALE = 100;
const LATENCY_ROUNDS = 5;

const knowledge = await loadKnowledge('knowledge/documents');
const queries = await loadRetrievalQueries('test/knowledge/retrieval-queries.yaml');

console.log(`${queries.length} queries; real knowledge: ${knowledge.documents.length} documents, ${knowledge.sections.length} sections\n`);
report('real', knowledge, queries);
report(`synthetic ×${SCALE}`, syntheticKnowledge(knowledge, SCALE), queries);

function report(name: string, base: KnowledgeBase, questions: RetrievalQuery[]): void {
  const started = performance.now();
  const index = createSearchIndex(base);
  const buildMs = performance.now() - started;
  const { recall } = measureRecall(index, questions, [1, 3], originOf);
  const latency = latencies(index, questions);
  console.log(`== ${name}: ${base.sections.length} sections`);
  console.log(`  recall@1        ${percent(recall[1])}`);
  console.log(`  recall@3        ${percent(recall[3])}`);
  console.log(`  index build     ${buildMs.toFixed(0)} ms`);
  console.log(`  search p50      ${quantile(latency, 0.5).toFixed(2)} ms`);
  console.log(`  search p99      ${quantile(latency, 0.99).toFixed(2)} ms  (${latency.length} searches, limit 5, snippets included)\n`);
}

function latencies(index: SearchIndex, questions: RetrievalQuery[]): number[] {
  for (const question of questions) index.search(question.q);
  const timings: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round++) {
    for (const question of questions) {
      const started = performance.now();
      index.search(question.q);
      timings.push(performance.now() - started);
    }
  }
  return timings;
}

/** A copy's section id names the real section it was made from. */
function originOf(sectionId: string): string {
  return sectionId.replace(/-copy-\d+#/, '#');
}

/** The real documents plus `scale - 1` perturbed copies of each: new ids, sentences shuffled. */
function syntheticKnowledge(real: KnowledgeBase, scale: number): KnowledgeBase {
  const random = seededRandom(20141215);
  const documents: KnowledgeDocument[] = [...real.documents];
  for (let copy = 1; copy < scale; copy++) {
    for (const document of real.documents) {
      const id = `${document.meta.id}-copy-${copy}`;
      documents.push({
        meta: { ...document.meta, id },
        file: document.file.replace(document.meta.id, id),
        sections: document.sections.map((section) => ({
          ...section,
          id: section.id.replace(`${document.meta.id}#`, `${id}#`),
          documentId: id,
          text: shuffledSentences(section.text, random),
        })),
      });
    }
  }
  return { documents, sections: documents.flatMap((document) => document.sections), loadedAt: new Date() };
}

function shuffledSentences(text: string, random: () => number): string {
  const sentences = text.split(/(?<=[。；\n])/);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
  }
  return sentences.join('');
}

/** mulberry32: the same synthetic base on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function percent(share: number | undefined): string {
  return `${((share ?? 0) * 100).toFixed(1)}%`;
}
