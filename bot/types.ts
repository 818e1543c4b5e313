/**
 * The channel-neutral contract between adapters and the bot core.
 * Adapters turn their traffic into a Turn and render the Replies they get back; nothing else crosses.
 */

export type Channel = 'web' | 'api' | 'line' | 'botframework' | 'cli' | 'eval';

export type TurnEvent =
  | { type: 'message'; text: string }
  /** The user opened the chat or followed the account: answer with a greeting. */
  | { type: 'greeting' }
  /** 👍/👎 on an earlier answer, identified by the answerId that answer carried. */
  | { type: 'feedback'; answerId: string; rating: 'up' | 'down'; comment?: string };

export interface Turn {
  /** Conversation state is keyed by this (a LINE user, group or room; a web session; a Bot Framework conversation). */
  conversationId: string;
  channel: Channel;
  event: TurnEvent;
  /** An opaque user identity for rate limits and feedback; never shown, stored only hashed. */
  userId?: string;
  /**
   * How many of this conversation's exchanges the client still shows (the web page restores its history after a
   * reload). Shown exchanges while the bot remembers none mean the bot lost the context, and must say so.
   */
  turnsShown?: number;
}

export interface Citation {
  documentId: string;
  /** Document title as in its front matter. */
  title: string;
  /** Section heading (the heading path joined with ' > ' when nested). */
  section: string;
  /** Stable section id: `${documentId}#${slug}`. */
  sectionId?: string;
  /** ISO date the cited text speaks for: the document's issue date, or the parameter value's effective date. */
  date?: string;
  /** How the date reads to a person, e.g. 「民國103年11月5日發文，103年12月15日起實施」. */
  dateLabel?: string;
  /** The cited passage (short), for the web page's expandable citation. */
  excerpt?: string;
  /** The rule parameter this citation backs, when it comes from rules/. */
  parameter?: string;
}

/** A structured view of a calculation or eligibility result, for cards (LINE Flex, Adaptive Cards, the web page). */
export interface ResultCard {
  title: string;
  inputs: Array<{ label: string; value: string }>;
  /** e.g. 「5,000,000 × 80% × 1.00% × 12/12 = 40,000」 */
  formula?: string;
  result: { label: string; value: string };
  /** e.g. 「適用 2014-12-15 起之規定」 */
  ruleDate?: string;
  notes?: string[];
  sources: string[];
}

/**
 * One programme the finder proposes, for a carousel (LINE Flex), a card (the web page) or a list (Adaptive Cards);
 * the reply's text keeps the same figures, one line per programme, for channels that show text only.
 */
export interface ProgrammeCard {
  name: string;
  /** Who it is for, as the documents say. */
  forWhom?: string;
  /** e.g. 「8成（80%）」, or that the documents give none. */
  maxRatio: string;
  /** e.g. 「年費率 0.5%」, or that the documents give none. */
  feeRate: string;
  whyItFits: string;
  /** The facts that would still decide it, or that what was said fits. */
  stillToConfirm: string;
  /** What was said meets every condition the rules check (nothing still to confirm). */
  fits?: boolean;
  /** 「title > section」 of the rule parameters behind the figures. */
  sources: string[];
}

export type ReplyKind =
  | 'answer'
  | 'calculation'
  | 'eligibility'
  | 'question'
  | 'greeting'
  | 'fallback'
  | 'out_of_scope'
  | 'feedback_ack'
  /** The person asked for a person: the service lines, and on LINE the bot stands aside for a while. */
  | 'handoff'
  | 'error';

export interface Reply {
  kind: ReplyKind;
  text: string;
  citations: Citation[];
  quickReplies?: string[];
  card?: ResultCard;
  /** The finder's proposals, best first. */
  programmes?: ProgrammeCard[];
  /** Present on answers that can receive 👍/👎 feedback. */
  answerId?: string;
  /** The recognised intent, for logs and metrics (never the message text). */
  intent?: string;
  /** Set when the question was in English: the labels are in English, and channels show theirs in English too. */
  language?: 'en';
  /**
   * Set on a reply that says the documents do not give what was asked (an approval rate, an office in a town where
   * none is listed), with what they do give: not a fallback, yet no answer to the question either.
   */
  notInDocuments?: true;
}

export interface Bot {
  handle(turn: Turn): Promise<Reply[]>;
}

/**
 * What the bot reports about each turn, for the staff feedback loop and metrics. Carries the raw text:
 * the sink that stores it must redact personal data first; logs must not print it at info level.
 */
export type InteractionEvent =
  | {
      /** `handoff`: the person asked for a person, or accepted the offer of one; staff follow these up. */
      type: 'answered' | 'unanswered' | 'low_confidence' | 'handoff';
      at: Date;
      conversationId: string;
      channel: Channel;
      userId?: string;
      text: string;
      intent: string;
      answerId?: string;
      /** The answer given (for 👎 review), without citations. */
      answer?: string;
      latencyMs: number;
    }
  | {
      type: 'feedback';
      at: Date;
      conversationId: string;
      channel: Channel;
      userId?: string;
      answerId: string;
      rating: 'up' | 'down';
      comment?: string;
    };

export interface InteractionSink {
  record(event: InteractionEvent): void;
}
