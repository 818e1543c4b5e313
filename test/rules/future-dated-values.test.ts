import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withDatedValue } from '../../adapters/admin/dated-value.ts';
import { validateSources } from '../../adapters/http/live-sources.ts';
import { createBot, taipeiDate } from '../../bot/index.ts';
import type { Sources } from '../../bot/sources.ts';
import { createSearchIndex } from '../../knowledge/search.ts';
import { compareOutput, loadCaseTables, runCase } from '../../rules/case-table.ts';
import { createSourceFixture } from '../adapters/http/source-fixture.ts';
import { CONVERSATION_SCRIPTS, converse, scriptProblems } from '../bot/conversation-scripts.ts';
import { TEST_DATE } from '../support/bot.ts';

/** The day after the content tests' date: for them, always the future. */
const DAY_AFTER = (() => {
  const day = new Date(`${taipeiDate(TEST_DATE)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
})();

/** New values staff might publish: a lower batch fee, dearer risk groups, a lower ratio, a higher cap. */
const NEW_VALUES: Array<{ file: string; value: number }> = [
  { file: 'batch/fee_rate.yaml', value: 0.25 },
  { file: 'authorised/fee_rate/b.yaml', value: 1.25 },
  { file: 'authorised/fee_rate/c.yaml', value: 1.75 },
  { file: 'general_loan/max_ratio.yaml', value: 70 },
  { file: 'enterprise/total_cap.yaml', value: 150_000_000 },
];

/**
 * Staff add a value from a future date (a rate announced for next year). Tests that assert content ask on
 * TEST_DATE, so no such value changes them: not on the day it is added, nor on the day it takes effect. This
 * runs the content tests' logic (the conversation scripts and the rule case tables) on a copy of the rules with
 * such values added.
 */
describe('values staff add from a date after the content tests’ date', async () => {
  const fixture = createSourceFixture();
  afterAll(() => fixture.remove());
  for (const { file, value } of NEW_VALUES) {
    const path = join(fixture.rulesDir, file);
    const content = readFileSync(path, 'utf8');
    // Cited like the latest value: a real section, so the copy passes the checks.
    const latest = Object.values((parse(content) as { values: Record<string, { reference: { document: string; title: string; section: string } }> }).values).at(-1)!;
    const { document, title, section } = latest.reference;
    writeFileSync(path, withDatedValue(content, { date: DAY_AFTER, value, reference: { document, title, section }, note: '測試：日後公告的新數值' }));
  }
  const checked = await validateSources(fixture.knowledgeDir, fixture.rulesDir, undefined);
  if (!checked.ok) throw new Error(`the copy with new values does not pass the checks: ${JSON.stringify(checked.issues)}`);
  const sources: Sources = { knowledge: checked.knowledge, rules: checked.rules, index: createSearchIndex(checked.knowledge), version: 'future-values' };
  const askedOn = (instant: Date) => createBot({ sources: () => sources, now: () => instant });

  it('pass the checks staff run (knowledge:check)', () => {
    expect(checked.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it.each(CONVERSATION_SCRIPTS.map((script, i) => [script.name, script, i] as const))('leave the conversation “%s” as it was', async (_name, script, i) => {
    const replies = await converse(askedOn(TEST_DATE), script.says, `future-${i}`);
    expect(scriptProblems(script, replies), replies.map((reply) => reply.text).join('\n')).toEqual([]);
  });

  it('leave every case of the rule case tables as it was', async () => {
    const cases = await loadCaseTables('rules/cases');
    const failing = cases.filter((ruleCase) => compareOutput(ruleCase.output, runCase(checked.rules, ruleCase)).length > 0).map((ruleCase) => ruleCase.name);
    expect(failing).toEqual([]);
  });

  it('are what the bot answers from the day they take effect', async () => {
    const [reply] = await converse(askedOn(new Date(`${DAY_AFTER}T10:00:00+08:00`)), ['批保300萬保9成一年手續費？'], 'after');
    expect(reply?.text).toContain('× 0.25% ×');
  });

  it.skipIf(taipeiDate(new Date()) <= DAY_AFTER)('would change the scripts’ answers if they were asked on the real clock instead', async () => {
    const changed = await Promise.all(
      CONVERSATION_SCRIPTS.map(async (script, i) => scriptProblems(script, await converse(askedOn(new Date()), script.says, `today-${i}`)).length > 0),
    );
    expect(changed.filter(Boolean).length).toBeGreaterThan(0);
  });
});
