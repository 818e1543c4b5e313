import { LruCache } from '../../bot/lru-cache.ts';
import type { Bot } from '../../bot/types.ts';

/** Answer ids kept in memory; older ones are still found in the interaction store. */
const DEFAULT_CAPACITY = 20_000;

/** The answer ids this process gave out, the most recent kept, so 👍/👎 is taken only on an answer someone got. */
export class IssuedAnswers {
  private readonly ids: LruCache<string, true>;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.ids = new LruCache(capacity);
  }

  remember(answerId: string): void {
    this.ids.set(answerId, true);
  }

  has(answerId: string): boolean {
    return this.ids.get(answerId) === true;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** The bot, remembering the answer id of every reply it gives on any channel. */
export function rememberingIssuedAnswers(bot: Bot, issued: IssuedAnswers): Bot {
  return {
    async handle(turn) {
      const replies = await bot.handle(turn);
      for (const reply of replies) if (reply.answerId) issued.remember(reply.answerId);
      return replies;
    },
  };
}
