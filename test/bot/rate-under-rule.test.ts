/**
 * A fee-rate question that gives what decides the rate (a quoted rate, a 具結書, a 卓越獎) is answered with the rate the
 * rules give for that case, each step cited, without asking for a loan.
 */
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../support/bot.ts';

async function ask(text: string): Promise<string> {
  const bot = await createTestBot();
  const [reply] = await bot.handle({ conversationId: `rate-${Math.random()}`, channel: 'cli', event: { type: 'message', text } });
  return reply?.text ?? '';
}

describe('the rate under the rule for a case', () => {
  it('keeps a quoted rate already below the 具結書 cap', async () => {
    const text = await ask('火金姑核定0.45%，如果有促進就業具結書，費率會降嗎');
    expect(text).toContain('0.45%');
    expect(text).toContain('未高於');
    expect(text).not.toContain('請問貸款金額');
  });

  it('lowers a risk-group rate to the cap, from the rule', async () => {
    const text = await ask('一般貸款B組，有簽促進就業具結書，年費率會是多少');
    expect(text).toMatch(/0\.50?%/);
    expect(text).toContain('1.00%');
    expect(text).toContain('促進就業');
  });
});
