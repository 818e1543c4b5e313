/** An LLM setting that cannot be used; names the variable so an operator can fix it. */
export class LlmConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid language-model configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'LlmConfigError';
  }
}

export type LlmCallOutcome = 'timeout' | 'http_error' | 'rate_limited' | 'invalid';

/** A call to the model that produced nothing usable; the caller falls back to the deterministic answer. */
export class LlmCallError extends Error {
  constructor(
    readonly outcome: LlmCallOutcome,
    readonly detail: string,
    readonly status?: number,
    /** How long the server asked us to wait (429 Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(`language model call failed (${outcome}): ${detail}`);
    this.name = 'LlmCallError';
  }
}
