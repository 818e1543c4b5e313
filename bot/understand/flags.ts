import type { FactFlags } from '../../rules/facts.ts';
import { isDenied } from './negation.ts';

/** Circumstances that change a fee or a limit, each with the words people use for it. */
const FLAG_WORDS: Array<[keyof FactFlags, RegExp]> = [
  ['employmentPledge', /促進就業具結書|就業具結書|具結書/],
  ['batchExcellenceAward', /批保卓越獎|卓越獎/],
  ['unifiedInvoice', /統一發票|開(?:立)?發票|使用發票|有發票/],
  ['typhoonAffected', /(?:莫拉克|颱風|八八|風災|水災)[^,，。;；!?]{0,6}(?:受災|受損|災區|災民|受害)|受災(?:企業|戶|廠商)?|災區/],
  ['renewal', /續約/],
  ['recommended', /青輔會[^,，。;；!?]{0,8}推薦|青輔會審議通過|經青輔會/],
  ['publicConstruction', /公共建設|公共工程|政府標案|公共採購/],
  ['domesticInvestment', /蓋新廠房|建新廠|(?:新|擴)建廠房|新\(擴\)建廠房|蓋廠房|擴廠|增添設備|添購設備|購置設備|買設備|國內投資/],
  ['donorRecommended', /捐(?:款|助)企業[^,，。;；!?]{0,4}推薦|經捐(?:款|助)企業/],
];

/** The circumstances a message states, true or (when denied: 沒有簽具結書) false. */
export function findFlags(text: string): FactFlags {
  const flags: FactFlags = {};
  for (const [flag, pattern] of FLAG_WORDS) {
    const match = pattern.exec(text);
    if (match) flags[flag] = !isDenied(text, match.index);
  }
  return flags;
}
