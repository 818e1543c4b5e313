import { create, insert, load, save, search as oramaSearch, type RawData } from '@orama/orama';
import type { KnowledgeBase } from './load.ts';
import type { KnowledgeSection } from './schema.ts';
import { isIsoDate } from './schema.ts';
import { questionKey } from './example-questions.ts';
import { bestSnippet, snippetSource, type SnippetSource } from './snippet.ts';
import { createDomainTokenizer, emptyTokenCounts, GRAMS_FIELD, tokenize, type TokenCounts } from './tokenizer.ts';

export interface SearchHit {
  sectionId: string;
  documentId: string;
  /** Document title. */
  title: string;
  /** Section heading (`parent > child` when nested). */
  section: string;
  /** The most relevant ~120 characters of the section. */
  snippet: string;
  score: number;
  issued: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The section's example question the query is (spacing and punctuation aside): staff said it answers this. */
  example?: string;
}

export interface SearchOptions {
  /** Hits to return; 5 unless told. */
  limit?: number;
  /** ISO date: leave out documents not yet issued or in force then, and sections superseded by then. */
  asOf?: string;
  /**
   * Keep what was in force before `asOf` and no longer is: sections superseded by then and documents whose
   * effective period has ended (a plan that ran 2009–2012). A later rule often replaces one figure of a
   * section whose other sentences still answer a question, and a past plan is still a fact about the past.
   * Documents not yet issued or in force at `asOf` stay out.
   */
  includeHistory?: boolean;
  /**
   * Only sections about one of these programmes (codes, from the section's 「> 項目：」 line or its document's
   * `programmes`); NO_PROGRAMME stands for sections about none in particular.
   */
  programmes?: string[];
}

/** In SearchOptions.programmes: sections that name no programme. */
export const NO_PROGRAMME = '-';

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Sections indexed. */
  readonly size: number;
}

export class InvalidSearchDateError extends Error {
  override readonly name = 'InvalidSearchDateError';
  constructor(readonly asOf: string) {
    super(`asOf must be an ISO date (YYYY-MM-DD), got "${asOf}"`);
  }
}

/** How hits are ranked: field boosts and Orama's BM25 parameters. */
export interface SearchTuning {
  boost: Record<'heading' | 'keywords' | 'title' | 'text' | 'examples' | typeof GRAMS_FIELD, number>;
  relevance: { k: number; b: number; d: number };
  /** See DomainTokenizerOptions: common query tokens are dropped in a large knowledge base. */
  maxQueryTokenShare: number;
  minCommonHolders: number;
}

/**
 * Measured with npm run bench:search on test/knowledge/retrieval-queries.yaml: bigrams weigh more
 * than words because the segmenter splits many of the fund's terms; length normalisation is weak
 * (b 0.2) because long tables are often the right answer; in a knowledge base of thousands of
 * sections, query tokens held by over 15% of them are dropped (p99 740 ms → 63 ms at 13,100
 * sections, recall unchanged). The shipped knowledge is far below that size, so it drops none.
 */
export const DEFAULT_TUNING: SearchTuning = {
  boost: { heading: 1.5, keywords: 1, title: 1, text: 1, examples: 1.5, [GRAMS_FIELD]: 2 },
  relevance: { k: 1.2, b: 0.2, d: 0.5 },
  maxQueryTokenShare: 0.15,
  minCommonHolders: 1000,
};

const NO_DATE_BEFORE = 0;
const NO_DATE_AFTER = 99_991_231;

const schema = {
  title: 'string',
  heading: 'string',
  keywords: 'string',
  text: 'string',
  examples: 'string',
  [GRAMS_FIELD]: 'string',
  issuedDay: 'number',
  fromDay: 'number',
  toDay: 'number',
  supersededDay: 'number',
  programmes: 'enum[]',
} as const;

/** 2014-12-15 → 20141215, so dates compare as numbers in Orama's filters. */
function dayNumber(isoDate: string | null | undefined, fallback: number): number {
  return isoDate ? Number(isoDate.replaceAll('-', '')) : fallback;
}

function synchronously<T>(value: T | Promise<T>): T {
  // Every component is synchronous, so Orama answers synchronously; a promise means a misconfiguration.
  if (value instanceof Promise) throw new Error('Orama answered asynchronously: a component is async');
  return value;
}

/** Builds the in-memory index of every section. Synchronous: blocks for the whole build. */
export function createSearchIndex(knowledge: KnowledgeBase, tuning: SearchTuning = DEFAULT_TUNING): SearchIndex {
  const build = startBuild(knowledge, tuning);
  for (const section of knowledge.sections) build.add(section);
  return build.finish();
}

/**
 * The same index, built in slices that give the event loop back every few milliseconds, so a server that
 * rebuilds its index on a knowledge update keeps answering while it does.
 */
