import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm start` as a child process: its exit code and what it printed on standard error. */
function start(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/http/main.ts'], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', KNOWLEDGE_WATCH: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('starting on a port another process already listens on', () => {
  let occupant: Server;
  let port: number;

  beforeAll(async () => {
    occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    port = (occupant.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupant.close(() => resolve())));

  it('stops with a non-zero exit code and one line naming the port', async () => {
    const { code, stderr } = await start({ PORT: String(port), HOST: '127.0.0.1' });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`PORT ${port}`)]);
    expect(stderr).toMatch(/already in use/);
    expect(stderr).not.toMatch(/TypeError/);
  });
});
