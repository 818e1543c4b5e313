import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveSources, SourcesUnavailableError, type LiveSources } from '../../../adapters/http/live-sources.ts';
import { createMetrics } from '../../../adapters/http/metrics.ts';
import { createSourceFixture, type SourceFixture } from './source-fixture.ts';

const OVERVIEW = 'guarantee-programs-overview.md';
const NEW_SECTION = '\n## 測試用新章節\n\nzebracornfund 是只在這個測試中出現的字。\n';
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

const open = async (watch = false) => {
  sources = await createLiveSources({ knowledgeDir: fixture.knowledgeDir, rulesDir: fixture.rulesDir, logger: silent, watch, debounceMs: 50 });
  return sources;
};

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('createLiveSources', () => {
  it('swaps in a new index and version after a good edit', async () => {
    const live = await open();
    const before = live.current();
    expect(before.index.search('zebracornfund')).toEqual([]);

    fixture.appendKnowledge(OVERVIEW, NEW_SECTION);
    const result = await live.reload('test');

    expect(result).toMatchObject({ ok: true, changed: true, issues: [] });
    const after = live.current();
    expect(after.version).not.toBe(before.version);
    expect(after.index.search('zebracornfund')[0]?.section).toBe('測試用新章節');
    // The old snapshot is untouched: a request that started before the swap finishes on it.
    expect(before.index.search('zebracornfund')).toEqual([]);
  });

  it('keeps the same snapshot when a reload finds nothing changed', async () => {
    const live = await open();
    const before = live.current();
    const result = await live.reload('saved without changes');
    expect(result).toMatchObject({ ok: true, changed: false, version: before.version });
    expect(live.current()).toBe(before);
  });

  it('keeps serving the last good version after a broken knowledge edit, and reports file, line and field', async () => {
    const live = await open();
    const before = live.current();

    fixture.editKnowledge(OVERVIEW, /^issued: null$/m, 'issued: 2014-13-45');
    const result = await live.reload('test');

    expect(result.ok).toBe(false);
    expect(result.version).toBe(before.version);
    expect(live.current()).toBe(before);
    const issue = result.issues.find((i) => i.field === 'issued');
    expect(issue?.file).toMatch(/guarantee-programs-overview\.md$/);
    expect(issue?.line).toBe(6);
    expect(issue?.message).toContain('YYYY-MM-DD');

    const status = live.status();
    expect(status.lastReload).toMatchObject({ ok: false, reason: 'test' });
    expect(status.lastReload?.messages.join('\n')).toContain('欄位 issued');
    expect(status.reloads).toEqual({ ok: 0, failed: 1 });
  });

  it('refuses a rules edit whose reference names a section the knowledge does not have', async () => {
    const live = await open();
    const before = live.current();
    fixture.editRule('batch/fee_rate.yaml', 'section: 說明三：代償上限計提率與保證手續費年費率', 'section: 說明三：不存在的章節');

    const result = await live.reload('test');
    expect(result.ok).toBe(false);
    expect(live.current()).toBe(before);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/batch\/fee_rate\.yaml$/), field: 'values.2014-12-15.reference.section' }),
    );
  });

  it('refuses a knowledge edit that removes a section a rule cites, keeping both old knowledge and rules', async () => {
    const live = await open();
    const before = live.current();
    fixture.editKnowledge('batch-guarantee-revision-2014.md', '說明三：代償上限計提率與保證手續費年費率', '說明三：改名的章節');

    const result = await live.reload('test');
    expect(result.ok).toBe(false);
    expect(live.current()).toBe(before);
    expect(result.issues.some((i) => i.field?.endsWith('reference.section'))).toBe(true);
  });

  it('applies a fixed file after a broken one', async () => {
    const live = await open();
    fixture.editKnowledge(OVERVIEW, /^issued: null$/m, 'issued: 2014-13-45');
    expect((await live.reload('broken')).ok).toBe(false);
    fixture.editKnowledge(OVERVIEW, /^issued: 2014-13-45$/m, 'issued: null');
    fixture.appendKnowledge(OVERVIEW, NEW_SECTION);
    expect((await live.reload('fixed')).ok).toBe(true);
    expect(live.current().index.search('zebracornfund')).not.toEqual([]);
    expect(live.status().reloads).toEqual({ ok: 1, failed: 1 });
  });

  it('notices an edit on disk by itself and serves it within seconds', async () => {
    const live = await open(true);
    const before = live.current().version;
    expect(live.status().watching).toBe(true);

    fixture.appendKnowledge(OVERVIEW, NEW_SECTION);
    await eventually(() => live.current().version !== before);
    expect(live.current().index.search('zebracornfund')).not.toEqual([]);
    expect(live.status().lastReload?.reason).toMatch(/guarantee-programs-overview\.md$/);
  });

  it('watches from startWatching() when asked to wait, and reloads what changed before it', async () => {
    sources = await createLiveSources({
      knowledgeDir: fixture.knowledgeDir,
      rulesDir: fixture.rulesDir,
      logger: silent,
      watch: true,
      watchFromStart: false,
      debounceMs: 50,
      rescanIntervalMs: 0,
    });
    const live = sources;
    const before = live.current().version;
    expect(live.status().watching).toBe(false);

    // Saved after the first load and before watching started: no event, no periodic re-scan.
    fixture.appendKnowledge(OVERVIEW, NEW_SECTION);
    await live.startWatching();
    expect(live.status().watching).toBe(true);
    await eventually(() => live.current().version !== before);
    expect(live.current().index.search('zebracornfund')).not.toEqual([]);
    expect(live.status().lastReload?.reason).toBe('files changed (found when watching started)');
  });

  it('does not start watching once closed', async () => {
    sources = await createLiveSources({
      knowledgeDir: fixture.knowledgeDir,
      rulesDir: fixture.rulesDir,
      logger: silent,
      watch: true,
      watchFromStart: false,
    });
    await sources.close();
    await sources.startWatching();
    expect(sources.status().watching).toBe(false);
  });

  it('runs one reload at a time; calls during a reload share one follow-up', async () => {
    let builds = 0;
    const { createSearchIndex } = await import('../../../knowledge/search.ts');
    sources = await createLiveSources({
      knowledgeDir: fixture.knowledgeDir,
      rulesDir: fixture.rulesDir,
      logger: silent,
      watch: false,
      buildIndex: (knowledge) => {
        builds++;
        return createSearchIndex(knowledge);
      },
    });
    builds = 0;
    fixture.appendKnowledge(OVERVIEW, NEW_SECTION);
    const first = sources.reload('a');
    fixture.appendKnowledge(OVERVIEW, '\n## 再一個章節\n\n第二次修改。\n');
    const followUps = [sources.reload('b'), sources.reload('c'), sources.reload('d')];
    const results = await Promise.all([first, ...followUps]);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(builds).toBeLessThanOrEqual(2);
    expect(results[1]).toBe(results[3]);
    expect(sources.current().knowledge.sections.some((s) => s.heading === '再一個章節')).toBe(true);
    expect(sources.status().reloads.ok).toBeLessThanOrEqual(2);
  });

  it('counts reloads and their result in the metrics', async () => {
    const metrics = createMetrics({ processMetrics: false });
    sources = await createLiveSources({ knowledgeDir: fixture.knowledgeDir, rulesDir: fixture.rulesDir, logger: silent, watch: false, metrics });
    await sources.reload('ok');
    fixture.editKnowledge(OVERVIEW, /^issued: null$/m, 'issued: nope');
    await sources.reload('broken');
    const exposition = await metrics.registry.metrics();
    expect(exposition).toContain('smeg_reloads_total{result="ok"} 1');
    expect(exposition).toContain('smeg_reloads_total{result="failed"} 1');
  });

  it('refuses to start on broken files, listing every problem', async () => {
    fixture.editKnowledge(OVERVIEW, /^issued: null$/m, 'issued: 2014-13-45');
    const error = await open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourcesUnavailableError);
    expect((error as SourcesUnavailableError).issues.some((i) => i.field === 'issued')).toBe(true);
  });

  it('reports loaded documents and parameters with their dates', async () => {
    const live = await open();
    const status = live.status();
    expect(status.documents.find((d) => d.id === 'batch-guarantee-revision-2014')).toMatchObject({
      issued: '2014-11-05',
      effectiveFrom: '2014-12-15',
    });
    expect(status.parameters.find((p) => p.name === 'batch.fee_rate')?.latestEffectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(status.lastReload).toBeUndefined();
  });
});
