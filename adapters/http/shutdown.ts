import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { flushLogger } from './logger.ts';

/** Something to close once no request is in flight: the interaction store, Redis, the knowledge watcher. */
export interface Closer {
  name: string;
  close(): void | Promise<void>;
}

export interface GracefulShutdownOptions {
  server: Server;
  logger: Logger;
  /** Closed in order after the server has stopped. */
  closers?: Closer[];
  /** In-flight requests get this long to finish before their connections are cut. */
  graceMs?: number;
}

export interface GracefulShutdown {
  /** Stops accepting, lets in-flight requests finish, closes everything, flushes the log. Idempotent. */
  shutdown(reason: string): Promise<void>;
  /** Runs shutdown on SIGTERM and SIGINT, then lets the process exit (non-zero if closing failed). */
  installSignalHandlers(): void;
}

export function createGracefulShutdown(options: GracefulShutdownOptions): GracefulShutdown {
  const { server, logger } = options;
  const graceMs = options.graceMs ?? 10_000;
  let running: Promise<void> | undefined;

  async function stopServer(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A keep-alive connection goes idle when its request finishes and would hold close() open until it
    // times out; closing idle ones as they appear lets close() end as soon as the last request is done.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const cutOff = setTimeout(() => {
      logger.warn({ graceMs }, 'in-flight requests did not finish in time; closing their connections');
      server.closeAllConnections();
    }, graceMs);
    sweep.unref();
    cutOff.unref();
    await closed;
    clearInterval(sweep);
    clearTimeout(cutOff);
  }

  async function run(reason: string): Promise<void> {
    logger.info({ reason }, 'shutting down: no new connections, finishing requests in flight');
    await stopServer();
    let failed = false;
    for (const closer of options.closers ?? []) {
      try {
        await closer.close();
      } catch (error) {
        failed = true;
        logger.error({ err: error, closer: closer.name }, 'could not close cleanly');
      }
    }
    logger.info({ reason }, 'shut down');
    await flushLogger(logger);
    if (failed) process.exitCode = 1;
  }

  function shutdown(reason: string): Promise<void> {
    running ??= run(reason);
    return running;
  }

  return {
    shutdown,
    installSignalHandlers() {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => void shutdown(signal));
      }
    },
  };
}
