// Bundles the server (adapters/http/main.ts and everything it imports, libraries included) into
// dist/adapters/http/main.js, the file `npm start` runs: loading a few files instead of about 600 modules is most of
// what a start spends before it reads the knowledge. Run by `npm run build` after tsc and copy-runtime-files.js.
//
// - Libraries loaded only when configured stay outside the bundle and are imported from node_modules when used, as
//   before: the LINE SDK, Bot Framework, ioredis and its rate limiter, pg, the OpenAI SDK. Modules of the project
//   imported with import() (the LINE and Bot Framework adapters, the Redis and PostgreSQL stores, the model client)
//   become chunks of their own beside main.js, loaded at that import(), so a start without them configured parses
//   none of their code. better-sqlite3 stays outside too (a native module).
// - Modules that find files beside themselves (import.meta.url, import.meta.dirname, import.meta.filename: the
//   pages, the shipped YAML, the migrations) are given the location their compiled module has in dist/, where tsc
//   writes it and copy-runtime-files.js copies those files, instead of the bundle's. Any other use of import.meta
//   stops the build.
// - tsc's per-module output stays in dist/: the start-up cache's code fingerprint (knowledge/code-fingerprint.ts)
//   hashes the compiled modules under dist/knowledge, dist/rules and dist/domain, which are the code bundled here.
//
// Plain JavaScript, like copy-runtime-files.js; esbuild is a development dependency.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = process.cwd();
const outDir = path.resolve(process.argv[2] ?? 'dist');
const entry = 'adapters/http/main.ts';
// Where every output file (main.js and its chunks) is written, relative to outDir.
const bundleDir = path.dirname(entry);

/** Imported from node_modules at run time, not bundled: loaded only when configured, or native. */
const EXTERNAL_PACKAGES = [
  '@line/bot-sdk',
  'botbuilder',
  'ioredis',
  'rate-limiter-flexible',
  'pg',
  'openai',
  'better-sqlite3',
];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const IMPORT_META = /\bimport\.meta\b(?:\.([A-Za-z_$][\w$]*))?/g;

/** import.meta.url, .dirname and .filename of a source module, as its compiled module in dist/ would see them. */
const moduleLocation = {
  name: 'module-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const relativeSource = path.relative(root, args.path);
      if (relativeSource.startsWith('..') || relativeSource.split(path.sep).includes('node_modules')) return undefined;
      const compiled = relativeSource.replace(/\.ts$/, '.js').split(path.sep).join('/');
      const fromBundle = path.posix.relative(bundleDir, compiled);
      const dirFromBundle = path.posix.dirname(fromBundle);
      const problems = [];
      const contents = source.replace(IMPORT_META, (match, property) => {
        if (property === 'url') return `__moduleUrl(${JSON.stringify(fromBundle)})`;
        if (property === 'filename') return `__modulePath(${JSON.stringify(fromBundle)})`;
        if (property === 'dirname') return dirFromBundle === '.' ? 'import.meta.dirname' : `__modulePath(${JSON.stringify(dirFromBundle)})`;
        problems.push({ text: `${match} cannot be given its module's location in the bundle (scripts/bundle-server.js)` });
        return match;
      });
      return problems.length ? { errors: problems } : { contents, loader: 'ts' };
    });
  },
};

// Every output file (main.js and each chunk) is in one folder, so one helper serves them all. `require` lets the
// bundled CommonJS libraries load Node's built-in modules.
const banner = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __moduleUrl = (relative) => new URL(relative, import.meta.url).href;',
  'const __modulePath = (relative) => __fileURLToPath(new URL(relative, import.meta.url));',
].join('\n');

// Chunks of an earlier bundle (their names are hashes of their content).
for (const name of await readdir(path.join(outDir, bundleDir)).catch(() => [])) {
  if (name.startsWith('chunk-')) await rm(path.join(outDir, bundleDir, name));
}
const result = await build({
  entryPoints: { [entry.replace(/\.ts$/, '')]: entry },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: `${bundleDir}/chunk-[hash]`,
  external: EXTERNAL_PACKAGES,
  plugins: [moduleLocation],
  banner: { js: banner },
  // Whitespace and syntax only: names stay, so a stack trace names its functions even without the source map.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// `node --enable-source-maps` reads every map of a module when it loads it, and the libraries' mappings are most of
// the maps' size: keep only the project's own, so a stack trace points into the sources where the code is ours and
// into the bundle (with its function names) where it is a library's.
for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.map'))) {
  const map = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify(projectMappingsOnly(map)));
}

// The LINE SDK, Bot Framework and the other libraries above must be imported only from the chunks import() loads.
const staticOutputs = new Set();
const visit = (file) => {
  if (staticOutputs.has(file)) return;
  staticOutputs.add(file);
  for (const imported of result.metafile.outputs[file]?.imports ?? []) {
    if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  }
};
const mainOutput = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file].entryPoint === entry);
visit(mainOutput);
const eager = [...staticOutputs].flatMap((file) =>
  result.metafile.outputs[file].imports
    .filter((imported) => imported.external && (imported.kind === 'import-statement' || imported.kind === 'require-call'))
    .map((imported) => imported.path)
    .filter((name) => EXTERNAL_PACKAGES.some((lazy) => name === lazy || name.startsWith(`${lazy}/`)) && name !== 'better-sqlite3'),
);
if (eager.length) {
  console.error(`bundle-server: the server would load ${[...new Set(eager)].join(', ')} at every start; import them with import()`);
  process.exit(1);
}

/** A source map with the mappings into node_modules removed (their code left unmapped) and the unused sources dropped. */
function projectMappingsOnly(map) {
  const keep = map.sources.map((source) => !source.split('/').includes('node_modules'));
  const sources = [];
  const newIndex = map.sources.map((source, index) => (keep[index] ? sources.push(source) - 1 : -1));
  const state = { source: 0, line: 0, column: 0, name: 0 };
  const written = { source: 0, line: 0, column: 0, name: 0 };
  const lines = map.mappings.split(';').map((line) => {
    let generatedColumn = 0;
    let writtenColumn = 0;
    let unmapped = false;
    const segments = [];
    for (const segment of line ? line.split(',') : []) {
      const fields = decodeVlq(segment);
      generatedColumn += fields[0];
      if (fields.length > 1) {
        state.source += fields[1];
        state.line += fields[2];
        state.column += fields[3];
        if (fields.length > 4) state.name += fields[4];
      }
      const source = fields.length > 1 ? newIndex[state.source] : -1;
      if (source === -1) {
        // Code of a library: from here to the next mapping, no original position.
        if (!unmapped) segments.push(encodeVlq([generatedColumn - writtenColumn]));
        else continue;
        unmapped = true;
      } else {
        const out = [generatedColumn - writtenColumn, source - written.source, state.line - written.line, state.column - written.column];
        if (fields.length > 4) {
          out.push(state.name - written.name);
          written.name = state.name;
        }
        segments.push(encodeVlq(out));
        written.source = source;
        written.line = state.line;
        written.column = state.column;
        unmapped = false;
      }
      writtenColumn = generatedColumn;
    }
    return segments.join(',');
  });
  return { ...map, sources, mappings: lines.join(';') };
}

function decodeVlq(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeVlq(values) {
  let text = '';
  for (const value of values) {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      text += BASE64[digit];
    } while (rest > 0);
  }
  return text;
}
