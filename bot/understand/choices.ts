import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { Facts } from '../../rules/facts.ts';
import { matchesOf } from './mention.ts';
import { isDenied } from './negation.ts';

/**
 * The option whose words come first in the text (domain/registry/facts.yaml choices), words denied aside (「不是生產事業」).
 * Of two options, one denied is the other: 「不是生產事業」 is 一般事業.
 */
function firstChoice<T>(text: string, options: Array<{ value: T; cue: RegExp }>): T | undefined {
  let best: { value: T; index: number } | undefined;
  for (const { value, cue } of options) {
    for (const match of matchesOf(cue, text)) {
      const said = isDenied(text, match.index) ? (options.length === 2 ? options.find((o) => o.value !== value)?.value : undefined) : value;
      if (said === undefined) continue;
      if (!best || match.index < best.index) best = { value: said, index: match.index };
      break;
    }
  }
  return best?.value;
}

/** 生產事業 (manufacturing) and 一般事業 (everything else) have different 營授比 and new-venture limits. */
export function findIndustry(text: string, domain: Domain = shippedDomain()): Facts['industry'] {
  // 「咖啡烘豆工廠…算生產事業」: the category said outright decides over the words describing the business.
  const outright = firstChoice(text, domain.facts.industryOutright);
  // (「不確定算生產事業還是一般事業」: both offered as a choice decide nothing.)
  if (outright) return OFFERED_BOTH.test(text) ? undefined : outright;
  // (「又有製造又有批發」: a business described in words of both categories is of neither until it says which.)
  const described = domain.facts.industry.filter(({ cue }) => matchesOf(cue, text).some((m) => !isDenied(text, m.index)));
  return described.length >= 2 || OFFERED_BOTH.test(text) ? undefined : firstChoice(text, domain.facts.industry);
}

/** Two categories offered as a choice: 「生產事業還是一般事業」「一般事業或生產事業」「不知道算生產還一般事業」「可能生產也可能一般」. */
const OFFERED_BOTH = /(?:生產|製造)(?:事業|業)?(?:還是|或是|或者|還|或|也可能|或可能)算?一般(?:事業|業)?|一般(?:事業|業)?(?:還是|或是|或者|還|或|也可能|或可能)算?(?:生產|製造)(?:事業|業)?/u;

/** 「一般事業…60%…如果是生產事業、同樣60%呢」: both categories said outright, each to be decided; else empty. */
export function industriesNamed(text: string, domain: Domain = shippedDomain()): Array<NonNullable<Facts['industry']>> {
  // (In the order the message names them.)
  const named = domain.facts.industryOutright
    // (A category denied, 「不是生產事業，算一般事業才對」, is not one to decide.)
    .map(({ value, cue }) => ({ value, at: matchesOf(cue, text).find((m) => !isDenied(text, m.index))?.index }))
    .filter((c): c is { value: (typeof c)['value']; at: number } => c.at !== undefined)
    .sort((a, b) => a.at - b.at)
    .map(({ value }) => value);
  if (named.length >= 2) return named as Array<NonNullable<Facts['industry']>>;
  // (「A是做螺絲的製造業…B是五金批發」: two clients labelled, each with its trade described, are each decided.)
  if (!FIRST_PARTY.test(text) || !SECOND_PARTY.test(text)) return [];
  const described = [...domain.facts.industryOutright, ...domain.facts.industry]
    .map(({ value, cue }) => ({ value, at: matchesOf(cue, text).find((m) => !isDenied(text, m.index))?.index }))
    .filter((c): c is { value: (typeof c)['value']; at: number } => c.at !== undefined)
    .sort((a, b) => a.at - b.at)
    .map(({ value }) => value);
  const distinct = [...new Set(described)];
  return distinct.length >= 2 ? (distinct as Array<NonNullable<Facts['industry']>>) : [];
}

/** 「A是…」「A客戶…」 and 「B是…」「B公司…」 (or 甲、乙): a message speaking of two clients. */
const FIRST_PARTY = /(?<![a-z])(?:a|甲)(?=是|：|:|客戶|公司|戶|這家|那家)/iu;
const SECOND_PARTY = /(?<![a-z])(?:b|乙)(?=是|：|:|客戶|公司|戶|這家|那家)/iu;

/** The gender a message states about the applicant (some programmes are for women). */
export function findGender(text: string, domain: Domain = shippedDomain()): Facts['gender'] {
  return firstChoice(text, domain.facts.gender);
}

/** How the case reaches the fund, when the message says so (授權送保, 專案申請, 直接保證, 批次送保). */
export function findSubmission(text: string, domain: Domain = shippedDomain()): Facts['submission'] {
  return firstChoice(text, domain.facts.submission);
}

/** The lending bank a message names (「我在玉山辦批保」 → 玉山商業銀行), by its full name as the documents write it. */
export function findLender(text: string, domain: Domain = shippedDomain()): Facts['lender'] {
  return firstChoice(text, domain.facts.lender);
}

/** What the loan is for (資本性支出, 憑交易行為還款, 週轉金), which decides 促進就業 new ventures. */
export function findLoanPurpose(text: string, domain: Domain = shippedDomain()): Facts['loanPurpose'] {
  return firstChoice(text, domain.facts.loanPurpose);
}

/**
 * 「可能拿來週轉也可能買一台新的烤爐，還沒決定」: a loan said to be for working capital or for equipment is for neither
 * yet (the 營授比 counts only the first); the caller then reads no purpose. 「週轉金已經借了1800萬，想貸600萬買一台CNC」 is not: the working capital is
 * the balance's.
 */
export function purposeUndecided(text: string, domain: Domain = shippedDomain()): boolean {
  if (!UNDECIDED.test(text)) return false;
  const said = domain.facts.loanPurpose.filter(({ cue }) => matchesOf(cue, text).some((m) => !isDenied(text, m.index))).map(({ value }) => value);
  return said.includes('capital_expenditure') && said.includes('working_capital');
}

/** Words that leave a choice open (「可能…也可能」「還沒決定」): without them, words of both uses describe different money. */
const UNDECIDED = /可能|或是|或者|還是|不確定|還沒決定|未定|看情況/u;
