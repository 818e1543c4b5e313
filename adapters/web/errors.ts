import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/** The body of every error response of the web adapter. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** The request body is not valid JSON. */
export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
  constructor(readonly detail: string) {
    super(`Request body is not valid JSON: ${detail}`);
  }
}

/** The request body parsed but does not match the route's schema; each issue names its field. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
  }
}

export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor(readonly contentType: string | undefined) {
    super(`Content-Type must be application/json (got ${contentType ? `"${contentType}"` : 'none'})`);
  }
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes`);
  }
}

/** Shown to people when something unexpected fails; the detail goes to the log only. */
export const APOLOGY = '抱歉，系統暫時無法回覆您的問題，請稍後再試。如需立即協助，請洽信保基金客服專線。';

/** What express's JSON body parser (body-parser) attaches to the errors it raises. */
interface BodyParserError {
  type: string;
  status?: number;
  message: string;
  limit?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string';
}

/** Translates body-parser's errors into the adapter's own, so the mapper below has one vocabulary. */
function fromBodyParser(err: BodyParserError, contentType: string | undefined, limitBytes: number): Error | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new InvalidJsonError(err.message);
    case 'entity.too.large':
      return new PayloadTooLargeError(err.limit ?? limitBytes);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError(contentType);
    default:
      return undefined;
  }
}

function toResponse(err: unknown): { status: number; body: ErrorBody } | undefined {
  if (err instanceof InvalidJsonError) return { status: 400, body: { error: { code: 'invalid_json', message: err.message } } };
  if (err instanceof InvalidRequestError) return { status: 400, body: { error: { code: 'invalid_request', message: err.message } } };
  if (err instanceof UnsupportedMediaTypeError) {
    return { status: 415, body: { error: { code: 'unsupported_media_type', message: err.message } } };
  }
  if (err instanceof PayloadTooLargeError) return { status: 413, body: { error: { code: 'payload_too_large', message: err.message } } };
  return undefined;
}

/**
 * The adapter's one error mapper: client mistakes become 4xx with a message naming what to fix;
 * anything else is logged with its detail and answered with a polite apology.
 */
export function webErrorMapper(deps: { logger: Logger; maxBodyBytes: number }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = isBodyParserError(err) ? (fromBodyParser(err, req.get('content-type'), deps.maxBodyBytes) ?? err) : err;
    const mapped = toResponse(known);
    if (mapped) {
      deps.logger.info({ path: req.path, status: mapped.status, code: mapped.body.error.code }, 'rejected web request');
      res.status(mapped.status).json(mapped.body);
      return;
    }
    deps.logger.error({ err, path: req.path }, 'web request failed');
    const body: ErrorBody = { error: { code: 'internal_error', message: APOLOGY } };
    res.status(500).json(body);
  };
}
