import { Redis, type RedisOptions } from 'ioredis';
import type { ConversationState } from './state.ts';
import type { ConversationStore } from './store.ts';

/** Reading, writing or decoding a conversation in the shared store failed; the caller decides what to do. */
export class ConversationStoreError extends Error {
  override readonly name = 'ConversationStoreError';
  constructor(
    readonly operation: 'get' | 'set' | 'delete',
    readonly conversationId: string,
    options: { cause: unknown },
  ) {
    super(`Conversation store could not ${operation} conversation ${conversationId}: ${describe(options.cause)}`, options);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface RedisStoreOptions {
  /** redis://host:port/db; or pass `client` to share a connection. */
  url?: string;
  client?: Redis;
  /** How long an idle conversation is remembered (Redis expires it: SET … PX). */
  ttlMs?: number;
  /** Keys are `${keyPrefix}${conversationId}`, so one Redis can serve several deployments. */
  keyPrefix?: string;
  /** A command not answered within this time fails instead of waiting for Redis to come back. */
  commandTimeoutMs?: number;
}

/**
 * Conversation state in Redis, so several instances behind a load balancer share conversations.
 * Each state is one JSON string with a time-to-live; every failure surfaces as a ConversationStoreError.
 */
export class RedisConversationStore implements ConversationStore {
  readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly ttlMs: number;
  private readonly keyPrefix: string;

  constructor(options: RedisStoreOptions) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.keyPrefix = options.keyPrefix ?? 'smeg:conversation:';
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else if (options.url) {
      const clientOptions: RedisOptions = {
        commandTimeout: options.commandTimeoutMs ?? 1_000,
        maxRetriesPerRequest: 1,
        // Retry connecting with a capped back-off; commands meanwhile fail fast through commandTimeout.
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      };
      this.client = new Redis(options.url, clientOptions);
      // Connection errors also reject the commands in flight; without a listener ioredis would print them.
      this.client.on('error', () => {});
      this.ownsClient = true;
    } else {
      throw new TypeError('RedisConversationStore needs a url or a client');
    }
  }

  async get(conversationId: string): Promise<ConversationState | undefined> {
    const stored = await this.attempt('get', conversationId, () => this.client.get(this.key(conversationId)));
    if (stored === null) return undefined;
    try {
      return JSON.parse(stored) as ConversationState;
    } catch (error) {
      throw new ConversationStoreError('get', conversationId, { cause: error });
    }
  }

  async set(conversationId: string, state: ConversationState): Promise<void> {
    const value = JSON.stringify(state);
    await this.attempt('set', conversationId, () => this.client.set(this.key(conversationId), value, 'PX', this.ttlMs));
  }

  async delete(conversationId: string): Promise<void> {
    await this.attempt('delete', conversationId, () => this.client.del(this.key(conversationId)));
  }

  /** Closes the connection if this store opened it. */
  async close(): Promise<void> {
    if (!this.ownsClient || this.client.status === 'end') return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private key(conversationId: string): string {
    return `${this.keyPrefix}${conversationId}`;
  }

  private async attempt<T>(operation: 'get' | 'set' | 'delete', conversationId: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new ConversationStoreError(operation, conversationId, { cause: error });
    }
  }
}
