import express, { type Express } from 'express';
import type { Bot } from '../../bot/types.ts';
import { createAdminConsoleRouter } from '../admin/index.ts';
import { createBotFrameworkRouter } from '../botframework/index.ts';
import type { createLineRouter } from '../line/index.ts';
import type { HandoffPauses } from '../line/handoff-pauses.ts';
import { LINE_OFF_MESSAGE } from '../line/off-message.ts';
import { createChatRouter, createWebPageRouter } from '../web/index.ts';
import { createAdminRouter } from './admin-router.ts';
import type { Config } from './config.ts';
import { httpErrorMapper, notFound } from './errors.ts';
import type { InteractionStore } from './interaction-store.ts';
import type { LiveSources } from './live-sources.ts';
import type { Logger } from './logger.ts';
import { metricsEndpoint } from './metrics-endpoint.ts';
import type { ServerMetrics } from './metrics.ts';
import { apiSecurityHeaders, rateLimitByClient, requestTimeout, type RateLimiter } from './protection.ts';
import { requestContext } from './request-context.ts';
import { createSearchRouter } from './search-route.ts';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** The bot as channels with their own user ids see it (rate limited per user). */
  bot: Bot;
  sources: LiveSources;
  metrics: ServerMetrics;
  limiter: RateLimiter;
  interactions?: InteractionStore;
  /** Whether an answer id was given out, so 👍/👎 on an invented one is refused. */
  answerWasIssued?: (answerId: string) => boolean | Promise<boolean>;
  /** LINE chats the bot stands aside in after a handoff; in memory unless shared (Redis, with several instances). */
  handoffPauses?: HandoffPauses;
  /**
   * The LINE adapter, given when LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are set: the composition root
   * loads it (and the LINE SDK) only then.
   */
  createLineRouter?: typeof createLineRouter;
  /** True once knowledge and rules are loaded. */
  ready(): boolean;
}

/** Builds the express app: every channel adapter is mounted here and nowhere else. */
export function createApp(deps: AppDeps): Express {
  const { config, logger, bot } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every res.send/res.json body into an ETag. Nobody revalidates chat answers or API JSON, so the
  // hash is pure cost on every request; express.static keeps its own ETags for the page.
  app.set('etag', false);
  // Behind a load balancer the client address (for per-IP limits and logs) comes from X-Forwarded-For.
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', config.TRUST_PROXY);
  app.use(deps.metrics.httpMiddleware());
  app.use(requestContext(logger));

  app.get('/healthz', (_req, res) => {
    if (deps.ready()) res.status(200).json({ status: 'ok', version: deps.sources.current().version });
    else res.status(503).json({ status: 'loading' });
  });

  // LINE checks its signature on the raw body, so it comes before anything that parses JSON.
  if (config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN) {
    if (!deps.createLineRouter) throw new Error('LINE is configured but its adapter was not given to createApp');
    app.use(
      deps.createLineRouter({
        bot,
        logger: logger.child({ adapter: 'line' }),
        channelSecret: config.LINE_CHANNEL_SECRET,
        channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
        ...(config.LINE_API_BASE_URL ? { apiBaseUrl: config.LINE_API_BASE_URL } : {}),
        ...(config.LINE_BOT_USER_ID ? { botUserId: config.LINE_BOT_USER_ID } : {}),
        handoff: { minutes: config.HANDOFF_MINUTES, ...(deps.handoffPauses ? { pauses: deps.handoffPauses } : {}) },
      }),
    );
  } else {
    logger.info(LINE_OFF_MESSAGE);
  }
  app.use(
    createBotFrameworkRouter({
      bot,
      logger: logger.child({ adapter: 'botframework' }),
      ...(config.MicrosoftAppId
        ? {
            credentials: {
              appId: config.MicrosoftAppId,
              ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
              ...(config.MicrosoftAppType ? { appType: config.MicrosoftAppType } : {}),
              ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
            },
          }
        : {}),
    }),
  );

  const timeout = requestTimeout(config.REQUEST_TIMEOUT_MS, logger);
  app.use(['/api/chat', '/api/feedback'], apiSecurityHeaders(), rateLimitByClient({ limiter: deps.limiter }), timeout);
  app.use(
    createChatRouter({
      bot,
      logger: logger.child({ adapter: 'web' }),
      maxMessageLength: config.MAX_MESSAGE_LENGTH,
      ...(deps.answerWasIssued ? { answerWasIssued: deps.answerWasIssued } : {}),
    }),
  );
  app.use('/api/search', apiSecurityHeaders(), timeout);
  app.use(createSearchRouter(() => deps.sources.current().index));
  // The staff console (/admin page and /admin/api) first; the bearer-token routes take the rest of /admin.
  app.use(
    createAdminConsoleRouter({
      token: config.ADMIN_TOKEN,
      knowledgeDir: config.KNOWLEDGE_DIR,
      rulesDir: config.RULES_DIR,
      draftsDir: config.DRAFTS_DIR,
      domainDir: config.DOMAIN_DIR,
      sources: deps.sources,
      ...(deps.interactions ? { interactions: deps.interactions } : {}),
      logger: logger.child({ adapter: 'console' }),
    }),
  );
  app.use(
    createAdminRouter({
      token: config.ADMIN_TOKEN,
      sources: deps.sources,
      ...(deps.interactions ? { interactions: deps.interactions } : {}),
      logger: logger.child({ adapter: 'admin' }),
    }),
  );
  // With METRICS_PORT set, /metrics is served there instead (server.ts).
  if (config.METRICS_PORT === undefined) {
    app.use(metricsEndpoint(deps.metrics, { token: config.METRICS_TOKEN, logger: logger.child({ adapter: 'metrics' }) }));
  }
  // Then the static chat page and its security headers.
  app.use(createWebPageRouter());
  // Last: JSON for whatever is left, so express's HTML pages (and its console print of errors) never appear.
  app.use(notFound);
  app.use(httpErrorMapper(logger));
  return app;
}
