import type { ChatClient, ChatRequest } from './chat-client.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { LlmConfig } from './config.ts';
import { LlmCallError } from './errors.ts';
import { guardFigures } from './guard.ts';
import { phraseMessages, understandMessages } from './prompts.ts';
import type { GroundedAnswer, LanguageModel, LlmContext, LlmLogger, LlmMetrics } from './types.ts';
import { readUnderstanding } from './understanding.ts';

export interface LanguageModelDeps {
  logger?: LlmLogger;
  metrics?: LlmMetrics;
  /** Clock of the circuit breaker; injected in tests. */
  now?: () => number;
}

const silentLogger: LlmLogger = { info() {}, warn() {} };
const uncountedMetrics: LlmMetrics = { call() {}, guardRejected() {} };

/** The optional model, or undefined when no OPENAI_API_KEY or OPENAI_BASE_URL is configured. */
export function createLanguageModel(config: LlmConfig, deps: LanguageModelDeps = {}): LanguageModel | undefined {
  if (!config.enabled) return undefined;
  return new GuardedLanguageModel(backgroundChatClient(config), config, deps);
}

/**
 * The OpenAI SDK (a few hundred modules) is loaded in the background from here on rather than imported with this
 * module, so a server without a model never loads it and one with a model does not wait for it to be healthy. A
 * call made before it has loaded waits for it; a failure to load it fails that call like any other error (the
 * deterministic answer is sent) and the next call tries again.
 */
function backgroundChatClient(config: LlmConfig): ChatClient {
  let client: Promise<ChatClient> | undefined;
  const load = () =>
    (client ??= import('./chat-client.ts').then(
      ({ createChatClient }) => createChatClient(config),
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    ));
  load().catch(() => undefined);
  return {
    async complete(request: ChatRequest) {
      return (await load()).complete(request);
    },
  };
}

/**
 * Every way a call can go wrong ends in `undefined` and the deterministic answer: nothing here throws,
 * and nothing waits longer than the configured timeout.
 */
class GuardedLanguageModel implements LanguageModel {
  private readonly breaker: CircuitBreaker;
  private readonly logger: LlmLogger;
  private readonly metrics: LlmMetrics;

  constructor(
    private readonly client: ChatClient,
    config: LlmConfig,
    deps: LanguageModelDeps,
  ) {
    this.breaker = new CircuitBreaker({ ...config.breaker, now: deps.now ?? Date.now });
    this.logger = deps.logger ?? silentLogger;
    this.metrics = deps.metrics ?? uncountedMetrics;
  }

  async understand(text: string, context: LlmContext) {
    const content = await this.call({ messages: understandMessages(text, context), json: true, temperature: 0 });
    if (content === undefined) return undefined;
    const result = readUnderstanding(content, context, text);
    if (!result.ok) {
      this.metrics.call('invalid');
      this.logger.warn({ task: 'understand', problems: result.problems }, 'language model understanding ignored');
      return undefined;
    }
    this.metrics.call('ok');
    if (result.ungroundedSlots.length > 0) {
      this.metrics.guardRejected('ungrounded_slot');
      this.logger.info({ task: 'understand', slots: result.ungroundedSlots }, 'slots without a figure in the message dropped');
    }
    return result.understanding;
  }

  async phrase(answer: GroundedAnswer) {
    const candidate = await this.call({ messages: phraseMessages(answer), json: false, temperature: 0.3 });
    if (candidate === undefined) return undefined;
    this.metrics.call('ok');
    const verdict = guardFigures(candidate, answer);
    if (!verdict.ok) {
      this.metrics.guardRejected(verdict.reason);
      this.logger.info({ task: 'phrase', reason: verdict.reason, details: verdict.details }, 'rewrite refused by the figure guard');
      return undefined;
    }
    return candidate;
  }

  /** The model's raw text, or undefined after counting and logging why there is none. */
  private async call(request: ChatRequest): Promise<string | undefined> {
    if (!this.breaker.tryAcquire()) {
      this.metrics.call('circuit_open');
      return undefined;
    }
    try {
      const content = await this.client.complete(request);
      this.breaker.recordSuccess();
      return content;
    } catch (error) {
      const failure = error instanceof LlmCallError ? error : new LlmCallError('invalid', String(error));
      this.breaker.recordFailure(failure.retryAfterMs);
      this.metrics.call(failure.outcome);
      this.logger.warn(
        { outcome: failure.outcome, status: failure.status, detail: failure.detail, circuit: this.breaker.state },
        'language model call failed; deterministic answer used',
      );
      return undefined;
    }
  }
}
