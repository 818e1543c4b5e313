import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCached, writeCacheFile } from './cache-file.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import type { KnowledgeBase } from './load.ts';
import {
  buildSearchIndex,
  DEFAULT_TUNING,
  restoreSearchIndex,
  snapshotOf,
  type SearchIndex,
  type SearchIndexSnapshot,
  type SearchTuning,
} from './search.ts';

/**
 * The search index saved to disk, so a server restarted on knowledge it has indexed before reads the index back
 * (about a tenth of a second) instead of tokenizing and indexing every section again (most of a second of CPU).
 *
 * The file is used only when its key is the key of what is being loaded: a hash of the parsed knowledge (every
 * document and section, as the index is built from them) and of the code that decides the tokens
 * (knowledge/code-fingerprint.ts: this folder's code and vocabulary.yaml, the Orama and OpenCC versions, Node's
 * ICU). A file with another key, a different format, a payload whose hash does not match its header, or one
 * that cannot be read back, is ignored and replaced by a fresh build. The cache only ever saves work: deleting
 * the folder, or a read-only one, changes nothing but the time to start.
 */

/** Bumped whenever what is written changes shape. */
const FORMAT = 'smeg-search-index/2';
const FILE_NAME = 'search-index.cache';

export interface IndexCacheLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface IndexCacheOptions {
  /** Folder of the cache file; created when missing. */
  dir: string;
  logger?: IndexCacheLogger;
  tuning?: SearchTuning;
}

export type IndexCacheOutcome = 'read' | 'built' | 'rebuilt-stale' | 'rebuilt-unreadable';

/** The key a cached index must have to be served for this knowledge. */
export async function searchIndexCacheKey(knowledge: KnowledgeBase, tuning: SearchTuning = DEFAULT_TUNING): Promise<string> {
  const hash = createHash('sha256');
  hash.update(FORMAT);
  hash.update(await codeFingerprint());
  hash.update(JSON.stringify(tuning));
  hash.update(JSON.stringify(knowledge.documents));
  hash.update(JSON.stringify(knowledge.sections));
  return hash.digest('hex');
}

/**
 * The search index of `knowledge`: read from the cache when it holds this knowledge's index, otherwise built (as
 * buildSearchIndex does), with `save` to write it for the next start (left to the caller, so that a server saves
 * once it is listening: serialising is not what makes it ready). Never fails because of the cache.
 */
export async function cachedSearchIndex(
  knowledge: KnowledgeBase,
  options: IndexCacheOptions,
): Promise<{ index: SearchIndex; outcome: IndexCacheOutcome; save?: () => Promise<void> }> {
  const tuning = options.tuning ?? DEFAULT_TUNING;
  const file = path.join(options.dir, FILE_NAME);
  const key = await searchIndexCacheKey(knowledge, tuning);
  const cached = await readCached(file, { format: FORMAT, key }, (snapshot: SearchIndexSnapshot) => restoreSearchIndex(knowledge, snapshot, tuning), {
    what: 'search index cache',
    instead: 'building the index',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if ('value' in cached) return { index: cached.value, outcome: 'read' };
  const outcome: IndexCacheOutcome = cached.miss === 'missing' ? 'built' : `rebuilt-${cached.miss}`;
  const index = await buildSearchIndex(knowledge, tuning);
  return { index, outcome, save: () => writeSnapshot(options.dir, file, key, index, options.logger) };
}

/** Written whole or not at all (knowledge/cache-file.ts); a failure only costs the next start the build. */
async function writeSnapshot(dir: string, file: string, key: string, index: SearchIndex, logger: IndexCacheLogger | undefined): Promise<void> {
  try {
    const snapshot = snapshotOf(index);
    if (!snapshot) return;
    await writeCacheFile(file, FORMAT, key, JSON.stringify(snapshot));
  } catch (error) {
    logger?.warn({ err: error, dir }, 'search index cache could not be written; the next start builds the index again');
  }
}
