import { z } from 'zod';
import { LlmConfigError } from './errors.ts';

/** An optional setting where an empty value (`NAME=` in a .env file) means "not set". */
const optionalSetting = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const positiveInteger = (fallback: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().positive().default(fallback));

/** The environment variables of the language model; spread `LlmEnv.shape` into a wider env schema to share them. */
export const LlmEnv = z.object({
  OPENAI_API_KEY: optionalSetting(z.string()),
  // Any OpenAI-compatible server: Azure OpenAI, vLLM, Ollama (e.g. http://127.0.0.1:11434/v1).
  OPENAI_BASE_URL: optionalSetting(z.url()),
  OPENAI_MODEL: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).default('gpt-4o-mini')),
  LLM_TIMEOUT_MS: positiveInteger(4000),
  LLM_BREAKER_FAILURES: positiveInteger(3),
  LLM_BREAKER_COOLDOWN_MS: positiveInteger(60_000),
});

export interface LlmConfig {
  /** On only when OPENAI_API_KEY or OPENAI_BASE_URL is set. */
  enabled: boolean;
  apiKey?: string;
  baseURL?: string;
  model: string;
  /** Upper bound of one call, body included; the deterministic answer goes out when it passes. */
  timeoutMs: number;
  breaker: {
    /** Consecutive failed calls that open the circuit. */
    failureThreshold: number;
    /** How long an open circuit refuses calls before one trial call is let through. */
    coolDownMs: number;
  };
}

export function parseLlmConfig(env: Record<string, string | undefined>): LlmConfig {
  const result = LlmEnv.safeParse(env);
  if (!result.success) {
    throw new LlmConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = result.data;
  return {
    enabled: e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined,
    ...(e.OPENAI_API_KEY === undefined ? {} : { apiKey: e.OPENAI_API_KEY }),
    ...(e.OPENAI_BASE_URL === undefined ? {} : { baseURL: e.OPENAI_BASE_URL }),
    model: e.OPENAI_MODEL,
    timeoutMs: e.LLM_TIMEOUT_MS,
    breaker: { failureThreshold: e.LLM_BREAKER_FAILURES, coolDownMs: e.LLM_BREAKER_COOLDOWN_MS },
  };
}
