import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importDraft, UnsupportedImportError } from '../../../knowledge/import/index.ts';
import { parseKnowledgeFile } from '../../../knowledge/parse.ts';
import { minimalDocx } from './minimal-docx.ts';
import { minimalPdf } from './minimal-pdf.ts';

const run = promisify(execFile);

/** A 函 as the fund sends it: letterhead, 主旨, 說明 with numbered items, 正本. */
const LETTER_PDF = minimalPdf([
  { text: '財團法人中小企業信用保證基金 函', size: 18 },
  { text: '地址：10066臺北市中正區館前路6號', size: 11 },
  { text: '受文者：各承辦批次保證金融機構', size: 11 },
  { text: '發文日期：中華民國115年11月20日', size: 11 },
  { text: '發文字號：(115)保證規劃字第1150000123號', size: 11 },
  { text: '主旨：修正批次信用保證手續費年費率，自116年1月1日起實施，請查照。', size: 11 },
  { text: '說明：', size: 11 },
  { text: '一、依本基金115年第5次董事會決議辦理。', size: 11 },
  { text: '二、批次信用保證之保證手續費年費率自116年1月1日起調整為 0.25%，', size: 11 },
  { text: '授信額度核准日在該日之前者仍適用 0.3%。', size: 11 },
  { text: '正本：各承辦批次保證金融機構', size: 11 },
]);

const IMPORTED_ON = '2026-12-01';

describe('importing an announcement PDF', async () => {
  const draft = await importDraft(LETTER_PDF, { fileName: '批保費率公告.pdf', extension: '.pdf', importedOn: IMPORTED_ON });

  it('fills the front matter the letter states: issuer, 發文字號, 發文日期 and the date it takes effect', () => {
    expect(draft.markdown).toContain('issuer: 財團法人中小企業信用保證基金');
    expect(draft.markdown).toContain('number: (115)保證規劃字第1150000123號');
    expect(draft.markdown).toContain('issued: 2026-11-20');
    expect(draft.markdown).toContain('issued_note: 中華民國115年11月20日發文');
    expect(draft.markdown).toMatch(/effective:\n {2}from: 2027-01-01\n {2}to: null/);
    expect(draft.found.find((found) => found.field === 'title')).toMatchObject({ value: '修正批次信用保證手續費年費率', from: '主旨的第一句，請改為原文標題' });
  });

  it('names the draft after the issue date when the file name has no letters to use', () => {
    expect(draft.id).toBe('announcement-2026-11-20');
    expect(draft.markdown).toContain('id: announcement-2026-11-20');
  });

  it('makes sections of the letterhead, 主旨, each item of 說明 and 正本, keeping figures as written', () => {
    expect(draft.headings).toEqual([
      '函頭：發文機關、日期、字號與受文者',
      '主旨',
      '說明一：依本基金115年第5次董事會決議辦理',
      '說明二：批次信用保證之保證手續費年費率自116年1月1日起調整為 0.25%',
      '正本與副本',
    ]);
    expect(draft.markdown).toContain('二、批次信用保證之保證手續費年費率自116年1月1日起調整為 0.25%，授信額度核准日在該日之前者仍適用 0.3%。');
  });

  it('is a valid knowledge document as it stands, with a note asking staff to check it', () => {
    const parsed = parseKnowledgeFile(`${draft.id}.md`, draft.markdown);
    expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues)).toBe(true);
    expect(draft.markdown).toContain('<!-- 匯入草稿：2026-12-01 由 npm run knowledge:import 從 批保費率公告.pdf 產生');
  });
});

describe('importing a Word announcement', async () => {
  const docx = minimalDocx([
    { style: 'Title', text: '批次信用保證手續費年費率調整公告' },
    { text: '經濟部中小及新創企業署 115年11月20日' },
    { style: 'Heading1', text: '一、調整內容' },
    { text: '自116年1月1日起，批次信用保證之保證手續費年費率調整為0.25%。' },
    { table: [['項目', '原費率', '新費率'], ['批次保證', '0.3%', '0.25%']] },
    { style: 'Heading1', text: '二、適用範圍' },
    { text: '授信額度核准日在116年1月1日以後之案件。' },
  ]);
  const draft = await importDraft(docx, { fileName: 'batch-fee-2027.docx', extension: '.docx', importedOn: IMPORTED_ON });

  it('takes the title from the Title style and sections from the headings, with tables as Markdown tables', () => {
    expect(draft.id).toBe('batch-fee-2027');
    expect(draft.markdown).toContain('title: 批次信用保證手續費年費率調整公告');
    expect(draft.markdown).toContain('issuer: 經濟部中小及新創企業署');
    expect(draft.headings).toEqual(['內文', '一、調整內容', '二、適用範圍']);
    expect(draft.markdown).toContain('| 項目 | 原費率 | 新費率 |\n| --- | --- | --- |\n| 批次保證 | 0.3% | 0.25% |');
    expect(draft.markdown).toMatch(/effective:\n {2}from: 2027-01-01/);
  });

  it('leaves out what it cannot tell, so the check asks staff for it', () => {
    expect(draft.missing.map((missing) => missing.field)).toEqual(['number', 'issued']);
    const parsed = parseKnowledgeFile(`${draft.id}.md`, draft.markdown);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.field)).toEqual(['issued_note']);
  });
});

describe('npm run knowledge:import', () => {
  it('writes the draft into DRAFTS_DIR and says what it found and what to fill in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-'));
    await writeFile(join(dir, 'batch-fee-2027.pdf'), LETTER_PDF);
    const drafts = join(dir, 'drafts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/knowledge-import.ts', join(dir, 'batch-fee-2027.pdf')], {
      env: { ...process.env, DRAFTS_DIR: drafts },
    });
    expect(stdout).toContain(`已產生草稿：${join(drafts, 'batch-fee-2027.md')}`);
    expect(stdout).toContain('number：(115)保證規劃字第1150000123號（來源：發文字號）');
    expect(stdout).toContain('下一步：');
    expect(await readFile(join(drafts, 'batch-fee-2027.md'), 'utf8')).toContain('id: batch-fee-2027');
  });

  it('refuses a file that is neither PDF nor Word', async () => {
    await expect(importDraft(Buffer.from('x'), { fileName: 'a.doc', extension: '.doc', importedOn: IMPORTED_ON })).rejects.toBeInstanceOf(
      UnsupportedImportError,
    );
  });
});
