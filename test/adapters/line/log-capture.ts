import { pino } from 'pino';
import type { Logger } from '../../../adapters/http/logger.ts';

export type LogLine = Record<string, any> & { level: number; msg: string };

/** A real pino logger whose JSON lines are kept in memory, so tests can wait for what the server logged. */
export interface LogCapture {
  logger: Logger;
  lines: LogLine[];
  /** Resolves with the first line (already logged or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

export function captureLogs(): LogCapture {
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(chunk: string) {
        const line = JSON.parse(chunk) as LogLine;
        lines.push(line);
        for (const waiter of [...waiters]) {
          if (waiter.match(line)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      },
    },
  );

  return {
    logger,
    lines,
    waitFor(match, timeoutMs = 5000) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<LogLine>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No matching log line within ${timeoutMs} ms; got:\n${lines.map((l) => l.msg).join('\n')}`));
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (line: LogLine) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiters.push(waiter);
      });
    },
  };
}
