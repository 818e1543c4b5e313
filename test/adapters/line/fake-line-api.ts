import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerRichMenuCall, type RichMenuState } from './fake-rich-menus.ts';

export interface LineApiCall {
  method: string;
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
  /** Rich menus created, their images, and the default one; the same server stands in for api-data.line.me. */
  richMenus: RichMenuState;
  close(): Promise<void>;
}

export const REPLY_PATH = '/v2/bot/message/reply';
export const LOADING_PATH = '/v2/bot/chat/loading/start';

export async function startFakeLineApi(): Promise<FakeLineApi> {
  const calls: LineApiCall[] = [];
  const failures = new Map<string, PlannedFailure>();
  const richMenus: RichMenuState = { menus: new Map() };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const isJson = contentType === 'application/json' && raw.length > 0;
      const body = isJson ? JSON.parse(raw.toString('utf8')) : raw.length > 0 ? { contentType, bytes: raw.length } : undefined;
      const requestId = randomUUID();
      const path = req.url ?? '';
      const method = req.method ?? 'GET';
      let status = 200;
      let answer: unknown = {};
      const failure = path === REPLY_PATH ? failures.get(body?.replyToken) : undefined;
      const richMenu = answerRichMenuCall(richMenus, method, path, contentType, raw);
      if (richMenu) {
        ({ status, body: answer } = richMenu);
      } else if (failure) {
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
      calls.push({ method, path, headers: req.headers, body, requestId, status });
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
    richMenus,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
