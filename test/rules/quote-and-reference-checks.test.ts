import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../rules/check.ts';
import { parseParameterFile } from '../../rules/load.ts';
import { checkQuotedValue } from '../../rules/quote-check.ts';
import { quotedAmounts, quotedPercents } from '../../rules/quoted-figures.ts';

const parse = (text: string) => parseParameterFile(text, 'rules/parameters/batch/fee_rate.yaml', 'batch/fee_rate.yaml');

function feeRate(value: string, quote: string, section = '說明三：代償上限計提率與保證手續費年費率'): string {
  return `description: 批次信用保證之保證手續費年費率
unit: percent
values:
  2026-11-20:
    value: ${value}
    reference:
      document: batch-guarantee-revision-2014
      title: 修正「批次信用保證要點」函
      section: ${section}
      quote: ${quote}
`;
}

describe('figures read from a quote', () => {
  it.each([
    ['保證手續費年費率設定為 0.35%', [0.35]],
    ['保證成數最高九成。', [90]],
    ['可保證至十成', [100]],
    ['8成，若經青輔會審議通過並推薦者，保證成數為9成。', [80, 90]],
    ['9.5成', [95]],
    ['0.75%~1.5%', [0.75, 1.5]],
  ])('reads percents in %j', (quote, figures) => {
    expect(quotedPercents(quote).sort((a, b) => a - b)).toEqual(figures);
  });

  it.each([
    ['同一企業保證總額度由 1 億元提高至 1.2 億元。', [100_000_000, 120_000_000]],
    ['每一申貸企業貸款餘額不得超過新台幣3,000萬元', [30_000_000]],
    ['由 1 億 2 千萬元提高至 1 億 5 千萬元。', [20_000_000, 50_000_000, 100_000_000, 100_000_000, 120_000_000, 150_000_000]],
    ['企業捐助金額以5仟萬元為原則，最低不得少於2仟萬元', [20_000_000, 50_000_000]],
    ['不得超過新臺幣 1 佰萬元', [1_000_000]],
  ])('reads NT$ amounts in %j', (quote, figures) => {
    expect(quotedAmounts(quote).sort((a, b) => a - b)).toEqual(figures);
  });
});

describe('a value compared with its quote', () => {
  it('passes when the quote states the value, in % or in 成', () => {
    expect(checkQuotedValue('percent', 0.3, '保證手續費率由 0.3% 減少為 0.2%')).toBeUndefined();
    expect(checkQuotedValue('percent', 90, '保證成數最高九成。')).toBeUndefined();
    expect(checkQuotedValue('amount_twd', 150_000_000, '由 1 億 2 千萬元提高至 1 億 5 千萬元。')).toBeUndefined();
    expect(checkQuotedValue('percent_range', { min: 0.75, max: 1.5 }, '0.75%~1.5%')).toBeUndefined();
  });

  it('is not compared when the quote states no figure in the unit', () => {
    expect(checkQuotedValue('percent', 0, '送保期間保證手續費免向受災企業計收')).toBeUndefined();
  });

  it.each([
    ['percent', 3, '保證手續費年費率為 0.3%', '相差 10 倍：請改為 0.3'],
    ['percent', 30, '保證手續費年費率為 0.3%', '相差 100 倍：請改為 0.3'],
    ['percent', 8, '保證成數最高8成', '相差 10 倍：請改為 80'],
    ['amount_twd', 12_000_000, '總額度上限 1.2億元', '相差 10 倍：請改為 120000000'],
    ['amount_twd', 3_000, '貸款餘額不得超過3,000萬元', '相差 10,000 倍：請改為 30000000'],
  ] as const)('flags %s %d against %j as an error', (unit, value, quote, message) => {
    const problem = checkQuotedValue(unit, value, quote);
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain(message);
  });

  it('warns when the quote states other figures only', () => {
    const problem = checkQuotedValue('percent', 0.28, '保證手續費年費率為 0.3%');
    expect(problem).toMatchObject({ severity: 'warning' });
    expect(problem?.message).toContain('摘句中的數字：0.3%');
  });
});

describe('the quote check in a parameter file', () => {
  it('refuses 3 where the quote says 0.3%, pointing at the value line', () => {
    const { parameter, issues } = parse(feeRate('3', '保證手續費年費率為 0.3%'));
    expect(parameter).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ file: 'rules/parameters/batch/fee_rate.yaml', line: 5, field: 'values.2026-11-20.value', severity: 'error' }),
    ]);
  });

  it('loads a value its quote does not state, with a warning', () => {
    const { parameter, issues } = parse(feeRate('0.28', '保證手續費年費率為 0.3%'));
    expect(parameter?.values[0]?.value).toBe(0.28);
    expect(issues.map((issue) => issue.severity)).toEqual(['warning']);
  });

  it('explains a 民國 date key with the ISO date it means', () => {
    const { issues } = parse(feeRate('0.3', '0.3%').replace('2026-11-20', '115/11/20'));
    expect(issues[0]).toMatchObject({ line: 4, field: 'values.115/11/20' });
    expect(issues[0]?.message).toContain('民國115年11月20日 = 2026-11-20（民國年 + 1911），請寫成 2026-11-20');
  });
});

describe('a reference to a section that does not exist', () => {
  const known = {
    sections: [
      { documentId: 'batch-guarantee-revision-2014', title: '修正「批次信用保證要點」函', heading: '主旨' },
      { documentId: 'batch-guarantee-revision-2014', title: '修正「批次信用保證要點」函', heading: '說明三：代償上限計提率與保證手續費年費率' },
    ],
  };

  it('names the file and the line of the section, and lists the headings the document has', () => {
    const { parameter } = parse(feeRate('0.3', '0.3%', '說明三：保證手續費'));
    const issues = checkReferences({ parameters: new Map([[parameter!.name, parameter!]]) }, known);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'rules/parameters/batch/fee_rate.yaml', line: 9, field: 'values.2026-11-20.reference.section' });
    expect(issues[0]?.message).toContain('該文件的章節：「主旨」、「說明三：代償上限計提率與保證手續費年費率」');
  });

  it('lists the documents there are when the document is unknown', () => {
    const { parameter } = parse(feeRate('0.3', '0.3%').replace('document: batch-guarantee-revision-2014', 'document: batch-2014'));
    const issues = checkReferences({ parameters: new Map([[parameter!.name, parameter!]]) }, known);
    expect(issues[0]).toMatchObject({ line: 7, field: 'values.2026-11-20.reference.document' });
    expect(issues[0]?.message).toContain('現有：batch-guarantee-revision-2014');
  });
});
