import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './server-process.ts';

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
    const server = spawnServer({ PORT: String(port) });
    const code = await Promise.race([
      server.exited,
      new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('still running after 30 s')), 30_000).unref()),
    ]).finally(() => server.child.kill('SIGKILL'));
    expect(code).not.toBe(0);
    const stderr = server.stderr();
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`PORT ${port}`)]);
    expect(stderr).toMatch(/already in use/);
    expect(stderr).not.toMatch(/TypeError/);
  });
});
