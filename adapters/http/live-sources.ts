import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { formatCheckIssue, type CheckIssue } from '../../knowledge/check-issue.ts';
import { checkKnowledge, type KnowledgeBase } from '../../knowledge/load.ts';
import { cachedSearchIndex } from '../../knowledge/index-cache.ts';
import { buildSearchIndex, type SearchIndex } from '../../knowledge/search.ts';
import { checkReferences } from '../../rules/check.ts';
import { checkParameters } from '../../rules/load.ts';
import type { ParameterSet } from '../../rules/schema.ts';
import type { Sources } from '../../bot/sources.ts';
import { checkDomain, type Domain } from '../../domain/index.ts';
import type { ReloadMetrics } from './metrics.ts';
import { validateSourcesCached } from './sources-cache.ts';
import { sourceFilesDigest } from './source-digest.ts';
import { watchSourceFolders, type FolderWatcher, type WatchFolders } from './source-watcher.ts';

/** What the bot answers from (knowledge, index and rules, checked together), and when it was loaded. */
export interface SourceSnapshot extends Sources {
  /** A hash of the content, so two loads of the same files have the same version. */
  version: string;
  loadedAt: Date;
}

export interface ReloadResult {
  ok: boolean;
  reason: string;
  at: Date;
  durationMs: number;
  /** False when the files changed nothing (e.g. a file saved twice): the serving version was kept as is. */
  changed: boolean;
  /** The version serving after this reload: the new one, or on failure the last good one. */
  version: string;
  /** Errors that stopped the reload, and warnings that did not. */
  issues: CheckIssue[];
}

export interface ReloadStatus {
  version: string;
  loadedAt: string;
  watching: boolean;
  documents: Array<{
    id: string;
    title: string;
    file: string;
    number: string | null;
    issued: string | null;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    sections: number;
  }>;
  parameters: Array<{ name: string; file: string; latestEffectiveFrom: string | undefined; values: number }>;
  lastReload: (Omit<ReloadResult, 'at'> & { at: string; messages: string[] }) | undefined;
  reloads: { ok: number; failed: number };
}

export interface LiveSources {
  current(): SourceSnapshot;
  /** Validates and builds beside the serving version, then swaps; concurrent calls share one pending reload. */
  reload(reason: string): Promise<ReloadResult>;
  status(): ReloadStatus;
  /** Stops watching and re-scanning. */
  close(): Promise<void>;
  /**
   * Writes what the first load checked and built to the start-up cache when it did not come from there (cacheDir);
   * the composition root calls it once the server listens. Resolves when written (or not: never rejects).
   */
  saveStartupCache(): Promise<void>;
  /**
   * With `watch` and `watchFromStart: false`, starts watching (the composition root calls it once the server
   * listens); otherwise, and when called again, only waits until watching has started. Never rejects.
   */
  startWatching(): Promise<void>;
}

export interface LiveSourcesOptions {
  knowledgeDir: string;
  rulesDir: string;
  /** The domain registry (domain/registry); without it the bot reads the shipped registry, not reloaded. */
  domainDir?: string;
  logger: Logger;
  /**
   * Reload by itself when files change in either folder: on the watcher's events, and on a re-scan every
   * `rescanIntervalMs` that catches whatever the events missed.
   */
  watch: boolean;
  /**
   * With `watch`: start watching before createLiveSources resolves (true, the default), or only when
   * `startWatching()` is called. Setting up the watcher reads every folder, so a server starts it once it listens;
   * whatever changed in between is found then by comparing the files with those the first load read.
   */
  watchFromStart?: boolean;
  /** Changes closer together than this make one reload (editors write a file in several steps). */
  debounceMs?: number;
  /** How often, while watching, the files' content is hashed and compared with the last load's; 0: never. */
  rescanIntervalMs?: number;
  /** How file changes are noticed; chokidar unless given. */
  watchFolders?: WatchFolders;
  metrics?: ReloadMetrics;
  /** How the index is built; the knowledge package's synchronous builder unless given. */
  buildIndex?: (knowledge: KnowledgeBase) => SearchIndex | Promise<SearchIndex>;
  /**
   * Where the first load reads back the checked sources and the search index of a previous start, when the files
   * and the code are the same (sources-cache.ts, knowledge/index-cache.ts), and saves them otherwise. Reloads check
   * and build beside the serving version as always.
   */
  cacheDir?: string;
}

