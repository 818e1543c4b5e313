import { describe, expect, it } from 'vitest';
import { englishLabels } from '../../../bot/compose/english-labels.ts';

describe('English labels', () => {
  it.each([
    ['保證手續費：新臺幣 8,100 元（批次信用保證，保證期間 12 個月）', 'Guarantee fee: NT$ 8,100（批次信用保證, guarantee period 12 months）'],
    ['適用年費率 1.00%，風險組群 B', 'Annual fee rate 1.00%, risk group B'],
    ['判斷依據：', 'Reasons:'],
    ['注意：本文件適用期間至民國101年12月31日，已屆期；以上為當時的規定。', 'Note: this document was in force until 2012-12-31: it has ended, and the above were the rules then.'],
    ['服務專線：企業客服 0800-089-921', 'Service lines: Enterprise service line 0800-089-921'],
  ])('label 「%s」 as 「%s」', (chinese, english) => {
    expect(englishLabels(chinese)).toBe(english);
  });

  it('writes dates the Western way, for a reader of English', () => {
    expect(englishLabels('批次信用保證最高保證成數：9成（90%）（民國103年12月15日起適用）')).toBe('批次信用保證最高Guarantee ratio：9成（90%）（2014-12-15 onwards）');
    expect(englishLabels('另：保證成數於民國92年1月1日至103年12月14日為 10成')).toBe('Also: Guarantee ratio於2003-01-01 to 2014-12-14為 10成');
  });

  it('leaves a quotation whole when it holds a quoted name of its own', () => {
    const quoted = '「運用官網與社群媒體進行業務宣導，並導入智慧客服「保哥」，提供全年無休諮詢服務」';
    expect(englishLabels(quoted)).toBe(quoted);
  });

  it('leaves quotations and document titles in the words of their source', () => {
    expect(englishLabels('另：保證成數最高10成（見《信用保證業務概述》〈保證成數〉）「保證成數最高九成，民國103年12月15日起」')).toBe(
      'Also: Highest guarantee ratio10成（見《信用保證業務概述》〈保證成數〉）「保證成數最高九成，民國103年12月15日起」',
    );
  });
});
