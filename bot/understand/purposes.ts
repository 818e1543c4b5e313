import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import type { Intent } from './types.ts';

/** The finder's purposes a message states by its words (想開早餐店 → start_up) or by a circumstance (上游推薦 → donorRecommended). */
export function findPurposes(text: string, flags: FactFlags, domain: Domain = shippedDomain()): string[] {
  return domain.finder.purposes
    .filter(({ cue, flags: implied }) => cue.test(text) || Object.entries(implied).some(([flag, value]) => flags[flag as keyof FactFlags] === value))
    .map(({ id }) => id);
}

interface RecommendContext {
  intent: Intent;
  programmes: readonly string[];
  programmesByName: readonly string[];
  purposes: readonly string[];
  comparison: boolean;
  /** The message states something about the applicant (age, business age, a circumstance …). */
  aboutApplicant: boolean;
}

/** Intents that say what the message is, whatever else it contains. */
const DECIDED: readonly Intent[] = ['reset', 'feedback', 'greeting', 'fee_calculation'];

/**
 * 「我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？」 names no programme and asks which one fits: a recommendation,
 * not the eligibility of one programme. Needs compared by description (「自有品牌的貸款跟研發用的貸款」) are one too,
 * and so is 「青創跟鳳凰哪個適合我」.
 */
export function isRecommendation(text: string, c: RecommendContext, domain: Domain = shippedDomain()): boolean {
  if (DECIDED.includes(c.intent)) return false;
  const asksWhichFits = domain.intents.recommend.test(text);
  if (c.programmesByName.length > 0) return asksWhichFits && c.comparison && c.programmesByName.length >= 2;
  if (asksWhichFits) return true;
  // 「我們是颱風受災企業，可以保幾成」 points to a programme through a circumstance: that programme is the question.
  if (c.programmes.length > 0) return false;
  if (c.purposes.length >= 2 && c.comparison) return true;
  return c.purposes.length > 0 && c.aboutApplicant && (c.comparison || c.intent !== 'fact_lookup');
}
