import { describe, expect, it } from 'vitest';
import { IssuedAnswers, rememberingIssuedAnswers } from '../../../adapters/http/issued-answers.ts';
import type { Bot } from '../../../bot/types.ts';

describe('IssuedAnswers', () => {
  it('remembers at most its capacity, forgetting the oldest answer first', () => {
    const issued = new IssuedAnswers(2);
    issued.remember('a1');
    issued.remember('a2');
    issued.remember('a3');
    expect(issued.has('a1')).toBe(false);
    expect(issued.has('a2')).toBe(true);
    expect(issued.has('a3')).toBe(true);
    expect(issued.size).toBe(2);
  });

  it('learns every answer id a bot gives, and nothing else', async () => {
    const issued = new IssuedAnswers();
    const bot: Bot = {
      handle: async () => [
        { kind: 'calculation', text: '40,000 元', citations: [], answerId: 'a-calc' },
        { kind: 'answer', text: '說明', citations: [], answerId: 'a-text' },
        { kind: 'question', text: '請問保證成數？', citations: [] },
      ],
    };
    await rememberingIssuedAnswers(bot, issued).handle({ conversationId: 'c', channel: 'web', event: { type: 'message', text: '費率' } });
    expect([issued.has('a-calc'), issued.has('a-text'), issued.size]).toEqual([true, true, 2]);
  });
});
