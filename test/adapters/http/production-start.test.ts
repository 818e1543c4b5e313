import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './server-process.ts';

const ADMIN_TOKEN = 'production-start-test-token';

/** True while any process of the group `leader` leads is still running. */
function groupIsAlive(leader: number): boolean {
  try {
    process.kill(-leader, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function ask(url: string, text: string) {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId: `production-start-${text.length}`, text }),
  });
  return (await response.json()) as { replies: { kind: string; text: string }[] };
}

describe('npm start, after the build npm ci runs', () => {
  let server: ServerProcess;
  let url: string;
  let leader: number;

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { timeout: 120_000 });
    server = spawnServer({ PORT: '0', ADMIN_TOKEN }, ['npm', 'start']);
    leader = server.child.pid ?? 0;
    url = await waitFor('starting', server.listening, 30_000);
  }, 180_000);

  afterAll(() => {
    if (groupIsAlive(leader)) process.kill(-leader, 'SIGKILL');
  });

  it('runs compiled JavaScript with plain node, without tsx', async () => {
    const { stdout } = await promisify(execFile)('ps', ['-o', 'args=', '-g', String(leader)]);
    expect(stdout).toMatch(/node --enable-source-maps dist\/adapters\/http\/main\.js/);
    expect(stdout).not.toMatch(/tsx|esbuild/);
  });

  it('is healthy and serves the chat page and its scripts, copied beside the compiled code', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect((await fetch(`${url}/chat.js`)).status).toBe(200);
  });

  it('serves the staff console page and its assets', async () => {
    expect((await fetch(`${url}/admin`)).status).toBe(200);
    expect((await fetch(`${url}/admin/assets/console.css`)).status).toBe(200);
  });

  it('answers with the registry, the English labels and the handoff words shipped beside the code', async () => {
    const fee = await ask(url, '一般貸款500萬保8成B組一年手續費多少？');
    expect(fee.replies[0]?.text).toContain('40,000');
    const english = await ask(url, 'What is the guarantee fee for a general loan of 5 million at 80% group B for one year?');
    expect(english.replies[0]?.text).toMatch(/^Guarantee fee: NT\$ 40,000/);
    const handoff = await ask(url, '找真人');
    expect(handoff.replies[0]?.kind).toBe('handoff');
  });

  it('stops on SIGTERM to the npm process within a few seconds, leaving no process behind', async () => {
    server.child.kill('SIGTERM');
    const code = await waitFor('stopping', server.exited, 5_000);
    expect(code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(groupIsAlive(leader)).toBe(false);
  });
});
