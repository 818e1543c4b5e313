import path from 'node:path';
import { z } from 'zod';

/** An optional setting where an empty value (`NAME=` in a .env file) means "not set". */
const optionalSetting = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Every environment variable the server reads, parsed once at start-up. Documented in .env.example. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge/documents'),
  RULES_DIR: z.string().min(1).default('rules/parameters'),
  DOMAIN_DIR: z.string().min(1).default('domain/registry'),
  // Unpublished edits (imported documents, changes saved in the console), published into the two folders above.
  DRAFTS_DIR: z.string().min(1).default('drafts'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // LINE Messaging API: the /webhooks/line route is on only when both credentials are set.
  LINE_CHANNEL_SECRET: optionalSetting(z.string()),
  LINE_CHANNEL_ACCESS_TOKEN: optionalSetting(z.string()),
  LINE_API_BASE_URL: optionalSetting(z.url()),
  LINE_BOT_USER_ID: optionalSetting(z.string()),
  // After 「找真人」 in a one-to-one LINE chat the bot stays silent this many minutes, so staff answer in LINE's chat.
  HANDOFF_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  // Bot Framework: without MicrosoftAppId, /api/messages accepts loopback requests only.
  MicrosoftAppId: optionalSetting(z.string()),
  MicrosoftAppPassword: optionalSetting(z.string()),
  MicrosoftAppType: optionalSetting(z.string()),
  MicrosoftAppTenantId: optionalSetting(z.string()),
  // Operations (docs/operations.md).
  // Without ADMIN_TOKEN the /admin routes answer 404.
  ADMIN_TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
  DATA_DIR: z.string().min(1).default('data'),
  INTERACTIONS_SALT: optionalSetting(z.string().min(8, { error: 'must be at least 8 characters' })),
  // Stored questions, answers and feedback older than this are deleted (at start-up, then hourly); 0 keeps them.
  INTERACTIONS_RETENTION_DAYS: z.coerce.number().int().min(0).default(180),
  REDIS_URL: optionalSetting(z.url()),
  // The interaction store in PostgreSQL, shared by every instance; unset: SQLite under DATA_DIR.
  DATABASE_URL: optionalSetting(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })),
  // /metrics: with METRICS_TOKEN scrapers must send it as a bearer token; with METRICS_PORT it is served on that
  // port only, not on PORT.
  METRICS_TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
  METRICS_PORT: optionalSetting(z.coerce.number().int().min(0).max(65535)),
  // Express's "trust proxy": a hop count (1 behind one load balancer), or addresses/subnets of trusted proxies.
  TRUST_PROXY: optionalSetting(z.union([z.coerce.number().int().min(0).max(10), z.string().min(1)])),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  MAX_MESSAGE_LENGTH: z.coerce.number().int().min(1).default(1000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  KNOWLEDGE_WATCH: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  KNOWLEDGE_RESCAN_MS: z.coerce.number().int().min(0).default(5_000),
  // Where the checked sources and the search index of a start are saved and read back at the next start on the same
  // files and code (sources-cache.ts, knowledge/index-cache.ts); `off` turns it off. Unset: DATA_DIR/cache (off when
  // DATA_DIR is :memory:).
  STARTUP_CACHE_DIR: optionalSetting(z.string().min(1)),
}).refine((env) => !env.METRICS_PORT || env.METRICS_PORT !== env.PORT, {
  error: 'must differ from PORT (unset it to serve /metrics on PORT)',
  path: ['METRICS_PORT'],
});

export type Config = z.infer<typeof Env>;

/** The folder of the start-up cache, or undefined when it is off. */
export function startupCacheDir(config: Pick<Config, 'STARTUP_CACHE_DIR' | 'DATA_DIR'>): string | undefined {
  if (config.STARTUP_CACHE_DIR !== undefined) return config.STARTUP_CACHE_DIR === 'off' ? undefined : config.STARTUP_CACHE_DIR;
  return config.DATA_DIR === ':memory:' ? undefined : path.join(config.DATA_DIR, 'cache');
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}
