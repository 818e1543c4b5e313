import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LlmConfig } from './config.ts';
import { LlmCallError } from './errors.ts';

export interface ChatRequest {
  messages: ChatCompletionMessageParam[];
  /** Ask for a JSON object (structured understanding) rather than prose. */
  json: boolean;
  temperature: number;
}

export interface ChatClient {
  /** The model's text, or an LlmCallError saying why there is none. Never takes longer than the configured timeout. */
  complete(request: ChatRequest): Promise<string>;
}

/** Servers without authentication (a local vLLM or Ollama) still need some bearer for the SDK to send. */
const NO_API_KEY = 'unused';

/** Longest Retry-After we honour; a server asking for longer gets the breaker's own cool-down instead. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export function createChatClient(config: LlmConfig): ChatClient {
  // Retries are ours to decide (none: the deterministic answer is always ready), so the SDK makes one attempt.
  const openai = new OpenAI({
    apiKey: config.apiKey ?? NO_API_KEY,
    baseURL: config.baseURL ?? null,
    timeout: config.timeoutMs,
    maxRetries: 0,
  });

  return {
    async complete(request) {
      // The SDK's timeout stops at the response headers; this deadline also covers a body that trickles in.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), config.timeoutMs);
      try {
        const completion = await openai.chat.completions.create(
          {
            model: config.model,
            messages: request.messages,
            temperature: request.temperature,
            ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
          },
          { signal: deadline.signal, timeout: config.timeoutMs, maxRetries: 0 },
        );
        const choice = completion.choices?.[0];
        if (!choice) throw new LlmCallError('invalid', 'no choices in the response');
        if (choice.finish_reason === 'length') throw new LlmCallError('invalid', 'output cut off at the length limit');
        const content = choice.message?.content?.trim();
        if (!content) throw new LlmCallError('invalid', 'empty message content');
        return content;
      } catch (error) {
        throw classify(error, deadline.signal.aborted);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function classify(error: unknown, deadlinePassed: boolean): LlmCallError {
  if (error instanceof LlmCallError) return error;
  if (deadlinePassed || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return new LlmCallError('timeout', 'no complete answer within the timeout');
  }
  if (error instanceof RateLimitError) {
    return new LlmCallError('rate_limited', error.message, 429, retryAfterMs(error.headers));
  }
  if (error instanceof APIError) return new LlmCallError('http_error', error.message, error.status);
  if (error instanceof SyntaxError) return new LlmCallError('invalid', `malformed response: ${error.message}`);
  return new LlmCallError('invalid', error instanceof Error ? error.message : String(error));
}

/** `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const millis = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(millis) && millis > 0) return Math.min(millis, MAX_RETRY_AFTER_MS);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}
