import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Fields that may carry what users wrote, who they are (a LINE conversation id is the user's id) or credentials;
 * pino removes them from every line at every level, as a backstop to logging none of them in the first place.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-line-signature"]',
  'text',
  'body',
  'req.body',
  'event.text',
  'conversationId',
  'userId',
  'source.userId',
  'err.conversationId',
  // body-parser keeps the body it could not parse on the error it raises.
  'err.body',
];

/**
 * One structured JSON logger for the whole server; adapters receive it (or a child) from the composition root.
 * Writes to standard output unless given a destination (tests pass one to read the lines).
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'smeg-assistant' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Writes out whatever the logger still buffers; resolves even when the destination cannot flush. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}
