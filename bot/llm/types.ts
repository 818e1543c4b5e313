import type { Citation } from '../types.ts';
import type { LlmUnderstanding } from './understanding.ts';

/** A deterministic answer with everything its figures may come from; the model may only reword it. */
export interface GroundedAnswer {
  /** The user's text: passed to the model as delimited data, never as instructions. */
  question: string;
  /** The deterministic answer body (figures, formula, reasons). */
  text: string;
  /**
   * Every grounded text: trace steps (「5,000,000 × 80% × 1.00% × 12/12 = 40,000」), parameter values with
   * units, cited section texts. A figure in the model's text must appear in one of these, the answer text
   * or the citations.
   */
  grounding: string[];
  /** The phrased text must still name each cited document (by title). */
  citations: Citation[];
}

export interface LlmContext {
  /** Programme ids the model may choose from (rules/programmes.ts). */
  programmes: string[];
  /** Intents the model may choose from (bot/understand). */
  intents: string[];
}

export interface LanguageModel {
  /** Structured understanding when the deterministic parser could not tell intent or facts; undefined when off, failed or invalid. */
  understand(text: string, context: LlmContext): Promise<LlmUnderstanding | undefined>;
  /** A natural rewrite that passed the guard, or undefined (then the deterministic text is sent). */
  phrase(answer: GroundedAnswer): Promise<string | undefined>;
}

export type LlmCallMetric = 'ok' | 'timeout' | 'http_error' | 'rate_limited' | 'invalid' | 'circuit_open';

export interface LlmMetrics {
  call(outcome: LlmCallMetric): void;
  guardRejected(reason: string): void;
}

/** The part of a pino logger this layer uses; it logs outcomes and figures, never the user's text. */
export interface LlmLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}
