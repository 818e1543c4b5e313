import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateSources, type ValidatedSources } from '../../../adapters/http/live-sources.ts';
import { validateSourcesCached as readOrCheck, type SourcesCacheOptions } from '../../../adapters/http/sources-cache.ts';
import { sourceFilesDigest } from '../../../adapters/http/source-digest.ts';

let root: string;
let knowledgeDir: string;
let rulesDir: string;
let domainDir: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'smeg-sources-cache-'));
  knowledgeDir = join(root, 'knowledge');
  rulesDir = join(root, 'rules');
  domainDir = join(root, 'domain');
  cacheDir = join(root, 'cache');
  await cp('knowledge/documents', knowledgeDir, { recursive: true });
  await cp('rules/parameters', rulesDir, { recursive: true });
  await cp('domain/registry', domainDir, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function options(warnings: string[] = []): Promise<SourcesCacheOptions> {
  return {
    knowledgeDir,
    rulesDir,
    domainDir,
    dir: cacheDir,
    digest: await sourceFilesDigest([knowledgeDir, rulesDir, domainDir]),
    logger: { warn: (_: unknown, message?: string) => void warnings.push(String(message)) },
    validate: () => validateSources(knowledgeDir, rulesDir, domainDir),
  };
}

/** As a server starts: the sources read back or checked, then (once it listens) what was checked saved. */
async function validateSourcesCached(options: SourcesCacheOptions) {
  const result = await readOrCheck(options);
  await result.save?.();
  return result;
}

/** What a check gave, without the time it was loaded. */
function content(result: ValidatedSources) {
  if (!result.ok) return result;
  const { loadedAt: _loadedAt, ...knowledge } = result.knowledge;
  return { ...result, knowledge };
}

describe('the checked-sources cache', () => {
  it('reads back at the next start exactly what the check gave', async () => {
    const first = await validateSourcesCached(await options());
    expect(first.outcome).toBe('checked');
    const second = await validateSourcesCached(await options());
    expect(second.outcome).toBe('read');
    const fresh = await validateSources(knowledgeDir, rulesDir, domainDir);
    expect(fresh.ok).toBe(true);
    expect(content(second.result)).toStrictEqual(content(fresh));
    if (!second.result.ok) return;
    // The sections are the documents' own, as a check gives them.
    expect(second.result.knowledge.sections[0]).toBe(second.result.knowledge.documents[0]!.sections[0]);
  });

  it('checks again when any source file changed, and never serves the older result', async () => {
    await validateSourcesCached(await options());
    await appendFile(join(knowledgeDir, 'guarantee-programs-overview.md'), '\n## 新增的章節\n\n新增的內容。\n');
    const changed = await validateSourcesCached(await options());
    expect(changed.outcome).toBe('checked-stale');
    expect(content(changed.result)).toStrictEqual(content(await validateSources(knowledgeDir, rulesDir, domainDir)));
    expect(changed.result.ok && changed.result.knowledge.sections.some((section) => section.heading === '新增的章節')).toBe(true);
    expect((await validateSourcesCached(await options())).outcome).toBe('read');
  });

  it('never saves a check that failed', async () => {
    await writeFile(join(rulesDir, 'batch', 'fee_rate.yaml'), 'values: [');
    const failed = await validateSourcesCached(await options());
    expect(failed.result.ok).toBe(false);
    expect(existsSync(join(cacheDir, 'sources.cache'))).toBe(false);
    expect((await validateSourcesCached(await options())).result.ok).toBe(false);
  });

  it('ignores a damaged file and checks the sources again', async () => {
    await validateSourcesCached(await options());
    const file = join(cacheDir, 'sources.cache');
    const saved = await readFile(file, 'utf8');
    await writeFile(file, saved.replace('保證', '保正'));
    const warnings: string[] = [];
    const again = await validateSourcesCached(await options(warnings));
    expect(again.outcome).toBe('checked-unreadable');
    expect(warnings).toEqual(['sources cache is damaged; checking the sources']);
    expect(content(again.result)).toStrictEqual(content(await validateSources(knowledgeDir, rulesDir, domainDir)));
  });
});