export async function buildSearchIndex(
  knowledge: KnowledgeBase,
  tuning: SearchTuning = DEFAULT_TUNING,
  sliceMs = 8,
): Promise<SearchIndex> {
  const build = startBuild(knowledge, tuning);
  let sliceStart = performance.now();
  for (const section of knowledge.sections) {
    build.add(section);
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return build.finish();
}

/** What search keeps of each section beside Orama's index: the sections, their example questions and programmes. */
interface SectionCatalogue {
  sections: Map<string, KnowledgeSection>;
  byExample: Map<string, Array<{ section: KnowledgeSection; example: string }>>;
  about: Map<string, string[]>;
  /** Adds a section; gives its example questions and programmes as indexed. */
  register(section: KnowledgeSection, exampleKeys?: string[]): { examples: string[]; programmes: string[] };
  /** Each section's example questions in questionKey form, in order (saved with a snapshot). */
  exampleKeys: Map<string, string[]>;
}

function sectionCatalogue(knowledge: KnowledgeBase): SectionCatalogue {
  const sections = new Map<string, KnowledgeSection>();
  const byExample = new Map<string, Array<{ section: KnowledgeSection; example: string }>>();
  const about = new Map<string, string[]>();
  const programmesOf = new Map(knowledge.documents.map((document) => [document.meta.id, document.meta.programmes ?? []]));
  const exampleKeys = new Map<string, string[]>();
  return {
    sections,
    byExample,
    about,
    exampleKeys,
    register(section, savedKeys) {
      sections.set(section.id, section);
      const examples = (section.examples ?? []).map((example) => example.question);
      const keys = savedKeys?.length === examples.length ? savedKeys : examples.map(questionKey);
      exampleKeys.set(section.id, keys);
      examples.forEach((example, i) => {
        const key = keys[i]!;
        byExample.set(key, [...(byExample.get(key) ?? []), { section, example }]);
      });
      const programmes = sectionProgrammes(section, programmesOf.get(section.documentId) ?? []);
      about.set(section.id, programmes);
      return { examples, programmes };
    },
  };
}

/**
 * A built index as it can be saved and read back (knowledge/index-cache.ts): Orama's own serialisation and the
 * tokenizer's counts. Read back over the same knowledge with the same code, it answers every search as the index
 * that was saved.
 */
export interface SearchIndexSnapshot {
  orama: RawData;
  /** questionKey of each section's example questions, by section id (normalising them is most of a read-back). */
  exampleKeys: Record<string, string[]>;
  tokenCounts: { valuesIndexed: Array<[string, number]>; holders: Array<[string, Array<[string, number]>]> };
}

/** How to save each index built here, for the cache; indexes read back from a snapshot are not saved again. */
const snapshots = new WeakMap<SearchIndex, () => SearchIndexSnapshot>();

/** The snapshot of an index built by createSearchIndex or buildSearchIndex. */
export function snapshotOf(index: SearchIndex): SearchIndexSnapshot | undefined {
  return snapshots.get(index)?.();
}

/** The index a snapshot was taken of, over the knowledge it was built from (the caller checks it is the same). */
export function restoreSearchIndex(knowledge: KnowledgeBase, snapshot: SearchIndexSnapshot, tuning: SearchTuning = DEFAULT_TUNING): SearchIndex {
  const counts: TokenCounts = {
    valuesIndexed: new Map(snapshot.tokenCounts.valuesIndexed),
    holders: new Map(snapshot.tokenCounts.holders.map(([field, held]) => [field, new Map(held)])),
  };
  const db = create({ schema, components: { tokenizer: createDomainTokenizer(tuning, counts) } });
  load(db, snapshot.orama);
  const catalogue = sectionCatalogue(knowledge);
  for (const section of knowledge.sections) catalogue.register(section, snapshot.exampleKeys[section.id]);
  return searchIndexOver(db, catalogue, tuning);
}

function startBuild(knowledge: KnowledgeBase, tuning: SearchTuning): { add(section: KnowledgeSection): void; finish(): SearchIndex } {
  const counts = emptyTokenCounts();
  const db = create({ schema, components: { tokenizer: createDomainTokenizer(tuning, counts) } });
  const catalogue = sectionCatalogue(knowledge);
  const keywordsOf = new Map(knowledge.documents.map((document) => [document.meta.id, (document.meta.keywords ?? []).join(' ')]));
  return {
    add(section) {
      const { examples, programmes } = catalogue.register(section);
      synchronously(
        insert(db, {
          id: section.id,
          title: section.title,
          heading: section.heading,
          keywords: keywordsOf.get(section.documentId) ?? '',
          text: section.text,
          examples: examples.join('\n'),
          [GRAMS_FIELD]: [section.title, section.heading, section.text].join('\n'),
          issuedDay: dayNumber(section.issued, NO_DATE_BEFORE),
          fromDay: dayNumber(section.effectiveFrom, NO_DATE_BEFORE),
          toDay: dayNumber(section.effectiveTo, NO_DATE_AFTER),
          supersededDay: dayNumber(section.supersededFrom, NO_DATE_AFTER),
          programmes,
        }),
      );
    },
    finish() {
      const index = searchIndexOver(db, catalogue, tuning);
      snapshots.set(index, () => ({
        orama: save(db),
        exampleKeys: Object.fromEntries(catalogue.exampleKeys),
        tokenCounts: {
          valuesIndexed: [...counts.valuesIndexed],
          holders: [...counts.holders].map(([field, held]) => [field, [...held]]),
        },
      }));
      return index;
    },
  };
}

type SectionDb = ReturnType<typeof create<typeof schema>>;

function searchIndexOver(db: SectionDb, { sections, byExample, about }: SectionCatalogue, tuning: SearchTuning): SearchIndex {
  // Each section's text is made ready for snippets on its first hit and kept: normalising a long table per query
  // was most of a search's time.
  const snippetSources = new Map<string, SnippetSource>();
  const snippetOf = (section: KnowledgeSection, queryTokens: string[]) => {
    let source = snippetSources.get(section.id);
    if (!source) snippetSources.set(section.id, (source = snippetSource(section.text)));
    return bestSnippet(source, queryTokens);
  };
  return {
    size: sections.size,
    search(query, options = {}) {
      const limit = options.limit ?? 5;
      if (query.trim() === '' || limit <= 0) return [];
      const dated = options.asOf === undefined ? undefined : inForceOn(options.asOf, options.includeHistory ?? false);
      const concerning = options.programmes === undefined ? undefined : { programmes: { containsAny: options.programmes } };
      const where = dated || concerning ? { ...dated, ...concerning } : undefined;
      const results = synchronously(
        oramaSearch(db, {
          term: query,
          properties: Object.keys(tuning.boost) as Array<keyof typeof schema>,
          boost: tuning.boost,
          relevance: tuning.relevance,
          limit,
          threshold: 1,
          ...(where ? { where } : {}),
        }),
      );
      const queryTokens = tokenize(query, 'all');
      const hitOf = (section: KnowledgeSection, score: number, example?: string): SearchHit => ({
        sectionId: section.id,
        documentId: section.documentId,
        title: section.title,
        section: section.heading,
        snippet: snippetOf(section, queryTokens),
        score,
        issued: section.issued,
        effectiveFrom: section.effectiveFrom,
        effectiveTo: section.effectiveTo,
        ...(example === undefined ? {} : { example }),
      });
      const ranked = results.hits.flatMap((hit) => {
        const section = sections.get(hit.id);
        return section ? [hitOf(section, hit.score)] : [];
      });
      // A question asked as staff wrote it under a section comes first, whatever words it shares with the text.
      const topScore = ranked[0]?.score ?? 0;
      const examples = (byExample.get(questionKey(query)) ?? [])
        .filter(({ section }) => options.asOf === undefined || sectionInForce(section, options.asOf, options.includeHistory ?? false))
        .filter(({ section }) => options.programmes === undefined || options.programmes.some((p) => (about.get(section.id) ?? [NO_PROGRAMME]).includes(p)))
        .map(({ section, example }) => hitOf(section, topScore + 1, example));
      if (examples.length === 0) return ranked;
      const first = new Set(examples.map((hit) => hit.sectionId));
      return [...examples, ...ranked.filter((hit) => !first.has(hit.sectionId))].slice(0, limit);
    },
  };
}

/** A section's programmes as indexed: its own, else its document's, else NO_PROGRAMME. */
function sectionProgrammes(section: KnowledgeSection, documentProgrammes: string[]): string[] {
  if (section.programmes && section.programmes.length > 0) return section.programmes;
  return documentProgrammes.length > 0 ? documentProgrammes : [NO_PROGRAMME];
}

/** The same test as the index's filter (inForceOn), for sections found by their example questions. */
function sectionInForce(section: KnowledgeSection, asOf: string, includeHistory: boolean): boolean {
  const day = dayNumber(asOf, NO_DATE_BEFORE);
  if (dayNumber(section.issued, NO_DATE_BEFORE) > day || dayNumber(section.effectiveFrom, NO_DATE_BEFORE) > day) return false;
  return includeHistory || (dayNumber(section.effectiveTo, NO_DATE_AFTER) >= day && dayNumber(section.supersededFrom, NO_DATE_AFTER) > day);
}

/** Sections that speak for `asOf`: issued and in force by then, not yet expired nor superseded. */
function inForceOn(asOf: string, includeHistory: boolean) {
  if (!isIsoDate(asOf)) throw new InvalidSearchDateError(asOf);
  const day = dayNumber(asOf, NO_DATE_BEFORE);
  return {
    issuedDay: { lte: day },
    fromDay: { lte: day },
    ...(includeHistory ? {} : { toDay: { gte: day }, supersededDay: { gt: day } }),
  };
}
