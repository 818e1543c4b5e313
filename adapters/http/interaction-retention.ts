import type { Logger } from 'pino';
import type { InteractionStore } from './interaction-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOURLY = 60 * 60 * 1000;

export interface RetentionOptions {
  store: Pick<InteractionStore, 'deleteOlderThan'>;
  /** INTERACTIONS_RETENTION_DAYS: rows older than this many days are deleted; 0 keeps everything. */
  days: number;
  now?: () => Date;
  intervalMs?: number;
  logger?: Logger;
}

export interface Retention {
  stop(): void;
  /** Resolves when the deletion under way, if any, is over (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Deletes stored questions, answers and 👍/👎 older than the retention now (at start-up) and then every hour, so
 * what users wrote is kept no longer than staff need it. The same in SQLite and PostgreSQL; with several
 * instances sharing PostgreSQL each deletes on its own schedule, which changes nothing but when a row goes.
 * The timer never keeps the process alive, and a deletion still running when the next is due is not doubled.
 */
export function startRetention(options: RetentionOptions): Retention {
  const { store, days, logger } = options;
  if (days === 0) return { stop: () => undefined, idle: async () => undefined };
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;

  const deleteExpired = () => {
    if (running) return;
    running = (async () => {
      try {
        const deleted = await store.deleteOlderThan(new Date(now().getTime() - days * DAY_MS));
        if (deleted.turns > 0 || deleted.feedback > 0) logger?.info({ ...deleted, days }, 'deleted interactions past their retention');
      } catch (error) {
        logger?.error({ err: error }, 'could not delete interactions past their retention');
      } finally {
        running = undefined;
      }
    })();
  };

  deleteExpired();
  const timer = setInterval(deleteExpired, options.intervalMs ?? HOURLY);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    idle: async () => {
      await running;
    },
  };
}
