/**
 * No regular expression of the code base may backtrack super-linearly: one message could otherwise hold the
 * event loop for seconds or hours. Literals are checked by ESLint (eslint-plugin-regexp, see eslint.config.js);
 * patterns assembled at run time (`new RegExp(...)` from vocabulary and fragments) are caught as they are
 * constructed, while every module loads and the bot answers, and checked with the same analysis (scslre).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { analyse } from 'scslre';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathologicalInputs } from './support/pathological-inputs.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCE_FOLDERS = ['adapters', 'bot', 'knowledge', 'rules'];
/** Entry points that start a server when imported. */
const ENTRY_POINTS = new Set(['adapters/http/main.ts']);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file))
    .filter((file) => !ENTRY_POINTS.has(file));
}

interface Constructed {
  source: string;
  flags: string;
}

/** The project file (not a dependency) that called the RegExp constructor, if any. */
function projectCaller(): string | undefined {
  const frames = (new Error().stack ?? '').split('\n').slice(3);
  const caller = frames.find((frame) => !frame.includes('regexp-safety.test.ts'));
  const match = caller ? /\((?:file:\/\/)?([^()]+?):\d+:\d+\)$|at (?:file:\/\/)?([^ ()]+?):\d+:\d+$/.exec(caller.trim()) : null;
  const file = match?.[1] ?? match?.[2];
  if (!file?.startsWith(ROOT) || file.includes('node_modules')) return undefined;
  return relative(ROOT, file);
}

/** Records every RegExp the project builds with the constructor (literals are ESLint's part). */
function recordConstructions(): Map<string, Constructed> {
  const seen = new Map<string, Constructed>();
  const record = (made: RegExp) => {
    const file = projectCaller();
    if (file) seen.set(`${file}: /${made.source}/${made.flags}`, { source: made.source, flags: made.flags });
    return made;
  };
  globalThis.RegExp = new Proxy(globalThis.RegExp, {
    construct: (target, args: [string | RegExp, string?], newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp),
    apply: (target, thisArg, args: [string | RegExp, string?]) => record(Reflect.apply(target, thisArg, args) as RegExp),
  });
  return seen;
}

describe('regular expressions', () => {
  it('no literal in the code base backtracks super-linearly (eslint-plugin-regexp)', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message.slice(0, 160)}`));
    expect(problems).toEqual([]);
  }, 120_000);

  describe('patterns built at run time', () => {
    let constructed: Map<string, Constructed>;

    beforeAll(async () => {
      constructed = recordConstructions();
      for (const folder of SOURCE_FOLDERS) {
        for (const file of sourceFiles(folder)) await import(pathToFileURL(join(ROOT, file)).href);
      }
      // Some patterns are built on first use (per vocabulary, per knowledge version): answer a few messages.
      const { createTestBot } = await import('./support/bot.ts');
      const { redactPersonalData } = await import('../bot/redaction.ts');
      const bot = await createTestBot();
      const messages = [
        '一般貸款500萬保8成B組一年手續費多少？',
        '我32歲，公司設立3年，可以申請青創嗎？',
        '批次保證的保證成數是多少？',
        'what is the batch guarantee fee?',
        '營業額2000萬、週轉借款1200萬',
        '莫拉克 計畫期程',
        ...pathologicalInputs(200, [60]).filter((_, i) => i % 50 === 0).map((p) => p.text),
      ];
      for (const [i, text] of messages.entries()) {
        await bot.handle({ conversationId: `regexp-${i}`, channel: 'cli', event: { type: 'message', text } });
        redactPersonalData(text);
      }
    }, 120_000);

    it('were seen (the recorder works)', () => {
      expect(constructed.size).toBeGreaterThan(10);
    });

    it('none backtracks super-linearly', () => {
      const unsafe: string[] = [];
      for (const [shown, literal] of constructed) {
        const { reports } = analyse(literal);
        for (const report of reports) {
          unsafe.push(`${report.type}${report.exponential ? ' (exponential)' : ''} on ${JSON.stringify(report.character.pick)}: ${shown.slice(0, 300)}`);
        }
      }
      expect(unsafe).toEqual([]);
    });
  });
});
