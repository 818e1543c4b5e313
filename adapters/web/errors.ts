import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from 'pino';
import { bodyReadProblem } from '../http/body-read-problem.ts';

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

/** 👍/👎 names an answer this server never gave (or has long forgotten). */
export class UnknownAnswerError extends Error {
  override readonly name = 'UnknownAnswerError';
  constructor(readonly answerId: string) {
    super('answerId: no answer with this id was given');
  }
}

/** Content-Encoding names an encoding the server cannot decode. */
export class UnsupportedContentEncodingError extends Error {
  override readonly name = 'UnsupportedContentEncodingError';
  constructor(readonly encoding: string) {
    super(`Content-Encoding "${encoding}" is not supported: send the body as it is, or compressed with gzip, deflate or br`);
  }
}

/** The body could not be read: most often its bytes are not in the Content-Encoding it declares. */
export class UnreadableBodyError extends Error {
  override readonly name = 'UnreadableBodyError';
  constructor(readonly contentEncoding: string | undefined) {
    super(
      contentEncoding
        ? `Request body could not be read as Content-Encoding "${contentEncoding}": send it compressed that way, or without the header`
        : 'Request body could not be read',
    );
  }
}

/** Shown to people when something unexpected fails; the detail goes to the log only. */
export const APOLOGY = '抱歉，系統暫時無法回覆您的問題，請稍後再試。如需立即協助，請洽信保基金客服專線。';

/** Translates body-parser's errors into the adapter's own, so the mapper below has one vocabulary. */
function fromBodyParser(err: unknown, req: Request, limitBytes: number): Error | undefined {
  const problem = bodyReadProblem(err, req.get('content-encoding'));
  switch (problem?.kind) {
    case undefined:
      return undefined;
    case 'invalid_json':
      return new InvalidJsonError(problem.detail);
    case 'too_large':
      return new PayloadTooLargeError(problem.limitBytes ?? limitBytes);
    case 'unsupported_content_encoding':
      return new UnsupportedContentEncodingError(problem.encoding);
    case 'unsupported_charset':
      return new UnsupportedMediaTypeError(req.get('content-type'));
    case 'unreadable':
      return new UnreadableBodyError(problem.contentEncoding);
  }
}

function toResponse(err: unknown): { status: number; body: ErrorBody } | undefined {
  if (err instanceof InvalidJsonError) return { status: 400, body: { error: { code: 'invalid_json', message: err.message } } };
  if (err instanceof InvalidRequestError) return { status: 400, body: { error: { code: 'invalid_request', message: err.message } } };
  if (err instanceof UnsupportedMediaTypeError) {
    return { status: 415, body: { error: { code: 'unsupported_media_type', message: err.message } } };
  }
  if (err instanceof UnsupportedContentEncodingError) {
    return { status: 415, body: { error: { code: 'unsupported_content_encoding', message: err.message } } };
  }
  if (err instanceof PayloadTooLargeError) return { status: 413, body: { error: { code: 'payload_too_large', message: err.message } } };
  if (err instanceof UnreadableBodyError) return { status: 400, body: { error: { code: 'unreadable_body', message: err.message } } };
  if (err instanceof UnknownAnswerError) return { status: 404, body: { error: { code: 'unknown_answer', message: err.message } } };
  return undefined;
}

/**
 * The adapter's one error mapper: client mistakes become 4xx with a message naming what to fix;
 * anything else is logged with its detail and answered with a polite apology.
 */
export function webErrorMapper(deps: { logger: Logger; maxBodyBytes: number }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = fromBodyParser(err, req, deps.maxBodyBytes) ?? err;
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
