import type { ConversationState } from './state.ts';
import { TurnQueue } from './turn-queue.ts';

/** What a store was asked to do when it failed. */
export type StoreOperation = 'get' | 'set' | 'delete' | 'lock' | 'unlock';

/** Frees a conversation held by `lock` for its next turn. */
export type ReleaseConversation = () => Promise<void>;

/** How long a turn waits for an overlapping turn of its conversation before going ahead anyway. */
export const TURN_WAIT_MS = 2_000;

/**
 * Where conversation state lives between turns. Memory by default; a shared store (Redis) can replace it
 * so several instances behind a load balancer see the same conversations.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState): Promise<void>;
  delete(conversationId: string): Promise<void>;
  /**
   * Holds the conversation for one turn (read, answer, write), so overlapping turns (two quick messages, or two
   * instances) run one after the other and each reads what the one before saved. Waits a bounded time, then
   * throws ConversationBusyError and the turn goes ahead unserialised. A store without it lets them overwrite.
   */
  lock?(conversationId: string): Promise<ReleaseConversation>;
}

export interface MemoryStoreOptions {
  /** How long an idle conversation is remembered. */
  ttlMs?: number;
  /** At most this many conversations are kept; the least recently used goes first. */
  maxConversations?: number;
  /** How long a turn waits for the one before it in the same conversation. */
  lockWaitMs?: number;
  now?: () => number;
}

/** An in-process store with a time-to-live and a size cap (a Map kept in least-recently-used order). */
export class MemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, { state: ConversationState; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxConversations: number;
  private readonly now: () => number;
  private readonly turns: TurnQueue;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxConversations = options.maxConversations ?? 10_000;
    this.now = options.now ?? Date.now;
    this.turns = new TurnQueue(options.lockWaitMs ?? TURN_WAIT_MS);
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

  lock(conversationId: string): Promise<ReleaseConversation> {
    return this.turns.enter(conversationId);
  }
}
