import type { ConversationState } from '../dialogue/state.ts';
import type { FlowResult } from '../flows/context.ts';
import type { Reply, Turn } from '../types.ts';
import type { Understanding } from '../understand/types.ts';
import { reply } from './reply.ts';

/**
 * The client still shows earlier exchanges (the web page restores its history after a reload) but the bot
 * remembers none: the conversation expired, or the server restarted without a shared store.
 */
export function contextWasLost(turn: Turn, state: ConversationState): boolean {
  return (turn.turnsShown ?? 0) > 0 && state.turns === 0;
}

/** 「換成2年呢？」 or a bare 「B組」 leans on turns the bot no longer has: answering it would answer something else. */
export function leansOnLostContext(u: Understanding): boolean {
  return u.isFollowUp || (u.intent === 'unknown' && u.programmes.length === 0);
}

export function contextLostReply(): Reply {
  return reply({
    kind: 'question',
    intent: 'context_lost',
    lines: [
      '抱歉，我這裡已經沒有我們先前的對話（對話閒置太久，或系統重新啟動過），所以無法接著回答這一句。',
      '請把完整的問題再說一次，例如「一般貸款500萬保8成B組兩年手續費多少？」',
    ],
    quickReplies: ['一般貸款500萬保8成B組一年手續費多少？', '批次保證手續費率是多少？', '我35歲，公司成立2年，可以申請青創貸款嗎？'],
  });
}

/** 「（提醒：…」 keeps the note visible in the answer's layout, under the result. */
const CONTEXT_LOST_NOTE = '（提醒：我這裡已沒有先前的對話內容，以上只依這則訊息回答；先前提供的資料請再說一次。）';

/** A whole question is answered, saying that what was said before is gone (the person may have given facts). */
export function withContextLostNote(result: FlowResult): FlowResult {
  const [first, ...rest] = result.replies;
  if (!first) return result;
  return { ...result, replies: [{ ...first, text: `${first.text}\n${CONTEXT_LOST_NOTE}` }, ...rest] };
}
