import { reply } from '../compose/reply.ts';
import { contactLines, type ServiceLines } from '../compose/service-lines.ts';
import type { Reply } from '../types.ts';

/** What a person taps to ask for a person; it is in words.yaml's request list, so tapping it hands off. */
export const ASK_FOR_PERSON = '轉真人客服';
/** In words.yaml's resume list: LINE offers it while it stands aside. */
export const BACK_TO_BOT = '回到機器人';

const EXAMPLES = ['一般貸款500萬保8成B組一年手續費多少？', '批次保證手續費率是多少？', '我35歲，公司成立2年，可以申請青創貸款嗎？'];

function citationsOf(service: ServiceLines) {
  return service.citation ? [service.citation] : [];
}

/** The handoff itself: who will help, and how to reach them now. Channels add what they do (LINE stands aside). */
export function handoffReply(service: ServiceLines): Reply {
  return reply({
    kind: 'handoff',
    intent: 'handoff',
    lines: ['好的，這個問題請由信保基金的客服人員協助您。', ...contactLines(service)],
    citations: citationsOf(service),
  });
}

/** 「聯絡客服」: the ways to reach the fund, and a person if wanted. */
export function contactReply(service: ServiceLines): Reply {
  return reply({
    kind: 'answer',
    intent: 'contact',
    lines: ['信保基金的聯絡方式：', ...contactLines(service), '需要客服人員協助，請點「轉真人客服」。'],
    citations: citationsOf(service),
    quickReplies: [ASK_FOR_PERSON, ...EXAMPLES.slice(0, 2)],
  });
}

export function resumedReply(): Reply {
  return reply({ kind: 'greeting', intent: 'handoff_resume', lines: ['好的，智慧客服回來了。請問想了解什麼？'], quickReplies: EXAMPLES });
}

/** Added under an answer after several missed ones in a row. */
export const OFFER_LINE = '我好像沒能回答您的問題，需要的話可以轉給客服人員。';
