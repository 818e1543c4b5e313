import { readdir, readFile } from 'node:fs/promises';
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

/**
 * A question labelled with the passage that answers it (a section and a short quote of the passage), or as
 * not answered by the documents. `context` is the question asked before it in the same conversation.
 */
const passageQuerySchema = z.union([
  z.strictObject({ q: z.string().min(1), context: z.string().min(1).optional(), section: z.string().includes('#'), passage: z.string().min(1) }),
  z.strictObject({ q: z.string().min(1), context: z.string().min(1).optional(), not_covered: z.literal(true) }),
]);
type PassageQueryRow = z.infer<typeof passageQuerySchema>;

export interface PassageQuery {
  q: string;
  context?: string;
  /** The full section id; absent when the documents do not answer the question. */
  section?: string;
  /** A quote of the answering passage. */
  passage?: string;
  notCovered: boolean;
}

/** Text compared without white space and Markdown table or emphasis marks. */
export function quoteForm(text: string): string {
  return text.replace(/[\s|*`\u3000]/g, '');
}

/**
 * Reads a passage query file and resolves each label against the knowledge: the section may be written as an
 * unambiguous beginning of its id, and the quote must be in that section. A label that does not resolve is an
 * error naming the query, so a knowledge edit that moves a passage is noticed.
 */
export async function loadPassageQueries(file: string, sections: Array<{ id: string; text: string }>): Promise<PassageQuery[]> {
  const rows = z.array(passageQuerySchema).parse(parse(await readFile(file, 'utf8'))) as PassageQueryRow[];
  const problems: string[] = [];
  const queries = rows.map((row): PassageQuery => {
    const base = { q: row.q, ...(row.context ? { context: row.context } : {}) };
    if ('not_covered' in row) return { ...base, notCovered: true };
    const exact = sections.find((s) => s.id === row.section);
    const candidates = exact ? [exact] : sections.filter((s) => s.id.startsWith(row.section));
    if (candidates.length !== 1) {
      problems.push(`${file}: 「${row.q}」 section ${row.section} matches ${candidates.length} sections`);
      return { ...base, notCovered: false };
    }
    const section = candidates[0]!;
    if (!quoteForm(section.text).includes(quoteForm(row.passage))) problems.push(`${file}: 「${row.q}」 quote 「${row.passage}」 is not in ${section.id}`);
    return { ...base, section: section.id, passage: row.passage, notCovered: false };
  });
  if (problems.length > 0) throw new Error(`passage queries do not resolve:\n${problems.join('\n')}`);
  return queries;
}

/**
 * The passage query slices of a folder, in the order they were written: `tuning` (passage-queries.yaml), then
 * heldout, heldout-v2, …, heldout-v10 … (passage-queries-heldout*.yaml).
 */
export async function loadPassageQuerySlices(dir: string, sections: Array<{ id: string; text: string }>): Promise<Record<string, PassageQuery[]>> {
  const heldOutFiles = (await readdir(dir)).filter((f) => /^passage-queries-heldout.*\.yaml$/.test(f)).sort((a, b) => sliceNumber(a) - sliceNumber(b));
  const slices: Record<string, PassageQuery[]> = { tuning: await loadPassageQueries(`${dir}/passage-queries.yaml`, sections) };
  for (const file of heldOutFiles) slices[file.replace(/^passage-queries-|\.yaml$/g, '')] = await loadPassageQueries(`${dir}/${file}`, sections);
  return slices;
}

/** A slice's number: 1 for `heldout`, n for `heldout-vn` (0 for the tuning slice). */
export function sliceNumber(name: string): number {
  if (!name.includes('heldout')) return 0;
  return Number(/-v(\d+)(?:\.yaml)?$/.exec(name)?.[1] ?? 1);
}