/** The first load failed: the server cannot start without knowledge and rules. Lists every problem. */
export class SourcesUnavailableError extends Error {
  override readonly name = 'SourcesUnavailableError';
  constructor(readonly issues: CheckIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(`知識文件或規則參數有 ${errors.length} 個錯誤，無法啟動：\n${errors.slice(0, 10).map(formatCheckIssue).join('\n')}`);
  }
}

type Built = { ok: true; snapshot: SourceSnapshot; issues: CheckIssue[] } | { ok: false; issues: CheckIssue[] };

function contentVersion(knowledge: KnowledgeBase, rules: ParameterSet, domain: Domain | undefined): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(knowledge.documents));
  hash.update(JSON.stringify(knowledge.outOfScope ?? []));
  hash.update(JSON.stringify([...rules.parameters.entries()].sort(([a], [b]) => a.localeCompare(b))));
  hash.update(domain?.version ?? '');
  return hash.digest('hex').slice(0, 12);
}

/** Reads and checks knowledge, rules and the domain registry together, as a reload does (and knowledge:check reports). */
export type ValidatedSources =
  | { ok: true; knowledge: KnowledgeBase; rules: ParameterSet; domain?: Domain; issues: CheckIssue[] }
  | { ok: false; issues: CheckIssue[] };

export async function validateSources(knowledgeDir: string, rulesDir: string, domainDir: string | undefined): Promise<ValidatedSources> {
  const [knowledgeCheck, rulesLoad] = await Promise.all([
    checkKnowledge(knowledgeDir),
    checkParameters(rulesDir).then(
      ({ set, issues }) => ({ rules: set, issues }),
      (error: unknown) => ({ rules: undefined, issues: [{ file: rulesDir, severity: 'error' as const, message: `無法讀取規則參數：${String(error)}` }] }),
    ),
  ]);
  const issues = [...knowledgeCheck.issues, ...rulesLoad.issues];
  const { knowledge } = knowledgeCheck;
  const { rules } = rulesLoad;
  if (!knowledge || !rules) return { ok: false, issues };
  // A rule citing a section that no longer exists would cite nothing: the two must change together.
  issues.push(...checkReferences(rules, knowledge));
  const checkedDomain = domainDir ? checkDomain(domainDir, new Set(knowledge.documents.map((d) => d.meta.id))) : undefined;
  issues.push(...(checkedDomain?.issues ?? []));
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  return { ok: true, knowledge, rules, ...(checkedDomain?.domain ? { domain: checkedDomain.domain } : {}), issues };
}

/**
 * Knowledge and rules that fund staff can edit while the server runs. A new version is validated and indexed
 * beside the serving one and swapped in with a single assignment, so a request sees either the old or the
 * new version, never a mix. A version that fails validation is never served: the last good one stays, and
 * its errors (file, line, field, what to change) are logged and kept for /admin/status.
 */
