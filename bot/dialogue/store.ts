import type { ConversationState } from './state.ts';

/**
 * Where conversation state lives between turns. Memory by default; a shared store (Redis) can replace it
 * so several instances behind a load balancer see the same conversations.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState): Promise<void>;
  delete(conversationId: string): Promise<void>;
}

export interface MemoryStoreOptions {
  /** How long an idle conversation is remembered. */
  ttlMs?: number;
  /** At most this many conversations are kept; the least recently used goes first. */
  maxConversations?: number;
  now?: () => number;
}

/** An in-process store with a time-to-live and a size cap (a Map kept in least-recently-used order). */
export class MemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { state: ConversationState; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxConversations: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxConversations = options.maxConversations ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(conversationId: string): Promise<ConversationState | undefined> {
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return structuredClone(entry.state);
  }

  async set(conversationId: string, state: ConversationState): Promise<void> {
    this.entries.delete(conversationId);
    this.entries.set(conversationId, { state: structuredClone(state), expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async delete(conversationId: string): Promise<void> {
    this.entries.delete(conversationId);
  }
}
