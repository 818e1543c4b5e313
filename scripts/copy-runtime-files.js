// Copies the files the compiled code reads beside itself (import.meta.dirname, import.meta.url) into the build:
// the web and console pages, the LINE rich-menu image and the data files shipped with the code. tsc emits only
// JavaScript. The bundle `npm start` runs (scripts/bundle-server.js) looks for them where the compiled module that
// reads them would, so they stay at these places. Plain JavaScript so that the build needs only tsc, node and esbuild.
//
// Knowledge, rules and the registry staff edit are read from KNOWLEDGE_DIR, RULES_DIR and DOMAIN_DIR (relative
// to the working directory), not from here; domain/registry is copied as well because understanding falls back to
// the registry shipped beside domain/load.ts.
import { cpSync } from 'node:fs';
import path from 'node:path';

const outDir = process.argv[2] ?? 'dist';
const codeFolders = ['adapters', 'bot', 'domain/registry', 'knowledge/vocabulary.yaml'];

const isRuntimeFile = (source) => !source.endsWith('.ts') && path.basename(source) !== 'README.md';

for (const folder of codeFolders) {
  cpSync(folder, path.join(outDir, folder), { recursive: true, filter: isRuntimeFile });
}
