import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionStorePath } from '../../../adapters/http/interaction-store.ts';
import { startServer } from '../../../adapters/http/server.ts';
import { spawnServer } from './server-process.ts';

const FEE_QUESTION = '一般貸款500萬保8成B組一年手續費多少？';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'feedback-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function env(dir: string) {
  return { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, KNOWLEDGE_WATCH: 'false' };
}

async function askForAnswerId(url: string, conversationId: string): Promise<string> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, text: FEE_QUESTION }),
  });
  const body = (await response.json()) as { replies: Array<{ answerId?: string }> };
  const answerId = body.replies.find((reply) => reply.answerId)?.answerId;
  if (!answerId) throw new Error('the answer carried no answerId');
  return answerId;
}

function rate(url: string, conversationId: string, answerId: string, rating: 'up' | 'down' = 'down') {
  return fetch(`${url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, answerId, rating }),
  });
}

function storedRatings(dir: string): Array<{ answer_id: string; rating: string }> {
  const raw = new Database(interactionStorePath(dir), { readonly: true });
  try {
    return raw.prepare('SELECT answer_id, rating FROM feedback').all() as Array<{ answer_id: string; rating: string }>;
  } finally {
    raw.close();
  }
}

describe('POST /api/feedback on the running server', () => {
  it('takes 👎 on an answer it gave and refuses an invented answer id with 404', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', env: env(dataDir) });
    try {
      const answerId = await askForAnswerId(server.url, 'c-1');
      expect((await rate(server.url, 'c-1', answerId)).status).toBe(200);
      const invented = await rate(server.url, 'c-1', '00000000-0000-4000-8000-000000000000');
      expect(invented.status).toBe(404);
      expect(((await invented.json()) as { error: { code: string } }).error.code).toBe('unknown_answer');
      expect(storedRatings(dataDir).map((row) => row.answer_id)).toEqual([answerId]);
    } finally {
      await server.close();
    }
  });

  it('takes 👍 after a restart on an answer given before it', async () => {
    const dir = join(dataDir, 'restart');
    const before = await startServer({ port: 0, host: '127.0.0.1', env: env(dir) });
    const answerId = await askForAnswerId(before.url, 'c-2');
    await before.close();
    const after = await startServer({ port: 0, host: '127.0.0.1', env: env(dir) });
    try {
      expect((await rate(after.url, 'c-2', answerId, 'up')).status).toBe(200);
    } finally {
      await after.close();
    }
  });

  it('has the rating on disk when it answers 200: a kill -9 right after loses nothing', async () => {
    const dir = join(dataDir, 'killed');
    const server = spawnServer({ PORT: '0', DATA_DIR: dir });
    try {
      const url = await server.listening;
      const answerId = await askForAnswerId(url, 'c-3');
      expect((await rate(url, 'c-3', answerId)).status).toBe(200);
      server.child.kill('SIGKILL');
      expect(await server.exited).toBeNull();
      expect(storedRatings(dir)).toEqual([{ answer_id: answerId, rating: 'down' }]);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
