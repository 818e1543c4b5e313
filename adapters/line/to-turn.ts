import type { webhook } from '@line/bot-sdk';
import type { Turn, TurnEvent } from '../../bot/types.ts';
import { parseFeedbackPostback } from './feedback-postback.ts';
import { parseAdapterPostback } from './postbacks.ts';

/** What to do with one LINE webhook event. */
export type LineDecision =
  | {
      action: 'answer';
      turn: Turn;
      replyToken: string;
      /** Set in one-to-one chats for questions, where the loading animation is available and useful. */
      loadingChatId?: string;
      /** A one-to-one chat: the only kind a person can be handed to staff in (LINE's own chat answers it). */
      oneToOne: boolean;
    }
  /** 「來源」 tapped under an answer: its folded notes, history and sources. */
  | { action: 'details'; answerId: string; replyToken: string; conversationId: string; oneToOne: boolean }
  /** A sticker, image, audio, video, file or location in a one-to-one chat: say politely that we read text. */
  | { action: 'decline'; replyToken: string; messageType: string }
  | { action: 'ignore'; reason: string };

export interface ToTurnOptions {
  /** The bot's own user id, for mentions that LINE does not mark with isSelf. */
  botUserId?: string;
}

/** Turns a LINE webhook event into a Turn for the bot, or a decision not to involve the bot. */
export function toLineDecision(event: webhook.Event, options: ToTurnOptions = {}): LineDecision {
  // In standby mode another channel (e.g. a human operator module) owns the chat: stay silent.
  if (event.mode === 'standby') return { action: 'ignore', reason: 'standby mode' };
  const chat = chatOf(event.source);
  if (!chat) return { action: 'ignore', reason: 'no source' };

  switch (event.type) {
    case 'follow':
    case 'join':
      return answer(chat, { type: 'greeting' }, event.replyToken);
    case 'postback':
      return fromPostback(event, chat);
    case 'message':
      return fromMessage(event, chat, options);
    default:
      return { action: 'ignore', reason: `${event.type} event` };
  }
}

interface Chat {
  kind: 'user' | 'group' | 'room';
  conversationId: string;
  userId?: string;
}

/** Conversation state is kept per user in one-to-one chats and per group or room in group chats. */
function chatOf(source: webhook.Source | undefined): Chat | undefined {
  switch (source?.type) {
    case 'user':
      return source.userId ? { kind: 'user', conversationId: `line:user:${source.userId}`, userId: source.userId } : undefined;
    case 'group':
      return withUser({ kind: 'group', conversationId: `line:group:${source.groupId}` }, source.userId);
    case 'room':
      return withUser({ kind: 'room', conversationId: `line:room:${source.roomId}` }, source.userId);
    default:
      return undefined;
  }
}

function withUser(chat: Chat, userId: string | undefined): Chat {
  return userId ? { ...chat, userId } : chat;
}

function fromPostback(event: webhook.PostbackEvent, chat: Chat): LineDecision {
  const feedback = parseFeedbackPostback(event.postback.data);
  if (feedback) return answer(chat, { type: 'feedback', ...feedback }, event.replyToken);
  const postback = parseAdapterPostback(event.postback.data);
  if (!postback) return { action: 'ignore', reason: 'unknown postback' };
  if (postback.kind === 'ask') return withLoading(answer(chat, { type: 'message', text: postback.question }, event.replyToken), chat);
  if (!event.replyToken) return { action: 'ignore', reason: 'no reply token' };
  return { action: 'details', answerId: postback.answerId, replyToken: event.replyToken, conversationId: chat.conversationId, oneToOne: chat.kind === 'user' };
}

function fromMessage(event: webhook.MessageEvent, chat: Chat, options: ToTurnOptions): LineDecision {
  const inGroup = chat.kind !== 'user';
  const message = event.message;
  if (message.type !== 'text') {
    // In groups people share photos and stickers with each other: only one-to-one chats get the polite note.
    if (inGroup) return { action: 'ignore', reason: `${message.type} in a group` };
    if (!event.replyToken) return { action: 'ignore', reason: 'no reply token' };
    return { action: 'decline', replyToken: event.replyToken, messageType: message.type };
  }

  let text = message.text;
  if (inGroup) {
    const own = ownMentions(message.mention, options.botUserId);
    if (own.length === 0) return { action: 'ignore', reason: 'group message without a mention' };
    text = withoutMentions(text, own);
  }
  text = text.trim();
  if (text === '') return answer(chat, { type: 'greeting' }, event.replyToken);

  return withLoading(answer(chat, { type: 'message', text }, event.replyToken), chat);
}

function withLoading(decision: LineDecision, chat: Chat): LineDecision {
  return decision.action === 'answer' && chat.kind === 'user' && chat.userId ? { ...decision, loadingChatId: chat.userId } : decision;
}

function answer(chat: Chat, event: TurnEvent, replyToken: string | undefined): LineDecision {
  if (!replyToken) return { action: 'ignore', reason: 'no reply token' };
  const turn: Turn = { conversationId: chat.conversationId, channel: 'line', event };
  if (chat.userId) turn.userId = chat.userId;
  return { action: 'answer', turn, replyToken, oneToOne: chat.kind === 'user' };
}

type UserMentionee = Extract<webhook.Mentionee, { type: 'user' }>;

function ownMentions(mention: webhook.Mention | undefined, botUserId: string | undefined): UserMentionee[] {
  return (mention?.mentionees ?? []).filter(
    (m): m is UserMentionee =>
      m.type === 'user' && (m.isSelf === true || (botUserId !== undefined && m.userId === botUserId)),
  );
}

/** Removes "@Bot name" from the text so the question reads as the user meant it. */
function withoutMentions(text: string, mentions: UserMentionee[]): string {
  let result = text;
  for (const m of [...mentions].sort((a, b) => b.index - a.index)) {
    result = result.slice(0, m.index) + result.slice(m.index + m.length);
  }
  return result;
}
