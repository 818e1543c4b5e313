import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cachedSearchIndex as readOrBuild, searchIndexCacheKey, type IndexCacheOptions } from '../../knowledge/index-cache.ts';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load.ts';
import { createSearchIndex, NO_PROGRAMME, type SearchIndex, type SearchOptions } from '../../knowledge/search.ts';

const CACHE_FILE = 'search-index.cache';

let knowledge: KnowledgeBase;
let questions: string[];
let dir: string;
/** The answers of an index built without the cache, made once. */
let builtAnswers: unknown[] | undefined;
const expectedAnswers = () => (builtAnswers ??= answers(createSearchIndex(knowledge)));

beforeAll(async () => {
  knowledge = await loadKnowledge('knowledge/documents');
  const rows = parse(await readFile('test/knowledge/passage-queries.yaml', 'utf8')) as Array<{ q: string }>;
  // Every fourth labelled question (about 90), each searched five ways: enough to compare rankings and scores, light
  // enough not to slow the suite's timing-sensitive tests running beside this one.
  questions = rows.map((row) => row.q).filter((_, i) => i % 4 === 0);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smeg-index-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OPTIONS: SearchOptions[] = [
  {},
  { limit: 10 },
  { asOf: '2015-01-01' },
  { asOf: '2010-06-01', includeHistory: true },
  { programmes: ['youth', NO_PROGRAMME] },
];

/** As a server starts: the index read back or built, then (once it listens) what was built saved. */
async function cachedSearchIndex(base: KnowledgeBase, options: IndexCacheOptions) {
  const result = await readOrBuild(base, options);
  await result.save?.();
  return result;
}

/** Every hit, with its score, for every question under several kinds of search. */
function answers(index: SearchIndex): unknown[] {
  return questions.flatMap((question) => OPTIONS.map((options) => index.search(question, options)));
}

describe('the search-index cache', () => {
  it('writes nothing until asked to save', async () => {
    const built = await readOrBuild(knowledge, { dir });
    expect(built.outcome).toBe('built');
    expect((await readOrBuild(knowledge, { dir })).outcome).toBe('built');
    await built.save?.();
    const read = await readOrBuild(knowledge, { dir });
    expect(read.outcome).toBe('read');
    expect(read.save).toBeUndefined();
  });

  it('builds and saves the index at the first start, and reads back one that answers every search the same', async () => {
    const built = await cachedSearchIndex(knowledge, { dir });
    expect(built.outcome).toBe('built');
    const read = await cachedSearchIndex(knowledge, { dir });
    expect(read.outcome).toBe('read');
    expect(read.index.size).toBe(knowledge.sections.length);
    expect(answers(built.index)).toEqual(expectedAnswers());
    expect(answers(read.index)).toEqual(expectedAnswers());
  });

  it('never serves an index of other knowledge: a changed section makes a new key, a rebuild and a new file', async () => {
    await cachedSearchIndex(knowledge, { dir });
    const [first, ...rest] = knowledge.sections;
    const changedSection = { ...first!, text: `${first!.text}\n青創貸款的特別說明：火金姑專案另計。` };
    const changed: KnowledgeBase = {
      ...knowledge,
      sections: [changedSection, ...rest],
      documents: knowledge.documents.map((document) =>
        document.meta.id === changedSection.documentId
          ? { ...document, sections: document.sections.map((section) => (section.id === changedSection.id ? changedSection : section)) }
          : document,
      ),
    };
    expect(await searchIndexCacheKey(changed)).not.toBe(await searchIndexCacheKey(knowledge));
    const rebuilt = await cachedSearchIndex(changed, { dir });
    expect(rebuilt.outcome).toBe('rebuilt-stale');
    expect(answers(rebuilt.index)).toEqual(answers(createSearchIndex(changed)));
    expect((await cachedSearchIndex(changed, { dir })).outcome).toBe('read');
    expect((await cachedSearchIndex(knowledge, { dir })).outcome).toBe('rebuilt-stale');
  });

  it('ignores a damaged or truncated file and builds the index again', async () => {
    await cachedSearchIndex(knowledge, { dir });
    const file = join(dir, CACHE_FILE);
    const content = await readFile(file, 'utf8');
    const at = content.indexOf('"docs"');
    await writeFile(file, `${content.slice(0, at)}"dogs"${content.slice(at + 6)}`);
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (_: object, message: string) => void warnings.push(message) };
    const afterDamage = await cachedSearchIndex(knowledge, { dir, logger });
    expect(afterDamage.outcome).toBe('rebuilt-unreadable');
    expect(warnings).toEqual(['search index cache is damaged; building the index']);
    expect(answers(afterDamage.index)).toEqual(expectedAnswers());

    await writeFile(file, content.slice(0, content.length / 2));
    expect((await cachedSearchIndex(knowledge, { dir })).outcome).toBe('rebuilt-unreadable');
    await writeFile(file, 'not a cache');
    expect((await cachedSearchIndex(knowledge, { dir })).outcome).toBe('rebuilt-unreadable');
    expect((await cachedSearchIndex(knowledge, { dir })).outcome).toBe('read');
  });

  it('still gives the index when the folder cannot be written', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, '');
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (_: object, message: string) => void warnings.push(message) };
    const result = await cachedSearchIndex(knowledge, { dir: join(blocked, 'cache'), logger });
    expect(result.outcome).toBe('built');
    expect(result.index.size).toBe(knowledge.sections.length);
    expect(warnings).toEqual(['search index cache could not be written; the next start builds the index again']);
  });
});
