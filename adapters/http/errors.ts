import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** The body of the error responses below, the same shape as the chat API's. */
export interface ErrorBody {
  error: { code: string; message: string };
}

const APOLOGY = '抱歉，系統暫時無法處理這個請求，請稍後再試。如需立即協助，請洽信保基金客服專線。';

const CODES: Record<number, string> = { 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' };

/** Mounted after every router and the static page: whatever is left is not ours to serve. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } } satisfies ErrorBody);
};

function clientErrorStatus(err: unknown): number | undefined {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * What is logged of an error: never its enumerable extras, where body-parser keeps the request body.
 * The message is kept: errors that reach this mapper are the server's own, not a parser's quote of the body.
 */
function loggable(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, stack: err.stack, ...(code === undefined ? {} : { code }) };
}

/**
 * The last error mapper, for whatever no adapter's own mapper answered, so no request ever reaches express's
 * default handler (an HTML page that prints the error, and a body with it, to the console). Client errors keep
 * their status with a fixed message; anything else is an apology and a log line with the detail.
 */
export function httpErrorMapper(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = clientErrorStatus(err);
    if (status !== undefined) logger.warn({ status, path: req.path }, 'request refused');
    else logger.error({ err: loggable(err), path: req.path }, 'request failed');
    // A response already under way cannot become an error any more: cut it short so the client sees it failed.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status !== undefined) {
      res.status(status).json({ error: { code: CODES[status] ?? 'bad_request', message: STATUS_CODES[status] ?? 'Bad Request' } } satisfies ErrorBody);
      return;
    }
    res.status(500).json({ error: { code: 'internal_error', message: APOLOGY } } satisfies ErrorBody);
  };
}
