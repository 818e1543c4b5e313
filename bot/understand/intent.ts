import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { Facts } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import type { Ask, Intent, Understanding } from './types.ts';

/** Facts about the applicant: with them, 「保幾成」 asks what this applicant gets. */
/** Facts about the applicant (who they are, their business's figures), not about the loan asked about. */
export const APPLICANT_FACTS: Array<keyof Facts> = ['age', 'businessAgeMonths', 'gender', 'industry', 'annualRevenue', 'workingCapitalBalance', 'debtRatio', 'recoveryNeed'];
/**
 * 「我今年47歲…1.青創貸款信保可以保嗎」: a question whether the applicant it tells qualifies for the programme it names
 * (intents.yaml `eligibility_question`).
 */
export function asksIfApplicantQualifies(u: Pick<Understanding, 'programmes' | 'facts' | 'text'>, domain: Domain = shippedDomain()): boolean {
  return u.programmes.length > 0 && APPLICANT_FACTS.some((key) => u.facts[key] !== undefined) && domain.intents.eligibilityQuestion.test(u.text);
}

/**
 * A part of a message with the applicant the whole message tells (「我今年47歲…還有我這個年紀到底能不能申請青創」): the
 * part's own facts win; the applicant's age, business, revenue and circumstances (「願意簽…不亂裁員的切結文件」) told
 * elsewhere are the same applicant's.
 */
export function withApplicantOf<U extends Pick<Understanding, 'facts'>>(part: U, whole: Pick<Understanding, 'facts'>): U {
  const told = Object.fromEntries(APPLICANT_FACTS.flatMap((key) => (whole.facts[key] !== undefined ? [[key, whole.facts[key]]] : [])));
  const flags = whole.facts.flags || part.facts.flags ? { flags: { ...whole.facts.flags, ...part.facts.flags } } : {};
  return { ...part, facts: { ...told, ...part.facts, ...flags } };
}

/** What a question about a case's own 營授比 asks: what it is, whether it passes, the ratio it allows. */
const RATIO_CASE_ASKS: ReadonlySet<Ask> = new Set(['definition', 'max_ratio', 'eligibility_criteria', 'threshold']);
/** Facts of the applicant's own case that the rules turn into how much may be borrowed (八成 of the recovery need). */
const CAP_FACTS: Array<keyof Facts> = ['recoveryNeed'];
/**
 * Figures of a case, not of the applicant, that a programme's rules hold against a limit (火金姑's donation against its
 * minimum). (The applicant's own figures asked yes or no are weighed with the programmes that may fit them.)
 */
const CHECKED_FACTS: Array<keyof Facts> = ['donationAmount'];

export interface IntentContext {
  programmes: ProgrammeId[];
  facts: Facts;
  asks: Ask[];
  isFollowUp: boolean;
  /** The message asks yes or no (「可以嗎」「是不是」). */
  yesNo?: boolean;
}

/**
 * The intent of one message (words in domain/registry/intents.yaml). A follow-up that asks nothing of its own (那C組呢)
 * gets 'unknown': it continues the previous turn's intent, which only the dialogue knows. Facts without a
 * question (「47歲」 answering the bot) are 'unknown' too, for the same reason.
 */
export function classifyIntent(text: string, { programmes, facts, asks, isFollowUp, yesNo }: IntentContext, domain: Domain = shippedDomain()): Intent {
  const words = domain.intents;
  const stated = Object.keys(facts).some((key) => key !== 'programme');
  const onTopic = programmes.length > 0 || words.onTopic.test(text);
  const substance = onTopic || asks.length > 0 || stated;
  // (A word of starting over inside a question is no command: 「要重置設備…需要4500萬」 tells a case.)
  if (words.reset.test(text) && !(stated || asks.length > 0 || programmes.length > 0)) return 'reset';
  if (words.complaint.test(text) && programmes.length === 0 && asks.length === 0) return 'feedback';
  if (words.outOfScope.test(text) && !onTopic) return 'out_of_scope';
  if (!substance) {
    if (words.thanks.test(text)) return 'feedback';
    if (words.help.test(text)) return 'help';
    if (words.greeting.test(text)) return 'greeting';
    return 'unknown';
  }
  // (「111年手續費收了多少錢」 with no loan asks the fund's income, a statistic, not a fee to compute.)
  const income = asks.includes('statistics') && facts.loanAmount === undefined && facts.guaranteedAmount === undefined;
  if (asks.includes('fee_amount') && !income) return 'fee_calculation';
  // 「一般貸款 500萬 8成 B組 一年」: a loan with its ratio or period, asking nothing else, is a fee to compute.
  const loanTerms = (facts.loanAmount !== undefined || facts.guaranteedAmount !== undefined) && (facts.guaranteeRatio !== undefined || facts.periodMonths !== undefined || facts.periodDays !== undefined);
  if (loanTerms && asks.length === 0 && !words.eligibilityQuestion.test(text)) return 'fee_calculation';
  // So is a programme with a loan amount and nothing else, not even a question word (「一般貸款 1.2千萬」): the estimate
  // starts, and the bot asks only what it cannot give for every value.
  const loanOfProgramme = programmes.length === 1 && facts.loanAmount !== undefined && Object.keys(facts).every((key) => key === 'programme' || key === 'loanAmount' || key === 'riskGroup');
  if (loanOfProgramme && asks.length === 0 && !isFollowUp && !words.question.test(text)) return 'fee_calculation';
  // Circumstances are the applicant's own only when said of oneself (受災企業 may just name a programme's target).
  const ownFigures = APPLICANT_FACTS.some((key) => facts[key] !== undefined);
  const personal = ownFigures || (facts.flags !== undefined && words.firstPerson.test(text));
  // 「我們有承包公共工程，可以額外多保多少額度？最高保幾成？」: a circumstance that names a rule, asked for that rule's
  // amount, asks the rule's figures; who qualifies is said with them, not asked first.
  const rulesFigures = !ownFigures && asks.includes('cap_amount');
  if (words.eligibilityQuestion.test(text)) return 'eligibility';
  // 「營收4500萬、週轉借款5200萬，營授比是多少」: a case whose 營授比 can be computed, asking about it, is checked against it.
  const ratioCase = facts.annualRevenue !== undefined && facts.workingCapitalBalance !== undefined;
  if (ratioCase && asks.every((ask) => RATIO_CASE_ASKS.has(ask))) return 'eligibility';
  // (「客戶剛開業，查詢書的資格欄要勾哪一項」 asks how to file it: the documents answer.)
  if (personal && !rulesFigures && (asks.includes('max_ratio') || asks.includes('eligibility_criteria')) && !asks.includes('procedure')) return 'eligibility';
  // 「復工要一千五 可以借到多少」: how much this applicant may borrow is the rules' figure for this case.
  if (asks.includes('cap_amount') && CAP_FACTS.some((key) => facts[key] !== undefined)) return 'eligibility';
  if (asks.length > 0) return 'fact_lookup';
  // 「我們想捐1500萬成立專款 可以嗎」: a figure of one's own case, asked yes or no, is checked against the rules.
  if (yesNo && CHECKED_FACTS.some((key) => facts[key] !== undefined)) return 'eligibility';
  if (isFollowUp) return 'unknown';
  // 「老闆娘55歲想借鳳凰」: a programme named beside one's own circumstances, asking nothing in words, asks whether one
  // qualifies.
  if (programmes.length > 0 && ownFigures && !words.question.test(text)) return 'eligibility';
  if (onTopic && (words.question.test(text) || !stated)) return 'fact_lookup';
  if (words.help.test(text) && !stated) return 'help';
  return 'unknown';
}
