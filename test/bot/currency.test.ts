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
