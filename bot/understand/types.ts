import { ASK_IDS } from '../../domain/schema.ts';
import type { AskTopic } from '../../domain/index.ts';
import type { FactFlags, Facts, RiskGroup } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import type { Correction } from './roles.ts';

export type Intent =
  | 'fee_calculation'
  | 'eligibility'
  | 'fact_lookup'
  | 'recommend'
  | 'greeting'
  | 'help'
  | 'feedback'
  | 'reset'
  | 'out_of_scope'
  | 'unknown';

/**
 * What a question asks about (the words behind each are in domain/registry/asks.yaml; 'fee' there splits into
 * fee_rate and fee_amount):
 * fee_rate 保證手續費率 · fee_amount a fee in NT$ · max_ratio 保證成數 · age_limit 年齡條件 ·
 * business_age_limit 設立/營業期間條件 · cap_amount 額度、上限 · period_limit 貸款或保證期間 ·
 * definition 是什麼 · procedure 如何申請、文件、流程 · contact 電話、地址 · statistics 年報數字 ·
 * effective_date 何時實施 · exclusions 不得送保、限制 · subsidy 利息補貼、費用減免 · budget 預算經費 ·
 * eligibility_criteria 申請資格、適用對象 · subrogation 代位清償、代償率 · interest_rate 貸款利率 ·
 * threshold 超過多少就受限制的界線（營授比門檻） · repayment 怎麼還、還款方式 · usage 錢或額度可以用在什麼.
 */
export const ASKS = ['fee_rate', 'fee_amount', ...ASK_IDS.filter((id): id is Exclude<AskTopic, 'fee'> => id !== 'fee')] as const;
export type Ask = 'fee_rate' | 'fee_amount' | Exclude<AskTopic, 'fee'>;

export interface Figure {
  kind: 'amount' | 'percent' | 'ratio' | 'months' | 'years' | 'days' | 'date' | 'count' | 'plain';
  /**
   * amount: NT$ (4萬 → 40000); percent and ratio share the percent unit (九成 → ratio 90, 90% → percent 90,
   * 0.35% → percent 0.35); months, years, days:
   * that unit (一年半 → years 1.5, 47歲 → years 47); date: yyyymmdd with 00 for a missing month or day
   * (民國103年12月15日 → 20141215, 民國103年 → 20140000, 12月15日 → 1215); count: the number before
   * a classifier or after 第 (第13屆 → 13); plain: any other Arabic number, phone numbers included as
   * their digits (0800-089-921 → 800089921; raw keeps the leading zero).
   */
  value: number;
  /** The figure as written in the scanned text. */
  raw: string;
  /** Index of `raw` in the scanned text. */
  index: number;
}

/** How a question is asked, which shapes the answer but not what it is about. */
export interface Modifiers {
  /** Several items at once: 「專案、批次、直接保證分別是哪年推出的？」 */
  several: boolean;
  /** The largest or smallest row of a table: 「哪家銀行最多？」 */
  superlative?: 'most' | 'least';
  /** 「最高和最低差多少」「最低與最高各多少」: both ends are named. */
  bothEnds?: boolean;
  /** Places in a ranking of table rows: 「前三名」 → 1 to 3, 「第四名呢」 → 4 to 4. */
  rank?: { from: number; to: number };
  /** 「臺灣企銀排第幾」: the place of a named row in a ranking is asked (domain/registry/intents.yaml `place_of`). */
  placeOf?: boolean;
  /** 「比前一名少多少」「跟排在後面那家差多少」: the row ranked just above or below the one asked. */
  neighbour?: 'above' | 'below';
  /** A yes-or-no question: the rule is quoted beside its figures. */
  yesNo: boolean;
  /** About today's state of things (「現任董事長」「目前的上限」): the newest document is the one to quote. */
  current: boolean;
  /** Two or more things are compared (「哪個成數高」「有差嗎」). */
  comparison: boolean;
  /** A whole list is wanted (「有哪些情況…」). */
  list: boolean;
  /** The message opens by leaning on the previous turn (「那…」「如果…」「跟110年比呢」). */
  continuing: boolean;
  /** 「如果沒免收，原本要繳多少？」: the worth of a waiver. */
  notWaived: boolean;
  /** 「跟沒簽比省多少」「比原本少多少」: the case with and without its circumstance, side by side. */
  bothWays: boolean;
  /** 「改成2年」: one fact of the case under discussion changes. */
  change: boolean;
  /**
   * 「手續費0.5%的是哪些專案？」: a value is given and the programmes that have it are asked for (a which-question with a
   * stated rate or ratio and no programme named).
   */
  reverse: boolean;
  /** 「這是哪一種保證方式」: which one is asked (domain/registry/intents.yaml modifiers.which). */
  which?: boolean;
  /** 「加起來總共多少」: a sum is asked (modifiers.total). */
  total?: boolean;
  /** 「那再加上彰銀呢」「臺南也算進去」: what it names is added to the figures of the question before (intents.yaml adds_to_before). */
  addsToBefore?: boolean;
  /** 「捐助信保基金的錢佔總經費幾%」: a part's share of a whole is asked (intents.yaml modifiers.share). */
  share?: boolean;
  /**
   * 「110年的保證金額比111年多多少」「政府捐的是銀行的幾倍」「批保比專案保證晚幾年推出」: arithmetic asked over two figures
   * (intents.yaml modifiers `difference`, `times`, `years_between`; a sum is `total`).
   */
  arithmetic?: 'difference' | 'times' | 'growth' | 'per' | 'years_between';
  /** 「信用分數要幾分才能送保」: the bar a criterion sets is asked, not whether one's own case passes (modifiers.threshold). */
  threshold?: boolean;
  /** 「手續費1.5%好貴 有沒有辦法降」: how the figure could be lower is asked (modifiers.lower). */
  lower?: boolean;
  /** 「批保手續費哪幾家銀行比較便宜」: which lending banks a figure differs by is asked (modifiers.which_lender). */
  whichLender?: boolean;
  /** 「批次保證剛推出的時候可以保到十成嗎」: asks the rule as it first was. */
  originally?: boolean;
  /** 「以前批次保證可以保到十成嗎」: asked of the past, a rule since replaced is what answers, not its replacement. */
  past?: boolean;
  /** 「1.5億的措施實施到什麼時候為止」: asks when a rule ends. */
  until?: boolean;
  /** 「現在還能報名嗎」: whether something still holds today; a passage whose dates have passed is said to be past. */
  still: boolean;
  /** 「那就借到最長」「借最長的年限」: the loan is for the longest term its rules allow (the one just discussed). */
  longestTerm?: true;
}

