import type { Industry } from '../../rules/facts.ts';

/** 生產事業 (manufacturing) and 一般事業 (everything else) have different 營授比 and new-venture limits. */
const INDUSTRY_WORDS: Array<[Industry, RegExp]> = [
  ['production', /製造業?|生產事業|生產業|工廠|代工|加工廠|做[^,，。]{0,4}工廠|生產/],
  ['general', /一般事業|批發|零售|餐飲|餐廳|小吃|服務業|貿易|買賣業|商店|門市|咖啡|美容|美髮|顧問|設計公司|軟體|電商|網拍/],
];

/** The first industry the message names. */
export function findIndustry(text: string): Industry | undefined {
  let best: { industry: Industry; index: number } | undefined;
  for (const [industry, pattern] of INDUSTRY_WORDS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { industry, index: match.index };
  }
  return best?.industry;
}
