import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '../../bot/index.ts';
import type { RedisConversationStore } from '../../bot/dialogue/redis-store.ts';
import { MemoryConversationStore, type ConversationStore } from '../../bot/dialogue/store.ts';
import { createLanguageModel, parseLlmConfig } from '../../bot/llm/index.ts';
import type { Bot } from '../../bot/types.ts';
import { RedisHandoffPauses } from '../line/handoff-pauses.ts';
import { createApp } from './app.ts';
import { startupCacheDir, parseConfig, type Config } from './config.ts';
import { fanOutSink } from './fan-out-sink.ts';
import { startRetention, type Retention } from './interaction-retention.ts';
import { interactionStorePath, openInteractionStore } from './interaction-store.ts';
import { IssuedAnswers, rememberingIssuedAnswers } from './issued-answers.ts';
import { listenOn, stopListening } from './listen.ts';
import { createLiveSources, type LiveSources } from './live-sources.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetricsApp } from './metrics-endpoint.ts';
import { createMetrics, type ServerMetrics } from './metrics.ts';
import { applyServerTimeouts, TokenBucketRateLimiter, withRateLimit, type RateLimiter } from './protection.ts';
import { createGracefulShutdown, type Closer, type GracefulShutdown } from './shutdown.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  /** Environment to read the configuration from; process.env unless given. */
  env?: NodeJS.ProcessEnv;
  /** The bot's clock (the day a question is answered for); the real one unless given. Tests pin their date with it. */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  /** Where GET /metrics is served: `url`, or the METRICS_PORT server. */
  metricsUrl: string;
  server: Server;
  config: Config;
  logger: Logger;
  bot: Bot;
  sources: LiveSources;
  metrics: ServerMetrics;
  shutdown: GracefulShutdown;
  close(): Promise<void>;
}

