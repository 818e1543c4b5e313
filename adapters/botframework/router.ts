import express, { type RequestHandler, type Router } from 'express';
import type { Bot } from '../../bot/types.ts';
import type { Logger } from '../http/logger.ts';
import { activityIssues } from './activity-schema.ts';
import type { ActivityProcessor } from './cloud-adapter.ts';
import { botFrameworkErrorMapper, InvalidActivityError, UnsupportedMediaTypeError } from './errors.ts';
import { isLoopbackAddress } from './loopback.ts';

export interface BotFrameworkCredentials {
  appId: string;
  appPassword?: string;
  /** MultiTenant (default), SingleTenant or UserAssignedMSI. */
  appType?: string;
  tenantId?: string;
}

export interface BotFrameworkRouterDeps {
  bot: Bot;
  logger: Logger;
  /** Without credentials Bot Framework authenticates nothing, so the route then serves loopback clients only. */
  credentials?: BotFrameworkCredentials;
}

export const BOT_FRAMEWORK_PATH = '/api/messages';

/** Said when the bot fails unexpectedly; the details go to the log, not to the user. */
export const APOLOGY = '抱歉，系統暫時無法回答這個問題，請稍後再試一次。';

/**
 * POST /api/messages for Bot Framework channels (Teams, Web Chat, the Emulator) through CloudAdapter.
 * Everything botbuilder-specific lives in this folder, so the Microsoft 365 Agents SDK, which speaks the same
 * Activity protocol, can replace it here alone.
 */
export function createBotFrameworkRouter(deps: BotFrameworkRouterDeps): Router {
  const logger = deps.logger.child({ channel: 'botframework' });
  // botbuilder takes most of a second of CPU to load, and most deployments never receive a Bot Framework
  // activity: it is loaded with the first one, so the server is healthy sooner.
  let processor: Promise<ActivityProcessor> | undefined;
  const activityProcessor = () =>
    (processor ??= import('./cloud-adapter.ts').then(({ createActivityProcessor }) =>
      createActivityProcessor(deps.bot, logger, deps.credentials),
    ));

  const router = express.Router();
  const handlers: RequestHandler[] = [];
  if (deps.credentials) {
    logger.info({ appId: deps.credentials.appId, appType: deps.credentials.appType ?? 'MultiTenant' }, 'Bot Framework on /api/messages with authentication');
  } else {
    logger.warn('Bot Framework on /api/messages WITHOUT authentication (no MicrosoftAppId): accepting loopback requests only');
    handlers.push(loopbackOnly(logger));
  }
  handlers.push(requireJson, express.json({ limit: '1mb' }), requireValidActivity, async (req, res) => {
    const processActivity = await activityProcessor();
    await processActivity(req, res);
  });
  router.post(BOT_FRAMEWORK_PATH, ...handlers, botFrameworkErrorMapper(logger));
  return router;
}

/** Refuses bodies that are not JSON before reading them; `req.is` answers null for an empty body, hence the header. */
const requireJson: RequestHandler = (req, _res, next) => {
  const contentType = req.get('content-type');
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') throw new UnsupportedMediaTypeError(contentType);
  next();
};

/** CloudAdapter answers a malformed activity with an HTML 500, or looks up and calls whatever serviceUrl it names. */
const requireValidActivity: RequestHandler = (req, _res, next) => {
  const issues = activityIssues(req.body);
  if (issues.length > 0) throw new InvalidActivityError(issues);
  next();
};

function loopbackOnly(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const remoteAddress = req.socket.remoteAddress;
    if (isLoopbackAddress(remoteAddress)) {
      next();
      return;
    }
    logger.warn({ remoteAddress }, 'Bot Framework request rejected: no credentials configured, so only loopback clients are served');
    res.status(401).json({ error: 'unauthorized', detail: 'Bot Framework credentials are not configured; only local requests are accepted.' });
  };
}
