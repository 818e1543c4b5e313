import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './redis-server.ts';

/** A LINE user id is personal data, and for LINE it is the conversation id. */
const LINE_CONVERSATION_ID = 'line:user:U4af4980629a1b2c3d4e5f60718293a4b';

/** The server as `npm start` runs it, pointed at a Redis that is not there, read through its log lines. */
describe('the log line of a conversation store failure', () => {
  let server: ChildProcess;
  let url: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'adapters/http/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: ':memory:',
        KNOWLEDGE_WATCH: 'false',
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      createInterface({ input: server.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (typeof entry.url === 'string') resolve(entry.url);
      });
    });
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('does not contain the conversation id', async () => {
    const res = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: LINE_CONVERSATION_ID, text: '批次保證的手續費率？' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => lines.filter((entry) => entry.operation !== undefined).length, { timeout: 5_000 }).toBeGreaterThan(0);

    const storeFailures = lines.filter((entry) => entry.operation !== undefined).map((entry) => JSON.stringify(entry));
    for (const line of storeFailures) expect(line).not.toContain('U4af4980629a1b2c3d4e5f60718293a4b');
  });
});
