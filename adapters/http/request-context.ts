import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's request id is kept only when it is short and plain, so it cannot inject into logs. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestContext {
  requestId: string;
  logger: Logger;
}

function contextOf(res: Response): RequestContext | undefined {
  return res.locals.requestContext as RequestContext | undefined;
}

/** The id of the request this response answers (set by requestContext()). */
export function requestIdOf(res: Response): string | undefined {
  return contextOf(res)?.requestId;
}

/** A logger carrying the request id, for handlers that want to log about their request. */
export function requestLoggerOf(res: Response, fallback: Logger): Logger {
  return contextOf(res)?.logger ?? fallback;
}

/**
 * Gives every request an id (the caller's X-Request-Id when acceptable, else a new one), echoes it in the
 * response, and logs one line when the response finishes: method, path, status, duration, sizes.
 * Never the body or the query string: they may hold what a user wrote.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const offered = req.get(REQUEST_ID_HEADER);
    const requestId = offered && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
    const requestLogger = logger.child({ requestId });
    res.locals.requestContext = { requestId, logger: requestLogger } satisfies RequestContext;
    res.setHeader(REQUEST_ID_HEADER, requestId);

    // Captured now: routers mounted below rewrite req.url while they handle the request.
    const path = req.path;
    const started = performance.now();
    res.on('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      requestLogger[level](
        {
          method: req.method,
          path,
          status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          requestBytes: Number(req.get('content-length') ?? 0),
          responseBytes: Number(res.getHeader('content-length') ?? 0),
        },
        'request',
      );
    });
    next();
  };
}
