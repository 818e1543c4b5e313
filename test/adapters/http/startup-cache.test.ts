import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../adapters/http/server.ts';

const QUESTIONS = [
  '一般貸款500萬保8成B組一年手續費多少？',
  '青創貸款最多保幾成？',
  '批次保證的手續費由誰收',
  '我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？',
  '信保基金的電話',
];

const NOW = new Date('2026-06-01T04:00:00Z');

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'startup-cache-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function answersOf(url: string): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const [i, text] of QUESTIONS.entries()) {
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: `c-${i}`, text }),
    });
    const body = (await response.json()) as { replies: Array<Record<string, unknown>> };
    answers.push(body.replies.map(({ answerId: _answerId, ...reply }) => reply));
  }
  const search = await fetch(`${url}/api/search?q=${encodeURIComponent('批次保證手續費')}&limit=5`);
  answers.push(await search.json());
  return answers;
}

describe('a restart on the same files', () => {
  it('reads the checked sources and the index back from DATA_DIR/cache and answers exactly as the first start did', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false' };
    const first = await startServer({ port: 0, host: '127.0.0.1', env, now: () => NOW });
    let firstAnswers: unknown[];
    let firstVersion: string;
    try {
      await first.sources.saveStartupCache();
      firstAnswers = await answersOf(first.url);
      firstVersion = first.sources.current().version;
    } finally {
      await first.close();
    }
    expect(JSON.stringify(firstAnswers[0])).toContain('40,000');
    expect(existsSync(join(dataDir, 'cache', 'sources.cache'))).toBe(true);
    expect(existsSync(join(dataDir, 'cache', 'search-index.cache'))).toBe(true);
    const written = ['sources.cache', 'search-index.cache'].map((file) => statSync(join(dataDir, 'cache', file)).mtimeMs);

    const second = await startServer({ port: 0, host: '127.0.0.1', env, now: () => NOW });
    try {
      expect(second.sources.current().version).toBe(firstVersion);
      expect(await answersOf(second.url)).toEqual(firstAnswers);
      // Read back, so nothing was left to write again.
      await second.sources.saveStartupCache();
      expect(['sources.cache', 'search-index.cache'].map((file) => statSync(join(dataDir, 'cache', file)).mtimeMs)).toEqual(written);
    } finally {
      await second.close();
    }
  });

  it('is off with STARTUP_CACHE_DIR=off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'startup-cache-off-'));
    try {
      const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, KNOWLEDGE_WATCH: 'false', STARTUP_CACHE_DIR: 'off' };
      const server = await startServer({ port: 0, host: '127.0.0.1', env });
      await server.sources.saveStartupCache();
      await server.close();
      expect(existsSync(join(dir, 'cache'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
