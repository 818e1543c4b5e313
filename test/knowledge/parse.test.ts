import { describe, expect, it } from 'vitest';
import { checkKnowledge, parseKnowledgeFile } from '../../knowledge/index.ts';
import { frontMatter, validDocument, writeKnowledgeDir } from './fixtures.ts';

const ID = 'guarantee-programs-overview';

const NESTED_BODY = `
## 授權保證

### (4) 授權保證項目表

| 信用保證項目 | 授權最高保證成數 |
| --- | --- |
| 一般貸款 | 80% |

### (6) 授權保證之限制

<!-- 轉錄註：原文此清單編號為圈號 -->
- ① 各保證項目之融資金額超過授權額度者。

## 3. 批次保證(民國92年推出)

由信保基金訂定代位清償上限，可保證至十成。
`;

function parsed(content: string) {
  const result = parseKnowledgeFile(`knowledge/documents/${ID}.md`, content);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

describe('parsing a knowledge file', () => {
  it('turns ## and ### headings into sections cited as parent > child', () => {
    const document = parsed(`${frontMatter(ID)}\n${NESTED_BODY}`);
    expect(document.sections.map((section) => section.heading)).toEqual([
      '授權保證 > (4) 授權保證項目表',
      '授權保證 > (6) 授權保證之限制',
      '3. 批次保證(民國92年推出)',
    ]);
  });

  it('gives each section a stable, readable id from its own heading', () => {
    const [table, , batch] = parsed(`${frontMatter(ID)}\n${NESTED_BODY}`).sections;
    expect(table?.id).toBe(`${ID}#(4)-授權保證項目表`);
    expect(table?.headingPath).toEqual(['授權保證', '(4) 授權保證項目表']);
    expect(batch?.id).toBe(`${ID}#3.-批次保證(民國92年推出)`);
  });

  it('keeps the Markdown body without HTML comments, with the heading line', () => {
    const [table, limits] = parsed(`${frontMatter(ID)}\n${NESTED_BODY}`).sections;
    expect(table?.text).toContain('| 一般貸款 | 80% |');
    expect(table?.line).toBe(16);
    expect(limits?.text).toBe('- ① 各保證項目之融資金額超過授權額度者。');
  });

  it('copies the document title and dates onto every section', () => {
    const [section] = parsed(validDocument(ID)).sections;
    expect(section).toMatchObject({
      documentId: ID,
      title: '修正「批次信用保證要點」函',
      issued: '2014-11-05',
      effectiveFrom: '2014-12-15',
      effectiveTo: null,
    });
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const document = parsed(`\uFEFF${validDocument(ID)}`.replace(/\n/g, '\r\n'));
    expect(document.sections).toHaveLength(2);
  });

  it('accepts an undated document that says what is known', () => {
    const document = parsed(validDocument(ID, { issued: 'issued: null\nissued_note: 未載日期，約民國100年' }));
    expect(document.meta.issued).toBeNull();
    expect(document.meta.issued_note).toBe('未載日期，約民國100年');
  });
});

describe('supersessions between documents', () => {
  const overview = `${frontMatter('guarantee-programs-overview', { issued: 'issued: null\nissued_note: 未載日期', effective: 'effective:\n  from: null\n  to: null' })}\n${NESTED_BODY}`;
  const revision = (supersedes: string) =>
    validDocument('batch-guarantee-revision-2014', { supersedes: `supersedes:\n${supersedes}` });

  it('marks the named section with the date the later document applies from', async () => {
    const dir = await writeKnowledgeDir({
      'guarantee-programs-overview.md': overview,
      'batch-guarantee-revision-2014.md': revision('  - document: guarantee-programs-overview\n    section: 3. 批次保證(民國92年推出)'),
    });
    const { knowledge, issues } = await checkKnowledge(dir);
    expect(issues).toEqual([]);
    const superseded = knowledge?.sections.filter((section) => section.supersededFrom !== undefined);
    expect(superseded?.map((section) => [section.heading, section.supersededFrom])).toEqual([
      ['3. 批次保證(民國92年推出)', '2014-12-15'],
    ]);
  });

  it('marks every sub-section when a group heading is named, using the entry\'s own date', async () => {
    const dir = await writeKnowledgeDir({
      'guarantee-programs-overview.md': overview,
      'batch-guarantee-revision-2014.md': revision(
        '  - document: guarantee-programs-overview\n    section: 授權保證\n    from: 2015-01-01',
      ),
    });
    const { knowledge } = await checkKnowledge(dir);
    const superseded = knowledge?.sections.filter((section) => section.supersededFrom === '2015-01-01');
    expect(superseded?.map((section) => section.headingPath[0])).toEqual(['授權保證', '授權保證']);
  });

  it('marks a whole document when no section is named', async () => {
    const dir = await writeKnowledgeDir({
      'guarantee-programs-overview.md': overview,
      'batch-guarantee-revision-2014.md': revision('  - document: guarantee-programs-overview'),
    });
    const { knowledge } = await checkKnowledge(dir);
    const overviewSections = knowledge?.sections.filter((section) => section.documentId === 'guarantee-programs-overview');
    expect(overviewSections?.every((section) => section.supersededFrom === '2014-12-15')).toBe(true);
  });
});
