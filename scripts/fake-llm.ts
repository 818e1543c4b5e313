/**
 * A fake OpenAI-compatible server on loopback (`POST /v1/chat/completions`), for tests and for running the
 * bot with its language model switched on without a real model:
 *
 *   npx tsx scripts/fake-llm.ts            # listens on 127.0.0.1:11435 (FAKE_LLM_PORT to change)
 *   OPENAI_BASE_URL=http://127.0.0.1:11435/v1 npm run eval
 *
 * Run as a script it paraphrases faithfully: it rewrites the filler words of the deterministic answer it
 * is given, keeps every figure, names every cited document, and answers understanding requests with `{}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

export interface FakeChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
  temperature?: number;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or a string sent as it is (malformed bodies). */
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export type FakeResponder = (request: FakeChatRequest) => FakeReply | Promise<FakeReply>;

export interface FakeLlm {
  /** The base URL to give the client, ending in /v1. */
  baseURL: string;
  /** Every request body received, in order. */
  requests: FakeChatRequest[];
  close(): Promise<void>;
}

/** An OpenAI chat completion whose single choice says `content`. */
export function completion(content: string, finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
  };
}

/** The text of a delimited block (<answer> … </answer>) in the request's user message, if present. */
export function block(request: FakeChatRequest, tag: string): string | undefined {
  const user = request.messages.findLast((m) => m.role === 'user')?.content ?? '';
  return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(user)?.[1];
}

/** Word swaps that change how an answer reads and never touch a figure. */
const FILLER_SWAPS: Array<[string, string]> = [
  ['依據', '根據'],
  ['可以', '可'],
  ['如下', '如下所列'],
  ['請洽', '建議您洽詢'],
];

/** Rewrites the deterministic answer's filler words and names every cited document; figures untouched. */
export const faithfulParaphrase: FakeResponder = (request) => {
  if (request.response_format?.type === 'json_object') return { body: completion('{}') };
  const answer = block(request, 'answer') ?? '';
  const titles = (block(request, 'documents') ?? '')
    .split('\n')
    .map((line) => line.replace(/^- /, '').trim())
    .filter(Boolean);
  const reworded = FILLER_SWAPS.reduce((text, [from, to]) => text.replaceAll(from, to), answer);
  const sources = titles.length > 0 ? `\n\n以上資訊出自：${titles.map((t) => `「${t}」`).join('、')}。` : '';
  return { body: completion(`您好，以下為您說明。\n${reworded}${sources}`) };
};

export async function startFakeLlm(respond: FakeResponder, port = 0): Promise<FakeLlm> {
  const requests: FakeChatRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { error: { message: String(error) } } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      send(res, { status: 404, body: { error: { message: 'not found' } } });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FakeChatRequest;
    requests.push(request);
    const reply = await respond(request);
    if (!reply.delayMs) {
      send(res, reply);
      return;
    }
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!res.destroyed) send(res, reply);
    }, reply.delayMs);
    pending.add(timer);
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${bound}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeLlm(faithfulParaphrase, Number(process.env.FAKE_LLM_PORT ?? 11435));
  console.log(`fake OpenAI-compatible server paraphrasing faithfully: OPENAI_BASE_URL=${fake.baseURL}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
