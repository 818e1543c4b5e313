import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LineApiCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** The x-line-request-id this fake answered with. */
  requestId: string;
  status: number;
}

export interface PlannedFailure {
  status: number;
  body: unknown;
}

/**
 * A stand-in for the LINE Messaging API: a real HTTP server on 127.0.0.1 that records every call and answers
 * like LINE does, including the x-line-request-id header. Reply calls can be made to fail per reply token.
 */
export interface FakeLineApi {
  url: string;
  calls: LineApiCall[];
  replies(): LineApiCall[];
  loadings(): LineApiCall[];
  /** The next reply call with this token is answered with the given status and body. */
  failReply(replyToken: string, failure: PlannedFailure): void;
  close(): Promise<void>;
}

export const REPLY_PATH = '/v2/bot/message/reply';
export const LOADING_PATH = '/v2/bot/chat/loading/start';

export async function startFakeLineApi(): Promise<FakeLineApi> {
  const calls: LineApiCall[] = [];
  const failures = new Map<string, PlannedFailure>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : undefined;
      const requestId = randomUUID();
      const path = req.url ?? '';
      let status = 200;
      let answer: unknown = {};
      const failure = path === REPLY_PATH ? failures.get(body?.replyToken) : undefined;
      if (failure) {
        failures.delete(body.replyToken);
        ({ status, body: answer } = failure);
      } else if (path === REPLY_PATH) {
        answer = { sentMessages: (body?.messages ?? []).map((_: unknown, i: number) => ({ id: String(i) })) };
      } else if (path === LOADING_PATH) {
        status = 202;
      } else {
        status = 404;
        answer = { message: 'Not found' };
      }
      calls.push({ path, headers: req.headers, body, requestId, status });
      res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': requestId });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    replies: () => calls.filter((c) => c.path === REPLY_PATH),
    loadings: () => calls.filter((c) => c.path === LOADING_PATH),
    failReply: (replyToken, failure) => failures.set(replyToken, failure),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