export async function createLiveSources(options: LiveSourcesOptions): Promise<LiveSources> {
  const { knowledgeDir, rulesDir, domainDir, logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  const rescanIntervalMs = options.rescanIntervalMs ?? 5_000;
  const watchFolders = options.watchFolders ?? watchSourceFolders;
  const dirs = [knowledgeDir, rulesDir, ...(domainDir ? [domainDir] : [])];
  const buildIndex = options.buildIndex ?? ((knowledge: KnowledgeBase) => buildSearchIndex(knowledge));

  // What the first load will write to the start-up cache, once the server listens (saveStartupCache).
  let pendingSaves: Array<() => Promise<void>> = [];
  let saving: Promise<void> | undefined;

  async function firstIndex(knowledge: KnowledgeBase): Promise<SearchIndex> {
    if (options.cacheDir === undefined || options.buildIndex) return buildIndex(knowledge);
    const started = performance.now();
    const { index, outcome, save } = await cachedSearchIndex(knowledge, { dir: options.cacheDir, logger });
    if (save) pendingSaves.push(save);
    logger.info({ outcome, ms: Math.round(performance.now() - started), dir: options.cacheDir }, 'search index ready');
    return index;
  }

  async function firstCheck(digest: string): Promise<ValidatedSources> {
    const validate = () => validateSources(knowledgeDir, rulesDir, domainDir);
    if (options.cacheDir === undefined) return validate();
    const started = performance.now();
    const { result, outcome, save } = await validateSourcesCached({ knowledgeDir, rulesDir, domainDir, dir: options.cacheDir, digest, logger, validate });
    if (save) pendingSaves.push(save);
    logger.info({ outcome, ms: Math.round(performance.now() - started), dir: options.cacheDir }, 'sources checked');
    return result;
  }

  async function build(previous: SourceSnapshot | undefined): Promise<Built> {
    const checked = previous ? await validateSources(knowledgeDir, rulesDir, domainDir) : await firstCheck(filesRead);
    if (!checked.ok) return checked;
    const version = contentVersion(checked.knowledge, checked.rules, checked.domain);
    if (previous && previous.version === version) return { ok: true, snapshot: previous, issues: checked.issues };
    const index = previous ? await buildIndex(checked.knowledge) : await firstIndex(checked.knowledge);
    return {
      ok: true,
      snapshot: {
        knowledge: checked.knowledge,
        index,
        rules: checked.rules,
        ...(checked.domain ? { domain: checked.domain } : {}),
        version,
        loadedAt: new Date(),
      },
      issues: checked.issues,
    };
  }

  // The files as the latest load read them, taken before reading so that a save made during a load shows
  // up as a difference. A re-scan compares with this rather than with the serving version, so a broken
  // file is reported once, not again on every re-scan.
  let filesRead = await sourceFilesDigest(dirs);
  const first = await build(undefined);
  if (!first.ok) throw new SourcesUnavailableError(first.issues);
  let serving = first.snapshot;
  let lastReload: ReloadResult | undefined;
  const counts = { ok: 0, failed: 0 };
  logger.info(
    { version: serving.version, documents: serving.knowledge.documents.length, parameters: serving.rules.parameters.size },
    'knowledge and rules loaded',
  );

  async function runReload(reason: string): Promise<ReloadResult> {
    const started = performance.now();
    const previous = serving;
    let built: Built;
    try {
      filesRead = await sourceFilesDigest(dirs);
      built = await build(previous);
    } catch (error) {
      built = { ok: false, issues: [{ file: knowledgeDir, severity: 'error', message: `重新載入時發生未預期的錯誤：${String(error)}` }] };
    }
    if (built.ok) serving = built.snapshot;
    const result: ReloadResult = {
      ok: built.ok,
      reason,
      at: new Date(),
      durationMs: Math.round(performance.now() - started),
      changed: built.ok && built.snapshot !== previous,
      version: serving.version,
      issues: built.issues,
    };
    lastReload = result;
    counts[result.ok ? 'ok' : 'failed'] += 1;
    options.metrics?.reload(result.ok ? 'ok' : 'failed', result.durationMs);
    if (result.ok) {
      logger.info({ reason, version: result.version, changed: result.changed, ms: result.durationMs }, 'knowledge and rules reloaded');
    } else {
      logger.error(
        { reason, keptVersion: result.version, issues: result.issues.map(formatCheckIssue) },
        'reload refused: the files have errors; the last good version keeps serving',
      );
    }
    return result;
  }

  // One reload at a time; requests arriving meanwhile share a single follow-up, which sees every change.
  let running: Promise<ReloadResult> | undefined;
  let queued: Promise<ReloadResult> | undefined;
  function reload(reason: string): Promise<ReloadResult> {
    if (!running) {
      running = runReload(reason).finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return reload(reason);
    });
    return queued;
  }

  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  function scheduleReload(file: string): void {
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload(`file changed: ${file}`), debounceMs);
    debounce.unref();
  }

  let rescan: NodeJS.Timeout | undefined;
  // Each re-scan is scheduled when the previous one ends, so a slow disk never has two running.
  function scheduleRescan(): void {
    rescan = setTimeout(() => {
      void sourceFilesDigest(dirs)
        .then((digest) => (digest !== filesRead && !closed ? reload('files changed (found by the periodic re-scan)') : undefined))
        .finally(() => {
          if (!closed) scheduleRescan();
        });
    }, rescanIntervalMs);
    rescan.unref();
  }

  let watcher: FolderWatcher | undefined;
  let watchingStarted: Promise<void> | undefined;
  async function watchNow(afterFirstLoad: boolean): Promise<void> {
    const started = await watchFolders(dirs, scheduleReload, (error) =>
      logger.error({ err: error, dirs }, 'error while watching knowledge and rules for changes'),
    );
    if (closed) {
      await started.close();
      return;
    }
    watcher = started;
    if (rescanIntervalMs > 0) scheduleRescan();
    logger.info({ dirs, debounceMs, rescanIntervalMs }, 'watching knowledge and rules for changes');
    // A file saved between the first load and now raised no event: the files are compared with what it read.
    if (afterFirstLoad && (await sourceFilesDigest(dirs)) !== filesRead && !closed) {
      void reload('files changed (found when watching started)');
    }
  }
  function startWatching(afterFirstLoad: boolean): Promise<void> {
    if (!options.watch || closed) return watchingStarted ?? Promise.resolve();
    watchingStarted ??= watchNow(afterFirstLoad).catch((error: unknown) =>
      logger.error({ err: error, dirs }, 'could not watch knowledge and rules for changes; reload with POST /admin/reload'),
    );
    return watchingStarted;
  }
  if (options.watchFromStart !== false) await startWatching(false);

  return {
    current: () => serving,
    reload,
    status(): ReloadStatus {
      const snapshot = serving;
      return {
        version: snapshot.version,
        loadedAt: snapshot.loadedAt.toISOString(),
        watching: watcher !== undefined,
        documents: snapshot.knowledge.documents.map((document) => ({
          id: document.meta.id,
          title: document.meta.title,
          file: document.file,
          number: document.meta.number,
          issued: document.meta.issued,
          effectiveFrom: document.meta.effective.from,
          effectiveTo: document.meta.effective.to,
          sections: document.sections.length,
        })),
        parameters: [...snapshot.rules.parameters.values()]
          .map((parameter) => ({
            name: parameter.name,
            file: parameter.file,
            latestEffectiveFrom: parameter.values.at(-1)?.effectiveFrom,
            values: parameter.values.length,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        lastReload: lastReload && {
          ...lastReload,
          at: lastReload.at.toISOString(),
          messages: lastReload.issues.map(formatCheckIssue),
        },
        reloads: { ...counts },
      };
    },
    saveStartupCache() {
      const saves = pendingSaves;
      pendingSaves = [];
      saving = (async () => {
        await saving;
        for (const save of saves) {
          // One at a time, with the event loop given back in between: requests are being answered meanwhile.
          await new Promise<void>((resolve) => setImmediate(resolve));
          await save();
        }
      })();
      return saving;
    },
    startWatching: () => startWatching(true),
    async close() {
      await saving;
      closed = true;
      await watchingStarted;
      clearTimeout(debounce);
      clearTimeout(rescan);
      await watcher?.close();
      watcher = undefined;
    },
  };
}
