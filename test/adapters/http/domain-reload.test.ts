import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveSources, type LiveSources } from '../../../adapters/http/live-sources.ts';
import { createBot } from '../../../bot/index.ts';
import type { Bot } from '../../../bot/types.ts';
import { createSourceFixture, type SourceFixture } from './source-fixture.ts';

const silent = pino({ level: 'silent' });

let fixture: SourceFixture;
let domainDir: string;
let sources: LiveSources | undefined;
beforeEach(() => {
  fixture = createSourceFixture();
  domainDir = mkdtempSync(join(tmpdir(), 'domain-'));
  cpSync('domain/registry', domainDir, { recursive: true });
});
afterEach(async () => {
  await sources?.close();
  sources = undefined;
  fixture.remove();
  rmSync(domainDir, { recursive: true, force: true });
});

function editDomain(file: string, from: string, to: string): void {
  const path = join(domainDir, file);
  const before = readFileSync(path, 'utf8');
  if (!before.includes(from)) throw new Error(`nothing to replace in ${file}`);
  writeFileSync(path, before.replace(from, to));
}

async function ask(bot: Bot, text: string): Promise<string> {
  const [reply] = await bot.handle({ conversationId: `c-${Math.random()}`, channel: 'cli', event: { type: 'message', text } });
  return reply?.text ?? '';
}

describe('the domain registry, reloaded like knowledge and rules', () => {
  it('understands a programme name that fund staff add, once reloaded', async () => {
    const live = (sources = await createLiveSources({ ...fixture, domainDir, logger: silent, watch: false }));
    const bot = createBot({ sources: () => live.current() });
    const question = '小本週轉貸款的保證成數最高幾成？';
    expect(await ask(bot, question)).not.toContain('80%');

    editDomain('programmes.yaml', 'aliases: [一般貸款, 一般保證,', 'aliases: [小本週轉貸款, 一般貸款, 一般保證,');
    const result = await live.reload('test');

    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await ask(bot, question)).toContain('80%');
  });

  it('refuses a broken registry, names file and line, and keeps serving the last good words', async () => {
    const live = (sources = await createLiveSources({ ...fixture, domainDir, logger: silent, watch: false }));
    const before = live.current().version;
    editDomain('facts.yaml', '    question: 請問貸款金額是多少？（例如 500萬）', '    question: ""');

    const result = await live.reload('test');

    expect(result.ok).toBe(false);
    expect(result.issues.some((i) => i.file.endsWith('facts.yaml') && i.line !== undefined && i.severity === 'error')).toBe(true);
    expect(live.current().version).toBe(before);
    expect(live.current().domain?.facts.questions.loanAmount?.question).toBe('請問貸款金額是多少？（例如 500萬）');
  });

  it('refuses a programme that points to a document that does not exist', async () => {
    const live = (sources = await createLiveSources({ ...fixture, domainDir, logger: silent, watch: false }));
    editDomain('programmes.yaml', 'documents: [batch-guarantee-revision-2014, guarantee-programs-overview]', 'documents: [batch-2099]');

    const result = await live.reload('test');

    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.message).join('\n')).toContain('找不到知識文件「batch-2099」');
  });
});
