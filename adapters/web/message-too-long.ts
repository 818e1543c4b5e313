import type { WebReply } from './to-web-reply.ts';

/** Answered instead of calling the bot, so a pasted document never reaches understanding or search. */
export function messageTooLongReply(length: number, limit: number): WebReply {
  const format = (n: number) => n.toLocaleString('en-US');
  return {
    kind: 'error',
    text: `抱歉，您的訊息太長了（${format(length)} 字），請精簡到 ${format(limit)} 字以內，再傳送一次。`,
    citations: [],
  };
}
