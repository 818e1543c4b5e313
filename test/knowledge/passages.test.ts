import { describe, expect, it } from 'vitest';
import { parseKnowledgeFile } from '../../knowledge/index.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { passageCatalogue, plainText } from '../../knowledge/passages.ts';
import { frontMatter } from './fixtures.ts';

const ID = 'guarantee-programs-overview';

const BODY = `
## 2. 專案保證：(3) 火金姑(相對保證)專案貸款

> 項目：火金姑(相對保證)專案貸款

企業捐助金額以5仟萬元為原則，得視產業特性調整之，惟最低不得少於2仟萬元。

## 3. 批次保證(民國92年推出)

由信保基金訂定代位清償上限，可保證至十成。

## 聯絡資訊

臺北本部

- 地址：100232臺北市中正區羅斯福路1段6號3、4、5樓
- TEL：(02)2321-4261

| 地區別 | 111年保證餘額 |
| --- | --- |
| 臺北市 | 196,703.17 |
| 新北市 | 195,826.11 |
`;

function parse(content: string) {
  return parseKnowledgeFile(`knowledge/documents/${ID}.md`, content);
}

describe('programmes in the knowledge files', () => {
  it('a section’s 「> 項目：」 line names its programmes by official name or code, and is neither text nor quoted', () => {
    const result = parse(`${frontMatter(ID, { supersedes: 'supersedes: []\nprogrammes: [batch]' })}\n${BODY}`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [firefly, batch] = result.document.sections;
    expect(firefly!.programmes).toEqual(['firefly']);
    expect(firefly!.text).not.toContain('項目');
    expect(batch!.programmes).toBeUndefined();
    expect(result.document.meta.programmes).toEqual(['batch']);
  });

  it('an unknown programme is an error on its line, saying what can be written', () => {
    const result = parse(`${frontMatter(ID)}\n${BODY.replace('> 項目：火金姑(相對保證)專案貸款', '> 項目：螢火蟲貸款')}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.message.includes('螢火蟲貸款'));
    expect(issue?.line).toBe(frontMatter(ID).split('\n').length + 4);
    expect(issue?.message).toContain('youth_startup');
  });

  it('an unknown programme in the front matter is an error naming the field', () => {
    const result = parse(`${frontMatter(ID, { supersedes: 'supersedes: []\nprogrammes: [青春貸款]' })}\n${BODY}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.message.includes('青春貸款'))).toBe(true);
  });
});

