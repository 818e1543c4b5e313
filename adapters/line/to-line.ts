import type { messagingApi } from '@line/bot-sdk';
import type { Citation, Reply } from '../../bot/types.ts';
import { feedbackPostbackData, type Rating } from './feedback-postback.ts';
import { resultCardMessage } from './flex-card.ts';
import {
  MESSAGE_ACTION_TEXT_MAX,
  MESSAGES_PER_REPLY,
  QUICK_REPLY_ITEMS_MAX,
  QUICK_REPLY_LABEL_MAX,
  TEXT_MAX,
  truncate,
} from './limits.ts';

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

const FEEDBACK_BUTTONS: Array<{ rating: Rating; label: string }> = [
  { rating: 'up', label: '👍 有幫助' },
  { rating: 'down', label: '👎 沒幫助' },
];

/**
 * Renders the bot's replies as at most five LINE messages: each reply's text with its citations, a Flex card
 * after it when it carries a result card, and on the last message the quick replies (next questions, missing
 * facts) followed by 👍/👎 feedback for the last answer. LINE shows quick replies only on the last message.
 */
export function toLineMessages(replies: Reply[]): Message[] {
  const messages = withinReplyLimit(replies.flatMap(messagesOf));
  const last = messages.at(-1);
  const items = quickReplyItems(replies);
  if (last && items.length > 0) last.quickReply = { items };
  return messages;
}

/** The text of one reply with its sources underneath, e.g. 「資料來源：1. 信用保證業務概述 > 授權保證項目表（…）」. */
export function textWithCitations(text: string, citations: Citation[]): string {
  const sources = uniqueCitations(citations).map((c, i) => `${i + 1}. ${citationLabel(c)}`);
  return sources.length === 0 ? text : `${text}\n\n資料來源：\n${sources.join('\n')}`;
}

function messagesOf(reply: Reply): Message[] {
  const messages: Message[] = [{ type: 'text', text: truncate(textWithCitations(reply.text, reply.citations), TEXT_MAX) }];
  if (reply.card) messages.push(resultCardMessage(reply.card));
  return messages;
}

/** Past five messages, the rest is folded into a fifth text message rather than lost. */
function withinReplyLimit(messages: Message[]): Message[] {
  if (messages.length <= MESSAGES_PER_REPLY) return messages;
  const kept = messages.slice(0, MESSAGES_PER_REPLY - 1);
  const folded = messages.slice(MESSAGES_PER_REPLY - 1).map(plainText).join('\n\n');
  return [...kept, { type: 'text', text: truncate(folded, TEXT_MAX) }];
}

function plainText(message: Message): string {
  if (message.type === 'text') return message.text;
  if (message.type === 'flex') return message.altText;
  return '';
}

function quickReplyItems(replies: Reply[]): QuickReplyItem[] {
  const answerId = replies.findLast((r) => r.answerId)?.answerId;
  const feedback = answerId ? feedbackItems(answerId) : [];
  const suggestions = [...new Set(replies.flatMap((r) => r.quickReplies ?? []))]
    .filter((s) => s.trim() !== '')
    .slice(0, QUICK_REPLY_ITEMS_MAX - feedback.length)
    .map(suggestionItem);
  return [...suggestions, ...feedback];
}

/** Tapping a suggestion sends its full text as the user's message; the label is shortened to LINE's 20 characters. */
function suggestionItem(suggestion: string): QuickReplyItem {
  return {
    type: 'action',
    action: {
      type: 'message',
      label: truncate(suggestion, QUICK_REPLY_LABEL_MAX),
      text: truncate(suggestion, MESSAGE_ACTION_TEXT_MAX),
    },
  };
}

function feedbackItems(answerId: string): QuickReplyItem[] {
  const items: QuickReplyItem[] = [];
  for (const { rating, label } of FEEDBACK_BUTTONS) {
    const data = feedbackPostbackData(answerId, rating);
    if (data) items.push({ type: 'action', action: { type: 'postback', label, data, displayText: label } });
  }
  return items;
}

function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = c.sectionId ?? `${c.documentId}#${c.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function citationLabel(citation: Citation): string {
  const where = citation.section ? `${citation.title} > ${citation.section}` : citation.title;
  const when = citation.dateLabel ?? citation.date;
  return when ? `${where}（${when}）` : where;
}
