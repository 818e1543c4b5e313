import type { Facts } from '../../rules/facts.ts';
import { findAsks } from './asks.ts';
import { englishToChinese } from './english.ts';
import { scanMentions } from './figures.ts';
import { findFlags } from './flags.ts';
import { isFollowUp } from './follow-up.ts';
import { findGender } from './gender.ts';
import { findIndustry } from './industry.ts';
import { isInjectionSuspected } from './injection.ts';
import { classifyIntent } from './intent.ts';
import { extractKeywords } from './keywords.ts';
import { detectLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { findProgrammes } from './programmes.ts';
import { ELIGIBILITY_QUESTION } from './question.ts';
import { findRiskGroup } from './risk-group.ts';
import { assignRoles } from './roles.ts';
import { findSubmission } from './submission.ts';
import type { Understanding } from './types.ts';

/**
 * One message → its structured meaning. Pure and deterministic: no clock, no I/O, no model.
 * Facts hold only what this message states; merging with earlier turns is the dialogue's job.
 */
export function understand(message: string): Understanding {
  const text = normalizeText(message).trim();
  const canonical = englishToChinese(text);
  const mentions = scanMentions(canonical);
  const roles = assignRoles(canonical, mentions);
  const programmes = findProgrammes(canonical);

  const facts: Facts = { ...roles.facts };
  if (programmes[0]) facts.programme = programmes[0];
  const riskGroup = findRiskGroup(canonical);
  if (riskGroup) facts.riskGroup = riskGroup;
  const industry = findIndustry(canonical);
  if (industry) facts.industry = industry;
  const gender = findGender(canonical);
  if (gender) facts.gender = gender;
  const submission = findSubmission(canonical);
  if (submission) facts.submission = submission;
  const flags = findFlags(canonical);
  if (Object.keys(flags).length > 0) facts.flags = flags;

  const asks = findAsks(canonical, { mentions, hasAmount: facts.loanAmount !== undefined });
  const followUp = isFollowUp(canonical, { isWholeQuestion: programmes.length > 0 && (asks.length > 0 || ELIGIBILITY_QUESTION.test(canonical)) });
  const intent = classifyIntent(canonical, { programmes, facts, asks, isFollowUp: followUp });

  return {
    text,
    language: detectLanguage(message),
    intent,
    programmes,
    facts,
    asks,
    isFollowUp: followUp,
    ...(roles.statedRate !== undefined ? { statedRate: roles.statedRate } : {}),
    injectionSuspected: isInjectionSuspected(text),
    approximateFacts: roles.approximate,
    keywords: extractKeywords(canonical, mentions),
  };
}