describe('the passage catalogue', () => {
  it('knows a passage quoting another section’s words, and where those words are written; a quoted name is no quotation', () => {
    const body = `
## 第 5 條：保證成數

前項信用保證成數為八成，送保期間免收保證手續費。

## 策略說明

依某某條例第 5 條規定「……前項信用保證成數為八成，送保期間免收保證手續費。」

本計畫依「某某企業移送信用保證注意事項，信用保證成數為八成」之名稱審核。
`;
    const result = parse(`${frontMatter(ID)}\n${body}`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const knowledge = { documents: [result.document], sections: result.document.sections, loadedAt: new Date() };
    const catalogue = passageCatalogue(knowledge);
    const [act, strategy] = result.document.sections;
    const quoting = catalogue.sections.get(strategy!.id)!.passages.filter((p) => catalogue.quotedFrom.has(p.id));
    expect(quoting.map((p) => p.text)).toEqual([expect.stringContaining('前項信用保證成數為八成')]);
    expect(catalogue.quotedFrom.get(quoting[0]!.id)).toEqual([act!.id]);
    expect(catalogue.quotingSections.get(strategy!.id)).toEqual([act!.id]);
    expect(catalogue.quotingSections.has(act!.id)).toBe(false);
  });

  it('quotes an autolink as its address, and an angle bracket in text is still dropped', () => {
    expect(plainText('- 網址：<https://www.example.org.tw>')).toBe('網址：https://www.example.org.tw');
    expect(plainText('寄到 <mailto:service@example.org.tw> 或 > 引言')).toBe('寄到 mailto:service@example.org.tw 或 引言');
  });

  it('is cut once per knowledge version, with document, section, dates and programmes on every passage', async () => {
    const knowledge = await loadKnowledge('knowledge/documents');
    const catalogue = passageCatalogue(knowledge);
    expect(passageCatalogue(knowledge)).toBe(catalogue);
    const firefly = [...catalogue.sections.values()].find((s) => s.section.heading.startsWith('2. 專案保證：(3)'))!;
    expect(firefly.programmes).toEqual(['firefly']);
    const batchLetter = [...catalogue.sections.values()].find((s) => s.section.documentId === 'batch-guarantee-revision-2014')!;
    expect(batchLetter.programmes).toEqual(['batch']);
    expect(batchLetter.passages[0]!.section.effectiveFrom).toBe('2014-12-15');
    expect(catalogue.byProgramme.get('firefly')?.has(firefly.section.id)).toBe(true);
  });

  it('reads table rows with their header, keeps a label with the lines under it, and finds the unit', async () => {
    const result = parse(`${frontMatter(ID)}\n${BODY}`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const knowledge = { documents: [result.document], sections: result.document.sections, loadedAt: new Date() };
    const contact = passageCatalogue(knowledge).sections.get(`${ID}#聯絡資訊`)!;
    expect(contact.passages.map((p) => [p.kind, p.text])).toEqual([
      ['block', '臺北本部　地址：100232臺北市中正區羅斯福路1段6號3、4、5樓　TEL：(02)2321-4261'],
      ['row', '地區別 111年保證餘額：臺北市 196,703.17'],
      ['row', '地區別 111年保證餘額：新北市 195,826.11'],
    ]);
    expect(contact.tables[0]!.rows).toHaveLength(2);
  });

  it('reads a month under a year written once for several rows (a merged cell) as that year’s month', () => {
    const table = ['## 表 1-2 重要金融指標', '', '| 年月 | M1B |', '|---|---|', '| 97 年 | -2.94 |', '| 12 月 | -2.16 |', '| 98 年 1 月 | 1.78 |', '| 2 月 | 2.70 |', '| 9 月 p | 23.51 |'].join('\n');
    const result = parse(`${frontMatter(ID)}\n${table}\n`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const knowledge = { documents: [result.document], sections: result.document.sections, loadedAt: new Date() };
    const [cut] = [...passageCatalogue(knowledge).sections.values()];
    expect(cut!.passages.map((p) => p.text)).toEqual([
      '年月 M1B：97 年 -2.94',
      '年月 M1B：97 年 12 月 -2.16',
      '年月 M1B：98 年 1 月 1.78',
      '年月 M1B：98 年 2 月 2.70',
      '年月 M1B：98 年 9 月 p 23.51',
    ]);
  });

  it('knows the line an item is indented under when that line ends in a colon, and no line for items beside it', () => {
    const list = [
      '## 送保作業說明',
      '',
      '- 承辦銀行送保前，應徵提具結書，連同員工名冊，一併留存。相關作業如下：',
      '  - 授權送保：於系統勾選已徵提。',
      '  - 專案送保：於系統選填已徵提。',
      '- 實施期限屆至前之案件均得適用。',
      '- 另一項規定：',
      '- 與上一行並列的規定。',
    ].join('\n');
    const result = parse(`${frontMatter(ID)}\n${list}\n`);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const knowledge = { documents: [result.document], sections: result.document.sections, loadedAt: new Date() };
    const [cut] = [...passageCatalogue(knowledge).sections.values()];
    const lead = (start: string) => cut!.passages.find((p) => p.text.startsWith(start))?.lead;
    const opening = cut!.passages.find((p) => p.text.startsWith('承辦銀行'))!.order;
    expect([lead('授權送保'), lead('專案送保')]).toEqual([opening, opening]);
    expect([lead('承辦銀行'), lead('實施期限'), lead('與上一行')]).toEqual([undefined, undefined, undefined]);
  });
});
