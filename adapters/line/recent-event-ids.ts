export interface RecentEventIdsOptions {
  /** How many ids to remember at most; the oldest are forgotten first. */
  maxEntries?: number;
  /** How long an id is remembered. LINE redelivers for a limited time, so a day is ample. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The webhook event ids seen recently, so that a redelivered event (same `webhookEventId`) is answered once.
 * Bounded in size and age: memory stays flat however long the server runs.
 */
export class RecentEventIds {
  private readonly seenAt = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: RecentEventIdsOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Records the id and says whether this is the first time it is seen (within the TTL). */
  claim(id: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    const seen = this.seenAt.get(id);
    if (seen !== undefined) return false;
    this.seenAt.set(id, now);
    if (this.seenAt.size > this.maxEntries) {
      const oldest = this.seenAt.keys().next().value;
      if (oldest !== undefined) this.seenAt.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seenAt.size;
  }

  /** Map iteration follows insertion order, so expired ids are always at the front. */
  private forgetExpired(now: number): void {
    for (const [id, seenAt] of this.seenAt) {
      if (now - seenAt < this.ttlMs) return;
      this.seenAt.delete(id);
    }
  }
}
