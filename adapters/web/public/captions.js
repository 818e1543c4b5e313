/** The page's own words around an answer, in the language of the question (the answer carries `language`). */
const CAPTIONS = {
  zh: {
    bot: '客服回覆：',
    formula: '計算式',
    copy: '複製數字',
    copied: '已複製：數字、計算式與可貼入試算表的一列',
    copyFailed: '無法自動複製，請長按計算式選取。',
    calculationDetails: '計算明細、說明與來源',
    details: '說明與來源',
    sources: '資料來源',
    sourcesCount: (n) => `資料來源（${n}）`,
    missingExcerpt: (c) => `請參閱〈${c.title}〉「${c.section}」原文。`,
    helpful: '這個回答有幫助嗎？',
    up: '這個回答有幫助',
    down: '這個回答沒有幫助',
    sending: '送出中…',
    feedbackFailed: '回饋未送出，請再試一次。',
    suggestions: '建議的下一個問題',
    programme: { maxRatio: '保證成數最高', feeRate: '保證手續費', forWhom: '適用對象', whyItFits: '為什麼適合' },
  },
  en: {
    bot: 'Reply: ',
    formula: 'Formula',
    copy: 'Copy figures',
    copied: 'Copied: figures, formula and a row for spreadsheets',
    copyFailed: 'Could not copy; press and hold the formula to select it.',
    calculationDetails: 'Calculation details and sources',
    details: 'Details and sources',
    sources: 'Sources',
    sourcesCount: (n) => `Sources (${n})`,
    missingExcerpt: (c) => `See 〈${c.title}〉「${c.section}」.`,
    helpful: 'Was this helpful?',
    up: 'This answer helped',
    down: 'This answer did not help',
    sending: 'Sending…',
    feedbackFailed: 'Feedback not sent; please try again.',
    suggestions: 'Suggested next questions',
    programme: { maxRatio: 'Highest ratio', feeRate: 'Guarantee fee', forWhom: 'For', whyItFits: 'Why it fits' },
  },
};

/** @param {{ language?: string }} reply */
export function captionsFor(reply) {
  return reply.language === 'en' ? CAPTIONS.en : CAPTIONS.zh;
}
