import type { ServiceLines } from '../compose/service-lines.ts';
import type { Outcome } from '../flows/context.ts';
import type { InteractionSink, Reply, Turn } from '../types.ts';
import { MissedAnswers } from './failures.ts';
import { ASK_FOR_PERSON, contactReply, handoffReply, OFFER_LINE, resumedReply } from './replies.ts';
import { shippedHandoffVocabulary, type HandoffVocabulary } from './words.ts';

export interface HandoffDeskDeps {
  interactions?: InteractionSink;
  now: () => Date;
  vocabulary?: HandoffVocabulary;
}

/** Where a person asks for a person (or for the bot back), and where repeated misses lead to the offer of one. */
export interface HandoffDesk {
  /** Replies to 「找真人」「回到機器人」「聯絡客服」, answered before any understanding; undefined for anything else. */
  answer(turn: Turn, text: string, service: ServiceLines): Reply[] | undefined;
  /** Counts missed answers; after words.yaml's number of them in a row, the last reply offers a person. */
  afterAnswer(turn: Turn, outcome: Outcome, replies: Reply[]): Reply[];
}

const MAX_QUICK_REPLIES = 6;

export function createHandoffDesk(deps: HandoffDeskDeps): HandoffDesk {
  const words = deps.vocabulary ?? shippedHandoffVocabulary();
  const missed = new MissedAnswers();
  return {
    answer(turn, text, service) {
      if (words.asksForPerson(text)) {
        const handoff = handoffReply(service);
        // Staff follow handoffs up from the interaction store (redacted there like every question).
        deps.interactions?.record({
          type: 'handoff',
          at: deps.now(),
          conversationId: turn.conversationId,
          channel: turn.channel,
          ...(turn.userId ? { userId: turn.userId } : {}),
          text,
          intent: 'handoff',
          answer: handoff.text,
          latencyMs: 0,
        });
        missed.clear(turn.conversationId);
        return [handoff];
      }
      if (words.asksForBot(text)) return [resumedReply()];
      if (words.asksForContact(text)) return [contactReply(service)];
      return undefined;
    },
    afterAnswer(turn, outcome, replies) {
      if (outcome === 'answered') missed.clear(turn.conversationId);
      if (outcome !== 'unanswered' && outcome !== 'low_confidence') return replies;
      if (missed.missed(turn.conversationId) < words.offerAfterFailures) return replies;
      missed.clear(turn.conversationId);
      return offeringPerson(replies);
    },
  };
}

function offeringPerson(replies: Reply[]): Reply[] {
  const last = replies.at(-1);
  if (!last) return replies;
  const offered: Reply = {
    ...last,
    text: `${last.text}\n${OFFER_LINE}`,
    quickReplies: [ASK_FOR_PERSON, ...(last.quickReplies ?? []).filter((q) => q !== ASK_FOR_PERSON)].slice(0, MAX_QUICK_REPLIES),
  };
  return [...replies.slice(0, -1), offered];
}
