import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../knowledge/index.ts';
import { OUT_OF_SCOPE_FILE, parseOutOfScope, withOutOfScopeQuestion } from '../../knowledge/out-of-scope.ts';
import { validDocument, writeKnowledgeDir } from './fixtures.ts';

const ID = 'batch-guarantee-revision-2014';

describe('the out-of-scope list', () => {
  it('is created with a header that tells staff what it is, then grows one entry at a time', () => {
    const first = withOutOfScopeQuestion(undefined, { question: '今天天氣好嗎？', marked: '2026-12-01' });
    const second = withOutOfScopeQuestion(first, { question: '台積電股價多少', marked: '2026-12-02', note: '股票行情' });
    expect(second).toMatch(/^# 不在服務範圍的問題/);
    const parsed = parseOutOfScope(OUT_OF_SCOPE_FILE, second);
    expect(parsed).toMatchObject({
      ok: true,
      questions: [
        { question: '今天天氣好嗎？', marked: '2026-12-01', line: 5 },
        { question: '台積電股價多少', marked: '2026-12-02', note: '股票行情', line: 7 },
      ],
      issues: [],
    });
  });

  it('is loaded with the knowledge when the file exists', async () => {
    const dir = await writeKnowledgeDir({
      [`${ID}.md`]: validDocument(ID),
      [OUT_OF_SCOPE_FILE]: withOutOfScopeQuestion(undefined, { question: '今天天氣好嗎？', marked: '2026-12-01' }),
    });
    const { knowledge, issues } = await checkKnowledge(dir);
    expect(issues).toEqual([]);
    expect(knowledge?.outOfScope?.map((entry) => entry.question)).toEqual(['今天天氣好嗎？']);
  });

  it('reports a 民國 date with its line and the ISO date it means', () => {
    const parsed = parseOutOfScope(OUT_OF_SCOPE_FILE, 'questions:\n  - question: 天氣\n    marked: 115/12/01\n');
    expect(parsed.ok).toBe(false);
    expect(parsed.issues[0]).toMatchObject({ line: 3, field: 'questions.0.marked', severity: 'error' });
    expect(parsed.issues[0]?.message).toContain('請寫成 2026-12-01');
  });

  it('warns about a question listed twice', () => {
    const parsed = parseOutOfScope(OUT_OF_SCOPE_FILE, 'questions:\n  - { question: 天氣好嗎, marked: 2026-12-01 }\n  - { question: 天氣 好嗎？, marked: 2026-12-02 }\n');
    expect(parsed.issues).toEqual([expect.objectContaining({ line: 3, severity: 'warning' })]);
  });

  it('refuses a question that a section also lists as its example', async () => {
    const dir = await writeKnowledgeDir({
      [`${ID}.md`]: `${validDocument(ID)}\n> 例題：批保費率多少？\n`,
      [OUT_OF_SCOPE_FILE]: 'questions:\n  - { question: 批保費率多少, marked: 2026-12-01 }\n',
    });
    const { knowledge, issues } = await checkKnowledge(dir);
    expect(knowledge).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ line: 2, severity: 'error' })]);
    expect(issues[0]?.message).toMatch(/也是 .*batch-guarantee-revision-2014\.md:22〈說明三：代償上限計提率與保證手續費年費率〉 的例題/);
  });
});
