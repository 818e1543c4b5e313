import { describe, expect, it } from 'vitest';
import { checkKnowledge, formatCheckIssue, KnowledgeFormatError, loadKnowledge } from '../../knowledge/index.ts';
import { frontMatter, VALID_BODY, validDocument, writeKnowledgeDir } from './fixtures.ts';

interface BrokenCase {
  name: string;
  files: Record<string, string>;
  /** The file the issue names (its path ends with this). */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

const ID = 'batch-guarantee-revision-2014';
const FILE = `${ID}.md`;

const brokenCases: BrokenCase[] = [
  {
    name: 'a file without front matter',
    files: { [FILE]: VALID_BODY.trimStart() },
    file: FILE,
    line: 1,
    message: '檔案開頭缺少前置資料（front matter）：第一行應為 ---',
  },
  {
    name: 'front matter that never ends',
    files: { [FILE]: `---\nid: ${ID}\ntitle: 修正函\n${VALID_BODY}` },
    file: FILE,
    line: 1,
    message: '前置資料沒有結束：請在最後一個欄位之後加上一行 ---',
  },
  {
    name: 'a YAML syntax error',
    files: { [FILE]: validDocument(ID, { title: 'title: [修正函' }) },
    file: FILE,
    message: '前置資料的 YAML 語法錯誤，請檢查這一行的冒號、縮排、引號與括號',
  },
  {
    name: 'a missing required field',
    files: { [FILE]: validDocument(ID, { issuer: null }) },
    file: FILE,
    field: 'issuer',
    message: '缺少必填欄位 issuer：請加上（發文機關，例如 財團法人中小企業信用保證基金）',
  },
  {
    name: 'a missing effective date',
    files: { [FILE]: validDocument(ID, { effective: 'effective:\n  from: 2014-12-15' }) },
    file: FILE,
    line: 7,
    field: 'effective.to',
    message: '缺少必填欄位 effective.to：請加上（失效日 YYYY-MM-DD；仍有效或不知道時寫 null）',
  },
  {
    name: 'an unknown field',
    files: { [FILE]: validDocument(ID, { author: 'author: 鄭志宏' }) },
    file: FILE,
    line: 12,
    field: 'author',
    message: '不認得的欄位「author」：請刪除，或改成正確的欄位名稱（此處可用：id、title、issuer',
  },
  {
    name: 'a misspelt sub-field',
    files: { [FILE]: validDocument(ID, { effective: 'effective:\n  from: 2014-12-15\n  to: null\n  until: null' }) },
    file: FILE,
    line: 10,
    field: 'effective.until',
    message: '不認得的欄位「until」：請刪除，或改成正確的欄位名稱（此處可用：from、to）',
  },
  {
    name: 'an ROC date',
    files: { [FILE]: validDocument(ID, { issued: 'issued: 103/11/05' }) },
    file: FILE,
    line: 6,
    field: 'issued',
    message: '日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「103/11/05」；若是民國日期，即民國103年11月5日 = 2014-11-05（民國年 + 1911），請寫成 2014-11-05',
  },
  {
    name: 'an ROC date written with 年月日',
    files: { [FILE]: validDocument(ID, { effective: 'effective:\n  from: 民國115年11月20日\n  to: null' }) },
    file: FILE,
    line: 8,
    field: 'effective.from',
    message: '若是民國日期，即民國115年11月20日 = 2026-11-20（民國年 + 1911），請寫成 2026-11-20',
  },
  {
    name: 'a date that does not exist',
    files: { [FILE]: validDocument(ID, { effective: 'effective:\n  from: 2014-02-30\n  to: null' }) },
    file: FILE,
    line: 8,
    field: 'effective.from',
    message: '日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「2014-02-30」',
  },
  {
    name: 'a date written as a number',
    files: { [FILE]: validDocument(ID, { issued: 'issued: 20141105' }) },
    file: FILE,
    field: 'issued',
    message: '日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「20141105」',
  },
  {
    name: 'an end date before the start date',
    files: { [FILE]: validDocument(ID, { effective: 'effective:\n  from: 2014-12-15\n  to: 2014-01-01' }) },
    file: FILE,
    line: 9,
    field: 'effective.to',
    message: '失效日 effective.to（2014-01-01）早於生效日 effective.from（2014-12-15）',
  },
  {
    name: 'an undated document without a note',
    files: { [FILE]: validDocument(ID, { issued: 'issued: null' }) },
    file: FILE,
    field: 'issued_note',
    message: 'issued 為 null（來源未載日期）時必須填寫 issued_note',
  },
  {
    name: 'an id with capitals and underscores',
    files: { 'Batch_2014.md': validDocument('Batch_2014') },
    file: 'Batch_2014.md',
    field: 'id',
    message: 'id 只能用小寫英文字母、數字與連字號 -',
  },
  {
    name: 'an id that differs from the file name',
    files: { 'batch-2014.md': validDocument(ID) },
    file: 'batch-2014.md',
    line: 2,
    field: 'id',
    message: `id「${ID}」與檔名不符：請把 id 改成「batch-2014」，或把檔案改名為 ${ID}.md`,
  },
  {
    name: 'the same id in two folders',
    files: { [`a/${FILE}`]: validDocument(ID), [`b/${FILE}`]: validDocument(ID) },
    file: `b/${FILE}`,
    line: 2,
    field: 'id',
    message: `id「${ID}」已被`,
  },
  {
    name: 'text before the first heading',
    files: { [FILE]: `${frontMatter(ID)}\n財團法人中小企業信用保證基金 函\n${VALID_BODY}` },
    file: FILE,
    line: 13,
    message: '第一個 ## 標題之前不可有內文：請把這段文字移到某個 ## 標題之下',
  },
  {
    name: 'a level-one heading',
    files: { [FILE]: `${frontMatter(ID)}\n# 修正函\n${VALID_BODY}` },
    file: FILE,
    line: 13,
    message: '不可使用 # 一級標題「修正函」',
  },
  {
    name: 'an empty section',
    files: { [FILE]: `${frontMatter(ID)}\n## 附件\n\n<!-- 轉錄註：原文無附件 -->\n${VALID_BODY}` },
    file: FILE,
    line: 13,
    message: '章節「附件」沒有內文：請補上原文內容，或刪除這個標題',
  },
  {
    name: 'a duplicate heading',
    files: { [FILE]: `${frontMatter(ID)}\n${VALID_BODY}\n## 主旨\n\n再一次。\n` },
    file: FILE,
    line: 22,
    message: '標題「主旨」與第 14 行的標題重複',
  },
  {
    name: 'a sub-heading without a parent',
    files: { [FILE]: `${frontMatter(ID)}\n### 附表\n\n內容\n${VALID_BODY}` },
    file: FILE,
    line: 13,
    message: '### 標題「附表」之前沒有 ## 標題',
  },
  {
    name: 'a supersession of an unknown document',
    files: { [FILE]: validDocument(ID, { supersedes: 'supersedes:\n  - document: batch-rules-2003' }) },
    file: FILE,
    line: 12,
    field: 'supersedes[0].document',
    message: '找不到 id 為「batch-rules-2003」的文件',
  },
  {
    name: 'a supersession of an unknown section',
    files: {
      [FILE]: validDocument(ID, { supersedes: 'supersedes:\n  - document: overview\n    section: 5. 批次保證' }),
      'overview.md': validDocument('overview'),
    },
    file: FILE,
    line: 13,
    field: 'supersedes[0].section',
    message: '文件「overview」沒有標題為「5. 批次保證」的章節：請照該文件的標題填寫（現有：主旨、說明三',
  },
];

describe('knowledge check on broken files', () => {
  it.each(brokenCases)('reports $name', async ({ files, file, line, field, message }) => {
    const dir = await writeKnowledgeDir(files);
    const { issues, knowledge } = await checkKnowledge(dir);

    expect(knowledge).toBeUndefined();
    const issue = issues.find((candidate) => candidate.message.includes(message));
    expect(issue, `issues were:\n${issues.map(formatCheckIssue).join('\n')}`).toBeDefined();
    expect(issue?.severity).toBe('error');
    expect(issue?.file.endsWith(file)).toBe(true);
    if (line !== undefined) expect(issue?.line).toBe(line);
    if (field !== undefined) expect(issue?.field).toBe(field);
  });

  it('formats an issue with file, line, field and what to change', async () => {
    const dir = await writeKnowledgeDir({ [FILE]: validDocument(ID, { issued: 'issued: 103/11/05' }) });
    const { issues } = await checkKnowledge(dir);
    expect(formatCheckIssue(issues[0]!)).toMatch(
      new RegExp(`${FILE}:6 \\[錯誤\\] 欄位 issued：日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「103/11/05」；若是民國日期，即民國103年11月5日 = 2014-11-05（民國年 \\+ 1911），請寫成 2014-11-05$`),
    );
  });

  it('reports an empty folder and a missing one', async () => {
    const empty = await writeKnowledgeDir({});
    expect((await checkKnowledge(empty)).issues[0]?.message).toContain('找不到任何 .md 知識文件');
    expect((await checkKnowledge(`${empty}/missing`)).issues[0]?.message).toContain('無法讀取知識文件資料夾');
  });

  it('lists every problem of a file at once, in line order', async () => {
    const dir = await writeKnowledgeDir({
      [FILE]: validDocument(ID, { issued: 'issued: 103/11/05', author: 'author: 鄭志宏' }) + '\n## 附件\n',
    });
    const { issues } = await checkKnowledge(dir);
    expect(issues.map((issue) => issue.line)).toEqual([6, 12, 23]);
  });

  it('keeps the documents that parsed so rule references can still be checked', async () => {
    const dir = await writeKnowledgeDir({ [FILE]: validDocument(ID), 'broken.md': VALID_BODY });
    const { issues, documents, sections } = await checkKnowledge(dir);
    expect(issues).toHaveLength(1);
    expect(documents.map((document) => document.meta.id)).toEqual([ID]);
    expect(sections).toHaveLength(2);
  });

  it('throws KnowledgeFormatError from loadKnowledge, carrying the issues', async () => {
    const dir = await writeKnowledgeDir({ [FILE]: validDocument(ID, { issuer: null }) });
    const error = await loadKnowledge(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeFormatError);
    expect((error as KnowledgeFormatError).issues[0]?.field).toBe('issuer');
    expect((error as KnowledgeFormatError).message).toContain('知識文件有 1 個錯誤');
  });
});

describe('the shipped knowledge', () => {
  it('passes the check', async () => {
    const { issues, knowledge } = await checkKnowledge('knowledge/documents');
    expect(issues.filter((issue) => issue.severity === 'error').map(formatCheckIssue)).toEqual([]);
    expect(knowledge?.documents.length).toBeGreaterThanOrEqual(5);
  });
});
