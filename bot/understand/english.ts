/**
 * English questions are rewritten into the Chinese words the rest of understanding knows
 * ("guarantee fee" → 保證手續費, "5 million" → 5000000元, "47 years old" → 47歲), so one set of rules
 * serves both languages. Input is already lower-case.
 */
type Rewrite = [RegExp, string | ((...groups: string[]) => string)];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30, 'thirty-six': 36,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9,
};

function money(digits: string, scale: string): string {
  const value = Number(digits.replaceAll(',', '')) * (SCALES[scale] ?? 1);
  return `${Number(value.toPrecision(15))}元`;
}

/** 1e6 → 1000000, 2.5e3 → 2500: written out, so amounts parse it (and refuse 1e308 as too large, not as 308). */
function scientific(mantissa: string, exponent: string): string {
  const [whole = '', fraction = ''] = mantissa.split('.');
  const shift = Number(exponent) - fraction.length;
  const digits = `${whole}${fraction}`;
  const written = shift >= 0 ? digits + '0'.repeat(shift) : `${digits.slice(0, shift)}.${digits.slice(shift)}`;
  return written.replace(/^0+(?=\d)/, '');
}

const REWRITES: Rewrite[] = [
  [/(?<![\w.])(\d+(?:\.\d+)?)e\+?(\d{1,3})\b/g, (_match, mantissa, exponent) => scientific(mantissa as string, exponent as string)],
  [new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b(?=\\s*(?:years?|months?|days?|million|billion|thousand))`, 'g'), (word) => String(NUMBER_WORDS[word as string])],
  [/\b(?:a|one) and a half years?\b/g, '一年半'],
  [/\bhalf a year\b|\bsix months\b/g, '半年'],
  [/(?:(?:nt\$|ntd|twd|\$)\s*)?(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|mn|bn|k|m)\b/g, (_match, digits, scale) => money(digits as string, scale as string)],
  [/(?<![\d.])(\d+(?:\.\d+)?)\s*percent\b/g, '$1%'],
  [/(?<![\d.])(\d+)\s*(?:years?|yrs?)[\s-]*old\b/g, '$1歲'],
  [/\b(?:i am|i'm|im|aged?)\s+(\d{2})\b(?!\s*(?:years?|months?|%|million))/g, '$1歲'],
  [/(?<![\d.])(\d+(?:\.\d+)?)\s*(?:years?|yrs?)\b/g, '$1年'],
  [/(?<![\d.])(\d+)\s*months?\b/g, '$1個月'],
  [/(?<![\d.])(\d+)\s*days?\b/g, '$1天'],
  [/\b(?:a|one)\s+year\b/g, '一年'],
  [/\b(?:per|each)\s+year\b|\bannual(?:ly)?\b(?!\s+(?:report|revenue|turnover|sales))|\bper annum\b/g, '年'],
  // programmes
  [/\bbatch (?:credit )?guarantee\b|\bbatch\b/g, '批次信用保證'],
  [/\byouth (?:startup|start-up|entrepreneur(?:ship)?)(?: loans?)?\b|\byoung entrepreneurs?(?: loans?)?\b/g, '青年創業貸款'],
  [/\bmicro[- ]?(?:business |enterprise )?phoenix(?: loans?)?\b|\bphoenix(?: loans?)?\b/g, '微型創業鳳凰貸款'],
  [/\bfirefly(?: loans?)?\b|\bcounterpart guarantee\b/g, '火金姑專案貸款'],
  [/\bgeneral loans?\b/g, '一般貸款'],
  [/\bown[- ]brand(?: loans?)?\b/g, '自創品牌貸款'],
  [/\b(?:international )?patent litigation(?: loans?)?\b/g, '專利訴訟貸款'],
  [/\byouth dream(?:s)?(?: startup)?(?: loans?)?\b|\bstart-?up kick-?off(?: loans?)?\b/g, '青年築夢創業啟動金貸款'],
  [/\bdigital content\b|\bcultural and creative\b/g, '數位內容及文化創意'],
  [/\blabou?r pension(?: loans?)?\b/g, '勞工退休金專案貸款'],
  [/\br&d loans?\b|\bresearch and development loans?\b/g, '研發貸款'],
  [/\bknowledge[- ]economy\b/g, '知識經濟'],
  [/\bexport loans?\b/g, '外銷貸款'],
  [/\bpurchas(?:e|ing) financing\b/g, '購料週轉融資'],
  [/\bcommercial paper\b/g, '商業本票'],
  [/\bperformance (?:bonds?|guarantees?)\b/g, '履約保證'],
  [/\bmicro(?:,)? (?:and )?simple loans?\b|\bsmall simple loans?\b/g, '小額簡便貸款'],
  [/\bdevelopment loans?\b/g, '發展貸款'],
  [/\bdirect guarantee\b/g, '直接保證'],
  [/\bemployment[- ]promotion\b/g, '促進就業'],
  [/\bdisaster (?:restoration|recovery) loans?\b/g, '災害復舊貸款'],
  [/\bmorakot\b/g, '莫拉克'],
  [/\btyphoon\b/g, '颱風'],
  [/\bpolicy loans?\b/g, '政策性貸款'],
  // facts
  [/\bemployment pledge\b|\bpledge\b/g, '促進就業具結書'],
  [/\bexcellence award\b/g, '批保卓越獎'],
  [/\b(?:unified|uniform|government) (?:invoices?|receipts?)\b|\bissues? invoices\b/g, '統一發票'],
  [/\brenewal\b/g, '續約'],
  [/\bpublic (?:construction|works)\b/g, '公共建設'],
  [/\b(?:new|expand(?:ed|ing)?) (?:the )?(?:plant|factory|factories)\b|\bnew equipment\b/g, '擴建廠房'],
  [/\brecommended by (?:the |a )?don(?:or|ating)(?: company| enterprise)?\b/g, '捐款企業推薦'],
  [/\brisk group\b|\brisk grade\b/g, '風險組群'],
  [/\bgroup\s*([abc])\b/g, '$1組'],
  [/\bmanufactur(?:ing|er)\b|\bfactory\b|\bproduction\b/g, '製造業'],
  [/\bwholesale\b/g, '批發'],
  [/\bretail(?:er)?\b/g, '零售'],
  [/\brestaurants?\b|\bcatering\b/g, '餐飲'],
  [/\btrading\b/g, '貿易'],
  [/\bservices? (?:industry|business|company|sector)\b/g, '服務業'],
  [/\bwom[ae]n\b|\bfemale\b/g, '女性'],
  [/\bmale\b/g, '男性'],
  [/\b(?:annual )?(?:revenue|turnover|sales)\b/g, '營業額'],
  [/\b(?:outstanding )?working[- ]capital (?:loan )?balance\b|\boutstanding (?:balance|loans?)\b|\bexisting loans?\b/g, '週轉借款餘額'],
  [/\bdebt ratio\b/g, '負債比率'],
  [/\bbusiness finance ratio\b/g, '營授比'],
  [/\b(?:established|founded|incorporated|in business for|operating for|been running for)\b/g, '成立'],
  // questions
  [/\bguarantee fees?\b/g, '保證手續費'],
  [/\bfee rates?\b/g, '手續費率'],
  [/\bfees?\b|\bpremiums?\b|\bcharges?\b/g, '手續費'],
  [/\b(?:guarantee|coverage) (?:ratio|percentage|rate)\b|\bcoverage\b/g, '保證成數'],
  [/\binterest rates?\b/g, '利率'],
  [/\binterest subsid(?:y|ies)\b|\bsubsid(?:y|ies)\b/g, '補貼'],
  [/\bam i eligible\b|\bcan i apply\b|\bcould i apply\b|\bdo i qualify\b|\bcan (?:we|my company) apply\b/g, '可以申請嗎'],
  [/\beligib(?:le|ility)\b|\bqualif(?:y|ied|ication)\b/g, '符合資格'],
  [/\bhow (?:do|can) (?:i|we) apply\b|\bhow to apply\b|\bapplication process\b/g, '如何申請'],
  [/\bage limit\b/g, '年齡限制'],
  [/\bhow much\b/g, '多少'],
  [/\bhow many\b/g, '多少件'],
  [/\bmaximum\b|\bmax\b|\bup to\b/g, '最高'],
  [/\blimits?\b|\bcaps?\b|\bceiling\b/g, '上限'],
  [/\b(?:loan )?(?:period|term|tenor)\b/g, '期間'],
  [/\bphone(?: number)?\b|\bhotline\b|\bcontact\b/g, '聯絡電話'],
  [/\bhead ?(?:office|quarters)\b|\bheadquarters\b/g, '本部'],
  [/\baddress\b|\blocated\b/g, '地址'],
  [/\btaipei\b/g, '臺北'],
  [/\bservice cent(?:er|re)s?\b|\bbranch(?:es)?\b|\boffices?\b/g, '服務中心'],
  [/\bprocedures?\b|\bsteps\b|\bdocuments? (?:needed|required)\b/g, '流程'],
  [/\bwhen (?:did|does|do|will) .*?(?:take effect|start|apply|begin)\b|\beffective date\b/g, '何時生效'],
  [/\bwhat(?: is|'s| are)\b/g, '什麼是'],
  [/\bstatistics\b|\bannual report\b/g, '統計'],
  [/\bcredit guarantee fund\b|\bsmeg\b|\bsmecgf\b/g, '信保基金'],
  [/\brelated part(?:y|ies)\b|\binterested part(?:y|ies)\b/g, '利害關係者'],
  [/\bbanking act\b/g, '銀行法'],
  [/\barticle\s+(\d+)-(\d+)\b/g, '第$1條之$2'],
  [/\bauthori[sz]ed (?:guarantee )?(?:channel|submission|basis)\b|\bauthori[sz]ed\b/g, '授權送保'],
  [/\bsubmit(?:ted|ting)?\b/g, '送保'],
  [/\bnew(?:ly)? overdue (?:rate|ratio)\b|\boverdue rate\b/g, '新發生逾期率'],
  [/\bnew(?:ly)? overdue\b|\boverdue\b/g, '新發生逾期'],
  [/\bbudget\b|\bfunding\b/g, '經費'],
  [/\b(?:not an?|non-?)\s*(?:sme|small and medium(?:-sized)? enterprise)s?\b/g, '非中小企業'],
  [/\bsmes?\b|\bsmall and medium(?:-sized)? (?:enterprises?|businesses)\b/g, '中小企業'],
  [/\bwho (?:can|may) apply\b|\bapplicants?\b|\bwho is eligible\b/g, '適用對象'],
  [/\bcredit guarantees?\b/g, '信用保證'],
  [/\bguarantee\b/g, '保證'],
  [/\bloans?\b/g, '貸款'],
  [/\bborrow(?:ing)?\b/g, '借'],
  [/\bapply\b/g, '申請'],
  [/\bwhat about\b|\bhow about\b|\band if\b/g, '那'],
  [/\bwhat if\b|\bif\b/g, '如果'],
  [/\bthank(?:s| you)\b|\bhelpful\b/g, '謝謝'],
  [/\bstart over\b|\breset\b|\bclear (?:the )?(?:chat|conversation)\b/g, '重新開始'],
  [/\bwhat can you do\b|\bhelp\b/g, '你能做什麼'],
  [/\bhello\b|\bhi\b|\bhey\b|\bgood (?:morning|afternoon|evening)\b/g, '你好'],
  [/\bweather\b/g, '天氣'],
  [/\bstocks?\b|\bshares\b/g, '股票'],
];

export function englishToChinese(text: string): string {
  if (!/[a-z]/.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of REWRITES) {
    result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement as (...args: string[]) => string);
  }
  return result;
}