/** The composition root: configuration, knowledge and rules, the bot, every adapter, then listen. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = parseConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const metrics = createMetrics({ processMetrics: env.NODE_ENV !== 'test' });

  const cacheDir = startupCacheDir(config);
  const sources = await createLiveSources({
    knowledgeDir: config.KNOWLEDGE_DIR,
    rulesDir: config.RULES_DIR,
    domainDir: config.DOMAIN_DIR,
    logger: logger.child({ component: 'sources' }),
    watch: config.KNOWLEDGE_WATCH,
    // Started once the server listens (below): setting up the watcher is not what makes it ready to answer.
    watchFromStart: false,
    rescanIntervalMs: config.KNOWLEDGE_RESCAN_MS,
    metrics,
    ...(cacheDir ? { cacheDir } : {}),
  });
  // PostgreSQL shared by every instance with DATABASE_URL; otherwise this instance's SQLite file.
  const interactions = await openInteractionStore({
    databaseUrl: config.DATABASE_URL,
    path: config.DATA_DIR === ':memory:' ? ':memory:' : interactionStorePath(config.DATA_DIR),
    salt: config.INTERACTIONS_SALT,
    logger: logger.child({ component: 'interactions' }),
  });
  // Redis, its rate limiter and the LINE SDK are loaded only when configured: each costs start-up time to load.
  const redisStore: RedisConversationStore | undefined = config.REDIS_URL
    ? new (await import('../../bot/dialogue/redis-store.ts')).RedisConversationStore({ url: config.REDIS_URL })
    : undefined;
  const store: ConversationStore = redisStore ?? new MemoryConversationStore();
  // Every instance must see that the bot stands aside in a LINE chat: the pauses share the conversations' Redis.
  const handoffPauses = redisStore ? new RedisHandoffPauses(redisStore.client) : undefined;
  const line = config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN ? await import('../line/index.ts') : undefined;
  const llm = createLanguageModel(parseLlmConfig(env), {
    logger: logger.child({ component: 'llm' }),
    metrics: {
      call: (outcome) => metrics.llmCall(outcome === 'ok' ? 'ok' : outcome === 'timeout' ? 'timeout' : 'error'),
      guardRejected: (reason) => metrics.guardRejection(reason),
    },
  });
  logger.info(
    {
      conversationStore: config.REDIS_URL ? 'redis' : 'memory',
      interactionStore: config.DATABASE_URL ? 'postgres' : 'sqlite',
      rateLimits: config.REDIS_URL ? 'redis' : 'memory',
      llm: llm ? 'on' : 'off',
      admin: config.ADMIN_TOKEN ? 'on' : 'off',
      metricsPort: config.METRICS_PORT ?? 'PORT',
      metricsToken: config.METRICS_TOKEN ? 'on' : 'off',
    },
    'SMEG assistant configured',
  );

  const bot = createBot({
    sources: () => sources.current(),
    ...(options.now ? { now: options.now } : {}),
    store,
    interactions: fanOutSink(metrics.interactions, interactions),
    ...(llm ? { llm } : {}),
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    // Neither the error nor this line names the conversation: for LINE its id is the user's id.
    onStoreError: (error, operation) => logger.warn({ err: error, operation }, `conversation store could not ${operation}; answering anyway`),
  });
  // With several instances a user's messages are counted together in the conversations' Redis.
  const limiter: RateLimiter =
    redisStore
      ? new (await import('./redis-rate-limiter.ts')).RedisRateLimiter({
          client: redisStore.client,
          perMinute: config.RATE_LIMIT_PER_MINUTE,
          logger: logger.child({ component: 'rate-limit' }),
        })
      : new TokenBucketRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE });
  const issuedAnswers = new IssuedAnswers();
  const app = createApp({
    config,
    logger,
    bot: rememberingIssuedAnswers(withRateLimit(bot, limiter), issuedAnswers),
    sources,
    metrics,
    limiter,
    interactions,
    // Answers given before a restart (or pushed out of memory), or by another instance sharing PostgreSQL, are in
    // the interaction store. While it cannot be read, only this instance's own recent answers are accepted.
    answerWasIssued: async (answerId) => {
      if (issuedAnswers.has(answerId)) return true;
      try {
        return await interactions.hasAnswer(answerId);
      } catch (error) {
        logger.warn({ err: error }, 'interaction store could not be read to check an answer id; refusing the rating');
        return false;
      }
    },
    ...(handoffPauses ? { handoffPauses } : {}),
    ...(line ? { createLineRouter: line.createLineRouter } : {}),
    ready: () => true,
  });

  const port = options.port ?? config.PORT;
  const host = options.host ?? config.HOST;
  // Started once the server listens: deleting expired rows is not what makes it ready to answer.
  let retention: Retention | undefined;
  const closers: Closer[] = [
    { name: 'knowledge watcher', close: () => sources.close() },
    {
      name: 'interaction retention',
      close: async () => {
        retention?.stop();
        await retention?.idle();
      },
    },
    { name: 'interaction store', close: () => interactions.close() },
    ...(redisStore ? [{ name: 'redis', close: () => redisStore.close() }] : []),
  ];
  let server: Server;
  let metricsServer: Server | undefined;
  try {
    if (config.METRICS_PORT !== undefined) {
      const metricsApp = createMetricsApp(metrics, { token: config.METRICS_TOKEN, logger: logger.child({ adapter: 'metrics' }) });
      const listening = await listenOn(metricsApp, { port: config.METRICS_PORT, host, variable: 'METRICS_PORT' });
      metricsServer = listening;
      closers.unshift({ name: 'metrics server', close: () => stopListening(listening) });
    }
    server = await listenOn(app, { port, host, variable: 'PORT' });
  } catch (error) {
    for (const closer of closers) await closer.close();
    throw error;
  }
  applyServerTimeouts(server, config.REQUEST_TIMEOUT_MS);
  // Saving the start-up cache (after a first start, or one on changed files or code) and watching the knowledge
  // and rules for changes wait until now too.
  void sources.saveStartupCache().then(() => sources.startWatching());
  retention = startRetention({
    store: interactions,
    days: config.INTERACTIONS_RETENTION_DAYS,
    logger: logger.child({ component: 'interactions' }),
  });
  const shutdown = createGracefulShutdown({ server, logger, closers });
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const urlOf = (listening: Server) => `http://${shownHost}:${(listening.address() as AddressInfo).port}`;
  const url = urlOf(server);
  return {
    url,
    metricsUrl: metricsServer ? urlOf(metricsServer) : url,
    server,
    config,
    logger,
    bot,
    sources,
    metrics,
    shutdown,
    close: () => shutdown.shutdown('closed'),
  };
}
