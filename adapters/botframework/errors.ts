import type { ErrorRequestHandler, Request } from 'express';
import { bodyReadProblem, type BodyReadProblem } from '../http/body-read-problem.ts';
import type { Logger } from '../http/logger.ts';

/** The body of every error response of /api/messages, the same shape as the chat API's. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** The body parsed but is not an activity CloudAdapter can handle; each issue names its field. */
export class InvalidActivityError extends Error {
  override readonly name = 'InvalidActivityError';
  constructor(readonly issues: string[]) {
    super(`Not a valid activity: ${issues.join('; ')}`);
  }
}

export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor(readonly contentType: string | undefined) {
    super(`Content-Type must be application/json (got ${contentType ? `"${contentType}"` : 'none'})`);
  }
}

/** Said in the HTTP response when something unexpected fails; the detail goes to the log. */
const INTERNAL_ERROR = 'The bot could not handle this activity; the error has been logged.';

function refusal(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } satisfies ErrorBody };
}

/** The messages quote neither the body nor a parser's excerpt of it. */
function fromBodyProblem(problem: BodyReadProblem, req: Request) {
  switch (problem.kind) {
    case 'invalid_json':
      return refusal(400, 'invalid_json', 'Request body is not valid JSON');
    case 'too_large':
      return refusal(413, 'payload_too_large', `Request body is larger than ${problem.limitBytes ?? 'the limit of'} bytes`);
    case 'unsupported_content_encoding':
      return refusal(415, 'unsupported_content_encoding', `Content-Encoding "${problem.encoding}" is not supported`);
    case 'unsupported_charset':
      return refusal(415, 'unsupported_media_type', new UnsupportedMediaTypeError(req.get('content-type')).message);
    case 'unreadable':
      return refusal(
        400,
        'unreadable_body',
        problem.contentEncoding ? `Request body could not be read as Content-Encoding "${problem.contentEncoding}"` : 'Request body could not be read',
      );
  }
}

function toResponse(err: unknown, req: Request) {
  if (err instanceof InvalidActivityError) return refusal(400, 'invalid_activity', err.message);
  if (err instanceof UnsupportedMediaTypeError) return refusal(415, 'unsupported_media_type', err.message);
  const problem = bodyReadProblem(err, req.get('content-encoding'));
  return problem ? fromBodyProblem(problem, req) : undefined;
}

/**
 * The Bot Framework adapter's one error mapper: a request that is not an activity is refused with a JSON 4xx naming
 * what is wrong; anything else is logged and answered 500. Neither the log nor the response carries the body, which
 * may hold what a user wrote.
 */
export function botFrameworkErrorMapper(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const mapped = toResponse(err, req);
    if (mapped) {
      logger.warn({ status: mapped.status, ...mapped.body.error }, 'Bot Framework request refused');
      res.status(mapped.status).json(mapped.body);
      return;
    }
    logger.error({ err }, 'Bot Framework request failed');
    res.status(500).json({ error: { code: 'internal_error', message: INTERNAL_ERROR } } satisfies ErrorBody);
  };
}
