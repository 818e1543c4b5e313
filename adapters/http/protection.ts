import type { Server } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Bot, Reply, Turn } from '../../bot/types.ts';
import type { RateLimiter } from './rate-limiter.ts';

export { TokenBucketRateLimiter, type RateLimiter, type RateDecision, type TokenBucketOptions } from './rate-limiter.ts';

export const RATE_LIMITED_TEXT = '您的提問有點頻繁，請稍候一分鐘再問，謝謝您的耐心。如需立即協助，請洽信保基金客服專線。';
export const TIMED_OUT_TEXT = '抱歉，系統這次回覆得太慢了，請稍後再試一次。如需立即協助，請洽信保基金客服專線。';

function politeReply(text: string): Reply {
  return { kind: 'error', text, citations: [] };
}

/** The body of a refused chat request: an error for programs, and replies the web page can show as they are. */
export interface RefusalBody {
  error: { code: string; message: string };
  replies: Reply[];
}

function refuse(res: Response, status: number, code: string, text: string): void {
  const body: RefusalBody = { error: { code, message: text }, replies: [politeReply(text)] };
  res.status(status).json(body);
}

export interface ClientRateLimitOptions {
  limiter: RateLimiter;
  /** Who is counted; by default the client address (set express's `trust proxy` behind a load balancer). */
  keyOf?: (req: Request) => string;
}

/**
 * Limits HTTP chat clients (the web page and the API) before the body is read: HTTP 429 with a polite
 * reply and Retry-After. Mount it on the chat routes only, never on the LINE or Bot Framework webhooks:
 * their traffic all comes from the platform's addresses; withRateLimit() counts those users instead.
 */
export function rateLimitByClient(options: ClientRateLimitOptions): RequestHandler {
  const keyOf = options.keyOf ?? ((req: Request) => `ip:${req.ip ?? 'unknown'}`);
  return async (req, res, next) => {
    const decision = await options.limiter.consume(keyOf(req));
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
    refuse(res, 429, 'rate_limited', RATE_LIMITED_TEXT);
  };
}

/** Whose messages a turn counts against: the platform's user id, else the conversation. */
export function rateLimitKey(turn: Turn): string {
  return turn.userId !== undefined ? `user:${turn.channel}:${turn.userId}` : `conversation:${turn.channel}:${turn.conversationId}`;
}

/**
 * The bot, refusing politely when one user (LINE user id, or the conversation) sends messages too fast.
 * Only messages count: greetings and 👍/👎 always go through.
 */
export function withRateLimit(bot: Bot, limiter: RateLimiter): Bot {
  return {
    async handle(turn) {
      if (turn.event.type !== 'message') return bot.handle(turn);
      const decision = await limiter.consume(rateLimitKey(turn));
      if (!decision.allowed) return [politeReply(RATE_LIMITED_TEXT)];
      return bot.handle(turn);
    },
  };
}

/**
 * Answers 503 with an apology when a request has not been answered within `timeoutMs`. The handler may
 * still finish later; its late response is dropped instead of failing on headers already sent.
 */
export function requestTimeout(timeoutMs: number, logger?: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger?.warn({ method: req.method, path: req.path, timeoutMs }, 'request timed out');
      refuse(res, 503, 'timeout', TIMED_OUT_TEXT);
      dropLateResponse(res);
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.on('finish', clear);
    res.on('close', clear);
    next();
  };
}

function dropLateResponse(res: Response): void {
  const ignore = function (this: Response) {
    return this;
  };
  res.json = ignore as Response['json'];
  res.send = ignore as Response['send'];
  res.end = ignore as unknown as Response['end'];
  res.setHeader = ignore as unknown as Response['setHeader'];
  res.writeHead = ignore as unknown as Response['writeHead'];
}

/**
 * Refuses a declared body larger than `maxBytes` before anything reads it (413), on every route. Bodies sent
 * without a length (chunked) are bounded by each route's own parser limit.
 */
export function bodySizeLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > maxBytes) {
      res.setHeader('Connection', 'close');
      res.status(413).json({ error: { code: 'payload_too_large', message: `Request body is larger than ${maxBytes} bytes` } });
      return;
    }
    next();
  };
}

/**
 * Security headers for everything that is not the web page (JSON APIs, webhooks, /metrics): nothing may be
 * loaded or framed. The web page's router sets its own, stricter-but-working policy after this one.
 */
export function apiSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
}

/**
 * Socket-level limits behind the per-request timeout: slow senders of headers or bodies are cut off,
 * and idle keep-alive connections do not pile up.
 */
export function applyServerTimeouts(server: Server, requestTimeoutMs: number): void {
  server.headersTimeout = Math.min(requestTimeoutMs, 10_000) + 1_000;
  server.requestTimeout = requestTimeoutMs + 5_000;
  server.keepAliveTimeout = 5_000;
}
