import { createBot } from '../../bot/index.ts';
import type { Sources } from '../../bot/sources.ts';
import type { Bot } from '../../bot/types.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createSearchIndex } from '../../knowledge/search.ts';
import { loadParameters } from '../../rules/load.ts';

let shipped: Promise<Sources> | undefined;

/**
 * The day content tests ask their questions. Tests that assert a figure pin it, so a value staff add from a
 * future date (a new rate from next year) changes no test today, and none on the day it takes effect.
 */
export const TEST_DATE = new Date('2026-11-22T10:00:00+08:00');

/** The shipped knowledge and rules, loaded once per test file. */
export function shippedSources(): Promise<Sources> {
  shipped ??= (async () => {
    const [knowledge, rules] = await Promise.all([loadKnowledge('knowledge/documents'), loadParameters('rules/parameters')]);
    return { knowledge, rules, index: createSearchIndex(knowledge), version: 'test' };
  })();
  return shipped;
}

/** The real bot over the shipped knowledge and rules, as adapters get it in production (no LLM), asked on TEST_DATE. */
export async function createTestBot(options: { now?: () => Date } = {}): Promise<Bot> {
  const sources = await shippedSources();
  return createBot({ sources: () => sources, now: options.now ?? (() => TEST_DATE) });
}

/** The text of the bot's first reply to each message, in one new conversation with a new test bot. */
export async function replyTexts(...messages: string[]): Promise<string[]> {
  const bot = await createTestBot();
  const conversationId = `conversation-${Math.random()}`;
  const texts: string[] = [];
  for (const text of messages) {
    const [reply] = await bot.handle({ conversationId, channel: 'cli', event: { type: 'message', text } });
    texts.push(reply?.text ?? '');
  }
  return texts;
}
