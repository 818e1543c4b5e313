import express, { Router, type RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import type { Bot } from '../../bot/types.ts';
import { InvalidRequestError, UnknownAnswerError, UnsupportedMediaTypeError, webErrorMapper } from './errors.ts';
import { characterCount } from '../../bot/message-length.ts';
import { messageTooLongReply } from './message-too-long.ts';
import { ChatRequest, FeedbackRequest, parseBody } from './request-schema.ts';
import { channelOf, feedbackTurn, messageTurn } from './to-turn.ts';
import { toWebReply } from './to-web-reply.ts';

export interface ChatRouterDeps {
  bot: Bot;
  logger?: Logger;
  /** Longest message, in characters after trimming, handed to the bot. */
  maxMessageLength?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Whether an answer id was given out; feedback on any other is refused. Without it every id is taken. */
  answerWasIssued?: (answerId: string) => boolean | Promise<boolean>;
}

const DEFAULT_MAX_MESSAGE_LENGTH = 1000;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * Refuses bodies that are not JSON before reading them, so the parser never guesses.
 * Reads the header itself because `req.is` answers null for an empty body, which deserves a 400 instead.
 */
const requireJson: RequestHandler = (req, _res, next) => {
  const contentType = req.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError(contentType);
  next();
};

/** The chat HTTP API used by the web page and by other clients: `POST /api/chat` and `POST /api/feedback`. */
export function createChatRouter(deps: ChatRouterDeps): Router {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const maxMessageLength = deps.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const router = Router();
  const jsonBody = express.json({ limit: maxBodyBytes });
  // Attached to each route rather than the router, so errors from other adapters never pass through it.
  const mapErrors = webErrorMapper({ logger, maxBodyBytes });

  const answerMessage: RequestHandler = async (req, res) => {
    const { conversationId, text, turnsShown } = parseBody(ChatRequest, req.body);
    const message = text.trim();
    if (message === '') throw new InvalidRequestError(['text: must not be empty']);

    const length = characterCount(message);
    if (length > maxMessageLength) {
      res.json({ conversationId, replies: [messageTooLongReply(length, maxMessageLength)] });
      return;
    }

    const channel = channelOf(req);
    const started = performance.now();
    const replies = await deps.bot.handle(messageTurn(conversationId, message, channel, turnsShown));
    logger.info(
      { channel, kinds: replies.map((r) => r.kind), intents: replies.map((r) => r.intent), ms: Math.round(performance.now() - started) },
      'chat turn',
    );
    res.json({ conversationId, replies: replies.map(toWebReply) });
  };

  const forwardFeedback: RequestHandler = async (req, res) => {
    const feedback = parseBody(FeedbackRequest, req.body);
    if (deps.answerWasIssued && !(await deps.answerWasIssued(feedback.answerId))) throw new UnknownAnswerError(feedback.answerId);
    const channel = channelOf(req);
    const replies = await deps.bot.handle(feedbackTurn(feedback, channel));
    logger.info({ channel, rating: feedback.rating, answerId: feedback.answerId }, 'feedback');
    res.json({ replies: replies.map(toWebReply) });
  };

  router.post('/api/chat', requireJson, jsonBody, answerMessage, mapErrors);
  router.post('/api/feedback', requireJson, jsonBody, forwardFeedback, mapErrors);
  return router;
}
