/** The programme finder on LINE: its answer's text, then one Flex bubble per programme with the figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBot } from '../../support/bot.ts';
import { startFakeLineApi, type FakeLineApi } from './fake-line-api.ts';
import { startLineServer, type LineServer } from './line-server.ts';
import { textEvent, webhookBody } from './webhook-events.ts';

const RESEARCH = '我們要開發新產品做研發，有什麼貸款？';

let lineApi: FakeLineApi;
let server: LineServer;

beforeAll(async () => {
  lineApi = await startFakeLineApi();
  server = await startLineServer(await createTestBot(), lineApi.url);
});

afterAll(async () => {
  await server?.close();
  await lineApi?.close();
});

/** What LINE was asked to send in reply to one message from a user of their own. */
async function messagesSentFor(text: string, userId: string): Promise<any[]> {
  const event = textEvent(text, { source: { type: 'user', userId } });
  await server.post(webhookBody(event));
  await server.handled(event.webhookEventId);
  return lineApi.replies().find((call) => call.body.replyToken === event.replyToken)?.body.messages ?? [];
}

describe('a finder answer on LINE', () => {
  let messages: any[];
  let carousel: any;

  beforeAll(async () => {
    messages = await messagesSentFor(RESEARCH, 'U00000000000000000000000000000r01');
    carousel = messages.find((m) => m.type === 'flex' && m.contents.type === 'carousel');
  });

  it('says what it found in text first, without repeating the programme lines', () => {
    expect(messages[0].type).toBe('text');
    expect(messages[0].text).toContain('可能適合的保證項目');
    expect(messages[0].text).not.toMatch(/^1\. /m);
  });

  it('is followed by a carousel with one bubble per programme, best first', () => {
    const names = carousel.contents.contents.map((bubble: any) => bubble.header.contents[0].text);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names[0]).toBe('1. 促進產業研究發展貸款');
    expect(names.some((name: string) => name.includes('直接保證'))).toBe(true);
    expect(carousel.altText.split('\n')).toHaveLength(names.length);
  });

  it('shows in each bubble the highest ratio, the fee rate, why it fits and what would still decide it', () => {
    const [first] = carousel.contents.contents;
    const body = JSON.stringify(first.body);
    for (const text of ['保證成數最高', '9成（90%）', '保證手續費', '年費率', '為什麼適合']) expect(body).toContain(text);
  });

  it('keeps the quick replies and 👍/👎 on the last message', () => {
    const labels = messages.at(-1).quickReply.items.map((item: any) => item.action.label);
    expect(labels).toContain('👍 有幫助');
  });
});

describe('a question back from the finder on LINE', () => {
  it('is text with quick replies that explain themselves, without a carousel', async () => {
    const messages = await messagesSentFor('有什麼貸款適合我？', 'U00000000000000000000000000000r02');
    expect(messages.some((m) => m.type === 'flex')).toBe(false);
    const labels = messages.at(-1).quickReply.items.map((item: any) => item.action.label);
    expect(labels.some((label: string) => label.includes('（青年）'))).toBe(true);
  });
});
