import { ConversationBusyError } from './conversation-busy-error.ts';
import type { ReleaseConversation } from './store.ts';

/**
 * One turn at a time per conversation, within one process: each turn waits for the one before it (a promise
 * chain per conversation), but never longer than `waitMs`. A chain is forgotten once its last turn is done.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly waitMs: number) {}

  get size(): number {
    return this.tails.size;
  }

  async enter(conversationId: string): Promise<ReleaseConversation> {
    const previous = this.tails.get(conversationId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => done) : done;
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    if (previous && !(await settlesWithin(previous, this.waitMs))) {
      // Give up our place at once; the turns after us still wait for the one that is late.
      release();
      throw new ConversationBusyError(this.waitMs);
    }
    return async () => release();
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
