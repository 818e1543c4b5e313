import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveSources, type LiveSources } from '../../../adapters/http/live-sources.ts';
import { listen, type Listening } from './listen.ts';
import { createSourceFixture, type SourceFixture } from './source-fixture.ts';

let fixture: SourceFixture | undefined;
let sources: LiveSources | undefined;
let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  await sources?.close();
  fixture?.remove();
});

describe('reloading while requests are served', () => {
  it('answers every request, from the old or the new version, while good and broken edits are reloaded', async () => {
    fixture = createSourceFixture();
    const live = await createLiveSources({
      knowledgeDir: fixture.knowledgeDir,
      rulesDir: fixture.rulesDir,
      logger: pino({ level: 'silent' }),
      watch: false,
    });
    sources = live;
    const app = express();
    app.get('/search', (_req, res) => {
      const snapshot = live.current();
      const hits = snapshot.index.search('批次保證 保證手續費');
      res.json({ version: snapshot.version, hits: hits.length, parameters: snapshot.rules.parameters.size });
    });
    running = await listen(app);
    const url = `${running.url}/search`;

    let stop = false;
    const statuses: number[] = [];
    const versions = new Set<string>();
    const client = async () => {
      while (!stop) {
        const response = await fetch(url);
        statuses.push(response.status);
        const body = (await response.json()) as { version: string; hits: number; parameters: number };
        expect(body.hits).toBeGreaterThan(0);
        expect(body.parameters).toBeGreaterThan(0);
        versions.add(body.version);
      }
    };
    const clients = Array.from({ length: 4 }, client);

    const outcomes: boolean[] = [];
    for (let round = 0; round < 3; round++) {
      fixture.appendKnowledge('guarantee-programs-overview.md', `\n## 第 ${round} 次新增\n\n內容 ${round}。\n`);
      outcomes.push((await live.reload(`good ${round}`)).ok);
      fixture.editKnowledge('guarantee-programs-overview.md', /^issued: null$/m, 'issued: 不是日期');
      outcomes.push((await live.reload(`broken ${round}`)).ok);
      fixture.editKnowledge('guarantee-programs-overview.md', /^issued: 不是日期$/m, 'issued: null');
    }
    stop = true;
    await Promise.all(clients);

    expect(outcomes).toEqual([true, false, true, false, true, false]);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(versions.size).toBeGreaterThanOrEqual(2);
  });
});
