import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TokenBucketRateLimiter, type RateDecision, type RateLimiter } from './rate-limiter.ts';

export interface RedisRateLimiterOptions {
  /** A client that fails commands rather than queueing them while disconnected, as the conversation store's does. */
  client: Redis;
  perMinute: number;
  logger: Logger;
  /** Counters are `${keyPrefix}:${key}`, so one Redis can serve several deployments. */
  keyPrefix?: string;
}

/**
 * Per-user limits counted in Redis, so every instance behind the load balancer counts one user together: each key
 * may send `perMinute` messages in the minute that starts with its first (counted atomically by a script in Redis).
 *
 * While Redis cannot be reached the limit is counted in this instance's memory instead: users are answered at once
 * (a command fails as soon as the client knows it is disconnected, or after its command timeout when Redis hangs)
 * and one warning says so, until Redis answers again. Nothing logged names the key: for LINE it holds the user id.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly shared: RateLimiterRedis;
  private readonly local: TokenBucketRateLimiter;
  private readonly logger: Logger;
  private redisFailing = false;

  constructor(options: RedisRateLimiterOptions) {
    this.shared = new RateLimiterRedis({
      storeClient: options.client,
      points: options.perMinute,
      duration: 60,
      keyPrefix: options.keyPrefix ?? 'smeg:rate-limit',
      rejectIfRedisNotReady: true,
    });
    this.local = new TokenBucketRateLimiter({ perMinute: options.perMinute });
    this.logger = options.logger;
  }

  async consume(key: string): Promise<RateDecision> {
    try {
      await this.shared.consume(key);
      this.noteRedisAnswers();
      return { allowed: true, retryAfterMs: 0 };
    } catch (outcome) {
      // rate-limiter-flexible rejects with the counter when the limit is reached, and with an Error when Redis fails.
      if (outcome instanceof RateLimiterRes) {
        this.noteRedisAnswers();
        return { allowed: false, retryAfterMs: outcome.msBeforeNext };
      }
      this.noteRedisFails(outcome);
      return this.local.consumeNow(key);
    }
  }

  private noteRedisAnswers(): void {
    if (!this.redisFailing) return;
    this.redisFailing = false;
    this.logger.info('rate limits are counted in Redis again');
  }

  private noteRedisFails(error: unknown): void {
    if (this.redisFailing) return;
    this.redisFailing = true;
    // The message only: ioredis attaches the failed command, and its arguments hold the key.
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn({ reason }, 'rate limit store unreachable; counting in this instance until Redis answers');
  }
}
