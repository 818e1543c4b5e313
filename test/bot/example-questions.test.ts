import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import type { Reply } from '../../bot/types.ts';
import { withExampleQuestion } from '../../knowledge/example-questions.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createSearchIndex } from '../../knowledge/search.ts';
import { loadParameters } from '../../rules/load.ts';
import { createSourceFixture } from '../adapters/http/source-fixture.ts';
import { TEST_DATE } from '../support/bot.ts';

const QUESTION = '送保後公司經營惡化基金會怎麼處理？';
const CARE_SECTION = '肆、七、用心關懷協處（一）至（三）：保證後、信用弱化及信用惡化企業之關懷與協處';

async function ask(knowledgeDir: string, rulesDir: string, text: string): Promise<Reply> {
  const [knowledge, rules] = await Promise.all([loadKnowledge(knowledgeDir), loadParameters(rulesDir)]);
  const sources = { knowledge, rules, index: createSearchIndex(knowledge), version: 'example-test' };
  const bot = createBot({ sources: () => sources, now: () => TEST_DATE });
  const [reply] = await bot.handle({ conversationId: 'example', channel: 'api', event: { type: 'message', text } });
  return reply!;
}

describe('a question staff attached to a section as an example', () => {
  const fixture = createSourceFixture();
  afterAll(() => fixture.remove());

  it('is answered from that section, where before it was not answered', async () => {
    const before = await ask(fixture.knowledgeDir, fixture.rulesDir, QUESTION);
    expect(before.kind).toBe('fallback');

    const file = join(fixture.knowledgeDir, 'smeg-annual-report-2022.md');
    const knowledge = await loadKnowledge(fixture.knowledgeDir);
    const section = knowledge.sections.find((candidate) => candidate.heading === CARE_SECTION)!;
    writeFileSync(file, withExampleQuestion(readFileSync(file, 'utf8'), section.line, '送保後公司經營惡化，基金會怎麼處理'));

    const after = await ask(fixture.knowledgeDir, fixture.rulesDir, QUESTION);
    expect(after.kind).toBe('answer');
    expect(after.citations[0]?.section).toBe(CARE_SECTION);
    expect(after.text).not.toContain('例題');
  });
});
