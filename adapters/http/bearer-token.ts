import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares digests of equal length in constant time, so response timing tells nothing about the token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

export interface BearerTokenOptions {
  token: string;
  /** The environment variable holding the token, named in the 401 so an operator knows which one to send. */
  variable: string;
  realm: string;
  logger: Logger;
}

/** Lets a request through only with `Authorization: Bearer <token>`; otherwise 401 with a JSON error. */
export function requireBearerToken(options: BearerTokenOptions): RequestHandler {
  const { token, variable, realm, logger } = options;
  return (req, res, next) => {
    if (bearerMatches(req.get('authorization'), token)) {
      next();
      return;
    }
    logger.warn({ path: req.path, realm }, 'request with a missing or wrong token');
    res.setHeader('WWW-Authenticate', `Bearer realm="${realm}"`);
    res.status(401).json({ error: { code: 'unauthorized', message: `Authorization: Bearer <${variable}> required` } });
  };
}
