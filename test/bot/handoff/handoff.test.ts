import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/index.ts';
import type { Bot, InteractionEvent, Reply } from '../../../bot/types.ts';
import { shippedSources } from '../../support/bot.ts';

const recorded: InteractionEvent[] = [];
let bot: Bot;

beforeAll(async () => {
  const sources = await shippedSources();
  bot = createBot({ sources: () => sources, interactions: { record: (event) => recorded.push(event) } });
});

function say(conversationId: string, text: string): Promise<Reply[]> {
  return bot.handle({ conversationId, channel: 'line', userId: 'U-someone', event: { type: 'message', text } });
}

describe('a person asking for a person', () => {
  it.each(['找真人', '可以跟真人說話嗎？', '轉客服', '我要人工客服', '人工客服', '可以轉接專人嗎', 'Can I talk to a human?'])(
    '「%s」 gets the service lines from the knowledge, not an answer',
    async (text) => {
      const [reply] = await say(`handoff-${text}`, text);
      expect(reply?.kind).toBe('handoff');
      expect(reply?.text).toMatch(/0800-089-921/);
      expect(reply?.citations[0]?.title).toContain('年報');
    },
  );

  it('is recorded for staff, with the channel and the words used', async () => {
    recorded.length = 0;
    await say('handoff-record', '請幫我轉客服，電話0912-345-678');
    expect(recorded).toEqual([
      expect.objectContaining({ type: 'handoff', channel: 'line', userId: 'U-someone', intent: 'handoff', text: '請幫我轉客服，電話0912-345-678' }),
    ]);
  });

  it('in English gets English labels', async () => {
    const [reply] = await say('handoff-en', 'I want to speak to someone');
    expect(reply?.language).toBe('en');
  });
});

describe('questions that only look like it', () => {
  it.each(['客服電話？', '信保基金的客服專線是幾號', '一般貸款500萬保8成B組一年手續費多少？'])('「%s」 is answered as a question', async (text) => {
    const [reply] = await say(`not-handoff-${text}`, text);
    expect(reply?.kind).not.toBe('handoff');
  });
});

describe('「聯絡客服」 and 「回到機器人」', () => {
  it('「聯絡客服」 gives every way to reach the fund and offers a person', async () => {
    const [reply] = await say('contact', '聯絡客服');
    expect(reply?.text).toContain('0800-089-921');
    expect(reply?.text).toContain('https://www.smeg.org.tw');
    expect(reply?.quickReplies?.[0]).toBe('轉真人客服');
  });

  it('「回到機器人」 says the bot is back', async () => {
    const [reply] = await say('resume', '回到機器人');
    expect(reply?.intent).toBe('handoff_resume');
  });
});

describe('answers missed in a row', () => {
  it('offer a person on the second miss, not the first, and the offer hands off when taken', async () => {
    const [first] = await say('misses', '天空為什麼是藍的');
    expect(first?.quickReplies).not.toContain('轉真人客服');
    const [second] = await say('misses', '月亮上有兔子嗎');
    expect(second?.text).toContain('轉給客服人員');
    expect(second?.quickReplies?.[0]).toBe('轉真人客服');
    const [taken] = await say('misses', second!.quickReplies![0]!);
    expect(taken?.kind).toBe('handoff');
  });

  it('start over after an answer', async () => {
    await say('misses-answered', '天空為什麼是藍的');
    await say('misses-answered', '一般貸款500萬保8成B組一年手續費多少？');
    const [miss] = await say('misses-answered', '月亮上有兔子嗎');
    expect(miss?.quickReplies).not.toContain('轉真人客服');
  });
});
