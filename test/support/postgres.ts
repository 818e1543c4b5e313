import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * PostgreSQL for tests, real and on loopback: the server TEST_DATABASE_URL points at (`.ci/run` starts one), or
 * else a throw-away cluster started here from Debian's `postgresql` package, as test/bot/dialogue/redis-server.ts
 * starts redis-server. Each test file gets databases of its own, dropped when it stops.
 */

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder (/usr/lib/postgresql/<version>/bin), if any. */
function postgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((version) => existsSync(join(POSTGRES_ROOT, version, 'bin', 'initdb')) && existsSync(join(POSTGRES_ROOT, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(POSTGRES_ROOT, versions[0], 'bin');
}

const externalUrl = process.env.TEST_DATABASE_URL || undefined;
const bin = externalUrl ? undefined : postgresBin();

/** True when the tests can have a PostgreSQL: TEST_DATABASE_URL, or a server binary to start. */
export const hasPostgres = externalUrl !== undefined || bin !== undefined;

export interface TestPostgres {
  /** The server's maintenance database (`postgres`), as a superuser. */
  url: string;
  /** A new empty database on the server; its URL. */
  createDatabase(): Promise<string>;
  /** Drops the databases created; stops the server if it was started here. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startPostgres(): Promise<TestPostgres> {
  if (externalUrl) return withDatabases(externalUrl, async () => undefined);
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql) and TEST_DATABASE_URL is not set');
  const cluster = await startCluster(bin);
  return withDatabases(cluster.url, cluster.stop);
}

function withDatabases(url: string, stopServer: () => Promise<void>): TestPostgres {
  const created: string[] = [];
  const admin = () => new pg.Client({ connectionString: url });
  return {
    url,
    async createDatabase() {
      const name = `smeg_test_${randomBytes(6).toString('hex')}`;
      const client = admin();
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      const databaseUrl = new URL(url);
      databaseUrl.pathname = `/${name}`;
      return databaseUrl.toString();
    },
    async stop() {
      if (created.length > 0) {
        const client = admin();
        await client.connect();
        try {
          for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      }
      await stopServer();
    },
  };
}

/**
 * initdb and postgres refuse to run as root: as root, the cluster belongs to the `postgres` user the package
 * creates, and both run as that user (setpriv execs, so the child is postgres itself and signals reach it).
 */
function asClusterOwner(dir: string): { wrap: (command: string, args: string[]) => [string, string[]] } {
  if (process.getuid?.() !== 0) return { wrap: (command, args) => [command, args] };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  return {
    wrap: (command, args) => ['setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', command, ...args]],
  };
}

async function startCluster(binDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'smeg-postgres-'));
  const data = join(dir, 'data');
  const { wrap } = asClusterOwner(dir);
  const [initdb, initdbArgs] = wrap(join(binDir, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'smeg', '-E', 'UTF8', '--locale=C', '--no-sync']);
  execFileSync(initdb, initdbArgs, { stdio: 'ignore' });
  const port = await freePort();
  // Durability is not what these tests are about: no fsync, so a test's writes cost what the queries cost.
  const [postgres, postgresArgs] = wrap(join(binDir, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ]);
  const child = spawn(postgres, postgresArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `postgres://smeg@127.0.0.1:${port}/postgres`;
  // A test run that ends without stop() (a worker torn down, an interrupted run) leaves no server behind:
  // SIGQUIT is PostgreSQL's immediate shutdown.
  const onExit = () => {
    child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForConnection(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitForConnection(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 20 s: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Fast shutdown (SIGINT: connections closed, no checkpoint wait), then SIGKILL if it takes over 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
