import { LruCache } from '../../bot/lru-cache.ts';
import type { Reply } from '../../bot/types.ts';
import { detailsText } from './to-line.ts';

/** Enough for the answers people still scroll back to; older ones say their sources expired. */
const DEFAULT_CAPACITY = 5_000;

/**
 * The folded part of recent answers (notes, history, sources), kept in memory until someone taps 「來源與說明」:
 * postback data holds only 300 characters, so the button carries the answer id. With several instances a tap may
 * reach one that did not give the answer; it then asks the person to ask again.
 */
export class FoldedAnswers {
  private readonly texts: LruCache<string, string>;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.texts = new LruCache(capacity);
  }

  remember(replies: Reply[]): void {
    for (const reply of replies) {
      if (!reply.answerId) continue;
      const text = detailsText(reply);
      if (text) this.texts.set(reply.answerId, text);
    }
  }

  textOf(answerId: string): string | undefined {
    return this.texts.get(answerId);
  }
}
