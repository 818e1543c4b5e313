import type { FactFlags } from '../../rules/facts.ts';
import type { Domain } from '../../domain/index.ts';
import type { ParameterView } from '../../rules/at.ts';
import type { CitationIndex } from '../compose/citations.ts';
import { reply, type ReplyParts } from '../compose/reply.ts';
import type { ServiceLines } from '../compose/service-lines.ts';
import type { MergedTurn } from '../dialogue/merge.ts';
import type { ConversationState } from '../dialogue/state.ts';
import type { Sources } from '../sources.ts';
import type { Reply } from '../types.ts';
import type { Understanding } from '../understand/types.ts';

/** Everything a flow may read for one turn. Flows are pure given this: no clock, no I/O. */
export interface FlowContext {
  sources: Sources;
  /** The words users say: questions for missing facts, names of programmes. */
  domain: Domain;
  /** Rule parameters in force on the day of the question. */
  view: ParameterView;
  asOf: string;
  /** The day of the question, when `asOf` is a day the question names (a case's or a document's). */
  today?: string;
  /**
   * The question names the one time it asks about (現在/目前, or 「104年的…」): the figure in force then answers it alone,
   * without the other versions a question naming no time is told beside it.
   */
  timeNamed?: boolean;
  /**
   * A case's own date sets `asOf` (its application or approval date, or its loan's start), in a message of one question:
   * a version that ended before that day does not apply to the case and is not told beside it. (A later version still is:
   * a transition rule may let the case choose it, 「仍得依修正前規定」.)
   */
  caseDated?: boolean;
  cite: CitationIndex;
  service: ServiceLines;
  understanding: Understanding;
  merged: MergedTurn;
  state: ConversationState;
  /** Sections the passages quoted should come from when they can (those a rule's figure was read from). */
  within?: string[];
}

export type Outcome = 'answered' | 'unanswered' | 'low_confidence' | 'asked';

/** What a flow returns: the replies, how it went, and what the conversation should remember. */
export interface FlowResult {
  replies: Reply[];
  outcome: Outcome;
  /** Grounded texts behind the answer (trace steps, parameter values, cited passages), for the optional phrasing guard. */
  grounding?: string[];
  state: Partial<Pick<ConversationState, 'task' | 'asks' | 'pending' | 'programme' | 'facts' | 'purposes' | 'compared'>> & {
    /** The answer read the message as continuing the topic before it (「中期的」 after 「週轉金最長借幾年」). */
    continuedTopic?: boolean;
    /**
     * Words the answer brought into the conversation that a follow-up may be about (「促進就業具結書」 offered as a way to a
     * lower rate: 「要準備什麼文件」 next asks for its papers): kept with the topic.
     */
    offered?: Array<keyof FactFlags>;
    /** The estimate said what its waived fee would have cost. */
    waiverWorth?: boolean;
    /** The estimate set the case with and without these circumstances side by side. */
    sideBySide?: Array<keyof FactFlags>;
    /** The sections a passage answer quoted. */
    quotedSections?: string[];
    /** The one table row the passage answer quoted, by its name (臺灣企銀). */
    answeredRow?: string;
    /** The answer summed amounts added on top of one another (合計最高). */
    summed?: boolean;
    sidePeriods?: number[];
    /** The one year (ROC) the answer worked out as a table's highest or lowest: kept with the topic. */
    yearAnswered?: number;
  };
}

/**
 * An answer that can receive 👍/👎, whose own lines (and any extra grounded texts) are what the optional
 * phrasing guard may draw figures from.
 */
export function answered(parts: Omit<ReplyParts, 'feedback'>, state: FlowResult['state'], extraGrounding: string[] = []): FlowResult {
  const lines = parts.lines.filter((l): l is string => typeof l === 'string' && l.length > 0);
  return {
    outcome: 'answered',
    grounding: [...extraGrounding, ...lines],
    replies: [reply({ ...parts, feedback: true })],
    state,
  };
}

/** A question back to the user (a missing or impossible fact); the task waits for the answer. */
export function asked(parts: Omit<ReplyParts, 'feedback' | 'kind'>, state: FlowResult['state']): FlowResult {
  return { outcome: 'asked', replies: [reply({ ...parts, kind: 'question' })], state };
}
