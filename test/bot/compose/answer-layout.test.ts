import { beforeAll, describe, expect, it } from 'vitest';
import { present, type PresentedReply } from '../../../bot/compose/presentation.ts';
import type { Bot, Reply } from '../../../bot/types.ts';
import { createTestBot } from '../../support/bot.ts';

let bot: Bot;
let asked = 0;

beforeAll(async () => {
  bot = await createTestBot();
});

async function answerTo(text: string): Promise<{ reply: Reply; shown: PresentedReply }> {
  const [reply] = await bot.handle({ conversationId: `layout-${asked++}`, channel: 'web', event: { type: 'message', text } });
  return { reply: reply!, shown: present(reply!) };
}

describe('an answer laid out for a phone', () => {
  it('leads a fee answer with the fee, then the formula, then one line of why the rate applies', async () => {
    const { shown } = await answerTo('一般貸款500萬保8成B組一年手續費多少？');
    expect(shown.layout).toEqual({
      lead: '保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）',
      body: ['計算：5,000,000 × 80% × 1.00% × 12/12 = 40,000'],
      why: '適用年費率 1.00%，風險組群 B',
      details: ['（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）'],
    });
  });

  it('folds the rate history of a batch fee, and leaves out the ratio history nobody asked about', async () => {
    const { reply, shown } = await answerTo('批保300萬保9成一年手續費？');
    expect(shown.layout?.lead).toContain('8,100 元');
    expect(shown.layout?.details).toEqual([
      '適用規定：民國111年1月1日起之版本。',
      '另：保證手續費年費率於民國103年12月15日至110年12月31日為 0.35%（見《修正「批次信用保證要點」函》〈說明三：代償上限計提率與保證手續費年費率〉）',
      '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
    ]);
    expect(reply.text).not.toContain('10成');
  });

  it('leads an eligibility answer with the verdict, gives the reasons, and folds the caps and the rule date', async () => {
    const { shown } = await answerTo('我32歲，公司設立3年，可以申請青創嗎？');
    expect(shown.layout?.lead).toBe('依您提供的資料，符合條件（青年創業貸款）。');
    expect(shown.layout?.body).toContain('・年齡 32 歲，符合青年創業貸款 20 歲至 45 歲');
    expect(shown.layout?.details.some((line) => line.includes('總額度上限'))).toBe(true);
    expect(shown.layout?.details.at(-1)).toMatch(/^（依 民國\d+年\d+月\d+日適用之規定/);
  });

  it('leads a lookup with the figure asked, folding the sentence it was read from, its note and its earlier version', async () => {
    const { shown } = await answerTo('批次保證的保證成数是多少？');
    expect(shown.layout?.lead).toBe('批次信用保證最高保證成數：9成（90%）（民國103年12月15日起適用）');
    expect(shown.layout?.body).toEqual([]);
    expect(shown.layout?.details[0]).toBe('原文：「保證成數最高九成。」');
    expect(shown.layout?.details[2]).toBe(
      '另：保證成數於民國92年1月1日至103年12月14日為 10成（100%）（見《中小企業信用保證基金信用保證業務概述》〈3. 批次保證(民國92年推出)〉）',
    );
  });

  it('writes each date once, in the 民國 form', async () => {
    for (const question of ['批保300萬保9成一年手續費？', '批次保證的保證成数是多少？', '我32歲，公司設立3年，可以申請青創嗎？']) {
      const { reply } = await answerTo(question);
      expect(reply.text, question).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('keeps the sources line out of the layout when the citations are listed, and every citation on the reply', async () => {
    const { reply, shown } = await answerTo('批保300萬保9成一年手續費？');
    expect(reply.text).toContain('資料來源：');
    expect([shown.layout!.lead, ...shown.layout!.body, ...shown.layout!.details].join('\n')).not.toContain('資料來源：');
    expect(reply.citations.length).toBeGreaterThan(0);
  });

  it('gives a calculation a copy text with its figures and a CSV row', async () => {
    const { shown } = await answerTo('一般貸款500萬保8成B組一年手續費多少？');
    expect(shown.copy?.split('\n').slice(2)).toEqual([
      '保證項目,貸款金額（元）,保證成數,年費率,保證期間（個月）,保證手續費（元）',
      '一般貸款,5000000,80%,1.00%,12,40000',
    ]);
  });

  it('leaves questions back and fallbacks as they are, with their phone numbers as tap targets', async () => {
    const { shown } = await answerTo('天空為什麼是藍的');
    expect(shown.layout).toBeUndefined();
    expect(shown.targets.map((t) => t.href)).toEqual(['tel:0800089921', 'tel:0223973557']);
  });
});

describe('an answer to a question in English', () => {
  it('has its labels in English, its figures, formula and programme name as they are', async () => {
    const { reply, shown } = await answerTo('What is the guarantee fee for a general loan of 5 million, 80% guaranteed, risk group B, one year?');
    expect(reply.language).toBe('en');
    expect(shown.layout?.lead).toBe('Guarantee fee: NT$ 40,000（一般貸款, guarantee period 12 months）');
    expect(shown.layout?.body).toEqual(['Calculation: 5,000,000 × 80% × 1.00% × 12/12 = 40,000']);
    expect(shown.card?.inputs.map((i) => i.label)).toEqual(['Programme', 'Loan amount', 'Guarantee ratio', 'Annual fee rate', 'Guarantee period']);
  });

  it('keeps Traditional Chinese for a question in Simplified Chinese', async () => {
    const { reply, shown } = await answerTo('一般贷款500万保8成B组一年手续费多少？');
    expect(reply.language).toBeUndefined();
    expect(shown.layout?.lead).toBe('保證手續費：新臺幣 40,000 元（一般貸款，保證期間 12 個月）');
  });
});
