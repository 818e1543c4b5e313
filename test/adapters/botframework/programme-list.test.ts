/** The programme finder in Bot Framework: its answer's text, with the programmes as a list on its Adaptive Card. */
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../adapters/botframework/to-activity.ts';
import { createTestBot } from '../../support/bot.ts';

describe('a finder answer as an activity', async () => {
  const bot = await createTestBot();
  const [reply] = await bot.handle({ conversationId: 'bf-finder', channel: 'botframework', event: { type: 'message', text: '我們要開發新產品做研發，有什麼貸款？' } });
  const activity = toActivity(reply!);
  const containers = (activity.attachments?.[0]?.content.body ?? []).filter((element: any) => element.type === 'Container');

  it('puts one container per programme on the card, with the highest ratio and the fee rate', () => {
    expect(containers).toHaveLength(reply!.programmes!.length);
    expect(containers[0].items[0].text).toBe('1. 促進產業研究發展貸款');
    const facts = containers[0].items[1].facts.map((fact: any) => `${fact.title} ${fact.value}`);
    expect(facts).toContain('保證成數最高 9成（90%）');
    expect(facts.some((fact: string) => fact.startsWith('保證手續費 年費率'))).toBe(true);
  });

  it('leaves the programme lines out of the text the card shows', () => {
    expect(activity.text).toContain('可能適合的保證項目');
    expect(activity.text).not.toContain('促進產業研究發展貸款｜');
  });
});
