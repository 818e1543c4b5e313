import type { Redis } from 'ioredis';

/**
 * One-to-one chats the bot stands aside in while fund staff answer in LINE's own chat, each until a time.
 * In memory for one instance; in Redis (REDIS_URL) when several share the webhook, so none of them answers.
 */
export interface HandoffPauses {
  standAside(chatId: string, until: Date): Promise<void>;
  /** When the bot stands aside in this chat until, if it still does at `now`. */
  standingAsideUntil(chatId: string, now: Date): Promise<Date | undefined>;
  resume(chatId: string): Promise<void>;
}

/** Chats standing aside at once before expired ones are swept out (each is a person waiting for staff). */
const SWEEP_AT = 10_000;

export class MemoryHandoffPauses implements HandoffPauses {
  private readonly until = new Map<string, number>();

  async standAside(chatId: string, until: Date): Promise<void> {
    if (this.until.size >= SWEEP_AT) this.sweep(Date.now());
    this.until.set(chatId, until.getTime());
  }

  async standingAsideUntil(chatId: string, now: Date): Promise<Date | undefined> {
    const until = this.until.get(chatId);
    if (until === undefined) return undefined;
    if (until > now.getTime()) return new Date(until);
    this.until.delete(chatId);
    return undefined;
  }

  async resume(chatId: string): Promise<void> {
    this.until.delete(chatId);
  }

  private sweep(now: number): void {
    for (const [chatId, until] of this.until) if (until <= now) this.until.delete(chatId);
  }
}

/** `SET smeg:handoff:<chat> <until> PXAT <until>`: Redis forgets a pause when it ends. */
export class RedisHandoffPauses implements HandoffPauses {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'smeg:handoff:',
  ) {}

  async standAside(chatId: string, until: Date): Promise<void> {
    await this.redis.set(this.keyPrefix + chatId, String(until.getTime()), 'PXAT', until.getTime());
  }

  async standingAsideUntil(chatId: string, now: Date): Promise<Date | undefined> {
    const until = Number(await this.redis.get(this.keyPrefix + chatId));
    return Number.isFinite(until) && until > now.getTime() ? new Date(until) : undefined;
  }

  async resume(chatId: string): Promise<void> {
    await this.redis.del(this.keyPrefix + chatId);
  }
}
