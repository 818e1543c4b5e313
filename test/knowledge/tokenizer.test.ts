import { create, insert, search } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../knowledge/normalize.ts';
import { createDomainTokenizer, foldForSearch, tokenize } from '../../knowledge/tokenizer.ts';

const words = (text: string) => tokenize(text, 'words');

describe('normalizeText', () => {
  it('turns Simplified into Traditional, full-width into half-width and Latin into lower case', () => {
    expect(normalizeText('批次保证手续费ＡＢＣ１２３％')).toBe('批次保證手續費abc123%');
  });

  it('leaves Traditional text as it is, apart from Taiwan standard forms', () => {
    expect(normalizeText('微型創業鳳凰貸款保證成數9.5成')).toBe('微型創業鳳凰貸款保證成數9.5成');
  });
});

describe('foldForSearch', () => {
  it('folds variant characters, thousands separators and Chinese tenths', () => {
    expect(foldForSearch('臺灣 1,000萬 保證成數最高九成 5仟萬元 週轉')).toBe('台灣 1000萬 保證成數最高9成 5千萬元 周轉');
  });
});

describe('the domain tokenizer', () => {
  it.each([
    ['信保', '信用保證'],
    ['批保', '批次保證'],
    ['批次信用保證', '批次保證'],
    ['青創', '青年創業貸款'],
    ['鳳凰', '微型創業鳳凰貸款'],
    ['火金姑', '相對保證'],
    ['保費', '保證手續費'],
    ['手續費', '保證手續費'],
    ['成數', '保證成數'],
    ['營收比', '營授比'],
    ['代償', '代位清償'],
    ['颱風', '莫拉克颱風'],
  ])('maps %s onto the shared token %s', (word, shared) => {
    expect(words(`請問${word}怎麼算`)).toContain(shared);
    expect(words(shared)).toContain(shared);
  });

  it('keeps domain terms whole even where the segmenter splits them', () => {
    expect(words('青創貸款保幾成')).toEqual(expect.arrayContaining(['青創貸款', '青年創業貸款', '保證成數']));
    expect(words('營授比超過70%')).toEqual(expect.arrayContaining(['營授比', '70', '70%']));
    expect(words('代償上限計提率')).toEqual(expect.arrayContaining(['代償上限計提率', '代位清償']));
  });

  it('reads Simplified Chinese and full-width digits the same as Traditional', () => {
    expect(words('批次保证手续费年费率０.３５％')).toEqual(words('批次保證手續費年費率0.35%'));
  });

  it('keeps numbers, with their unit when they have one', () => {
    expect(words('代償上限計提率 1.25%，新臺幣 1 億元，保證成數最高九成')).toEqual(
      expect.arrayContaining(['1.25', '1.25%', '1', '1億', '9', '9成']),
    );
    expect(words('324,206 件')).toEqual(expect.arrayContaining(['324206', '324206件']));
  });

  it('adds the ROC year for a Gregorian one', () => {
    expect(words('2022年的保證件數')).toContain('111年');
  });

  it('lower-cases Latin words, keeps risk-group letters and maps a few English words', () => {
    expect(words('風險組群B')).toEqual(expect.arrayContaining(['風險組群', 'b']));
    expect(words('Batch guarantee FEE')).toEqual(expect.arrayContaining(['batch', '批次保證', 'fee', '保證手續費']));
  });

  it('drops question words and single characters', () => {
    expect(words('請問多少是什麼')).toEqual([]);
  });

  it('gives character bigrams only for the grams field', () => {
    expect(tokenize('莫拉克', 'grams')).toEqual(['莫拉', '拉克']);
    expect(tokenize('莫拉克', 'all')).toEqual(expect.arrayContaining(['莫拉克', '莫拉克颱風', '莫拉', '拉克']));
  });
});

describe('the tokenizer inside Orama', () => {
  const db = create({ schema: { text: 'string' } as const, components: { tokenizer: createDomainTokenizer() } });
  insert(db, { id: 'batch', text: '批次信用保證之保證手續費年費率設定為 0.35%' });
  insert(db, { id: 'ratio', text: '保證成數最高九成' });
  const ids = (term: string) => {
    const result = search(db, { term, threshold: 1 });
    if (result instanceof Promise) throw new Error('expected a synchronous search');
    return result.hits.map((hit) => hit.id);
  };

  it('finds Chinese text, which the default tokenizer drops', () => {
    expect(ids('批保的保費')).toEqual(['batch']);
    expect(ids('批保的保费')).toEqual(['batch']);
  });

  it('drops query tokens that most indexed values hold, once there are enough of them', () => {
    const tokenizer = createDomainTokenizer({ maxQueryTokenShare: 0.5, minCommonHolders: 2 });
    for (const text of ['信用保證基金', '信用保證成數', '青年創業貸款']) tokenizer.tokenize(text, undefined, 'text');
    const query = tokenizer.tokenize('信用保證成數').map((token) => token.slice(0, -1));
    expect(query).toEqual(expect.arrayContaining(['成數', '保證成數']));
    expect(query).not.toEqual(expect.arrayContaining(['信用保證']));
    expect(query).not.toContain('保證');
  });

  it('drops a query\'s character pairs across 之 or 的, which match wherever the documents join words with them', () => {
    const tokenizer = createDomainTokenizer();
    tokenizer.tokenize('送保之限制規定', undefined, 'grams');
    const query = tokenizer.tokenize('送保之後多久會審完').map((token) => token.slice(0, -1));
    expect(query).toEqual(expect.arrayContaining(['送保', '審完']));
    expect(query).not.toContain('保之');
    expect(query).not.toContain('之後');
    // Indexed text keeps them: only the question's pairs are left out.
    expect(tokenizer.tokenize('送保之限制規定', undefined, 'grams').map((token) => token.slice(0, -1))).toContain('保之');
  });

  it('matches tokens exactly, not as prefixes', () => {
    expect(ids('0.3')).toEqual([]);
    expect(ids('0.35')).toEqual(['batch']);
  });
});
