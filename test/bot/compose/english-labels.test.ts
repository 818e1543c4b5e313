import { describe, expect, it } from 'vitest';
import { englishLabels } from '../../../bot/compose/english-labels.ts';

describe('English labels', () => {
  it.each([
    ['保證手續費：新臺幣 8,100 元（批次信用保證，保證期間 12 個月）', 'Guarantee fee: NT$ 8,100（批次信用保證, guarantee period 12 months）'],
    ['適用年費率 1.00%，風險組群 B', 'Annual fee rate 1.00%, risk group B'],
    ['判斷依據：', 'Reasons:'],
    ['服務專線：企業客服 0800-089-921', 'Service lines: Enterprise service line 0800-089-921'],
  ])('label 「%s」 as 「%s」', (chinese, english) => {
    expect(englishLabels(chinese)).toBe(english);
  });

  it('leaves quotations and document titles in the words of their source', () => {
    expect(englishLabels('另：保證成數於民國92年1月1日起為 10成（見《信用保證業務概述》〈保證成數〉）「保證成數最高九成」')).toBe(
      'Also: Guarantee ratio於民國92年1月1日起為 10成（見《信用保證業務概述》〈保證成數〉）「保證成數最高九成」',
    );
  });
});
