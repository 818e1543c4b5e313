import { describe, expect, it } from 'vitest';
import { LlmConfigError, parseLlmConfig } from '../../../bot/llm/index.ts';

describe('parseLlmConfig', () => {
  it('is off when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set', () => {
    expect(parseLlmConfig({}).enabled).toBe(false);
    expect(parseLlmConfig({ OPENAI_API_KEY: '', OPENAI_BASE_URL: '', OPENAI_MODEL: 'gpt-4o' }).enabled).toBe(false);
  });

  it('is on with an API key, with default model, timeout and breaker', () => {
    expect(parseLlmConfig({ OPENAI_API_KEY: 'sk-test' })).toEqual({
      enabled: true,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      timeoutMs: 4000,
      breaker: { failureThreshold: 3, coolDownMs: 60_000 },
    });
  });

  it('is on with only a base URL, for a self-hosted OpenAI-compatible server', () => {
    const config = parseLlmConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'qwen2.5:7b',
      LLM_TIMEOUT_MS: '2500',
      LLM_BREAKER_FAILURES: '5',
      LLM_BREAKER_COOLDOWN_MS: '30000',
    });
    expect(config).toMatchObject({
      enabled: true,
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'qwen2.5:7b',
      timeoutMs: 2500,
      breaker: { failureThreshold: 5, coolDownMs: 30_000 },
    });
    expect(config.apiKey).toBeUndefined();
  });

  it('fails fast naming the variable that is wrong', () => {
    expect(() => parseLlmConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(LlmConfigError);
    expect(() => parseLlmConfig({ OPENAI_API_KEY: 'k', LLM_TIMEOUT_MS: '-1' })).toThrow(/LLM_TIMEOUT_MS/);
  });
});
