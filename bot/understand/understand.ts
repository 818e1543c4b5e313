import { withoutProgrammeNames } from './programmes.ts';
import { withArabicDecimals } from './numbers.ts';
import { withUnitOmittedAmounts } from './amounts.ts';
import { withSpokenAges } from './periods.ts';
import { corrected, shippedDomain, type Domain } from '../../domain/index.ts';
import type { FactFlags, Facts } from '../../rules/facts.ts';
import { asksExtremeYear, findAsks } from './asks.ts';
import { findGender, findIndustry, findLender, findLoanPurpose, findSubmission, purposeUndecided } from './choices.ts';
import { englishToChinese } from './english.ts';
import { scanMentions } from './figures.ts';
import { findFlags, flagsByVerb } from './flags.ts';
import { findHowToApply } from './how-to-apply.ts';
import { isFollowUp } from './follow-up.ts';
import { isInjectionSuspected } from './injection.ts';
import { APPLICANT_FACTS, classifyIntent } from './intent.ts';
import { extractKeywords } from './keywords.ts';
import { hasRatioFigures } from '../../rules/business-finance-ratio.ts';
import { detectLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { formerNameIn, programmeStretches, programmesIn } from './programmes.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { findRank } from './ranks.ts';
import { asksWhichProgrammeFits, findPurposes, isRecommendation } from './purposes.ts';
import { findRiskGroup, findRiskGroups } from './risk-group.ts';
import { assignRoles } from './roles.ts';
import { findYears, withYearRelativeInMessage } from './years.ts';
import type { Ask, Modifiers, Understanding } from './types.ts';

/** 「是。」「沒有！」: the message without its closing punctuation is one of the yes or no words. */
function bareAnswerOf(text: string, domain: Domain): Understanding['bareAnswer'] {
  const bare = text.replace(/(?<![\s。！!.?？~～])[\s。！!.?？~～]+$/u, '').trim();
  if (domain.answers.yes.has(bare)) return 'yes';
  return domain.answers.no.has(bare) ? 'no' : undefined;
}

/**
 * 「保證餘額最多的是哪一家？第二名是誰？」: the top asked in one question and a place in another ask for both, first to
 * that place. (「排第二高的銀行」 in one question asks the second alone.)
 */
function withTopPlace(rank: Modifiers['rank'], text: string, most: RegExp): Modifiers['rank'] {
  if (!rank || rank.from <= 1) return rank;
  const questions = text.split(/[？?。；;]/).filter((part) => part.trim() !== '');
  const top = questions.some((part) => most.test(part) && !findRank(part));
  const placed = questions.some((part) => findRank(part) !== undefined);
  return top && placed ? { ...rank, from: 1 } : rank;
}

function modifiersOf(text: string, domain: Domain): Modifiers {
  const { several, most, least, yesNo, list, comparison, current, notWaived } = domain.modifiers;
  const { leaning, conditional, comparing, pointing, opening } = domain.followUp;
  // 「最低與最高各多少」 names both ends: no one end is meant.
  const [isMost, isLeast] = [most.test(text), least.test(text)];
  const superlative = isMost && isLeast ? undefined : isMost ? 'most' : isLeast ? 'least' : undefined;
  const rank = withTopPlace(findRank(text), text, most);
  const opened = text.trim().replace(opening, '');
  return {
    several: several.test(text),
    ...(superlative ? { superlative } : {}),
    ...(isMost && isLeast ? { bothEnds: true } : {}),
    ...(rank ? { rank } : {}),
    yesNo: yesNo.test(text),
    list: list.test(text),
    comparison: comparison.test(text),
    current: current.test(text),
    continuing: [leaning, conditional, comparing].some((pattern) => pattern.test(opened)) || pointing.test(text),
    notWaived: notWaived.test(text),
    bothWays: domain.modifiers.bothWays.test(text),
    change: domain.intents.change.test(text),
    reverse: false,
    ...(domain.modifiers.which.test(text) ? { which: true } : {}),
    // (Adding a row to those before, 「那再加上彰銀呢」, asks their sum.)
    ...(domain.modifiers.total.test(text) || domain.modifiers.addsToBefore?.test(text) ? { total: true } : {}),
    ...(domain.modifiers.addsToBefore?.test(text) ? { addsToBefore: true } : {}),
    ...(domain.modifiers.share?.test(text) ? { share: true } : {}),
    ...optionalArithmetic(domain.modifiers.yearsBetween?.test(text) ? 'years_between' : domain.modifiers.times?.test(text) ? 'times' : domain.modifiers.growth?.test(text) ? 'growth' : domain.modifiers.per?.test(text) ? 'per' : domain.modifiers.difference?.test(text) ? 'difference' : undefined),
    ...(domain.modifiers.placeOf.test(text) ? { placeOf: true } : {}),
    // (「排第幾 跟前一名差多少」: the row ranked next to the one asked, above or below it.)
    ...(domain.modifiers.rowAbove?.test(text) ? { neighbour: 'above' as const } : domain.modifiers.rowBelow?.test(text) ? { neighbour: 'below' as const } : {}),
    ...(domain.modifiers.threshold?.test(text) ? { threshold: true } : {}),
    ...(domain.modifiers.lower?.test(text) ? { lower: true } : {}),
    ...(domain.modifiers.whichLender?.test(text) ? { whichLender: true } : {}),
    ...(domain.modifiers.originally?.test(text) ? { originally: true } : {}),
    ...(domain.modifiers.past?.test(text) ? { past: true } : {}),
    ...(domain.modifiers.until?.test(text) ? { until: true } : {}),
    ...(domain.modifiers.longestTerm?.test(text) ? { longestTerm: true } : {}),
    still: domain.modifiers.still.test(text),
  };
}

function optionalArithmetic(arithmetic: Modifiers['arithmetic']): Pick<Modifiers, 'arithmetic'> {
  return arithmetic ? { arithmetic } : {};
}

function variantsOf(text: string, flags: FactFlags, domain: Domain, periods: number[] = [], ratios: number[] = []): Understanding['variants'] {
  const riskGroups = findRiskGroups(text);
  const bothWays = domain.modifiers.bothWays.test(text) ? (Object.keys(flags) as Array<keyof FactFlags>) : [];
  if (riskGroups.length < 2 && bothWays.length === 0 && periods.length < 2 && ratios.length < 2) return undefined;
  return {
    ...(riskGroups.length >= 2 ? { riskGroups } : {}),
    ...(bothWays.length > 0 ? { flags: bothWays } : {}),
    ...(periods.length >= 2 ? { periods } : {}),
    ...(ratios.length >= 2 ? { ratios } : {}),
  };
}

/** Each named programme's own ratio and risk group, when at least one differs between them. */
function factsPerProgramme(text: string, domain: Domain): Understanding['perProgramme'] {
  const sides = programmeStretches(text, domain).map(({ id, text: stretch }) => {
    const roles = assignRoles(stretch, scanMentions(stretch), domain);
    const own = roles.facts;
    const riskGroup = findRiskGroup(stretch);
    const facts = { ...(own.guaranteeRatio !== undefined ? { guaranteeRatio: own.guaranteeRatio } : {}), ...(riskGroup ? { riskGroup } : {}) };
    return { programme: id, facts, ...(roles.statedRate !== undefined ? { statedRate: roles.statedRate } : {}) };
  });
  const differ = (read: (side: (typeof sides)[number]) => unknown) => new Set(sides.map(read)).size > 1;
  const apart = differ((s) => s.facts.guaranteeRatio) || differ((s) => s.facts.riskGroup) || differ((s) => s.statedRate);
  return sides.length >= 2 && apart ? sides : undefined;
}

function optionalContrast(ids: ProgrammeId[]): Pick<Understanding, 'contrasted'> {
  return ids.length > 0 ? { contrasted: ids } : {};
}

function optionalDecline(key: string | undefined): Pick<Understanding, 'declines'> {
  return key ? { declines: key } : {};
}

function optionalAnswer(answer: Understanding['bareAnswer']): Pick<Understanding, 'bareAnswer'> {
  return answer ? { bareAnswer: answer } : {};
}

/** The asks read about a loan, where only the words `without_amount` re-reads differ (guaranteed_amount for statistics). */
function loanReading(asks: Ask[], aboutLoan: Ask[], domain: Domain): Ask[] | undefined {
  const reread = domain.asks.withoutAmount as Partial<Record<string, string>>;
  const remapped = aboutLoan.filter((ask) => reread[ask] !== undefined && !asks.includes(ask));
  if (remapped.length === 0) return undefined;
  const replaced = new Set(remapped.map((ask) => reread[ask]));
  return [...asks.filter((ask) => !replaced.has(ask)), ...remapped];
}

/** The rule topic named whose own figure ambiguous words ask (domain/registry/asks.yaml `topic_asks`), unless the words say. */
function askOfTopic(canonical: string, domain: Domain): Domain['asks']['topicAsks'][number] | undefined {
  return domain.asks.topicAsks.find(({ topic, unless }) => !unless.test(canonical) && domain.asks.parameterTopics.some((t) => t.topic === topic && t.cue.test(canonical)));
}

/**
 * One message → its structured meaning, read with the words of the domain registry (domain/registry/*.yaml). Pure and
 * deterministic: no clock, no I/O, no model. Facts hold only what this message states; merging with earlier turns
 * is the dialogue's job, and no later step reads the message text to decide anything.
 */
/** A percentage written to two decimals or more (「18.41%」): a share read off a table. */
const SHARE = /(?<![\d.])\d+\.\d{2,}\s*[%％]/u;

/** Figures a submission channel told beside them can be of (「授權送保的手續費」「專案送保最高保幾成」). */
const FIGURE_OF_CHANNEL: ReadonlySet<string> = new Set(['fee_rate', 'fee_amount', 'max_ratio', 'cap_amount']);

export function understand(message: string, domain: Domain = shippedDomain()): Understanding {
  const text = withArabicDecimals(corrected(normalizeText(message).trim(), domain));
  const canonical = englishToChinese(text, domain);
  const mentions = withSpokenAges(canonical, withUnitOmittedAmounts(canonical, scanMentions(canonical), domain.roles.unitOmitted), domain.roles.ageBefore, domain.roles.ageNotAfter);
  const roles = assignRoles(canonical, mentions, domain);
  const { programmes, byName, contrasted } = programmesIn(canonical, domain);

  const facts: Facts = { ...roles.facts };
  if (programmes[0]) facts.programme = programmes[0];
  // (「我不知道自己是A B還是C組」: a group said after not knowing is not told.)
  const groupText = domain.words.notKnown ? canonical.replace(domain.words.notKnown, ' ') : canonical;
  const riskGroup = findRiskGroup(groupText);
  if (riskGroup) facts.riskGroup = riskGroup;
  // 「用青年創業貸款借了400萬，保8成」: money borrowed with a ratio or a risk group is the loan guaranteed, not the
  // balance an 營授比 weighs (no revenue is told beside it).
  const guaranteedLoan = facts.guaranteeRatio !== undefined || facts.riskGroup !== undefined;
  // (Unless another amount is borrowed on top of it, 「短中期借款餘額3500萬，想再借800萬，B組」: that one is the loan, and the
  // money already borrowed stays the balance.)
  if (guaranteedLoan && facts.workingCapitalBalance !== undefined && facts.loanAmount === undefined && facts.annualRevenue === undefined) {
    if (facts.addedAmount === undefined) {
      facts.loanAmount = facts.workingCapitalBalance;
      delete facts.workingCapitalBalance;
    } else {
      facts.loanAmount = facts.addedAmount;
      delete facts.addedAmount;
    }
  }
  // (「保證金額450萬 借三年(每年都當450萬算)」: the guaranteed amount said again is no loan of its own.)
  if (facts.guaranteedAmount !== undefined && facts.loanAmount === facts.guaranteedAmount && facts.guaranteeRatio === undefined) delete facts.loanAmount;
  const industry = findIndustry(canonical, domain);
  if (industry) facts.industry = industry;
  // (「創業鳳凰婦女小額貸款」: a word inside a programme's name, 婦女, says nothing of the applicant.)
  const gender = findGender(withoutProgrammeNames(canonical, domain), domain);
  if (gender) facts.gender = gender;
  const submission = findSubmission(canonical, domain);
  if (submission) facts.submission = submission;
  const lender = findLender(canonical, domain);
  // (「可能拿來週轉也可能買設備」: a use not yet decided is no purpose of the loan.)
  const undecidedUse = purposeUndecided(canonical, domain);
  const loanPurpose = undecidedUse ? undefined : findLoanPurpose(canonical, domain);
  if (loanPurpose) facts.loanPurpose = loanPurpose;
  const flags = findFlags(canonical, domain);
  if (Object.keys(flags).length > 0) facts.flags = flags;
  const byVerb = flagsByVerb(canonical, flags, domain);
  // (Ratios of two programmes named, 「批保保9成 跟 一般貸款A組保8成」, are each programme's, not two cases of one.)
  const variants = variantsOf(groupText, flags, domain, roles.periods, byName.length <= 1 ? roles.ratios : undefined);
  if (!facts.riskGroup && variants?.riskGroups) facts.riskGroup = variants.riskGroups[0];

  // 「再借500萬呢」 with nothing already used to add it to: the amount is the loan. So it is beside a revenue
  // (「營收3000萬，週轉餘額2500萬，想再借500萬」): a new loan whose 營授比 is weighed, not an amount held against a cap.
  // (「營業額1200萬，銀行短期週轉現在借700萬，想再借300萬」: beside a revenue, money borrowed and more borrowed on top are the
  // balance and the new loan, whatever words told the first.)
  if (facts.addedAmount !== undefined && facts.loanAmount !== undefined && facts.workingCapitalBalance === undefined && facts.annualRevenue !== undefined && facts.usedAmount === undefined) {
    facts.workingCapitalBalance = facts.loanAmount;
    facts.loanAmount = facts.addedAmount;
    delete facts.addedAmount;
  }
  const usedBefore = facts.usedAmount !== undefined || (facts.workingCapitalBalance !== undefined && facts.annualRevenue === undefined);
  const loanAdded = facts.addedAmount !== undefined && !usedBefore && facts.loanAmount === undefined;
  if (loanAdded) {
    facts.loanAmount = facts.addedAmount;
    delete facts.addedAmount;
  }
  // 「去年借了200萬 是鳳凰貸款 保證費一年要繳多少」: money borrowed, told alone (no revenue, no other amount), with a fee
  // asked is the loan the fee is charged on, not a balance an 營授比 weighs.
  const balanceOnly = facts.workingCapitalBalance !== undefined && facts.annualRevenue === undefined && facts.loanAmount === undefined
    && facts.guaranteedAmount === undefined && facts.usedAmount === undefined && facts.addedAmount === undefined;
  // (A fee it is: 「差多少錢」 beside a balance of a report, 「保證餘額合計…差多少錢」, asks no fee.)
  if (balanceOnly && findAsks(canonical, { mentions, hasAmount: false }, domain).some((a) => a === 'fee_amount' || a === 'fee_rate')) {
    facts.loanAmount = facts.workingCapitalBalance;
    delete facts.workingCapitalBalance;
  }
  const hasAmount = facts.loanAmount !== undefined || facts.guaranteedAmount !== undefined;
  const asks = findAsks(canonical, { mentions, hasAmount }, domain);
  // 「借900萬 保8成的話 信保保證多少」: with the ratio and the loan told, 「保證多少」 asks the amount (asks.yaml ratio_named).
  const ratioTold = facts.guaranteeRatio !== undefined && facts.loanAmount !== undefined && asks.includes('max_ratio') && !asks.includes('guaranteed_amount');
  if (ratioTold && !domain.asks.ratioNamed.test(canonical)) asks.splice(asks.indexOf('max_ratio'), 1, 'guaranteed_amount');
  // (「借600萬 信保最高保多少」: with a loan told and no ratio, 「保多少」 is asked of that loan: its guaranteed amount at the
  // highest ratio, the ratio said with it. 「可以保到幾成」 still asks the ratio, with the rule's conditions.)
  const loanOnly = facts.loanAmount !== undefined && facts.guaranteeRatio === undefined && asks.length === 1 && asks[0] === 'max_ratio' && !domain.asks.ratioNamed.test(canonical);
  if (loanOnly) asks.push('guaranteed_amount');
  // 「已經借2500萬，還可以再借800萬嗎」: an amount added to one already used asks whether it fits under the cap.
  if (facts.addedAmount !== undefined && !asks.includes('cap_amount') && !asks.some((a) => a.startsWith('fee'))) asks.push('cap_amount');
  // 「同一家公司最多可以保到多少」: the topic named says which figure the ambiguous words ask (its cap, not a ratio).
  // (With a loan stated, 「借六百萬 最多能保到多少錢」 asks that loan's guaranteed amount.)
  const topicAsk = hasAmount ? undefined : askOfTopic(canonical, domain);
  // (Read again about a loan only when a word was read otherwise for want of one: most messages are read once. Read
  // before the topic's own figure replaces it: 「災害復舊…一家公司額度借到頂 信保最多是保多少錢」 asks the cap, and about
  // an amount used in full, what it is guaranteed for.)
  const rereadable = !hasAmount && asks.some((ask) => (Object.values(domain.asks.withoutAmount) as string[]).includes(ask));
  const asksBeforeTopic = [...asks];
  const ofTopic = topicAsk !== undefined && asks.some((a) => topicAsk.insteadOf.has(a));
  if (ofTopic) asks.splice(0, asks.length, ...asks.filter((a) => !topicAsk.insteadOf.has(a) && a !== topicAsk.ask), topicAsk.ask as Ask);
  const aboutLoan = rereadable ? loanReading(asksBeforeTopic, findAsks(canonical, { mentions, hasAmount: true }, domain), domain) : undefined;
  const asksAboutLoan = aboutLoan && ofTopic ? [...new Set([...asks, ...aboutLoan.filter((a) => !asksBeforeTopic.includes(a))])] : aboutLoan;
  // 「哪類企業可以」 asks who may apply: the criteria.
  if (!asks.includes('eligibility_criteria') && domain.intents.whoQualifies.test(canonical)) asks.push('eligibility_criteria');
  // 「我們是經銷商 可以用火金姑嗎 手續費多少」: whether one may use the programme named inside the question (可以用…嗎) is asked
  // beside its figure: who it is for is told with it.
  // (「我們這種小經銷可以用嗎 可以保到幾成」 too. Not with one's own circumstances told: those are decided on.)
  const ownCircumstances = APPLICANT_FACTS.some((key) => facts[key] !== undefined) || Object.keys(flags).length > 0;
  const mayUse = programmes.length > 0 && asks.length > 0 && !asks.includes('eligibility_criteria') && !ownCircumstances;
  if (mayUse && domain.intents.mayUse.test(withoutProgrammeNames(canonical, domain))) asks.push('eligibility_criteria');
  const perProgramme = byName.length >= 2 && byName.length <= 4 ? factsPerProgramme(canonical, domain) : undefined;
  // 「每年要繳多少手續費」: the fee for one year is asked, whatever the loan's term.
  const noPeriod = facts.periodMonths === undefined && facts.periodDays === undefined && facts.startDate === undefined;
  // (So is 「一年手續費多少」 of a loan told before: the fee read about the loan.)
  if (noPeriod && (asks.includes('fee_amount') || asksAboutLoan?.includes('fee_amount') === true) && domain.asks.perYear.test(canonical)) facts.periodMonths = 12;
  const wholeQuestion = programmes.length > 0 && (asks.length > 0 || domain.intents.eligibilityQuestion.test(canonical));
  const hasSubject = programmes.length > 0 || asks.length > 0 || Object.keys(facts).length > 0;
  const followUp = isFollowUp(canonical, { isWholeQuestion: wholeQuestion, hasSubject, namesSomething: programmes.length > 0 || Object.keys(facts).length > 0 }, domain);
  // So does a question naming it that asks nothing else (「同一家公司…總共最多可以到多少錢」), unless it goes on with what was
  // asked before (the conversation decides: dialogue/merge.ts).
  const asksOfTopic = topicAsk && asks.length === 0 && domain.asks.interrogative.test(canonical) ? (topicAsk.ask as Ask) : undefined;
  const modifiers = modifiersOf(canonical, domain);
  // 「分4年還…每年最少最多多少？4年加總又是多少？」: a year's fee and the whole term's, asked of one term told.
  const term = roles.periods === undefined ? roles.facts.periodMonths : undefined;
  const yearAndTerm = term !== undefined && term !== 12 && !variants?.periods && asks.includes('fee_amount') && modifiers.total && domain.asks.perYear.test(canonical) ? [12, term] : undefined;
  // 「保證金額500萬 B組 有徵提促進就業具結書 一年省多少」: what a circumstance or risk group told with an amount saves is
  // the fee, with and without it, though no fee word is said.
  const savesOnCase = modifiers.bothWays && hasAmount && (facts.riskGroup !== undefined || Object.values(flags).some((on) => on));
  if (savesOnCase && !asks.some((a) => a.startsWith('fee') || a === 'guaranteed_amount' || a === 'cap_amount')) asks.push('fee_amount');
  // 「年報說賸餘從43億多變成40億多，到底少了多少元？跌幅幾%」: money asked as a change between figures told, with no word of a
  // fee, asks a sum of those figures, not a fee on a loan.
  const feeNamed = domain.asks.topics.some(({ topic, cue }) => topic === 'fee' && canonical.search(cue) >= 0);
  // (Not of a loan's case, 「借500萬 保8成 跟 借300萬 差多少元」: a ratio, a risk group or a programme makes them loans.)
  const ofCase = facts.guaranteeRatio !== undefined || facts.riskGroup !== undefined || programmes.length > 0;
  if (modifiers.arithmetic !== undefined && !feeNamed && !ofCase && asks.includes('fee_amount') && asks.every((a) => a === 'fee_amount' || a === 'statistics') && mentions.filter((m) => m.unit === 'amount').length >= 2) {
    asks.splice(0, asks.length, 'statistics');
    delete facts.loanAmount;
  }
  // 「現在批保真的是保十成嗎」: a ratio heard, asked whether true and nothing else, asks the ratio (not a fee of the loan told).
  if (roles.ratioHeard && asks.length === 0 && modifiers.yesNo) asks.push('max_ratio');
  // 「哪一年度經費編最多」: the year asked with a highest or lowest is the table's column where the figure is highest or
  // lowest, not the day a rule took effect (intents.yaml `which_year`).
  if (asksExtremeYear(canonical, domain) && asks.includes('effective_date')) asks.splice(asks.indexOf('effective_date'), 1);
  const classified = classifyIntent(canonical, { programmes, facts, asks, isFollowUp: followUp, yesNo: modifiers.yesNo }, domain);
  const purposes = findPurposes(canonical, flags, domain);
  // (Of a loan told with its fee asked, each rate's fee: 「0.35%還是0.3%? 贷200万 保9成 一年各是多少」.)
  // (Not the rates before and after a circumstance told, 「簽了會從1.5%降到0.5%」, nor of a lender's award.)
  const ratesSetApart = modifiers.comparison && Object.keys(flags).length === 0 && lender === undefined;
  const ratesOfLoan = ratesSetApart && roles.rates && roles.rates.length >= 2 && facts.loanAmount !== undefined && (asks.includes('fee_amount') || asks.length === 0) ? roles.rates : undefined;
  // 「到底是0.35%還是0.3%」: rates set against each other are the versions asked about, not a rate someone was quoted.
  if (roles.rates && modifiers.comparison) delete roles.statedRate;
  // 「保證成數9成的有哪些？」: a value with a which-question, naming no programme, asks for the programmes that have it.
  const statesValue = (roles.statedRate !== undefined || facts.guaranteeRatio !== undefined) && facts.loanAmount === undefined;
  // (So does 「保證成數最高的項目有哪些」「哪個手續費最便宜」: the value is the highest or lowest of the programmes in force.)
  const asksExtreme = modifiers.superlative !== undefined && asks.length > 0 && asks.every((a) => a === 'max_ratio' || a === 'fee_rate') && facts.loanAmount === undefined;
  modifiers.reverse = programmes.length === 0 && (statesValue || asksExtreme) && modifiers.which === true;
  const aboutApplicant = Object.keys(facts).some((key) => key !== 'programme') && domain.intents.firstPerson.test(canonical);
  // 「授權送保的手續費區間」: the channel told beside a figure asked, in no yes-or-no question, is what the figure is of, not
  // a second thing asked (「可以授權送保嗎？手續費多少」 still asks both).
  const channelOnly = asks.indexOf('submission_channel');
  if (channelOnly >= 0 && facts.submission !== undefined && !modifiers.yesNo && asks.some((a) => FIGURE_OF_CHANNEL.has(a))) asks.splice(channelOnly, 1);
  // 「能用授權送保嗎」 asks the channel: 授權 is what is asked about, not the rules of the authorised items as a subject.
  const parameterTopics = domain.asks.parameterTopics
    .filter(({ cue, topic }) => cue.test(canonical) && !(topic === 'authorised' && asks.includes('submission_channel')))
    .map(({ topic }) => topic);
  // 「公共建設標案 又要擴建廠房 這兩個額外額度加起來多少」: a circumstance told when a cap is asked names the rule of the same
  // name (flag domesticInvestment → topic employment_promotion.domestic_investment).
  if (asks.includes('cap_amount')) {
    for (const [flag, on] of Object.entries(flags)) {
      const named = on ? domain.asks.parameterTopics.find(({ topic }) => topicNamesFlag(topic, flag)) : undefined;
      if (named && !parameterTopics.includes(named.topic)) parameterTopics.push(named.topic);
    }
  }
  // 「銀行報的費率1.25% 有點貴 有什麼可以降」: a rate told and called dear asks the rate, lower.
  if (modifiers.lower && roles.statedRate !== undefined && !asks.includes('fee_rate')) asks.push('fee_rate');
  const recommends = isRecommendation(
    canonical,
    {
      intent: classified,
      programmes,
      programmesByName: byName,
      purposes,
      comparison: modifiers.comparison,
      aboutApplicant,
      asks,
      parameterTopics,
      firstPerson: domain.intents.firstPerson.test(canonical),
      yesNo: modifiers.yesNo,
      which: modifiers.which === true,
      statesLoan: facts.loanAmount !== undefined,
      statesRatioCase: hasRatioFigures(facts),
      statesFigure: facts.guaranteeRatio !== undefined || roles.statedRate !== undefined,
      // (A share written to decimals, 「18.41%」, is a reported figure: roles.ts reads it as no fact of the case.)
      statesShare: SHARE.test(canonical),
    },
    domain,
  );
  // 「我是說150萬啦」 corrects the question before; it looks for no programme unless it asks which fits.
  const asksWhichFits = asksWhichProgrammeFits(canonical, domain);
  const corrects = modifiers.continuing && followUp && !asksWhichFits;
  // (「有哪些貸款的保證手續費是0.5%的」 asks which programmes have that value: the reverse lookup, not the finder.)
  // (Nor 「…費率1.25%覺得很貴 有沒有什麼可以降費率的」: how the fee could be lower is asked of the rules, not which programme fits.)
  // (A need told with it, 「願意維持員工人數 手續費可以打折嗎」, is still the finder's: the need amounts to the circumstance.)
  const lowerFee = modifiers.lower === true && asks.includes('fee_rate') && purposes.length === 0;
  // (「簽具結書降到0.5%的 到什麼時候截止？現在還能用嗎」: until when a rule runs, asked with no case of one's own, is the rule's
  // question, not whether one qualifies.)
  const untilOfRule = classified === 'eligibility' && modifiers.until === true && !APPLICANT_FACTS.some((key) => facts[key] !== undefined) && facts.loanAmount === undefined;
  const intent = recommends && !corrects && !modifiers.reverse && !lowerFee ? 'recommend' : untilOfRule ? 'fact_lookup' : classified;
  const howToApply = findHowToApply(canonical, asks, programmes, domain);

  const relative = domain.words.relativeYears.find(({ word }) => canonical.includes(word));
  const understanding: Understanding = {
    text,
    language: detectLanguage(message),
    intent,
    programmes,
    programmesByName: byName,
    ...formerNamed(canonical, domain),
    facts,
    purposes,
    asks,
    isFollowUp: followUp,
    isQuestion: domain.intents.question.test(canonical),
    ...(domain.intents.eligibilityQuestion.test(canonical) ? { asksEligibility: true } : {}),
    modifiers,
    ...(undecidedUse ? { purposeUndecided: true } : {}),
    ...(variants || yearAndTerm || ratesOfLoan ? { variants: { ...variants, ...(yearAndTerm ? { periods: yearAndTerm } : {}), ...(ratesOfLoan ? { rates: ratesOfLoan } : {}) } } : {}),
    ...(perProgramme ? { perProgramme } : {}),
    years: withYearRelativeInMessage(canonical, findYears(canonical), relative, modifiers.comparison === true || modifiers.arithmetic !== undefined || asks.includes('statistics')),
    ...donationAt(domain, canonical),
    ...optionalRelativeYear(relative?.offset),
    parameterTopics,
    ...optionalAnswer(bareAnswerOf(canonical, domain)),
    ...(roles.statedRate !== undefined ? { statedRate: roles.statedRate } : {}),
    ...(roles.rateHeard ? { rateHeard: true } : {}),
    ...(roles.ratioHeard ? { ratioHeard: true } : {}),
    ...(lender ? { lender } : {}),
    injectionSuspected: isInjectionSuspected(text),
    ...optionalContrast(contrasted),
    ...(facts.loanAmount !== undefined && domain.roles.balanceBesideRevenue.test(canonical) ? { borrowingIsBalance: true } : {}),
    ...optionalDecline(domain.intents.declines.find(({ cue }) => cue.test(canonical))?.key),
    approximateFacts: roles.approximate,
    ...(roles.ratioBound && facts.guaranteeRatio !== undefined ? { ratioBound: roles.ratioBound } : {}),
    ...(roles.yearlessDates ? { yearlessDates: roles.yearlessDates } : {}),
    ...(roles.loanByDefault && facts.loanAmount === roles.facts.loanAmount ? { loanByDefault: true } : {}),
    ...(loanAdded ? { loanAdded: true } : {}),
    ...(roles.corrections || domain.roles.corrections.test(canonical) ? { selfCorrection: true } : {}),
    ...(roles.corrections ? { corrections: roles.corrections } : {}),
    ...(roles.monthsAgoUncued !== undefined ? { monthsAgoUncued: roles.monthsAgoUncued } : {}),
    ...(roles.sinceDisasterMonths !== undefined ? { sinceDisasterMonths: roles.sinceDisasterMonths } : {}),
    keywords: [],
    asksWhichFits,
    ...(asksWhichFits && domain.intents.others.test(canonical) ? { asksOthers: true as const } : {}),
    ...(howToApply ? { howToApply } : {}),
    ...(asksAboutLoan ? { asksAboutLoan } : {}),
    ...(asksOfTopic ? { asksOfTopic } : {}),
    ...(Object.keys(byVerb).length > 0 ? { flagsByVerb: byVerb } : {}),
  };
  // Word segmentation is the dearest step of reading a message, and no answer reads the keywords: they are found
  // when first asked for, then kept.
  let keywords: string[] | undefined;
  Object.defineProperty(understanding, 'keywords', {
    enumerable: true,
    configurable: true,
    get: () => (keywords ??= extractKeywords(canonical, mentions, domain)),
  });
  return understanding;
}

/** 「照原則金額捐」「最少要捐多少」: the 火金姑 donations the rules name that the message asks of (the minimum, the norm, or both). */
function donationAt(domain: Domain, canonical: string): Pick<Understanding, 'donationAt'> {
  const at = [...(domain.roles.donationAtMinimum.test(canonical) ? (['minimum'] as const) : []), ...(domain.roles.donationAtStandard.test(canonical) ? (['standard'] as const) : [])];
  return at.length > 0 ? { donationAt: at } : {};
}

function optionalRelativeYear(offset: number | undefined): { relativeYear?: number } {
  return offset === undefined ? {} : { relativeYear: offset };
}

/** Whether a rule topic is named like a circumstance flag: employment_promotion.domestic_investment ↔ domesticInvestment. */
export function topicNamesFlag(topic: string, flag: string): boolean {
  const last = topic.split('.').at(-1) ?? '';
  return last.includes('_') && last.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) === flag;
}

/** 「創業鳳凰婦女小額貸款」: a programme named by the name it went by before it was renamed (programmes.yaml `former_names`). */
// (It does not name today's programme: the annual report still lists 微型企業創業貸款's own balance.)
function formerNamed(text: string, domain: Domain): Pick<Understanding, 'formerName'> {
  const former = formerNameIn(text, domain);
  return former ? { formerName: former } : {};
}
