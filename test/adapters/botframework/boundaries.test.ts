import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importers(pkg: RegExp): string[] {
  return ['adapters', 'bot', 'knowledge', 'rules', 'scripts']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => pkg.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
}

/** The channel SDKs stay inside their adapters, so that either can be replaced without touching anything else. */
describe('channel SDK boundaries', () => {
  it('botbuilder is imported only under adapters/botframework', () => {
    const outside = importers(/from ['"]botbuilder(-[a-z-]+)?['"]/).filter((f) => !f.startsWith('adapters/botframework/'));
    expect(outside).toEqual([]);
  });

  it('@line/bot-sdk is imported only under adapters/line', () => {
    const outside = importers(/from ['"]@line\/bot-sdk['"]/).filter((f) => !f.startsWith('adapters/line/'));
    expect(outside).toEqual([]);
  });
});
