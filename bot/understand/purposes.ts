import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import type { Ask, Intent } from './types.ts';
import { clauseAsks, clausesOf } from './follow-up.ts';
import { matchesOf } from './mention.ts';
import { isDenied } from './negation.ts';

/** The finder's purposes a message states by its words (想開早餐店 → start_up) or by a circumstance (上游推薦 → donorRecommended). */
export function findPurposes(text: string, flags: FactFlags, domain: Domain = shippedDomain()): string[] {
  // (「我房貸有逾期過」: the words telling a circumstance that names no need are left out first.)
  let told = text;
  for (const { flag, cue, notANeed } of domain.facts.flags) {
    if (!notANeed || flags[flag] !== true) continue;
    for (const m of matchesOf(cue, told)) told = `${told.slice(0, m.index)}${' '.repeat(m[0].length)}${told.slice(m.index + m[0].length)}`;
  }
  // (「不是拿來週轉買原料」: a need denied is not told.)
  return domain.finder.purposes
    .filter(({ cue, flags: implied }) => matchesOf(cue, told).some((m) => !isDenied(told, m.index)) || Object.entries(implied).some(([flag, value]) => flags[flag as keyof FactFlags] === value))
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
  /** What the message asks about, and the rule topics its words point to (營授比). */
  asks?: readonly Ask[];
  parameterTopics?: readonly string[];
  /** Said of oneself (「我們」「本公司」), or asked as a yes-or-no question (「信保有幫忙嗎」). */
  firstPerson?: boolean;
  yesNo?: boolean;
  /** 「哪些項目不以中小企業為限」: which ones are asked. */
  which?: boolean;
  /** The message states an amount to borrow. */
  statesLoan?: boolean;
  /** The message gives what the 營授比 limit reads (revenue and working-capital balance, or the ratio itself). */
  statesRatioCase?: boolean;
  /** The message states a guarantee ratio or a rate: 「青創能不能保到九成」 asks about that figure. */
  statesFigure?: boolean;
  /** The message writes a share to decimals (「18.41%」), as tables report them. */
  statesShare?: boolean;
}

/** What a question about one's own need may ask and still be a question about which programme fits. */
const FINDER_ASKS: readonly Ask[] = ['fee_rate', 'max_ratio', 'subsidy', 'eligibility_criteria'];

/** The programmes the stated needs point to. */
function needProgrammes(purposes: readonly string[], domain: Domain): Set<string> {
  return new Set(domain.finder.purposes.filter((p) => purposes.includes(p.id)).flatMap((p) => p.programmes));
}

/** 「有什麼貸款適合我」 asks which programme fits; 「哪些公司符合」 asks who may apply, and does not. */
export function asksWhichProgrammeFits(text: string, domain: Domain = shippedDomain()): boolean {
  return (domain.intents.recommend.test(text) || domain.intents.others.test(text)) && !domain.intents.whoQualifies.test(text);
}

/**
 * 「聽說信包可以幫忙，一般都保幾成啊？」: the words of asking which programme fits are in a clause that asks nothing (a story
 * or hearsay), and another clause asks: what that clause asks is the question.
 */
function toldNotAsked(text: string, domain: Domain): boolean {
  const asking = clausesOf(text).filter((clause) => clauseAsks(clause, domain));
  return asking.length > 0 && !asking.some((clause) => domain.intents.recommend.test(clause));
}

/** Intents that say what the message is, whatever else it contains. */
const DECIDED: readonly Intent[] = ['reset', 'feedback', 'greeting', 'fee_calculation'];

/**
 * 「我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？」 names no programme and asks which one fits: a recommendation,
 * not the eligibility of one programme. Needs compared by description (「自有品牌的貸款跟研發用的貸款」) are one too,
 * and so is 「青創跟鳳凰哪個適合我」.
 */
