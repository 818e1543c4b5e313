import type { messagingApi } from '@line/bot-sdk';
import { present, type PresentedReply } from '../../bot/compose/presentation.ts';
import { BACK_TO_BOT } from '../../bot/handoff/index.ts';
import type { Citation, Reply, ResultCard } from '../../bot/types.ts';
import { lineCaptions, type LineCaptions } from './captions.ts';
import { feedbackPostbackData, type Rating } from './feedback-postback.ts';
import { calculationMessage, contactMessage, programmeCarousel } from './flex-card.ts';
import {
  MESSAGE_ACTION_TEXT_MAX,
  MESSAGES_PER_REPLY,
  QUICK_REPLY_ITEMS_MAX,
  QUICK_REPLY_LABEL_MAX,
  TEXT_MAX,
  truncate,
} from './limits.ts';
import { detailsPostbackData } from './postbacks.ts';

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

export interface LineRenderOptions {
  /** Set when the bot now stands aside in this chat for staff: a handoff reply says for how long. */
  standingAsideMinutes?: number;
}

/**
 * Renders the bot's replies as at most five LINE messages, each answer result first: its text (the result, the
 * formula or reasons, one line of why) or, for a calculation, one Flex bubble with copy and 「來源與說明」 buttons;
 * the finder's programmes as a Flex carousel after their answer's text; phone numbers and the web address as call
 * and open buttons. The notes and sources of an answer are behind a 「來源與說明」 postback; replies that cannot
 * receive one carry their sources underneath. On the last message: the quick replies, then 「來源與說明」 and 👍/👎
 * for the last answer. LINE shows quick replies only on the last message.
 */
export function toLineMessages(replies: Reply[], options: LineRenderOptions = {}): Message[] {
  const messages = withinReplyLimit(replies.flatMap((reply) => messagesOf(reply, options)));
  const last = messages.at(-1);
  const items = quickReplyItems(replies, options);
  if (last && items.length > 0) last.quickReply = { items };
  return messages;
}

/** The text of one reply with its sources underneath, e.g. 「資料來源：1. 信用保證業務概述 > 授權保證項目表（…）」. */
export function textWithCitations(text: string, citations: Citation[], captions: LineCaptions = lineCaptions(undefined)): string {
  const sources = uniqueCitations(citations).map((c, i) => `${i + 1}. ${citationLabel(c)}`);
  return sources.length === 0 ? text : `${text}\n\n${captions.sources}：\n${sources.join('\n')}`;
}

/** What 「來源與說明」 shows for an answer: its folded notes and history, then every source. */
export function detailsText(reply: Reply): string | undefined {
  const shown = present(reply);
  const captions = lineCaptions(reply.language);
  const notes = shown.layout?.details ?? [];
  if (notes.length === 0 && reply.citations.length === 0) return undefined;
  const withNotes = notes.length > 0 ? `${captions.detailsTitle}：\n${notes.join('\n')}` : '';
  return truncate(textWithCitations(withNotes, reply.citations, captions).trim(), TEXT_MAX);
}

function messagesOf(reply: Reply, options: LineRenderOptions): Message[] {
  const shown = present(reply);
  const captions = lineCaptions(reply.language);
  const details = reply.answerId && detailsText(reply) ? detailsPostbackData(reply.answerId) : undefined;
  const contact = contactMessage(shown.targets, captions);
  if (reply.kind === 'calculation' && shown.card) {
    return [calculationMessage(shown as PresentedReply & { card: ResultCard }, captions, details), ...(contact ? [contact] : [])];
  }
  if (shown.programmes) {
    const text = { type: 'text' as const, text: truncate(visibleText(shown, reply, details !== undefined), TEXT_MAX) };
    return [text, programmeCarousel(shown.programmes, captions), ...(contact ? [contact] : [])];
  }
  const standingAside =
    reply.kind === 'handoff' && options.standingAsideMinutes !== undefined ? captions.standingAside(options.standingAsideMinutes, BACK_TO_BOT) : undefined;
  const text = [visibleText(shown, reply, details !== undefined), standingAside].filter(Boolean).join('\n\n');
  return [{ type: 'text', text: truncate(text, TEXT_MAX) }, ...(contact ? [contact] : [])];
}

/** An answer's result, formula or reasons and why; a reply without a 「來源與說明」 button keeps its sources below. */
function visibleText(shown: PresentedReply, reply: Reply, hasDetailsButton: boolean): string {
  if (shown.layout) {
    const { lead, body, why } = shown.layout;
    const text = [lead, ...body, why].filter(Boolean).join('\n');
    return hasDetailsButton ? text : textWithCitations(text, reply.citations, lineCaptions(reply.language));
  }
  const withoutSourcesLine = shown.text.replace(/\n(?:資料來源：|Sources: )[^\n]*$/, '');
  return textWithCitations(withoutSourcesLine, reply.citations, lineCaptions(reply.language));
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

function quickReplyItems(replies: Reply[], options: LineRenderOptions): QuickReplyItem[] {
  const answered = replies.findLast((r) => r.answerId);
  const captions = lineCaptions(replies.at(-1)?.language);
  const details = answered?.answerId && detailsText(answered) ? detailsItem(answered.answerId, captions) : [];
  const feedback = answered?.answerId ? feedbackItems(answered.answerId, captions) : [];
  const backToBot = options.standingAsideMinutes !== undefined && replies.some((r) => r.kind === 'handoff') ? [BACK_TO_BOT] : [];
  const suggestions = [...new Set([...backToBot, ...replies.flatMap((r) => r.quickReplies ?? [])])]
    .filter((s) => s.trim() !== '')
    .slice(0, QUICK_REPLY_ITEMS_MAX - details.length - feedback.length)
    .map(suggestionItem);
  return [...suggestions, ...details, ...feedback];
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

function detailsItem(answerId: string, captions: LineCaptions): QuickReplyItem[] {
  const data = detailsPostbackData(answerId);
  return data ? [{ type: 'action', action: { type: 'postback', label: `📄 ${captions.details}`, data, displayText: captions.details } }] : [];
}

function feedbackItems(answerId: string, captions: LineCaptions): QuickReplyItem[] {
  const items: QuickReplyItem[] = [];
  const buttons: Array<{ rating: Rating; label: string }> = [
    { rating: 'up', label: captions.helpful },
    { rating: 'down', label: captions.unhelpful },
  ];
  for (const { rating, label } of buttons) {
    const data = feedbackPostbackData(answerId, rating);
    if (data) items.push({ type: 'action', action: { type: 'postback', label, data, displayText: label } });
  }
  return items;
}

function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.sectionId ?? c.documentId}#${c.section}`;
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
