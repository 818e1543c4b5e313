import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../adapters/http/server.ts';
import type { Reply } from '../../../bot/types.ts';
import { createSourceFixture, type SourceFixture } from '../http/source-fixture.ts';

export const ADMIN_TOKEN = 'console-test-admin-token-0123';

/** The whole server as `npm start` builds it, on copies of knowledge and rules, with its own data and drafts folders. */
export interface ConsoleServer {
  url: string;
  server: RunningServer;
  fixture: SourceFixture;
  draftsDir: string;
  /** Asks through the public chat API, as a user would. */
  ask(text: string): Promise<Reply[]>;
  close(): Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const fixture = createSourceFixture();
  const dataRoot = mkdtempSync(join(tmpdir(), 'console-data-'));
  const draftsDir = join(dataRoot, 'drafts');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      KNOWLEDGE_DIR: fixture.knowledgeDir,
      RULES_DIR: fixture.rulesDir,
      DRAFTS_DIR: draftsDir,
      DATA_DIR: join(dataRoot, 'data'),
      ADMIN_TOKEN,
      // The console reloads after each change it writes; the watcher would only add reloads of its own.
      KNOWLEDGE_WATCH: 'false',
      RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  let asked = 0;
  return {
    url: server.url,
    server,
    fixture,
    draftsDir,
    async ask(text) {
      asked += 1;
      const response = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: `user-${asked}`, text }),
      });
      return ((await response.json()) as { replies: Reply[] }).replies;
    },
    async close() {
      await server.close();
      fixture.remove();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
