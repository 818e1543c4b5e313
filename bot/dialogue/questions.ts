import type { Facts } from '../../rules/facts.ts';

/** The question the bot asks for a missing fact, with answers the user can tap. One fact at a time. */
export interface FactQuestion {
  fact: string;
  text: string;
  quickReplies: string[];
}

const QUESTIONS: Record<string, Omit<FactQuestion, 'fact'>> = {
  programme: {
    text: '請問是哪一種保證項目？',
    quickReplies: ['一般貸款', '批次保證', '青年創業貸款', '微型創業鳳凰貸款', '火金姑專案貸款'],
  },
  loanAmount: { text: '請問貸款金額是多少？（例如 500萬）', quickReplies: ['100萬', '300萬', '500萬', '1000萬'] },
  guaranteeRatio: { text: '請問保證成數是幾成？', quickReplies: ['9成', '8成', '7成', '5成'] },
  periodMonths: { text: '請問保證期間多長？', quickReplies: ['6個月', '1年', '2年', '3年'] },
  riskGroup: { text: '請問適用的風險組群是 A、B 還是 C？（由承貸金融機構依評分判定）', quickReplies: ['A組', 'B組', 'C組'] },
  age: { text: '請問您（企業負責人）今年幾歲？', quickReplies: ['30歲', '40歲', '50歲'] },
  businessAgeMonths: { text: '請問公司（行號）設立多久了？', quickReplies: ['未滿1年', '2年', '4年', '6年'] },
  industry: { text: '請問是生產事業（例如製造業）還是一般事業（例如批發、零售、服務業）？', quickReplies: ['製造業', '一般事業'] },
  gender: { text: '請問申請人是女性嗎？', quickReplies: ['女性', '男性'] },
  annualRevenue: { text: '請問最近一年度報稅營業額是多少？', quickReplies: ['500萬', '1000萬', '3000萬'] },
  workingCapitalBalance: { text: '請問目前短、中期週轉授信總餘額（週轉借款餘額）是多少？', quickReplies: ['300萬', '500萬', '1000萬'] },
  approvalDate: { text: '請問授信額度核准日是哪一天？（例如 103年12月1日）', quickReplies: [] },
  disasterDate: { text: '請問受災日期是哪一天？', quickReplies: [] },
  applicationDate: { text: '請問申請（或預計申請）日期是哪一天？', quickReplies: [] },
  debtRatio: { text: '請問負債比率是多少？（例如 450%）', quickReplies: [] },
  submission: { text: '請問是以授權、專案、直接還是批次方式送保？', quickReplies: ['授權送保', '專案申請', '直接保證', '批次保證'] },
};

const FLAG_QUESTIONS: Record<string, string> = {
  employmentPledge: '請問企業是否已簽署「促進就業具結書」？',
  batchExcellenceAward: '請問承貸銀行是否獲得批保卓越獎？',
  unifiedInvoice: '請問企業是否使用統一發票？',
  typhoonAffected: '請問企業是否為莫拉克颱風受災企業？',
  renewal: '請問是否為原授權送保額度內之續約案件？',
  recommended: '請問是否經青輔會審議通過並推薦？',
  publicConstruction: '請問是否因承攬或分包承攬公共建設採購案而需營運資金？',
  domesticInvestment: '請問是否為新（擴）建廠房或增添設備等資本性融資？',
  donorRecommended: '請問是否經捐款企業推薦？',
};

export function questionFor(fact: string): FactQuestion {
  const flag = fact.startsWith('flags.') ? fact.slice('flags.'.length) : undefined;
  if (flag) return { fact, text: FLAG_QUESTIONS[flag] ?? `請問「${flag}」的情形是？`, quickReplies: ['是', '否'] };
  const q = QUESTIONS[fact];
  return q ? { fact, ...q } : { fact, text: '請再提供多一點案件資訊，例如金額、成數、期間。', quickReplies: [] };
}

/** A bare 是/否 answers a yes-no question about a flag. */
export function flagAnswer(pending: string | undefined, text: string): Facts {
  if (!pending?.startsWith('flags.')) return {};
  const flag = pending.slice('flags.'.length);
  if (/^\s*(是|有|對|沒錯|yes|y)(?:\s*[。！!])?\s*$/i.test(text)) return { flags: { [flag]: true } };
  if (/^\s*(否|不是|沒有|無|no|n)(?:\s*[。！!])?\s*$/i.test(text)) return { flags: { [flag]: false } };
  return {};
}
