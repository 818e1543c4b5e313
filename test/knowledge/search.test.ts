import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  InvalidSearchDateError,
  loadKnowledge,
  type KnowledgeBase,
  type SearchIndex,
} from '../../knowledge/index.ts';
import { bestSnippet } from '../../knowledge/snippet.ts';
import { validDocument, writeKnowledgeDir } from './fixtures.ts';

const BATCH_RATIO_BEFORE_2014 = 'guarantee-programs-overview#3.-批次保證(民國92年推出)';

let knowledge: KnowledgeBase;
let index: SearchIndex;
beforeAll(async () => {
  knowledge = await loadKnowledge('knowledge/documents');
  index = createSearchIndex(knowledge);
});

describe('searching the shipped knowledge', () => {
  it('indexes every section', () => {
    expect(index.size).toBe(knowledge.sections.length);
  });

  it('answers with the section, its document, dates and a short snippet', () => {
    const [hit] = index.search('批次保證手續費年費率', { limit: 1 });
    expect(hit).toMatchObject({
      documentId: 'batch-guarantee-revision-2014',
      title: '修正「批次信用保證要點」函',
      issued: '2014-11-05',
      effectiveFrom: '2014-12-15',
      effectiveTo: null,
    });
    expect(hit?.sectionId.startsWith('batch-guarantee-revision-2014#')).toBe(true);
    expect(hit?.snippet).toContain('0.35%');
    expect(hit?.snippet.length).toBeLessThanOrEqual(122);
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('finds the same sections for Simplified and Traditional questions', () => {
    const ids = (query: string) => index.search(query, { limit: 3 }).map((hit) => hit.sectionId);
    expect(ids('青创贷款的年龄限制')).toEqual(ids('青創貸款的年齡限制'));
    expect(ids('营授比上限')).toEqual(ids('營授比上限'));
  });

  it('respects the limit and answers nothing for an empty question', () => {
    expect(index.search('保證', { limit: 2 })).toHaveLength(2);
    expect(index.search('保證')).toHaveLength(5);
    expect(index.search('   ')).toEqual([]);
  });

  it('leaves out documents not yet issued at asOf', () => {
    const documents = (asOf: string) =>
      new Set(index.search('批次保證 代償上限計提率', { limit: 20, asOf }).map((hit) => hit.documentId));
    expect(documents('2014-10-01').has('batch-guarantee-revision-2014')).toBe(false);
    expect(documents('2015-01-01').has('batch-guarantee-revision-2014')).toBe(true);
  });

  it('keeps a superseded section before the date it was replaced and leaves it out after', () => {
    const found = (asOf?: string) =>
      index.search('批次保證可保證至十成', { limit: 20, ...(asOf ? { asOf } : {}) }).some((hit) => hit.sectionId === BATCH_RATIO_BEFORE_2014);
    expect(found()).toBe(true);
    expect(found('2014-12-14')).toBe(true);
    expect(found('2014-12-15')).toBe(false);
  });

  it('refuses an asOf that is not an ISO date', () => {
    expect(() => index.search('保證', { asOf: '103/12/15' })).toThrow(InvalidSearchDateError);
  });
});

describe('searching with asOf on documents with an end date', () => {
  it('leaves out a document after its effective.to', async () => {
    const dir = await writeKnowledgeDir({
      'expired.md': validDocument('expired', { effective: 'effective:\n  from: 2014-12-15\n  to: 2015-12-31' }),
    });
    const expired = createSearchIndex(await loadKnowledge(dir));
    expect(expired.search('代償上限計提率', { asOf: '2015-12-31' })).not.toEqual([]);
    expect(expired.search('代償上限計提率', { asOf: '2016-01-01' })).toEqual([]);
  });
});

describe('bestSnippet', () => {
  const text = [
    '一、依據本基金 103 年 9 月 1 日第 13 屆董事會第 6 次董事會議決議辦理。',
    '二、為提升信用保證資源之運用，並兼顧金融機構自主管理送保案件風險需要，修正重點如下。',
    '三、公告代償上限計提率設定為 1.25%；保證手續費年費率設定為 0.35%。',
  ].join('\n');

  it('picks the passage holding the query words, marking what was cut', () => {
    const snippet = bestSnippet(text, ['保證手續費', '年費率'], 40);
    expect(snippet).toContain('保證手續費年費率設定為 0.35%');
    expect(snippet.startsWith('…')).toBe(true);
  });

  it('returns a short section whole, as plain text', () => {
    expect(bestSnippet('| 一般貸款 | 80% |\n|---|---|\n| **合計** | 100% |', ['一般貸款'])).toBe('一般貸款 | 80% 合計 | 100%');
  });
});
