import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { CheckIssue } from '../../knowledge/check-issue.ts';

/** A console request that cannot be done as asked; the message (Traditional Chinese) says what to change. */
export class ConsoleRequestError extends Error {
  override readonly name = 'ConsoleRequestError';
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    message: string,
    readonly issues: CheckIssue[] = [],
  ) {
    super(message);
  }
}

/** The console's error mapper: its own errors with their message, anything else an apology and a log line. */
export function consoleErrorMapper(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof ConsoleRequestError) {
      res.status(err.status).json({ error: { code: 'refused', message: err.message }, issues: err.issues });
      return;
    }
    const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'bad_request', message: status === 413 ? '內容太大' : '請求格式不正確' } });
      return;
    }
    logger.error({ err: err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : String(err), path: req.path }, 'console request failed');
    res.status(500).json({ error: { code: 'internal_error', message: '系統暫時無法處理這個請求，請稍後再試；若持續發生，請通知系統管理者查看記錄' } });
  };
}
