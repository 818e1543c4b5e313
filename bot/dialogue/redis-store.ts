import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import { ConversationBusyError } from './conversation-busy-error.ts';
import type { ConversationState } from './state.ts';
import { TURN_WAIT_MS, type ConversationStore, type ReleaseConversation, type StoreOperation } from './store.ts';

/**
 * Reading, writing, decoding or locking a conversation in the shared store failed; the caller decides what to do.
 * It does not name the conversation: for LINE the conversation id is the user's id, and these errors are logged.
 */
export class ConversationStoreError extends Error {
  override readonly name = 'ConversationStoreError';
  constructor(readonly operation: StoreOperation, options: { cause: unknown }) {
    super(`Conversation store could not ${operation} a conversation`, options);
  }
}

/** Deletes the lock only if it is still ours: after its time to live it may belong to another turn. */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Between two tries for a lock another turn holds; turns without a language model take a few milliseconds. */
const LOCK_RETRY_MS = 10;

export interface RedisStoreOptions {
  /** redis://host:port/db; or pass `client` to share a connection. */
  url?: string;
  client?: Redis;
  /** How long an idle conversation is remembered (Redis expires it: SET … PX). */
  ttlMs?: number;
  /**
   * Keys are `${keyPrefix}${conversationId}`, so one Redis can serve several deployments; locks are under the
   * prefix with `-lock` before its final colon.
   */
  keyPrefix?: string;
  /** A command not answered within this time fails instead of waiting for Redis to come back. */
  commandTimeoutMs?: number;
  /** Connecting (and reconnecting) gives up after this time; meanwhile commands fail at once. */
  connectTimeoutMs?: number;
  /** How long a turn waits for an overlapping turn of its conversation, on any instance. */
  lockWaitMs?: number;
  /** A lock left by an instance that died frees itself after this time; longer than any turn takes. */
  lockTtlMs?: number;
}

/**
 * Conversation state in Redis, so several instances behind a load balancer share conversations.
 * Each state is one JSON string with a time-to-live; every failure surfaces as a ConversationStoreError.
 * Turns of one conversation are serialised by a lock key (`SET NX PX`, deleted only by its holder). Locks live
 * under their own prefix (`smeg:conversation-lock:`), so no conversation id can name another conversation's lock.
 */
export class RedisConversationStore implements ConversationStore {
  readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly ttlMs: number;
  private readonly keyPrefix: string;
  private readonly lockPrefix: string;
  private readonly lockWaitMs: number;
  private readonly lockTtlMs: number;

  constructor(options: RedisStoreOptions) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.keyPrefix = options.keyPrefix ?? 'smeg:conversation:';
    this.lockPrefix = this.keyPrefix.replace(/:?$/, '-lock:');
    this.lockWaitMs = options.lockWaitMs ?? TURN_WAIT_MS;
    this.lockTtlMs = options.lockTtlMs ?? 10_000;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else if (options.url) {
      // While Redis is down a turn is answered without its context at once, rather than after timeouts: no
      // queueing while disconnected, commands in flight fail when the connection drops (no retries), and a
      // reconnect is tried after a back-off growing to two seconds.
      const clientOptions: RedisOptions = {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: options.connectTimeoutMs ?? 500,
        commandTimeout: options.commandTimeoutMs ?? 300,
        retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
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
    const stored = await this.attempt('get', () => this.client.get(this.key(conversationId)));
    if (stored === null) return undefined;
    try {
      return JSON.parse(stored) as ConversationState;
    } catch {
      // Not the parser's message: it quotes the stored value, which holds what the user wrote.
      throw new ConversationStoreError('get', { cause: new Error('the stored value is not JSON') });
    }
  }

  async set(conversationId: string, state: ConversationState): Promise<void> {
    const value = JSON.stringify(state);
    await this.attempt('set', () => this.client.set(this.key(conversationId), value, 'PX', this.ttlMs));
  }

  async delete(conversationId: string): Promise<void> {
    await this.attempt('delete', () => this.client.del(this.key(conversationId)));
  }

  async lock(conversationId: string): Promise<ReleaseConversation> {
    const key = `${this.lockPrefix}${conversationId}`;
    const token = randomUUID();
    const giveUpAt = performance.now() + this.lockWaitMs;
    while ((await this.attempt('lock', () => this.client.set(key, token, 'PX', this.lockTtlMs, 'NX'))) === null) {
      const remaining = giveUpAt - performance.now();
      if (remaining <= 0) throw new ConversationBusyError(this.lockWaitMs);
      await delay(Math.min(remaining, LOCK_RETRY_MS * (1 + Math.random())));
    }
    return async () => {
      await this.attempt('unlock', () => this.client.eval(RELEASE_LOCK, 1, key, token));
    };
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

  private async attempt<T>(operation: StoreOperation, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      // A command timing out means Redis stopped answering (hung, or the network dropped) on a connection that still
      // looks open: drop it, so later commands fail at once while ioredis reconnects, instead of each timing out.
      if (this.ownsClient && error instanceof Error && error.message === 'Command timed out') this.client.disconnect(true);
      throw new ConversationStoreError(operation, { cause: error });
    }
  }
}
