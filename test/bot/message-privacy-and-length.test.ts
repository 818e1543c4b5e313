import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/index.ts';
import { MemoryConversationStore } from '../../bot/dialogue/store.ts';
import type { Bot } from '../../bot/types.ts';
import { shippedSources } from '../support/bot.ts';

const turn = (conversationId: string, text: string) => ({ conversationId, channel: 'cli' as const, event: { type: 'message' as const, text } });

describe('the message-length limit counts characters, not UTF-16 units', () => {
  let bot: Bot;
  beforeAll(async () => {
    const sources = await shippedSources();
    bot = createBot({ sources: () => sources, maxMessageLength: 10 });
  });

  it('takes ten emoji (twenty UTF-16 units) as ten characters', async () => {
    const [reply] = await bot.handle(turn('emoji-10', '😀'.repeat(10)));
    expect(reply?.text).not.toContain('太長');
  });

  it('refuses eleven, naming eleven characters', async () => {
    const [reply] = await bot.handle(turn('emoji-11', '😀'.repeat(11)));
    expect(reply?.text).toContain('太長');
    expect(reply?.text).toContain('11 字');
  });
});

describe('what the conversation keeps between turns', () => {
  it('keeps a fact question as its topic with personal data removed', async () => {
    const sources = await shippedSources();
    const store = new MemoryConversationStore();
    const bot = createBot({ sources: () => sources, store });
    await bot.handle(turn('topic', '我的手機０９１２－３４５－６７８，身分證A123456789，批次保證的保證成數是多少？'));
    const state = await store.get('topic');
    expect(state?.topic).toContain('批次保證');
    expect(state?.topic).not.toMatch(/912|345|678|A123456789/);
  });
});
