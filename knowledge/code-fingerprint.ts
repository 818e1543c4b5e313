import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A hash of the code that turns the source files into what the bot serves: every module under knowledge/, rules/ and
 * domain/ (the parsers, checks, tokenizer and vocabulary.yaml), the composition of a load (adapters/http/live-sources
 * and sources-cache), the versions of the libraries they use, and Node's ICU (its word segmenter splits the text).
 * What is saved at one start (knowledge/index-cache.ts, adapters/http/sources-cache.ts) is read back at another only
 * when this is the same, so a new build, an upgraded library or another Node never reads what older code made.
 * Modules run from dist/ (.js) and from the sources (.ts, tsx and vitest) hash differently, which is as it should be.
 */

const CODE_FILE = /\.(?:[cm]?js|[cm]?ts)$/;
const CODE_DIRS = ['knowledge', 'rules', 'domain'];
const CODE_FILES = ['adapters/http/live-sources', 'adapters/http/sources-cache'];
const LIBRARIES = ['yaml', 'zod', 'opencc-js', '@orama/orama'];

let fingerprint: Promise<string> | undefined;

export function codeFingerprint(): Promise<string> {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

async function computeFingerprint(): Promise<string> {
  const root = path.resolve(import.meta.dirname, '..');
  const files: string[] = [path.join(root, 'knowledge', 'vocabulary.yaml')];
  for (const dir of CODE_DIRS) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && CODE_FILE.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of CODE_FILES) {
    for (const extension of ['.js', '.ts']) files.push(path.join(root, `${file}${extension}`));
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    let content: Buffer | string;
    try {
      content = await readFile(file);
    } catch {
      content = 'absent';
    }
    hash.update(`${path.relative(root, file)}\0`).update(content).update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const name of LIBRARIES) hash.update(`${name}@${versionOf(require, name)}\0`);
  hash.update(`node ${process.version} icu ${process.versions.icu ?? '-'} unicode ${process.versions.unicode ?? '-'}`);
  return hash.digest('hex');
}

/** A library's version: from its entry point up to its package.json (not every package exports ./package.json). */
function versionOf(require: NodeJS.Require, name: string): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(name));
  } catch {
    return 'absent';
  }
  for (;;) {
    try {
      const pkg = require(path.join(dir, 'package.json')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // not here: look higher up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
