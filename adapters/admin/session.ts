import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

export const SESSION_COOKIE = 'smeg_admin';
const SESSION_MS = 8 * 60 * 60 * 1000;

export interface AdminSession {
  /** Sent back in X-CSRF-Token on every change, which a page on another site cannot read or forge. */
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Console sessions as signed cookies: `expiry.nonce.signature`, signed with a key derived from ADMIN_TOKEN, so
 * every instance sharing the token accepts them and changing the token ends them all. Signing out is remembered
 * (per instance) until the session would have expired. The CSRF token is derived from the cookie.
 */
export class AdminSessions {
  private readonly key: Buffer;
  private readonly tokenDigest: Buffer;
  private readonly ended = new Map<string, number>();

  constructor(
    token: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = createHmac('sha256', token).update('smeg admin console session v1').digest();
    this.tokenDigest = digest(token);
  }

  /** A new session when `token` is ADMIN_TOKEN (compared in constant time), else undefined. */
  signIn(token: string): (AdminSession & { cookie: string }) | undefined {
    if (!timingSafeEqual(digest(token), this.tokenDigest)) return undefined;
    const expires = this.now().getTime() + SESSION_MS;
    const unsigned = `${expires}.${randomBytes(16).toString('base64url')}`;
    const cookie = `${unsigned}.${this.sign(unsigned)}`;
    return { cookie, csrfToken: this.sign(`csrf:${cookie}`), expiresAt: new Date(expires) };
  }

  /** The session a cookie value stands for, when it is ours, unexpired and not signed out. */
  verify(cookie: string | undefined): AdminSession | undefined {
    const parts = cookie?.split('.');
    if (!cookie || parts?.length !== 3) return undefined;
    const [expires, nonce, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${expires}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiresAt = Number(expires);
    if (!(expiresAt > this.now().getTime()) || this.ended.has(nonce)) return undefined;
    return { csrfToken: this.sign(`csrf:${cookie}`), expiresAt: new Date(expiresAt) };
  }

  signOut(cookie: string | undefined): void {
    const [expires, nonce] = cookie?.split('.') ?? [];
    if (!nonce || !this.verify(cookie)) return;
    const nowMs = this.now().getTime();
    for (const [ended, until] of this.ended) if (until <= nowMs) this.ended.delete(ended);
    this.ended.set(nonce, Number(expires));
  }

  csrfMatches(session: AdminSession, given: string | undefined): boolean {
    const expected = Buffer.from(session.csrfToken);
    const actual = Buffer.from(given ?? '');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The session cookie's value from the Cookie header. */
export function sessionCookie(req: Request): string | undefined {
  for (const pair of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), scoped to /admin, expiring. */
export function setSessionCookie(req: Request, res: Response, cookie: string, expiresAt: Date): void {
  res.append('Set-Cookie', cookieHeader(req, cookie, `Max-Age=${SESSION_MS / 1000}; Expires=${expiresAt.toUTCString()}`));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append('Set-Cookie', cookieHeader(req, '', 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT'));
}

function cookieHeader(req: Request, value: string, lifetime: string): string {
  // Behind TLS (directly or through a trusted proxy) the cookie is never sent over plain HTTP.
  return `${SESSION_COOKIE}=${value}; Path=/admin; HttpOnly; SameSite=Strict; ${lifetime}${req.secure ? '; Secure' : ''}`;
}

/** Lets a request through with a valid session (in res.locals.session); otherwise 401, saying to sign in. */
export function requireSession(sessions: AdminSessions): RequestHandler {
  return (req, res, next) => {
    const session = sessions.verify(sessionCookie(req));
    if (!session) {
      res.status(401).json({ error: { code: 'signed_out', message: '請先登入管理主控台（登入已逾時或已登出）' } });
      return;
    }
    res.locals.session = session;
    next();
  };
}

/**
 * Changes need the session's CSRF token in X-CSRF-Token, and, when the browser says where the request comes
 * from, this site as its origin: a form or script on another site can do neither.
 */
export function requireCsrf(sessions: AdminSessions): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      next();
      return;
    }
    const origin = req.get('origin');
    const sameOrigin = origin === undefined || origin === `${req.protocol}://${req.get('host')}`;
    if (!sameOrigin || !sessions.csrfMatches(res.locals.session as AdminSession, req.get('x-csrf-token'))) {
      res.status(403).json({ error: { code: 'csrf', message: '這個請求不是從管理主控台送出的，已拒絕；請重新整理頁面再試' } });
      return;
    }
    next();
  };
}
