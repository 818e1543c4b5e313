/**
 * Per-user rate limiting. The interface is asynchronous so a shared store (Redis) can back it when several
 * instances must count together; the in-memory token bucket below is the default.
 */
export interface RateLimiter {
  /** Takes one token for `key`; `retryAfterMs` says when the next one will be there when none is left. */
  consume(key: string): Promise<RateDecision>;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterMs: number;
}

export interface TokenBucketOptions {
  /** Sustained rate; the bucket holds this many tokens, so a burst of a minute's worth is allowed. */
  perMinute: number;
  /** At most this many keys are remembered; the least recently seen goes first (a bounded map). */
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: TokenBucketOptions) {
    if (!(options.perMinute > 0)) throw new RangeError(`perMinute must be positive (got ${options.perMinute})`);
    this.capacity = options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.buckets.size;
  }

  async consume(key: string): Promise<RateDecision> {
    return this.consumeNow(key);
  }

  /** The synchronous core, for callers on a hot path that know the limiter is in memory. */
  consumeNow(key: string): RateDecision {
    const now = this.now();
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(this.capacity, previous.tokens + (now - previous.updatedAt) * this.refillPerMs)
      : this.capacity;
    // Re-inserting moves the key to the end, so the Map's first key is always the least recently seen.
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.remember(key, { tokens: tokens - 1, updatedAt: now });
      return { allowed: true, retryAfterMs: 0 };
    }
    this.remember(key, { tokens, updatedAt: now });
    return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / this.refillPerMs) };
  }

  private remember(key: string, bucket: Bucket): void {
    this.buckets.set(key, bucket);
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
