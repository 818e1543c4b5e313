import { foldForSearch } from './tokenizer.ts';
import { SYNONYM_GROUPS } from './vocabulary.ts';

/**
 * Passages are matched on character pairs of a canonical form of the text: folded as search folds it
 * (臺→台) and with each synonym replaced by the first word of its group, so 「火金姑」 in a question finds
 * 「相對保證」 in a passage and 「不能」 finds 「不得」.
 */
const replacements = SYNONYM_GROUPS
  .flatMap((group) => group.slice(1).map((member) => [foldForSearch(member), foldForSearch(group[0]!)] as const))
  .sort((a, b) => b[0].length - a[0].length);
const canonicalOf = new Map(replacements);
const pattern = new RegExp(replacements.map(([member]) => escape(member)).join('|'), 'g');

export function canonical(text: string): string {
  return foldForSearch(caseless(text)).replace(pattern, (member) => canonicalOf.get(member) ?? member);
}

/** A synonym of three Chinese characters or more is a phrase (English members are read by english.yaml). */
const HAN_PHRASE = /^\p{Script=Han}{3,}$/u;
const headOf = new Map(SYNONYM_GROUPS.flatMap((group) => group.slice(1).filter((member) => HAN_PHRASE.test(member)).map((member) => [member, group[0]!] as const)));
// (Each group's first word is matched too, as itself: 「保證手續費」 is not 「保證」 and a 「手續費」.)
const memberPattern = new RegExp([...headOf.keys(), ...new Set(headOf.values())].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');

/**
 * The text with each synonym phrase written as the first word of its group, nothing else changed: 「拿來做什麼」 is
 * 「用途」, one word, where a segmenter would cut the phrase into words of its own. (Words of two characters stay as
 * written: the segmenter keeps them whole.)
 */
export function synonymHeads(text: string): string {
  return text.replace(memberPattern, (member) => headOf.get(member) ?? member);
}

/** Documents write 「TEL」, 「ＫＯＤＩＴ」; questions are read lower-cased and half-width. */
function caseless(text: string): string {
  // 「98 年 1 月」 in a table reads as 「98年1月」, as a question writes it.
  return text.normalize('NFKC').toLowerCase().replace(NUMBER_THEN_DATE_UNIT, '$1').replace(DATE_UNIT_THEN_NUMBER, '$1');
}

const NUMBER_THEN_DATE_UNIT = /(\d) +(?=[年月日])/g;
const DATE_UNIT_THEN_NUMBER = /([年月]) +(?=\d)/g;

/**
 * The text in both forms, as written (folded) and canonical, joined by a separator no pair can span:
 * a pair from either form of the question matches either form of the passage, so a synonym group that is
 * too broad (「諮詢專線」 as 「客服專線」) never hides the words actually written.
 */
export function matchForm(text: string): string {
  return `${foldForSearch(caseless(text))}\u0000${canonical(text)}`;
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Share of the pairs found in a text already in match form. */
export function coverage(text: string, grams: Set<string>): number {
  if (grams.size === 0) return 0;
  let hit = 0;
  for (const g of grams) if (text.includes(g)) hit += 1;
  return hit / grams.size;
}
