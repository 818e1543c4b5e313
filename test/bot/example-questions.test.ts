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

const QUESTION = '批次保證被停權的條件？';
/** The batch letter's section on what happens to a bank that misuses batch guarantees. */
const SECTION_ID_START = 'batch-guarantee-revision-2014#說明二（五）';

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

    const file = join(fixture.knowledgeDir, 'batch-guarantee-revision-2014.md');
    const knowledge = await loadKnowledge(fixture.knowledgeDir);
    const section = knowledge.sections.find((candidate) => candidate.id.startsWith(SECTION_ID_START))!;
    writeFileSync(file, withExampleQuestion(readFileSync(file, 'utf8'), section.line, '批次保證被停權的條件'));

    const after = await ask(fixture.knowledgeDir, fixture.rulesDir, QUESTION);
    expect(after.kind).toBe('answer');
    expect(after.citations[0]?.section).toBe(section.heading);
    expect(after.text).toContain('停止其辦理批次保證業務');
    expect(after.text).not.toContain('例題');
  });
});
