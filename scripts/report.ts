import { existsSync } from 'node:fs';
import { parseConfig } from '../adapters/http/config.ts';
import { formatInteractionReport, interactionReport } from '../adapters/http/interaction-report.ts';
import { interactionStorePath, openInteractionStore } from '../adapters/http/interaction-store.ts';

/**
 * For fund staff: what users asked that the bot could not answer, and which answers got 👎,
 * so they know which knowledge document to add or fix. Reads the PostgreSQL every instance shares when
 * DATABASE_URL is set, otherwise this instance's DATA_DIR/interactions.sqlite.
 */

const LIMIT = Number(process.argv[2] ?? 20);

const config = parseConfig();
const path = interactionStorePath(config.DATA_DIR);
if (!config.DATABASE_URL && !existsSync(path)) {
  console.log(`尚無紀錄：找不到 ${path}（伺服器收到第一個問題後才會建立）。`);
} else {
  const store = await openInteractionStore({ databaseUrl: config.DATABASE_URL, path, salt: config.INTERACTIONS_SALT });
  try {
    const source = config.DATABASE_URL ? `PostgreSQL ${databaseName(config.DATABASE_URL)}` : path;
    console.log(formatInteractionReport(await interactionReport(store, LIMIT), source, LIMIT));
  } finally {
    await store.close();
  }
}

/** Host and database only: the URL may carry a password. */
function databaseName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
