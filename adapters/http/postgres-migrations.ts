import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

/** The interaction store's migrations, shipped beside the code (the build copies them to dist/). */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/postgres/', import.meta.url));

/** Files named `NNN_what.sql` are migrations; they are applied in the order of their names. */
const MIGRATION_FILE = /^\d+_[\w-]+\.sql$/;

/** Any constant shared by every instance: while one migrates, the others wait for it. */
const MIGRATION_LOCK = 0x5e3e_0016;

export interface MigrationResult {
  /** The migrations this call applied, in order (empty when the database was up to date). */
  applied: string[];
}

/**
 * Brings the database up to date: every migration in `dir` not yet listed in `schema_migrations` is run and
 * listed there, all in one transaction under an advisory lock, so instances starting together migrate once and
 * a failed migration leaves nothing half done.
 */
export async function migrate(pool: Pool, dir = POSTGRES_MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name));
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      await client.query(readFileSync(join(dir, name), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    await client.query('COMMIT');
    return { applied };
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is dropped rather than handed to the next query.
    client.release(broken);
  }
}
