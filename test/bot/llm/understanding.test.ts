import { describe, expect, it } from 'vitest';
import { readUnderstanding } from '../../../bot/llm/understanding.ts';

const context = {
  programmes: ['general_loan', 'batch', 'youth_startup'],
  intents: ['fee_calculation', 'eligibility', 'fact_lookup', 'unknown'],
};

describe('readUnderstanding', () => {
  it('fills the slots the user stated', () => {
    const text = '我們家做烘焙的，想跟銀行借個五百萬週轉兩年，聽說有那個保八成的，要付多少？';
    const json = JSON.stringify({
      intent: 'fee_calculation',
      programme: 'general_loan',
      loanAmount: 5_000_000,
      guaranteeRatio: 80,
      periodMonths: 24,
    });
    expect(readUnderstanding(json, context, text)).toEqual({
      ok: true,
      understanding: {
        intent: 'fee_calculation',
        programme: 'general_loan',
        loanAmount: 5_000_000,
        guaranteeRatio: 80,
        periodMonths: 24,
      },
      ungroundedSlots: [],
    });
  });

  it('treats null as absent and accepts JSON inside a code fence', () => {
    const json = '```json\n{"intent":"eligibility","programme":null,"age":47,"flags":{"renewal":null}}\n```';
    expect(readUnderstanding(json, context, '我47歲可以申請嗎')).toEqual({
      ok: true,
      understanding: { intent: 'eligibility', age: 47 },
      ungroundedSlots: [],
    });
  });

  it('drops a number the user never wrote and keeps the rest', () => {
    const json = JSON.stringify({ intent: 'fee_calculation', loanAmount: 5_000_000, guaranteeRatio: 90 });
    expect(readUnderstanding(json, context, '借500萬要繳多少')).toEqual({
      ok: true,
      understanding: { intent: 'fee_calculation', loanAmount: 5_000_000 },
      ungroundedSlots: ['guaranteeRatio'],
    });
  });

  it.each([
    ['malformed JSON', '{"intent": "fee_calculation"'],
    ['a JSON array', '[]'],
    ['an unknown field', '{"intent":"fee_calculation","feeRate":0}'],
    ['a wrong type', '{"loanAmount":"五百萬"}'],
    ['a ratio above 100', '{"guaranteeRatio":800}'],
    ['a risk group outside A/B/C', '{"riskGroup":"D"}'],
    ['an unknown flag', '{"flags":{"vip":true}}'],
    ['an intent outside the list', '{"intent":"transfer_money"}'],
    ['a programme outside the list', '{"programme":"phoenix"}'],
  ])('rejects %s', (_, json) => {
    expect(readUnderstanding(json, context, '借500萬保8成')).toMatchObject({ ok: false });
  });

  it('gives nothing when the model found nothing', () => {
    expect(readUnderstanding('{}', context, '嗯')).toEqual({ ok: true, understanding: undefined, ungroundedSlots: [] });
  });
});
