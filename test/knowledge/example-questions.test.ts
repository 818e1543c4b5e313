import { describe, expect, it } from 'vitest';
import { checkKnowledge, createSearchIndex, formatCheckIssue, parseKnowledgeFile } from '../../knowledge/index.ts';
import { exampleLine, questionKey } from '../../knowledge/example-questions.ts';
import { frontMatter, writeKnowledgeDir } from './fixtures.ts';

const ID = 'batch-guarantee-revision-2014';
const FILE = `${ID}.md`;

/** Front matter (12 lines), then 主旨 on line 14 and 說明三 on line 18. */
function documentWith(examplesUnderFee: string[], extra = ''): string {
  return [
    frontMatter(ID),
    '',
    '## 主旨',
    '',
    '茲修正本基金「批次信用保證要點」相關規定，並自 103 年 12 月 15 日起實施。',
    '',
    '## 說明三：代償上限計提率與保證手續費年費率',
    '',
    '三、公告代償上限計提率設定為 1.25%；保證手續費年費率設定為 0.35%。',
    '',
    ...examplesUnderFee,
    extra,
  ].join('\n');
}

describe('example questions under a section', () => {
  it('are read from 「> 例題：」 lines with their line numbers, and kept out of the section text', () => {
    const result = parseKnowledgeFile(FILE, documentWith(['> 例題：批保一年要付多少費用？', '> 例題: 銀行送批次保證要繳什麼費']));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fee = result.document.sections[1]!;
    expect(fee.examples).toEqual([
      { question: '批保一年要付多少費用？', line: 22 },
      { question: '銀行送批次保證要繳什麼費', line: 23 },
    ]);
    expect(fee.text).not.toContain('例題');
    expect(result.document.sections[0]!.examples).toBeUndefined();
  });

  it('are written as one line that staff can read and copy', () => {
    expect(exampleLine('  批保一年\n要付多少費用？ ')).toBe('> 例題：批保一年 要付多少費用？');
  });

  it('count as the same question whatever the spacing, punctuation, width or script', () => {
    expect(questionKey('批保一年要付多少費用？')).toBe(questionKey(' 批保 一年要付多少费用?'));
    expect(questionKey('ＡＢＣ組費率！')).toBe(questionKey('abc組費率'));
  });

  it('count as the same question with or without the words that only close it (是多少, 嗎), never down to nothing', () => {
    expect(questionKey('營授比上限')).toBe(questionKey('營授比上限是多少？'));
    expect(questionKey('批保費率呢')).toBe(questionKey('批保費率'));
    expect(questionKey('批保費率')).not.toBe(questionKey('批保'));
    expect(questionKey('多少')).toBe('多少');
  });
});

describe('knowledge check on example questions', () => {
  it.each([
    ['an empty example', documentWith(['> 例題：']), 22, '例題是空的'],
    ['an example before any section', `${frontMatter(ID)}\n> 例題：批保費率？\n${documentWith([]).split('\n').slice(12).join('\n')}`, 13, '例題要寫在它所屬的章節之下'],
    [
      'an example under a group heading with only sub-sections',
      documentWith([], '\n## 說明四\n\n> 例題：說明會在哪裡？\n\n### 說明會\n\n地點：本基金。\n'),
      25,
      '「說明四」是分組標題',
    ],
  ])('reports %s with its line', async (_name, content, line, message) => {
    const { issues } = await checkKnowledge(await writeKnowledgeDir({ [FILE]: content }));
    const issue = issues.find((candidate) => candidate.message.includes(message));
    expect(issue, issues.map(formatCheckIssue).join('\n')).toMatchObject({ line, severity: 'error' });
  });

  it('refuses the same question under two sections, naming both places', async () => {
    const dir = await writeKnowledgeDir({
      [FILE]: documentWith(['> 例題：批保費率多少？']),
      'overview.md': documentWith(['> 例題：批保 費率多少'])
        .replace(`id: ${ID}`, 'id: overview')
        .replace('title: 修正「批次信用保證要點」函', 'title: 信用保證業務概述'),
    });
    const { issues, knowledge } = await checkKnowledge(dir);
    expect(knowledge).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 22, severity: 'error' });
    expect(issues[0]?.file).toMatch(/overview\.md$/);
    expect(issues[0]?.message).toMatch(/已寫在 .*batch-guarantee-revision-2014\.md:22〈說明三：代償上限計提率與保證手續費年費率〉/);
  });

  it('only warns about the same question written twice under one section', async () => {
    const { issues, knowledge } = await checkKnowledge(await writeKnowledgeDir({ [FILE]: documentWith(['> 例題：批保費率？', '> 例題：批保費率']) }));
    expect(knowledge).toBeDefined();
    expect(issues).toEqual([expect.objectContaining({ line: 23, severity: 'warning' })]);
  });
});

describe('search with example questions', async () => {
  const dir = await writeKnowledgeDir({ [FILE]: documentWith(['> 例題：送件的銀行一年要繳多少？']) });
  const { knowledge } = await checkKnowledge(dir);
  const index = createSearchIndex(knowledge!);

  it('puts the section first for a question asked the way the example is written, saying which example matched', () => {
    const [first] = index.search('送件的銀行 一年要繳多少?');
    expect(first).toMatchObject({ section: '說明三：代償上限計提率與保證手續費年費率', example: '送件的銀行一年要繳多少？' });
  });

  it('finds the section for a question close to the example, without calling it a match', () => {
    const [first] = index.search('銀行一年要繳多少');
    expect(first?.section).toBe('說明三：代償上限計提率與保證手續費年費率');
    expect(first?.example).toBeUndefined();
  });

  it('leaves a matched section out on a date before its document was issued', () => {
    expect(index.search('送件的銀行一年要繳多少？', { asOf: '2010-01-01' })).toEqual([]);
  });

  it('never shows the example in the snippet', () => {
    const [first] = index.search('送件的銀行一年要繳多少？');
    expect(first?.snippet).not.toContain('例題');
  });
});
