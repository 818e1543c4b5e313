import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the shipped knowledge and rules in a temporary folder, for tests that edit files. */
export interface SourceFixture {
  knowledgeDir: string;
  rulesDir: string;
  /** Replaces the first occurrence of `from` in a knowledge file; throws if it is not there. */
  editKnowledge(file: string, from: string | RegExp, to: string): void;
  editRule(file: string, from: string | RegExp, to: string): void;
  appendKnowledge(file: string, text: string): void;
  remove(): void;
}

function edit(path: string, from: string | RegExp, to: string): void {
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit found nothing to replace in ${path}: ${String(from)}`);
  writeFileSync(path, after);
}

export function createSourceFixture(): SourceFixture {
  const root = mkdtempSync(join(tmpdir(), 'live-sources-'));
  const knowledgeDir = join(root, 'knowledge');
  const rulesDir = join(root, 'rules');
  cpSync('knowledge/documents', knowledgeDir, { recursive: true });
  cpSync('rules/parameters', rulesDir, { recursive: true });
  return {
    knowledgeDir,
    rulesDir,
    editKnowledge: (file, from, to) => edit(join(knowledgeDir, file), from, to),
    editRule: (file, from, to) => edit(join(rulesDir, file), from, to),
    appendKnowledge: (file, text) => writeFileSync(join(knowledgeDir, file), readFileSync(join(knowledgeDir, file), 'utf8') + text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
