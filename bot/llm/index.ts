/**
 * The optional language model: natural phrasing of deterministic answers and fallback understanding,
 * behind an interface the bot core calls. Off unless OPENAI_API_KEY or OPENAI_BASE_URL is set; every
 * rewrite passes the figure guard or is discarded.
 */
export type { GroundedAnswer, LanguageModel, LlmCallMetric, LlmContext, LlmLogger, LlmMetrics } from './types.ts';
export { createLanguageModel, type LanguageModelDeps } from './language-model.ts';
export { guardFigures, type GuardRejection, type GuardVerdict } from './guard.ts';
export { LlmUnderstanding } from './understanding.ts';
export { LlmEnv, parseLlmConfig, type LlmConfig } from './config.ts';
export { LlmCallError, LlmConfigError } from './errors.ts';
