import { beforeAll, describe, expect, it } from 'vitest';
import { probeRetrieval } from '../../../bot/flows/retrieval-probe.ts';
import type { Sources } from '../../../bot/sources.ts';
import type { Bot } from '../../../bot/types.ts';
import { createTestBot, shippedSources } from '../../support/bot.ts';

const AS_OF = '2026-11-22';
let sources: Sources;
let bot: Bot;

beforeAll(async () => {
  sources = await shippedSources();
  bot = await createTestBot();
});

async function conversation(id: string, ...messages: string[]) {
  const replies = [];
  for (const text of messages) replies.push(await bot.handle({ conversationId: id, channel: 'api', event: { type: 'message', text } }));
  return replies.map((r) => r[0]!);
}

describe('retrieval follows the programme under discussion', () => {
  it('a follow-up about papers after 青創 is not answered from another programme’s document', () => {
    const choice = probeRetrieval(sources, '那要準備什麼文件？', { context: '青創貸款的資格？', asOf: AS_OF });
    if (choice.covered) expect(choice.section.documentId).not.toBe('employment-promotion-guarantee');
  });

  it('without the context the same words may reach the 促進就業 papers: the scope is what keeps them out', () => {
    const alone = probeRetrieval(sources, '那要準備什麼文件？', { asOf: AS_OF });
    const after = probeRetrieval(sources, '那要準備什麼文件？', { context: '青創貸款的資格？', asOf: AS_OF });
    expect(alone.covered && alone.section.documentId === 'employment-promotion-guarantee').toBe(true);
    expect(after.covered && after.section.documentId === 'employment-promotion-guarantee').toBe(false);
  });

  it('「那手續費呢」 after a 鳳凰 question quotes the 鳳凰 row', () => {
    const choice = probeRetrieval(sources, '那手續費呢', { context: '鳳凰貸款保幾成？', asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.top).toContain('微型創業鳳凰貸款');
  });

  it('a follow-up about 批次保證 stays in the batch sections', () => {
    const choice = probeRetrieval(sources, '申請書什麼時候要送', { context: '批次保證的代償上限計提率？', asOf: AS_OF });
    expect(choice.covered && choice.section.id.startsWith('batch-guarantee-revision-2014#說明四')).toBe(true);
  });

  it('in a conversation, 「那要準備什麼文件？」 after 青創 cites nothing from the 促進就業 document', async () => {
    const [, followUp] = await conversation('retrieval-follow-up-1', '青創貸款的資格？', '那要準備什麼文件？');
    expect(followUp!.citations.map((c) => c.documentId)).not.toContain('employment-promotion-guarantee');
  });
});
