import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveSources, type LiveSources, type LiveSourcesOptions } from '../../../adapters/http/live-sources.ts';
import { createSourceFixture, type SourceFixture } from './source-fixture.ts';

const OVERVIEW = 'guarantee-programs-overview.md';
const FEE_RATE = 'batch/fee_rate.yaml';
const silent = pino({ level: 'silent' });

let fixture: SourceFixture;
let sources: LiveSources | undefined;
beforeEach(() => {
  fixture = createSourceFixture();
});
afterEach(async () => {
  await sources?.close();
  sources = undefined;
  fixture.remove();
});

let saves = 0;
/** Saves the way editors and write-file-atomic do: the whole new text to a temporary file beside it, renamed over the original. */
function saveByRename(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${++saves}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** What `sed -i` does: the edited copy goes to `sedXXXXXX` in the same folder and is renamed over the file. */
function sedInPlace(path: string, from: string, to: string): void {
  const temporary = join(dirname(path), `sed${(++saves).toString(36).padStart(6, 'x')}`);
  writeFileSync(temporary, readFileSync(path, 'utf8').replace(from, to));
  renameSync(temporary, path);
}

/**
 * Lays a flat folder out the way Kubernetes mounts a ConfigMap: the files in a timestamped folder reached
 * through the `..data` link, each name a link into `..data`. An update writes a new timestamped folder,
 * swaps `..data` to it by renaming a new link over it, and deletes the old folder.
 */
function mountAsConfigMap(dir: string): { update(file: string, text: string): void } {
  const names = readdirSync(dir);
  let edition = 1;
  const folder = (n: number) => join(dir, `..2024_01_0${n}_00_00_00.000000000`);
  mkdirSync(folder(edition));
  for (const name of names) renameSync(join(dir, name), join(folder(edition), name));
  symlinkSync(basename(folder(edition)), join(dir, '..data'));
  for (const name of names) symlinkSync(join('..data', name), join(dir, name));
  return {
    update(file, text) {
      const previous = folder(edition);
      const next = folder(++edition);
      cpSync(previous, next, { recursive: true });
      writeFileSync(join(next, file), text);
      symlinkSync(basename(next), join(dir, '..data_tmp'));
      renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
      rmSync(previous, { recursive: true });
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}

const watching = async (options: Partial<LiveSourcesOptions> = {}) => {
  sources = await createLiveSources({
    knowledgeDir: fixture.knowledgeDir,
    rulesDir: fixture.rulesDir,
    logger: silent,
    watch: true,
    debounceMs: 50,
    // The watcher on its own: the re-scan that would also catch these changes has its own tests below.
    rescanIntervalMs: 0,
    ...options,
  });
  return sources;
};

/** A watcher that misses every change, leaving the periodic re-scan on its own. */
const deafWatcher = { watchFolders: async () => ({ close: async () => {} }), rescanIntervalMs: 50 };

const servesText = (live: LiveSources, text: string) => live.current().knowledge.sections.some((section) => section.text.includes(text));
const feeRateFrom2014 = (live: LiveSources) => live.current().rules.parameters.get('batch.fee_rate')?.values[0]?.value;

describe('reloading files saved by rename', () => {
  it('serves each of three consecutive saves by rename of one document', async () => {
    const live = await watching();
    const path = join(fixture.knowledgeDir, OVERVIEW);
    const original = readFileSync(path, 'utf8');

    for (const edition of ['zebracornfund', 'quaggafund', 'okapifund']) {
      saveByRename(path, `${original}\n## 測試用新章節\n\n${edition} 是只在這個測試中出現的字。\n`);
      await eventually(() => servesText(live, edition));
    }
    expect(servesText(live, 'zebracornfund')).toBe(false);
    expect(live.current().index.search('okapifund')[0]?.section).toBe('測試用新章節');
  });

  it('serves each of two consecutive sed -i edits of one parameter', async () => {
    const live = await watching();
    const path = join(fixture.rulesDir, FEE_RATE);
    expect(feeRateFrom2014(live)).toBe(0.35);

    sedInPlace(path, 'value: 0.35', 'value: 0.4');
    await eventually(() => feeRateFrom2014(live) === 0.4);
    sedInPlace(path, 'value: 0.4', 'value: 0.45');
    await eventually(() => feeRateFrom2014(live) === 0.45);
  });

  it('clears the error in the status once a broken save by rename is fixed by another', async () => {
    const live = await watching();
    const path = join(fixture.knowledgeDir, OVERVIEW);
    const original = readFileSync(path, 'utf8');

    saveByRename(path, original.replace(/^issued: null$/m, 'issued: 2014-13-45'));
    await eventually(() => live.status().lastReload?.ok === false);
    expect(live.status().lastReload?.messages.join('\n')).toContain('欄位 issued');

    saveByRename(path, `${original}\n## 修好之後的章節\n\nmendedfund 在修好後出現。\n`);
    await eventually(() => servesText(live, 'mendedfund'));
    const status = live.status();
    expect(status.lastReload).toMatchObject({ ok: true, issues: [], messages: [] });
    expect(status.lastReload?.reason).toContain(basename(path));
  });

  it('serves each of two consecutive ConfigMap updates', async () => {
    const original = readFileSync(join(fixture.knowledgeDir, OVERVIEW), 'utf8');
    const configMap = mountAsConfigMap(fixture.knowledgeDir);
    const live = await watching();

    for (const edition of ['zebracornfund', 'quaggafund']) {
      configMap.update(OVERVIEW, `${original}\n## 測試用新章節\n\n${edition} 是只在這個測試中出現的字。\n`);
      await eventually(() => servesText(live, edition));
    }
    expect(live.status().lastReload).toMatchObject({ ok: true, messages: [] });
  });
});

describe('the periodic re-scan', () => {
  it('picks up a save by rename that the watcher missed', async () => {
    const live = await watching(deafWatcher);
    const path = join(fixture.knowledgeDir, OVERVIEW);

    saveByRename(path, `${readFileSync(path, 'utf8')}\n## 測試用新章節\n\nzebracornfund 是只在這個測試中出現的字。\n`);
    await eventually(() => servesText(live, 'zebracornfund'));
    expect(live.status().lastReload).toMatchObject({ ok: true, changed: true, reason: expect.stringMatching(/re-scan/) });
  });

  it('picks up a parameter edited in place that the watcher missed', async () => {
    const live = await watching(deafWatcher);
    fixture.editRule(FEE_RATE, 'value: 0.35', 'value: 0.4');
    await eventually(() => feeRateFrom2014(live) === 0.4);
  });

  it('does not reload while the files stay as they were loaded', async () => {
    const live = await watching(deafWatcher);
    await sleep(300);
    expect(live.status().reloads).toEqual({ ok: 0, failed: 0 });
  });

  it('reports a broken file once, not on every re-scan, and applies the fix', async () => {
    const live = await watching(deafWatcher);
    fixture.editKnowledge(OVERVIEW, /^issued: null$/m, 'issued: 2014-13-45');
    await eventually(() => live.status().reloads.failed === 1);
    await sleep(300);
    expect(live.status().reloads).toEqual({ ok: 0, failed: 1 });

    fixture.editKnowledge(OVERVIEW, /^issued: 2014-13-45$/m, 'issued: null');
    await eventually(() => live.status().lastReload?.ok === true);
    expect(live.status().lastReload?.messages).toEqual([]);
  });

  it('stops with close: no reload afterwards and the status says it is not watching', async () => {
    const live = await watching({ rescanIntervalMs: 50 });
    await live.close();
    expect(live.status().watching).toBe(false);

    fixture.editRule(FEE_RATE, 'value: 0.35', 'value: 0.4');
    await sleep(300);
    expect(live.status().reloads).toEqual({ ok: 0, failed: 0 });
    expect(feeRateFrom2014(live)).toBe(0.35);
  });
});
