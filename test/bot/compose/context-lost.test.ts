import { beforeAll, describe, expect, it } from 'vitest';
import { present } from '../../../bot/compose/presentation.ts';
import type { Bot, Reply } from '../../../bot/types.ts';
import { createTestBot } from '../../support/bot.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';
let bot: Bot;

beforeAll(async () => {
  bot = await createTestBot();
});

function say(conversationId: string, text: string, turnsShown?: number): Promise<Reply[]> {
  return bot.handle({ conversationId, channel: 'web', event: { type: 'message', text }, ...(turnsShown === undefined ? {} : { turnsShown }) });
}

describe('a page that still shows a conversation the bot no longer has', () => {
  it('gets no answer to a follow-up, but is told the context is gone and asked for the whole question', async () => {
    const [reply] = await say('lost-1', '換成2年呢？', 3);
    expect(reply).toMatchObject({ kind: 'question', intent: 'context_lost' });
    expect(reply?.text).toContain('沒有我們先前的對話');
    expect(reply?.text).not.toMatch(/保證手續費：|依《/);
  });

  it('gets no answer to a bare answer to a question it can no longer see', async () => {
    const [reply] = await say('lost-2', 'B組', 1);
    expect(reply?.intent).toBe('context_lost');
  });

  it('is told so in English when it asks in English', async () => {
    const [reply] = await say('lost-en', 'what about two years?', 2);
    expect(reply).toMatchObject({ intent: 'context_lost', language: 'en' });
    expect(present(reply!).text).toMatch(/^Sorry, I no longer have our earlier conversation/);
  });

  it('gets a whole question answered, with a note that what was said before is gone', async () => {
    const [reply] = await say('lost-3', FEE_QUESTION, 4);
    expect(reply?.text).toContain('40,000');
    expect(reply?.text).toContain('以上只依這則訊息回答');
  });

  it('goes on normally once the bot remembers the conversation again', async () => {
    await say('lost-4', FEE_QUESTION, 4);
    const [reply] = await say('lost-4', '換成2年呢？', 5);
    expect(reply?.text).toContain('80,000');
    expect(reply?.text).not.toContain('先前的對話');
  });
});

describe('a conversation the bot remembers, or a page that shows nothing yet', () => {
  it('is answered without a note', async () => {
    const [first] = await say('kept-1', FEE_QUESTION, 0);
    expect(first?.text).not.toContain('先前的對話');
    const [followUp] = await say('kept-1', '換成2年呢？', 1);
    expect(followUp?.text).toContain('80,000');
  });
});
