import type { Request } from 'express';
import type { Channel, Turn } from '../../bot/types.ts';
import type { FeedbackRequest } from './request-schema.ts';

/** The header the web chat page sends with every request, so its traffic is told apart from API clients. */
export const CLIENT_HEADER = 'X-Client';
export const WEB_CHAT_CLIENT = 'web-chat';

export function channelOf(req: Request): Channel {
  return req.get(CLIENT_HEADER) === WEB_CHAT_CLIENT ? 'web' : 'api';
}

export function messageTurn(conversationId: string, text: string, channel: Channel, turnsShown?: number): Turn {
  return { conversationId, channel, event: { type: 'message', text }, ...(turnsShown === undefined ? {} : { turnsShown }) };
}

export function feedbackTurn(request: FeedbackRequest, channel: Channel): Turn {
  const { conversationId, answerId, rating, comment } = request;
  return {
    conversationId,
    channel,
    event: { type: 'feedback', answerId, rating, ...(comment === undefined ? {} : { comment }) },
  };
}
