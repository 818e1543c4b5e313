/** Questions about today's state of things are answered from the newest document, not an older one that matches. */
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../support/bot.ts';

async function ask(text: string): Promise<string> {
  const bot = await createTestBot();
  const [reply] = await bot.handle({ conversationId: `currency-${Math.random()}`, channel: 'cli', event: { type: 'message', text } });
  return reply?.text ?? '';
}

describe('current state questions', () => {
  it.each(['信保基金現在的董事長是誰？', '現任董事長是哪位', '目前的董事長叫什麼名字'])('「%s」 names the chairman of the newest report', async (question) => {
    const answer = await ask(question);
    expect(answer).toContain('魏明谷');
    expect(answer).not.toContain('周作姍');
  });
});

describe('what changes over time, found only in an older document', () => {
  it('says first that a post holder read from an older letter is as of that letter, and the newest document does not say it', async () => {
    const answer = await ask('請問信保基金目前的總經理是哪一位？');
    const first = answer.split('\n')[0] ?? '';
    if (answer.includes('周作姍')) {
      expect(first).toContain('民國103年');
      expect(first).toContain('現在可能已經不同');
    } else expect(answer).toContain('0800-089-921');
  });

  it('adds no such note when the newest document says it', async () => {
    const answer = await ask('信保基金現在的董事長是哪位');
    expect(answer).toContain('魏明谷');
    expect(answer).not.toContain('現在可能已經不同');
  });
});

describe('years and plans the documents do not cover now', () => {
  it('says a year after the documents is not covered, names the nearest document, and quotes no other year', async () => {
    const answer = await ask('信保基金2024年的新發生逾期率是多少？');
    expect(answer).toContain('沒有');
    expect(answer).toContain('0800-089-921');
    expect(answer).toContain('111年');
    expect(answer).not.toContain('1.23%');
  });

  it('says first that a passage from an ended plan is history', async () => {
    const answer = await ask('信保的貸款利率多少？');
    const first = answer.split('\n')[0] ?? '';
    if (answer.includes('莫拉克')) expect(first).toMatch(/已屆期|已結束/);
    else expect(answer).toContain('0800-089-921');
  });
});
