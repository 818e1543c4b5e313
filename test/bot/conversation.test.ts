import { describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import type { InteractionEvent } from '../../bot/types.ts';
import { shippedSources, TEST_DATE } from '../support/bot.ts';
import { CONVERSATION_SCRIPTS, converse, scriptProblems } from './conversation-scripts.ts';

describe('conversations with the bot over the shipped knowledge and rules', async () => {
  const sources = await shippedSources();
  const bot = createBot({ sources: () => sources, now: () => TEST_DATE });

  it.each(CONVERSATION_SCRIPTS.map((s, i) => [s.name, s, i] as const))('%s', async (_name, script, i) => {
    const replies = await converse(bot, script.says, `conversation-${i}`);
    expect(scriptProblems(script, replies), replies.map((r) => r.text).join('\n')).toEqual([]);
  });

  it('cites every answer with a document title, a section and a date label', async () => {
    const [reply] = await converse(bot, ['微型創業鳳凰貸款100萬，保證成數9.5成，兩年的保證手續費？'], 'cite-check');
    expect(reply?.text).toContain('9,500');
    expect(reply?.citations.length).toBeGreaterThan(0);
    for (const c of reply!.citations) {
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.section.length).toBeGreaterThan(0);
      expect(c.dateLabel ?? c.date).toBeTruthy();
    }
  });

  it('answers the rule in force on the day of the question (batch ratio 十成 before 2014-12-15)', async () => {
    const before = createBot({ sources: () => sources, now: () => new Date('2014-06-01T10:00:00+08:00') });
    const text = (await converse(before, ['批次保證最高可以保幾成？'], 'then')).map((r) => r.text).join('\n');
    expect(text).toContain('10成');
    expect(text).toContain('9成');
  });

  it('answers a long message with a polite limit instead of an answer', async () => {
    const replies = await converse(bot, ['手續費'.repeat(400)], 'too-long');
    expect(replies[0]?.kind).toBe('error');
    expect(replies[0]?.text).toContain('1000');
  });

  it('reports answered, unanswered and feedback events without losing the answer text', async () => {
    const events: InteractionEvent[] = [];
    const recording = createBot({ sources: () => sources, now: () => TEST_DATE, interactions: { record: (e) => events.push(e) } });
    const [answer] = await converse(recording, ['一般貸款保證成數最高多少？'], 'events');
    await converse(recording, ['信保基金的員工旅遊去哪裡？'], 'events');
    await recording.handle({ conversationId: 'events', channel: 'web', event: { type: 'feedback', answerId: answer!.answerId!, rating: 'down' } });
    expect(events.map((e) => e.type)).toEqual(['answered', 'unanswered', 'feedback']);
    expect(events[0]).toMatchObject({ answerId: answer!.answerId, answer: answer!.text });
  });
});

describe('when the conversation store fails', async () => {
  const sources = await shippedSources();

  it('still answers, without the remembered context, and reports the failure', async () => {
    const failures: string[] = [];
    const broken = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.reject(new Error('store down')),
      delete: () => Promise.reject(new Error('store down')),
    };
    const bot = createBot({ sources: () => sources, now: () => TEST_DATE, store: broken, onStoreError: (_e, op) => failures.push(op) });
    const [reply] = await bot.handle({ conversationId: 'x', channel: 'api', event: { type: 'message', text: '一般貸款500萬保8成B組一年手續費多少？' } });
    expect(reply?.text).toContain('40,000');
    expect(failures).toEqual(['get', 'set']);
  });
});

describe('answering the same question again', async () => {
  const sources = await shippedSources();

  it('gives the same answer with its own feedback id, and follows each conversation', async () => {
    const bot = createBot({ sources: () => sources, now: () => TEST_DATE });
    const ask = (conversationId: string, text: string) => bot.handle({ conversationId, channel: 'api', event: { type: 'message', text } });
    const [first] = await ask('a', '批次保證的手續費率？');
    const [second] = await ask('b', '批次保證的手續費率？');
    expect(second?.text).toBe(first?.text);
    expect(second?.answerId).toBeDefined();
    expect(second?.answerId).not.toBe(first?.answerId);
    await ask('c', '一般貸款費率？');
    const [groupC] = await ask('c', '那C組呢？');
    const [fresh] = await ask('d', '那C組呢？');
    expect(groupC?.text).toContain('1.5%');
    expect(fresh?.text).not.toBe(groupC?.text);
  });
});

describe('the day a question is asked', () => {
  it('is the calendar day in Taipei', async () => {
    const { taipeiDate } = await import('../../bot/index.ts');
    expect(taipeiDate(new Date('2014-12-14T16:30:00Z'))).toBe('2014-12-15');
    expect(taipeiDate(new Date('2014-12-14T15:59:00Z'))).toBe('2014-12-14');
  });
});

describe('odd messages', async () => {
  const sources = await shippedSources();
  const bot = createBot({ sources: () => sources, now: () => TEST_DATE });

  it.each([
    '？？？',
    '😀👍',
    '1234567890123456789012345',
    '借-500萬保8成一年手續費',
    '一般貸款借0元保8成一年手續費多少',
    '保120%',
    '一般貸款借999999999999億保8成一年',
    '<script>alert(1)</script>',
    'ｆｕｌｌ－ｗｉｄｔｈ　１２３',
    '批保批保批保批保批保批保批保批保',
    '\u0000\u0007',
    '民國999年12月45日核准的批次保證適用哪個規定？',
  ])('answers %j politely without failing', async (text) => {
    const replies = await bot.handle({ conversationId: `odd-${text}`, channel: 'api', event: { type: 'message', text } });
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.text.trim().length).toBeGreaterThan(0);
      expect(reply.text).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });
});
