import { LruCache } from '../lru-cache.ts';

const CONVERSATIONS = 10_000;

/**
 * Answers missed in a row, per conversation: in this instance's memory, since an offer of a person only needs
 * to come about when it is due (with several instances it may come a message later).
 */
export class MissedAnswers {
  private readonly counts = new LruCache<string, number>(CONVERSATIONS);

  /** Counts one more miss and returns how many in a row. */
  missed(conversationId: string): number {
    const count = (this.counts.get(conversationId) ?? 0) + 1;
    this.counts.set(conversationId, count);
    return count;
  }

  clear(conversationId: string): void {
    this.counts.set(conversationId, 0);
  }
}
