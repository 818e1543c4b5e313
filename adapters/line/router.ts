import { validateSignature, type webhook } from '@line/bot-sdk';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { shippedHandoffVocabulary } from '../../bot/handoff/index.ts';
import type { Bot } from '../../bot/types.ts';
import { bodyReadProblem, type BodyReadProblem } from '../http/body-read-problem.ts';
import type { Logger } from '../http/logger.ts';
import { LineWebhookBodyError } from './errors.ts';
import { LINE_OFF_MESSAGE, LINE_WEBHOOK_PATH } from './off-message.ts';
import { FoldedAnswers } from './folded-answers.ts';
import { handleLineEvent } from './handle-event.ts';
import { MemoryHandoffPauses, type HandoffPauses } from './handoff-pauses.ts';
import { createLineMessagingApi } from './line-api.ts';
import { RecentEventIds } from './recent-event-ids.ts';

export interface LineRouterDeps {
  bot: Bot;
  channelSecret: string;
  channelAccessToken: string;
  /** Where the Messaging API lives; defaults to https://api.line.me. */
  apiBaseUrl?: string;
  logger: Logger;
  /** The bot's own user id, to recognise mentions in groups that LINE does not mark isSelf. */
  botUserId?: string;
  /**
   * After 「找真人」 in a one-to-one chat the bot stands aside this many minutes (HANDOFF_MINUTES, default 30) so staff
   * answer in LINE's own chat; pauses are kept in memory unless a shared store is given; `now` for tests.
   */
  handoff?: { minutes?: number; pauses?: HandoffPauses; now?: () => Date };
}

const DEFAULT_HANDOFF_MINUTES = 30;

export { LINE_OFF_MESSAGE, LINE_WEBHOOK_PATH };

/**
 * POST /webhooks/line. The signature is checked on the raw bytes before anything else, so this route reads its
 * own body: mount the router before any app-wide body parser.
 */
export function createLineRouter(deps: LineRouterDeps): Router {
  const logger = deps.logger.child({ channel: 'line' });
  const context = {
    bot: deps.bot,
    api: createLineMessagingApi({
      channelAccessToken: deps.channelAccessToken,
      ...(deps.apiBaseUrl ? { apiBaseUrl: deps.apiBaseUrl } : {}),
    }),
    logger,
    recentEventIds: new RecentEventIds(),
    ...(deps.botUserId ? { botUserId: deps.botUserId } : {}),
    handoff: {
      minutes: deps.handoff?.minutes ?? DEFAULT_HANDOFF_MINUTES,
      pauses: deps.handoff?.pauses ?? new MemoryHandoffPauses(),
      words: shippedHandoffVocabulary(),
      now: deps.handoff?.now ?? (() => new Date()),
    },
    foldedAnswers: new FoldedAnswers(),
  };

  logger.info({ apiBaseUrl: deps.apiBaseUrl ?? 'https://api.line.me' }, `LINE webhook on ${LINE_WEBHOOK_PATH}`);
  const router = express.Router();
  // LINE never compresses webhooks, and its signature covers the bytes as sent: a Content-Encoding is refused (415).
  const rawBody = express.raw({ type: () => true, limit: '1mb', inflate: false });
  router.post(LINE_WEBHOOK_PATH, rawBody, (req: Request, res: Response) => {
    const signature = req.get('x-line-signature');
    if (!Buffer.isBuffer(req.body)) {
      if (req.body === undefined) logger.warn('LINE webhook rejected: empty body');
      else logger.error('LINE webhook body was parsed before the signature check: mount the LINE router before body parsers');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    if (!signature || !validateSignature(req.body, deps.channelSecret, signature)) {
      logger.warn({ hasSignature: Boolean(signature) }, 'LINE webhook rejected: missing or wrong X-Line-Signature');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }

    let events: webhook.Event[];
    try {
      events = parseEvents(req.body);
    } catch (error) {
      logger.warn({ err: error }, 'LINE webhook rejected: unreadable body');
      res.status(400).json({ error: 'bad request' });
      return;
    }

    // LINE wants a prompt 200 and redelivers otherwise; the events are answered through the reply API.
    res.status(200).json({});
    for (const event of events) {
      handleLineEvent(event, context).catch((error: unknown) => logger.error({ err: error }, 'LINE event handler failed'));
    }
  });
  router.use(LINE_WEBHOOK_PATH, bodyErrors(logger));
  return router;
}

/** The SDK's types describe the events; the signature vouches that LINE sent them, so only the envelope is checked. */
function parseEvents(body: Buffer): webhook.Event[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new LineWebhookBodyError('not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || !('events' in parsed) || !Array.isArray(parsed.events)) {
    throw new LineWebhookBodyError('no events array');
  }
  return parsed.events.filter((e: unknown): e is webhook.Event => typeof e === 'object' && e !== null && 'type' in e);
}

/** Errors from reading the body (too large, compressed, cut short) keep their HTTP status; anything else is a 500. */
function bodyErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = bodyReadProblem(error, req.get('content-encoding'));
    if (!problem) {
      logger.error({ err: error }, 'LINE webhook failed');
      res.status(500).json({ error: 'internal error' });
      return;
    }
    const { status, message } = refusalOf(problem);
    logger.warn({ problem: problem.kind, status }, 'LINE webhook body could not be read');
    res.status(status).json({ error: message });
  };
}

function refusalOf(problem: BodyReadProblem): { status: number; message: string } {
  switch (problem.kind) {
    case 'too_large':
      return { status: 413, message: 'payload too large' };
    case 'unsupported_content_encoding':
      return { status: 415, message: 'unsupported content encoding' };
    default:
      return { status: 400, message: 'bad request' };
  }
}
