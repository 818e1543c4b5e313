import type { GroundedAnswer } from '../../../bot/llm/index.ts';

/** A deterministic batch-guarantee fee answer with its grounding, as the bot core hands it to the model. */
export const batchFeeAnswer: GroundedAnswer = {
  question: '批保500萬保8成，一年手續費多少？',
  text: [
    '批次信用保證手續費為 14,000 元。',
    '算式：5,000,000 × 80% × 0.35% × 12/12 = 14,000',
    '年費率 0.35%，自民國103年12月15日起適用。',
  ].join('\n'),
  grounding: [
    '5,000,000 × 80% × 0.35% × 12/12 = 14,000',
    'batch.fee_rate = 0.35%（2014-12-15 起）',
    '保證手續費按保證金額依年費率0.35%計收。',
  ],
  citations: [
    {
      documentId: 'batch-guarantee-revision-2014',
      title: '修正「批次信用保證要點」函',
      section: '說明',
      date: '2014-11-05',
      dateLabel: '民國103年11月5日發文，103年12月15日起實施',
    },
  ],
};

/** A rewrite that keeps every figure and names the cited document. */
export const faithfulRewrite =
  '您好！依照您提供的條件，批次信用保證的手續費是 14,000 元' +
  '（5,000,000 × 80% × 0.35% × 12/12 = 14,000）。年費率 0.35%，自民國103年12月15日起適用，' +
  '資料出自修正「批次信用保證要點」函。';
