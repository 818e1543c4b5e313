import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the URL once the server says it listens; rejects if it exits first. */
  listening: Promise<string>;
  /** Resolves when the process has exited, with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stderr(): string;
  /** What it wrote to standard output so far: its log, one JSON line per event. */
  stdout(): string;
}

/** The TypeScript entry point run through tsx, as `npm run dev` does: no build needed. */
const FROM_SOURCE = [process.execPath, '--import', 'tsx', 'adapters/http/main.ts'];

/**
 * The server as a child process with a quiet, self-contained environment plus `env`, started by `command`
 * (`['npm', 'start']` for the built one). It leads its own process group, so a test can see that nothing
 * it started outlives it.
 */
export function spawnServer(env: Record<string, string>, command: string[] = FROM_SOURCE): ServerProcess {
  const [file = process.execPath, ...args] = command;
  const child = spawn(file, args, {
    detached: true,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: ':memory:', KNOWLEDGE_WATCH: 'false', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /SMEG assistant listening on (http:\/\/\S+?)"/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening: ${stderr}`)));
  });
  // A test that expects the server to fail never waits for it to listen.
  listening.catch(() => undefined);
  return { child, listening, exited, stderr: () => stderr, stdout: () => stdout };
}
