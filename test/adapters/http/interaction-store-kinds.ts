import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SqliteInteractionStore, type InteractionStore } from '../../../adapters/http/interaction-store.ts';
import { PostgresInteractionStore } from '../../../adapters/http/postgres-interaction-store.ts';
import { hasPostgres, startPostgres, type TestPostgres } from '../../support/postgres.ts';

/** A store under test and a way to read what it wrote, as another connection would. */
export interface OpenedStore {
  store: InteractionStore;
  /** Every row of a table, read straight from the database. */
  rows(table: 'turns' | 'feedback' | 'meta'): Promise<Array<Record<string, unknown>>>;
}

export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** False when PostgreSQL is neither installed nor given by TEST_DATABASE_URL. */
  available: boolean;
  /** A new store over a new, empty database. */
  open(options?: { salt?: string }): Promise<OpenedStore>;
}

let postgres: TestPostgres | undefined;
const temporary: string[] = [];

/** Both interaction stores, so one test runs against each: SQLite in a temporary file, PostgreSQL in a new database. */
export const storeKinds: StoreKind[] = [
  {
    name: 'SQLite',
    available: true,
    async open(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'interactions-'));
      temporary.push(dir);
      const path = join(dir, 'interactions.sqlite');
      const store = new SqliteInteractionStore({ path, ...options });
      return {
        store,
        async rows(table) {
          await store.flush();
          const raw = new Database(path, { readonly: true });
          try {
            return raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Array<Record<string, unknown>>;
          } finally {
            raw.close();
          }
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    available: hasPostgres,
    async open(options = {}) {
      postgres ??= await startPostgres();
      const url = await postgres.createDatabase();
      const store = new PostgresInteractionStore({ url, ...options });
      return {
        store,
        async rows(table) {
          await store.flush();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(`SELECT * FROM ${table}`)).rows as Array<Record<string, unknown>>;
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

/** Stops the PostgreSQL the stores used (if this file started one) and removes the SQLite files. */
export async function removeStores(): Promise<void> {
  await postgres?.stop();
  postgres = undefined;
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}