/** How an applicant asks to apply: where (route), the papers to bring (documents), or directly with the fund (direct). */
export type HowToApply = 'route' | 'documents' | 'direct';

export interface Understanding {
  /** The normalised text (NFKC, Traditional, lower-case Latin). */
  text: string;
  language: 'zh-Hant' | 'zh-Hans' | 'en';
  intent: Intent;
  /** Programmes mentioned, in order of first mention; the question is about programmes[0]. */
  programmes: ProgrammeId[];
  /** Those named outright, not only through a circumstance (莫拉克, 新創事業). */
  programmesByName: ProgrammeId[];
  /** The former name a programme was called by (「創業鳳凰婦女小額貸款」, programmes.yaml `former_names`): the answer says it was renamed. */
  formerName?: { id: ProgrammeId; name: string };
  /** Only what this message states. */
  facts: Facts;
  /** What the money is for or the situation, as the finder's purposes (start_up, working_capital …; domain/registry/finder.yaml). */
  purposes: string[];
  asks: Ask[];
  /** An elliptical follow-up (那C組呢？): its facts change the ones gathered so far. */
  isFollowUp: boolean;
  /** The message is put as a question (a question mark or word: 嗎, 多少, 幾 …; domain/registry/intents.yaml `question`). */
  isQuestion: boolean;
  modifiers: Modifiers;
  /**
   * Values of one fact to compute side by side: 「A組跟C組差多少」 (risk groups), 「簽了具結書跟沒簽」 (a circumstance
   * with and without).
   */
  variants?: {
    riskGroups?: RiskGroup[];
    flags?: Array<keyof FactFlags>;
    /** 「一年要繳多少？借3年總共咧」: each period's fee, in months. */
    periods?: number[];
    /** 「保8成的話一年多少，青輔會推薦保9成的話又多少」: each guarantee ratio's fee, in percent. */
    ratios?: number[];
    /** 「手續費到底是0.35%還是0.3%？貸200萬…一年各是多少」: the fee at each annual rate told, in percent. */
    rates?: number[];
    /** 「那C組要多繳多少」 after a B estimate: the case as it was before this message changed it. */
    earlier?: Partial<Pick<Facts, 'loanAmount' | 'guaranteedAmount' | 'guaranteeRatio' | 'periodMonths' | 'riskGroup'>>;
  };
  /**
   * Facts stated for one programme of several named (「批保保9成 跟 一般貸款A組保8成」): each side is computed with its own
   * ratio, risk group and quoted rate (「青創費率0.75% 一般貸款是B組」); the rest of the facts are shared.
   */
  perProgramme?: Array<{ programme: ProgrammeId; facts: Pick<Facts, 'guaranteeRatio' | 'riskGroup'>; statedRate?: number }>;
  /** Years the message names (2022, 民國111年), Gregorian. */
  years: number[];
  /** Rule-parameter folders or names its words point to (營授比 → business_finance_ratio). */
  parameterTopics: string[];
  /** The whole message is a yes or a no (「是」「沒有」), answering a yes-or-no question. */
  bareAnswer?: 'yes' | 'no';
  /** 「可能拿來週轉也可能買設備」: the loan is said to be for one of two uses, not yet which. */
  purposeUndecided?: boolean;
  /** Circumstances spoken of by their verb alone (「如果沒簽呢」), for the conversation to apply to the one discussed. */
  flagsByVerb?: FactFlags;
  /** A fee rate the user wrote (年費率1%), in percent. Recorded, never used as a parameter. */
  /** The stated rate was told as heard (「聽說…1%」), not quoted by the lender: it is checked, never computed with. */
  rateHeard?: boolean;
  /** The guarantee ratio was told as heard (「聽說青創可以保九成」): a fee is not computed at it. */
  ratioHeard?: boolean;
  /**
   * The lending bank named (「我在玉山辦批保」: 玉山商業銀行), kept out of `facts` so that naming a bank (「玉山拿過哪些獎」) tells no
   * case and changes no intent; the dialogue makes it the case's lender (dialogue/merge.ts), read only by the batch fee rate and its lookup.
   */
  lender?: string;
  statedRate?: number;
  /**
   * The loan amount stated is a 週轉 borrowing (「週轉借款加起來1500萬」): with a revenue known from earlier turns it is the
   * balance the 營授比 divides, as it would be beside a revenue in the same message.
   */
  borrowingIsBalance?: boolean;
  /** Programmes named only as a contrast (「還是只有一般貸款才有」), not as what is asked about. */
  contrasted?: ProgrammeId[];
  /** A request the bot declines (domain/registry/intents.yaml `declines`): a promise of approval, someone else's data. */
  declines?: string;
  /** The message tries to give the bot instructions or figures to use (忽略之前指示…). */
  injectionSuspected: boolean;
  /**
   * Facts taken from a bound rather than a value: 設立未滿一年 gives businessAgeMonths 11 and lists
   * 'businessAgeMonths' here, so a rule near the bound can ask instead of deciding.
   */
  approximateFacts: Array<keyof Facts>;
  /** 「颱風是8月7號來的 我12月10號才要申請」: a disaster or application day said without its year, as MM-DD. */
  yearlessDates?: Partial<Record<'disasterDate' | 'applicationDate' | 'approvalDate', string>>;
  /** 「男生也能辦嗎」「可以申請嗎」: the message asks whether the case qualifies (intents.yaml eligibility_question), whatever else it asks. */
  asksEligibility?: boolean;
  /** 「9成以上」「超過八成」: the ratio stated is a bound (inclusive: 以上 includes it, 超過 does not). */
  ratioBound?: { side: 'over' | 'under'; inclusive: boolean };
  /** The loan amount was read as one only for want of a word saying what the amount is (「改成三千萬呢」). */
  loanByDefault?: boolean;
  /** The loan is said to come on top of what is borrowed (「再多借三百萬」): a balance before it grows by it. */
  loanAdded?: boolean;
  /**
   * 「啊打錯 是45歲不是44」「我記錯了 是105年設立」: the message corrects what the user said before (roles.yaml `corrections`, or
   * a figure taken back after 不是). The dialogue goes on with the case, its figures replaced.
   */
  selfCorrection?: boolean;
  /** Each figure taken back (「不是2000萬」) with the one of its kind said instead: the dialogue replaces the fact it was. */
  corrections?: Correction[];
  /** 「是6年前」: a time before now with no founding word near it, months; in a correction it is the business's age. */
  monthsAgoUncued?: number;
  /** 「受災後已經過了5個月」: how long ago the disaster was, in months. */
  sinceDisasterMonths?: number;
  /** Content words left for retrieval (normalised, without amounts and filler). */
  keywords: string[];
  /**
   * 「最少要捐多少 這樣可以保多少」: the 火金姑 donations asked of: the lowest the rules allow (roles.yaml
   * donation_at_minimum), 「照原則金額捐」 the amount they name as the norm (donation_at_standard), or both.
   */
  donationAt?: ReadonlyArray<'minimum' | 'standard'>;
  /** 「那前一年呢」「比去年多多少」: a year said relative to another (words.yaml relative_years), by how many years it moves. */
  relativeYear?: number;
  /** The message asks which programme fits (「有什麼貸款適合我」), not only describes the applicant or a need. */
  asksWhichFits: boolean;
  /**
   * 「不行的話有別的可以辦嗎」「那有其他的嗎」「還有哪個保比較多成」: programmes other than the one discussed (or the ones
   * already listed) are asked for (intents.yaml `others`). Implies asksWhichFits.
   */
  asksOthers?: true;
  /** 「要去哪裡申請」「要準備什麼文件」「能不能直接找信保基金」 from an applicant (not a lending bank filing a case). */
  howToApply?: HowToApply;
  /**
   * What the asks would be about a loan: 「那保證金額多少」 with no amount of its own asks for the year's statistics, but
   * after a loan was stated it asks that loan's guaranteed amount (asks.yaml `without_amount`). Only when they differ.
   */
  asksAboutLoan?: Ask[];
  /**
   * 「同一家公司…總共最多可以到多少錢」: what a rule topic named asks when the message asks nothing else and goes on with
   * nothing before it (the per-enterprise total's cap).
   */
  asksOfTopic?: Ask;
}
