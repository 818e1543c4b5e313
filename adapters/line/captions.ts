/** The adapter's own words around answers on LINE, in the language of the question. */
export interface LineCaptions {
  formula: string;
  copy: string;
  details: string;
  detailsTitle: string;
  sources: string;
  expired: string;
  contact: string;
  website: string;
  helpful: string;
  unhelpful: string;
  /** The rows of a programme the finder proposes. */
  programme: { maxRatio: string; feeRate: string; forWhom: string; whyItFits: string };
  /** Said when the bot stands aside for staff. */
  standingAside(minutes: number, backToBot: string): string;
}

const CHINESE: LineCaptions = {
  formula: '算式',
  copy: '複製數字',
  details: '來源與說明',
  detailsTitle: '說明與來源',
  sources: '資料來源',
  expired: '這則回答的來源已無法取得（保存時間已過），請再問一次，我會附上來源。',
  contact: '聯絡信保基金',
  website: '開啟信保基金網站',
  helpful: '👍 有幫助',
  unhelpful: '👎 沒幫助',
  programme: { maxRatio: '保證成數最高', feeRate: '保證手續費', forWhom: '適用對象', whyItFits: '為什麼適合' },
  standingAside: (minutes, backToBot) =>
    `接下來 ${minutes} 分鐘內智慧客服不會自動回覆，客服人員會在上班時間於這個聊天室回覆您。想回到智慧客服，請輸入「${backToBot}」。`,
};

const ENGLISH: LineCaptions = {
  formula: 'Formula',
  copy: 'Copy figures',
  details: 'Sources and notes',
  detailsTitle: 'Notes and sources',
  sources: 'Sources',
  expired: 'The sources of that answer are no longer kept; please ask again and I will give them.',
  contact: 'Contact the Fund',
  website: 'Open the Fund’s website',
  helpful: '👍 Helpful',
  unhelpful: '👎 Not helpful',
  programme: { maxRatio: 'Highest ratio', feeRate: 'Guarantee fee', forWhom: 'For', whyItFits: 'Why it fits' },
  standingAside: (minutes, backToBot) =>
    `For the next ${minutes} minutes the assistant will not reply automatically; staff will answer you in this chat during office hours. To return to the assistant, type 「${backToBot}」.`,
};

export function lineCaptions(language: 'en' | undefined): LineCaptions {
  return language === 'en' ? ENGLISH : CHINESE;
}
