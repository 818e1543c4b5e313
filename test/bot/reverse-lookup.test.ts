/**
 * 「手續費0.5%的是哪些專案？」: a value asked the other way round lists the programmes that have it, each with its figure and
 * source, and says so when none has it.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../bot/understand/index.ts';
import { createTestBot } from '../support/bot.ts';

async function ask(text: string): Promise<string> {
  const bot = await createTestBot();
  const [reply] = await bot.handle({ conversationId: `reverse-${Math.random()}`, channel: 'cli', event: { type: 'message', text } });
  return reply?.text ?? '';
}

describe('asking which programmes have a value', () => {
  it('is read as a reverse question only with a value, a which-word and no programme named', () => {
    expect(understand('保證成數最高9.5成的是哪幾種貸款').modifiers.reverse).toBe(true);
    expect(understand('哪一種專案的年費率是0.5%').modifiers.reverse).toBe(true);
    expect(understand('鳳凰貸款保證成數9.5成是哪一年開始的').modifiers.reverse).toBe(false);
    expect(understand('哪些貸款可以申請').modifiers.reverse).toBe(false);
    expect(understand('借500萬 保8成 哪個專案手續費最便宜').modifiers.reverse).toBe(false);
  });

  it('lists the programmes with that highest ratio, cited', async () => {
    const text = await ask('保證成數最高9.5成的是哪幾種貸款');
    expect(text).toContain('微型創業鳳凰貸款');
    expect(text).toContain('火金姑');
    expect(text).not.toContain('一般貸款');
    expect(text).toContain('資料來源');
  });

  it('puts a fixed rate first and ranges that contain the value apart', async () => {
    const text = await ask('哪一種專案的年費率是0.5%');
    const [fixed, ranges] = text.split('依個案核定、包含此數值');
    expect(fixed).toContain('微型創業鳳凰貸款');
    expect(ranges).toContain('火金姑');
  });

  it('says plainly when no programme has the value, with the service lines', async () => {
    const text = await ask('保證成數最高六成的是哪些項目');
    expect(text).toMatch(/沒有/);
    expect(text).toContain('0800-089-921');
  });

  it('names the rates that apply in a circumstance, apart from programmes\' own', async () => {
    const text = await ask('年費率0.2%的是哪些');
    expect(text).toContain('在特定情形下適用此費率的');
    expect(text).toContain('批保卓越獎');
  });
});
