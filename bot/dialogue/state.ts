import type { FactFlags, Facts } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';

/** What the bot remembers of a conversation between turns. Plain data, so any store can serialise it. */
export interface ConversationState {
  programme?: ProgrammeId;
  facts: Facts;
  /** The task under way (fee_calculation, eligibility, fact_lookup), so a bare follow-up continues it. */
  task?: string;
  /** What the last lookup asked about (fee_rate, max_ratio …), so 「那C組呢？」 asks the same again. */
  asks?: string[];
  /** The needs the user described to the programme finder (start_up, working_capital …), kept while it asks. */
  purposes?: string[];
  /** The fact the bot asked for last, so a bare answer such as 「B」 or 「一年」 fills it. */
  pending?: string;
  /** A fee rate the user said was quoted for the case (「銀行給我1.2%」), in percent: the fee is computed with it. */
  statedRate?: number;
  /** The last fact question, so 「跟110年比呢？」 is searched together with what it compares. */
  topic?: string;
  /** The rule topics the last lookup read (總額度, 營授比), so 「我是說111年的」 reads them again. */
  parameterTopics?: string[];
  /** Circumstances the last answer offered as a way to a lower figure (促進就業具結書), so 「要準備什麼文件」 asks their papers. */
  offered?: Array<keyof FactFlags>;
  /** The last estimate said what a waived fee would have cost (「免收的保費等於省了多少」), so 「那1000萬呢」 says it again. */
  waiverWorth?: boolean;
  /** The last estimate set the case with and without these circumstances side by side (「比沒得獎少多少」), so 「保證金額改成500萬呢」 does again. */
  sideBySide?: Array<keyof FactFlags>;
  /** The last estimate was each period asked for every risk group (「一年多少？借2年總共多少？」), so 「B組」 computes those periods. */
  sidePeriods?: number[];
  /** The sections the last answer quoted passages from, so a follow-up asking nothing of its own (「那最多的是哪一年」) reads them first. */
  quotedSections?: string[];
  /** The one table row the last answer quoted (臺灣企銀), so 「它佔全部幾%」 asks of it. */
  answeredRow?: string;
  /** The last answer summed amounts added on top of one another (合計最高), so 「那如果只有公共工程呢」 sums them again. */
  summed?: boolean;
  /** Programmes a lookup answered side by side (「火金姑跟一般貸款成數差多少」), so 「那手續費呢」 compares them again. */
  compared?: ProgrammeId[];
  turns: number;
}

export function emptyState(): ConversationState {
  return { facts: {}, turns: 0 };
}
