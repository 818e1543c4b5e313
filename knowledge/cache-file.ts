import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One cache file of a start-up cache: a header line (format, key, the payload's SHA-256) and a JSON payload. Read back
 * only when its format and key are those asked for and the payload matches its hash; written to a temporary file and
 * renamed over the old one, so a reader sees a whole file or none.
 */

interface Header {
  format: string;
  key: string;
  sha256: string;
}

export type CacheRead<T> =
  | { ok: true; value: T }
  /** missing: no file; stale: another format or key; damaged: not a cache file of ours; unreadable: the disk refused. */
  | { ok: false; reason: 'missing' | 'stale' | 'damaged' | 'unreadable'; error?: unknown };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function readCacheFile<T>(file: string, format: string, key: string): Promise<CacheRead<T>> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', error };
  }
  const newline = content.indexOf('\n');
  if (newline < 0) return { ok: false, reason: 'damaged' };
  let header: Header;
  try {
    header = JSON.parse(content.slice(0, newline)) as Header;
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (typeof header !== 'object' || header === null || header.format !== format || header.key !== key) return { ok: false, reason: 'stale' };
  const payload = content.slice(newline + 1);
  if (sha256(payload) !== header.sha256) return { ok: false, reason: 'damaged' };
  try {
    return { ok: true, value: JSON.parse(payload) as T };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}

/** Writes `payload` (JSON text) under its header; throws what the disk throws, leaving no temporary file behind. */
export async function writeCacheFile(file: string, format: string, key: string, payload: string): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    const header: Header = { format, key, sha256: sha256(payload) };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, `${JSON.stringify(header)}\n${payload}`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Why a cache was not used: none yet, written for other sources or code, or not readable (logged). */
export type CacheMiss = 'missing' | 'stale' | 'unreadable';

/**
 * A cache file read and turned back into what it holds, or why not. A damaged or unreadable file, or one that cannot
 * be turned back, is logged as 「<what> …; <instead>」 and counts as unreadable; the caller then does the work itself.
 */
export async function readCached<T, R>(
  file: string,
  expected: { format: string; key: string },
  restore: (value: T) => R,
  log: { what: string; instead: string; logger?: { warn(details: object, message: string): void } },
): Promise<{ value: R } | { miss: CacheMiss }> {
  const read = await readCacheFile<T>(file, expected.format, expected.key);
  if (read.ok) {
    try {
      return { value: restore(read.value) };
    } catch (error) {
      log.logger?.warn({ err: error, file }, `${log.what} could not be read back; ${log.instead}`);
      return { miss: 'unreadable' };
    }
  }
  if (read.reason === 'missing' || read.reason === 'stale') return { miss: read.reason };
  if (read.reason === 'damaged') log.logger?.warn({ file, reason: read.reason }, `${log.what} is damaged; ${log.instead}`);
  else log.logger?.warn({ err: read.error, file }, `${log.what} could not be read; ${log.instead}`);
  return { miss: 'unreadable' };
}
