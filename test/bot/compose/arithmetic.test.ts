import { describe, expect, it } from 'vitest';
import { arithmeticLine } from '../../../bot/compose/arithmetic.ts';

const TOTALS = [
  '「本基金於 111 年度總計提供 324,206 件信用保證，保證金額為 1 兆 1,232 億元（協助取得融資金額為 1 兆 4,075 億元），與 110 年度之保證金額 1 兆 2,964 億元相較，減少 13.36%，」',
  '「年底之保證及協助取得融資餘額分別為 1 兆 3,542 億元及 1 兆 6,153 億元，較 110 年底分別減少 1.19% 及 0.74%。」',
];
const DONATIONS = ['「自 63 年設立至 111 年底獲得政府及金融機構累計捐助款計 1,616.63 億元，其中政府累計捐助款計 1,136.94 億元，占總捐助款 70.33%；金融機構累計捐助款計 479.69 億元，占總捐助款 29.67%。」'];
const OVERDUE = ['「(一)新發生逾期情形（金額單位：新臺幣億元）」', '「新發生逾期保證金額：107年 97；108年 95；109年 65；110年 114；111年 140」', '「新發生逾期率(%)：107年 0.98%；108年 0.94%；109年 0.67%；110年 1.12%；111年 1.23%」'];

const CARE = ['「另於中國大陸海關總署暫停進口臺灣食品之際(遭暫停進口之國內企業名單共 2,056 家)，對受衝擊之保證企業(約 457 家)主動進行關懷，協助有資金協處需求之保證企業，運用舊貸展延或振興資金貸款等渡過難關。」'];
const OFFICES = ['「中部服務中心　地址：403405臺中市西區臺灣大道2段218號5樓之3　TEL：(04)2322-3617」', '「高屏服務中心　地址：802311高雄市苓雅區中正一路249號6樓　TEL：(07)716-4146」'];

describe('arithmetic over the figures an answer quotes', () => {
  it('reads a part asking money of the amounts and a part asking points of the rates; a part with no sides takes the part before’s', () => {
    expect(arithmeticLine('111年比110年增加多少錢', 'difference', OVERDUE)).toContain('＝ 26 億元');
    expect(arithmeticLine('逾期率又上升幾個百分點', 'difference', OVERDUE, undefined, '111年比110年增加多少錢')).toContain('＝ 0.11 個百分點');
    expect(arithmeticLine('逾期率又上升幾個百分點', 'difference', OVERDUE)).toBeUndefined();
  });

  it('gives one count as a share of another the passage writes', () => {
    expect(arithmeticLine('關懷了幾家，占被停的名單多少比例', 'share', CARE)).toContain('≈ 22.23%');
    // (A part larger than its whole is no share.)
    expect(arithmeticLine('名單占關懷的多少比例', 'share', CARE)).toBeUndefined();
  });

  it('never computes with the numbers of an address or a telephone', () => {
    expect(arithmeticLine('台中跟高雄哪個比較多 差多少', 'difference', OFFICES)).toBeUndefined();
  });

  it('takes for each side of the question the figure whose words are that side’s (the year of its sentence counts)', () => {
    expect(arithmeticLine('110年的保證金額比111年多多少', 'difference', TOTALS)).toContain('＝ 1,732億元');
  });

  it('gives each figure of a 分別 list its own item', () => {
    expect(arithmeticLine('111年底協助取得融資餘額比保證餘額多多少', 'difference', TOTALS)).toContain('＝ 2,611億元');
  });

  it('does not take the total of both sides for either side', () => {
    const line = arithmeticLine('政府捐的比銀行捐的多多少', 'difference', DONATIONS);
    expect(line).toContain('＝ 657.25億元');
    expect(line).not.toContain('1,616.63');
  });

  it('reads a table’s cells by their row and column, in the caption’s unit', () => {
    expect(arithmeticLine('新發生逾期保證金額111年跟108年加起來多少', 'sum', OVERDUE)).toContain('＝ 235 億元');
    expect(arithmeticLine('新發生逾期率111年比109年高多少', 'difference', OVERDUE)).toContain('＝ 0.56 個百分點');
  });

  it('grows a rate by percentage points, an amount by percent', () => {
    const rate = arithmeticLine('新發生逾期率111年比109年高了幾趴', 'growth', OVERDUE);
    expect(rate).toContain('＝ 0.56 個百分點');
    expect(rate).not.toContain('83.58');
    expect(arithmeticLine('新發生逾期保證金額111年比110年多了幾%', 'growth', OVERDUE)).toMatch(/22\.81%/u);
  });

  it('sets a follow-up against the question before it', () => {
    expect(arithmeticLine('金融機構呢？兩個差多少', 'difference', DONATIONS, '政府累計捐助多少錢')).toContain('657.25億元');
  });

  it('computes nothing when a side finds no figure of the same kind', () => {
    expect(arithmeticLine('保證金額比員工人數多多少', 'difference', TOTALS)).toBeUndefined();
    expect(arithmeticLine('差多少', 'difference', TOTALS)).toBeUndefined();
  });

  it('counts years between two launch years quoted', () => {
    const line = arithmeticLine('直接保證跟批次保證差幾年推出', 'years_between', ['「4. 直接保證(民國93年推出)：為配合政府產業輔導」', '「3. 批次保證(民國92年推出)：由信保基金訂定代位清償上限」']);
    expect(line).toContain('＝ 1 年');
  });
});
