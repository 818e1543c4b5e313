import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured JSON logger for the whole server; adapters receive it (or a child) from the composition root. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'smeg-assistant' } });
}
