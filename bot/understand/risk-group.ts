import type { RiskGroup } from '../../rules/facts.ts';

/** Only A, B and C exist: 風險組群B, B組, 組群c, 風險等級a. (第三組 is not a risk group.) */
const GROUP_AFTER_WORD = /(?:風險)?(?:組群|群組|組別|等級|風險組)(?:\s*(?:為|是|屬))?\s*([abc])(?![a-z])/;
const GROUP_BEFORE_WORD = /(?<![a-z])([abc])\s*(?:組|級|類|群)/;

/** A lone 「C」 (or 「c組。」) can only be a risk group. */
const GROUP_ALONE = /^\s*([abc])(?:\s*[組组群])?(?:\s*[。！!?？])?\s*$/;
/** 「一般貸款 B 900萬」: a letter standing alone among Chinese words, when no other Latin word is there to explain it. */
// (「A客戶…B是一件…」: a letter naming a case or a client is no risk group.)
const GROUP_ISOLATED = /(?<![a-z0-9])([abc])(?![a-z0-9]|\s?(?:客戶|客户|案|公司|件|廠商|是一|這件|那件))/;
const LATIN_WORD = /[a-z]{2,}/;

/** 「是A組不是C組」: the text with each group taken back (named right after 不是) blanked out, so only the group said instead is read. */
function withoutTakenBack(text: string): string {
  return text.replace(/(?:不是|而非|並非)(?:\s*(?:風險)?(?:組群|群組|組別|等級))?\s*[abc](?:\s*[組组群級类類])?/gu, (all) => ' '.repeat(all.length));
}

export function findRiskGroup(whole: string): RiskGroup | undefined {
  const text = withoutTakenBack(whole);
  const isolated = LATIN_WORD.test(text) ? null : GROUP_ISOLATED.exec(text);
  const match = GROUP_AFTER_WORD.exec(text) ?? GROUP_BEFORE_WORD.exec(text) ?? GROUP_ALONE.exec(text) ?? isolated;
  return match ? ((match[1] as string).toUpperCase() as RiskGroup) : undefined;
}

/** 「A組跟C組」「abc組」「A、B、C三組」: every risk group named, in order (two or more ask for a comparison). */
const GROUP_LIST = /(?<![a-z])([abc](?:[、,/和跟與及或\s]{0,3}[abc])*)\s*(?:(?:三|兩|二)個?\s*)?(?:風險)?(?:組|級|類|群)/g;

/** 「從B組調成A組」「B調到A」: a group changed to another, with a word of groups somewhere in the message. */
const GROUP_CHANGE = /(?<![a-z])([abc])(?:\s?[組级級])?\s?(?:調成|調到|調為|改成|改為|變成|變為|換成|降到|降為|升到|升為|->|→)\s*([abc])(?![a-z])/g;
const GROUP_WORD = /組群|群組|組別|風險組|[abc]\s*組/u;

/** 「風險組群A、B、C」, "risk groups A, B and C": the letters listed after the word. */
const GROUP_LIST_AFTER = /(?:風險)?(?:組群|群組|組別|等級)\s*([abc](?:\s*(?:[、,/和跟與及或]|and|or)\s*[abc])+)(?![a-z])/g;

export function findRiskGroups(text: string): RiskGroup[] {
  const kept = withoutTakenBack(text);
  const listed = [...kept.matchAll(GROUP_LIST), ...kept.matchAll(GROUP_LIST_AFTER)].flatMap((m) => [...(m[1] as string).replace(/and|or/g, '').replace(/[^abc]/g, '')]);
  // (「組群從B調成A」: the group before the change and the one after.)
  const changed = GROUP_WORD.test(kept) ? [...kept.matchAll(GROUP_CHANGE)].flatMap((m) => [m[1]!, m[2]!]) : [];
  const letters = [...listed, ...changed];
  return [...new Set(letters.map((l) => l.toUpperCase() as RiskGroup))];
}