export function isRecommendation(text: string, c: RecommendContext, domain: Domain = shippedDomain()): boolean {
  // (「我45歲 女生 想開花店 要借80萬 信保有什麼可以用 保幾成 手續費多少」: a fee asked with which programme fits, naming none,
  // is the finder's: the fee follows from the programme found.)
  const feeOfUnfound = c.intent === 'fee_calculation' && c.programmes.length === 0 && asksWhichProgrammeFits(text, domain);
  if (DECIDED.includes(c.intent) && !feeOfUnfound) return false;
  const asksWhichFits = asksWhichProgrammeFits(text, domain) && !((c.asks ?? []).length > 0 && toldNotAsked(text, domain));
  // 「公司要提撥勞工退休金，有沒有相關的貸款」: the name is the need's own programme, and which programme fits is asked
  // (「想申請青年創業貸款」 is an eligibility question about the programme, and stays one).
  const namedByNeed = c.intent !== 'eligibility' && c.programmesByName.every((id) => needProgrammes(c.purposes, domain).has(id));
  if (c.programmesByName.length > 0 && c.statesFigure) return false;
  if (c.programmesByName.length > 0) return asksWhichFits && ((c.comparison && c.programmesByName.length >= 2) || (namedByNeed && (c.asks ?? []).length === 0));
  // (「年報上寫18.41%的那一項是什麼保證項目」: a reported figure's item is asked, not which programme fits a case.)
  // (Nor 「各縣市的保證餘額表裡 有沒有算進勞工紓困貸款」: a statistic asked with no need told is the report's question.)
  if (asksWhichFits && (c.asks ?? []).includes('statistics') && (c.statesShare || c.purposes.length === 0)) return false;
  if (asksWhichFits) return true;
  // 「我之前借了好幾筆週轉金…這樣營授比會不會太高」: a rule of every guarantee asked of one's case (a topic of no one programme,
  // asks.yaml parameter_topics without a programme before the dot), naming no programme, is that rule's question, not
  // which programme fits the need told. (A programme's own measure, 「參與公共建設那個額外1億」, still weighs the programmes.)
  const generalRule = (c.parameterTopics ?? []).some((topic) => !topic.includes('.'));
  if (c.programmes.length === 0 && generalRule && (c.yesNo || (c.asks ?? []).length > 0)) return false;
  // 「營業額一千二 週轉借了九百 還能送信保嗎」: the figures the 營授比 limit reads are the question, not which programme fits.
  if (c.statesRatioCase) return false;
  // 「開了一家小吃店 剛滿一年 我43歲男生 想借50萬」: who one is and how much, naming no programme and asking nothing in particular.
  const asks = c.asks ?? [];
  // (「原本的綜合額度1000萬已經用完了」 names a rule's figure: that rule is the subject.)
  if (c.programmes.length === 0 && c.aboutApplicant && c.statesLoan && asks.length === 0 && (c.parameterTopics ?? []).length === 0) return true;
  // 「我們是颱風受災企業，可以保幾成」 points to a programme through a circumstance: that programme is the question.
  if (c.programmes.length > 0) return false;
  if (c.purposes.length >= 2 && c.comparison) return true;
  // 「我們保證會多請員工、不裁員，手續費可以打折嗎」「我在有邦交的國家想投資設廠，信保有幫忙嗎」「年輕人創業用的貸款跟中高齡
  // 創業用的貸款哪個手續費低」: a need of one's own, or compared, asked about in general terms (at most a ratio, a rate or a
  // benefit, no rule topic), is which programme fits it.
  // An eligibility question (「車貸可以送信保嗎」) stays one.
  const inGeneral = (c.parameterTopics ?? []).length === 0 && asks.every((ask) => FINDER_ASKS.includes(ask)) && c.intent !== 'eligibility';
  // (So is one asking which programmes serve who applies, 「保證項目表中，哪些項目不以中小企業為限」: needs that only say who the
  // applicant is, finder.yaml `applicant`. Which kind of loan a need is, 「買機器設備的貸款算哪一種授信」, is no such question.)
  const applicantOnly = c.purposes.every((id) => domain.finder.purposes.find((p) => p.id === id)?.applicant === true);
  if (c.purposes.length > 0 && inGeneral && (c.firstPerson || c.yesNo || c.comparison || (c.which && applicantOnly))) return true;
  // 「銀行要走授權還是專案？」 compares ways of applying, not programmes: a question asking more than the finder answers is not for it.
  if (asks.some((ask) => !FINDER_ASKS.includes(ask))) return false;
  return c.purposes.length > 0 && c.aboutApplicant && (c.comparison || c.intent !== 'fact_lookup');
}
