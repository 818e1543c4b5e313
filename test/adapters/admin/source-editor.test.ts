import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceEditor } from '../../../adapters/admin/source-editor.ts';
import type { ReloadResult } from '../../../adapters/http/live-sources.ts';
import { ConsoleRequestError } from '../../../adapters/admin/errors.ts';
import { withExampleQuestion } from '../../../knowledge/example-questions.ts';
import { parseKnowledgeFile } from '../../../knowledge/parse.ts';
import { createSourceFixture } from '../http/source-fixture.ts';

const FILE = { folder: 'knowledge' as const, path: 'batch-guarantee-revision-2014.md' };

describe('changes made through the console', () => {
  const fixture = createSourceFixture();
  afterAll(() => fixture.remove());
  const reasons: string[] = [];
  const reload = async (reason: string) => {
    reasons.push(reason);
    return { ok: true, reason } as ReloadResult;
  };
  const editor = new SourceEditor({ knowledgeDir: fixture.knowledgeDir, rulesDir: fixture.rulesDir, draftsDir: join(fixture.knowledgeDir, '..', 'drafts') }, { reload }, pino({ level: 'silent' }));

  /** Adds an example under 主旨, reading the file when the change's turn comes. */
  const addExample = (question: string) =>
    editor.apply(`example ${question}`, async () => {
      const content = (await editor.read(FILE))!;
      const parsed = parseKnowledgeFile(FILE.path, content);
      if (!parsed.ok) throw new Error('fixture does not parse');
      const line = parsed.document.sections.find((section) => section.heading === '主旨')!.line;
      return [{ ...FILE, content: withExampleQuestion(content, line, question) }];
    });

  it('take turns, so two staff members adding to one file at once both keep their line', async () => {
    await Promise.all([addExample('批保要點修正了什麼？'), addExample('批次保證要點哪天改的？')]);
    const text = readFileSync(join(fixture.knowledgeDir, FILE.path), 'utf8');
    expect(text).toContain('> 例題：批保要點修正了什麼？\n> 例題：批次保證要點哪天改的？');
    expect(reasons).toEqual(['console: example 批保要點修正了什麼？', 'console: example 批次保證要點哪天改的？']);
  });

  it('are refused with the check’s problems, named as the published file, and nothing is written or reloaded', async () => {
    const before = readFileSync(join(fixture.knowledgeDir, FILE.path), 'utf8');
    reasons.length = 0;
    const refused = await editor
      .apply('broken', async () => [{ ...FILE, content: before.replace('issued: 2014-11-05', 'issued: 103/11/05') }])
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConsoleRequestError);
    const issue = (refused as ConsoleRequestError).issues[0]!;
    expect(issue.file).toBe(join(fixture.knowledgeDir, FILE.path));
    expect(issue.message).toContain('請寫成 2014-11-05');
    expect(readFileSync(join(fixture.knowledgeDir, FILE.path), 'utf8')).toBe(before);
    expect(reasons).toEqual([]);
  });
});
