import { createHash } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { domainFromSource, sourceOfDomain, type DomainSource } from '../../domain/load.ts';
import type { CheckIssue } from '../../knowledge/check-issue.ts';
import { readCached, writeCacheFile } from '../../knowledge/cache-file.ts';
import { codeFingerprint } from '../../knowledge/code-fingerprint.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { Parameter } from '../../rules/schema.ts';
import type { Logger } from './logger.ts';
import type { ValidatedSources } from './live-sources.ts';
import { sourceFilesDigest } from './source-digest.ts';

/**
 * The checked sources saved for the next start. Reading and checking every knowledge document, rule parameter and
 * registry file (YAML, schemas, cross-references) is about half a second of CPU; a restart on the same files with
 * the same code reads back what that check produced instead.
 *
 * What is saved is the result of a check that passed: the documents and their sections, the parameters, the
 * registry's checked content (compiled again when read) and the warnings. It is used only when its key is the key of
 * this start: a hash of every source file's name and bytes (the digest the reloads compare), of the folders and
 * working directory they are named from, and of the code that reads and checks them (knowledge/code-fingerprint.ts).
 * A file with another key or format, whose payload does not match its hash, or that cannot be read back, is
 * ignored: the sources are checked as always and the file replaced. A check that fails is never saved, so a broken
 * file is reported at every start. Saved only if the files did not change while they were checked, and only if
 * what is saved reads back exactly as checked.
 */

const FORMAT = 'smeg-sources/1';
const FILE_NAME = 'sources.cache';

export type SourcesCacheOutcome = 'read' | 'checked' | 'checked-stale' | 'checked-unreadable';

interface Saved {
  documents: KnowledgeBase['documents'];
  outOfScope?: KnowledgeBase['outOfScope'];
  answerKinds?: KnowledgeBase['answerKinds'];
  parameters: Array<[string, Parameter]>;
  domain?: DomainSource;
  issues: CheckIssue[];
}

export interface SourcesCacheOptions {
  knowledgeDir: string;
  rulesDir: string;
  domainDir: string | undefined;
  /** Folder of the cache file; created when missing. */
  dir: string;
  /** sourceFilesDigest of the folders, taken before anything is read. */
  digest: string;
  /** The check itself (live-sources' validateSources over the three folders). */
  validate(): Promise<ValidatedSources>;
  logger?: Pick<Logger, 'warn'>;
}

async function cacheKey(options: SourcesCacheOptions): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${await codeFingerprint()}\0`);
  hash.update(JSON.stringify([process.cwd(), options.knowledgeDir, options.rulesDir, options.domainDir ?? null]));
  hash.update(`\0${options.digest}`);
  return hash.digest('hex');
}

/**
 * validateSources, or what it gave at an earlier start on the same files with the same code; after a check that
 * passed, `save` writes it for the next start (left to the caller, to run once the server listens). Never fails
 * because of the cache.
 */
export async function validateSourcesCached(
  options: SourcesCacheOptions,
): Promise<{ result: ValidatedSources; outcome: SourcesCacheOutcome; save?: () => Promise<void> }> {
  const file = path.join(options.dir, FILE_NAME);
  const key = await cacheKey(options);
  const cached = await readCached(file, { format: FORMAT, key }, restore, {
    what: 'sources cache',
    instead: 'checking the sources',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if ('value' in cached) return { result: cached.value, outcome: 'read' };
  const outcome: SourcesCacheOutcome = cached.miss === 'missing' ? 'checked' : `checked-${cached.miss}`;
  const result = await options.validate();
  return { result, outcome, ...(result.ok ? { save: () => save(options, file, key, result) } : {}) };
}

function restore(saved: Saved): ValidatedSources {
  const knowledge: KnowledgeBase = {
    documents: saved.documents,
    sections: saved.documents.flatMap((document) => document.sections),
    ...(saved.outOfScope ? { outOfScope: saved.outOfScope } : {}),
    ...(saved.answerKinds ? { answerKinds: saved.answerKinds } : {}),
    loadedAt: new Date(),
  };
  return {
    ok: true,
    knowledge,
    rules: { parameters: new Map(saved.parameters) },
    ...(saved.domain ? { domain: domainFromSource(saved.domain) } : {}),
    issues: saved.issues,
  };
}

async function save(options: SourcesCacheOptions, file: string, key: string, result: ValidatedSources & { ok: true }): Promise<void> {
  try {
    const domain = result.domain ? sourceOfDomain(result.domain) : undefined;
    if (result.domain && !domain) return;
    const saved: Saved = {
      documents: result.knowledge.documents,
      ...(result.knowledge.outOfScope ? { outOfScope: result.knowledge.outOfScope } : {}),
      ...(result.knowledge.answerKinds ? { answerKinds: result.knowledge.answerKinds } : {}),
      parameters: [...result.rules.parameters],
      ...(domain ? { domain } : {}),
      issues: result.issues,
    };
    const payload = JSON.stringify(saved);
    // Saved only if it reads back exactly (no undefined, Date, Map or the like that JSON would change), and only if
    // the files are still those the key was made from.
    if (!isDeepStrictEqual(JSON.parse(payload), saved)) {
      options.logger?.warn({ file }, 'sources cannot be saved exactly as JSON; not cached');
      return;
    }
    if ((await sourceFilesDigest([options.knowledgeDir, options.rulesDir, ...(options.domainDir ? [options.domainDir] : [])])) !== options.digest) return;
    await writeCacheFile(file, FORMAT, key, payload);
  } catch (error) {
    options.logger?.warn({ err: error, dir: options.dir }, 'sources cache could not be written; the next start checks the sources again');
  }
}
