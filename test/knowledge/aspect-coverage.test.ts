import { beforeAll, describe, expect, it } from 'vitest';
import { probeRetrieval } from '../../bot/flows/retrieval-probe.ts';
import type { Sources } from '../../bot/sources.ts';
import { shippedSources } from '../support/bot.ts';

/**
 * Questions whose every word is in the documents while the aspect asked is not (a place's count, an end time, a
 * change from last year, a deputy's name, a loan period, a list of names): the documents do not answer them, and
 * a question with the same words that asks what the documents do say is still answered from its passage.
 * (knowledge/documents/answer-kinds.yaml)
 */
const AS_OF = '2026-11-22';
let sources: Sources;

beforeAll(async () => {
  sources = await shippedSources();
});

const ask = (q: string, context?: string) => probeRetrieval(sources, q, { asOf: AS_OF, ...(context ? { context } : {}) });

function quotes(q: string, section: string, passage: string, context?: string) {
  const choice = ask(q, context);
  expect(choice.covered, q).toBe(true);
  if (choice.covered) {
    expect(choice.section.id.startsWith(section), `${q} → ${choice.section.id}`).toBe(true);
    expect(choice.top.replace(/\s/g, ''), q).toContain(passage.replace(/\s/g, ''));
  }
}

describe('a place named is answered by a section about that place', () => {
  it('a county’s count of guarantees, which no table gives, is not covered; its balance is quoted', () => {
    expect(ask('新北市一年送保幾件').covered).toBe(false);
    quotes('新北市的保證餘額是多少', 'smeg-annual-report-2022#參、二、111年度承保情形：地區別', '新北市 195,826.11');
  });

  it('a bank’s count of guarantees, which no table gives, is not covered; its balance is quoted', () => {
    expect(ask('合庫商銀去年送保了幾件').covered).toBe(false);
    quotes('合庫商銀的保證餘額有多少', 'smeg-annual-report-2022#參、二、111年度承保情形：金融機構別', '合庫商銀 189,539.38');
  });

  it('a place served by a regional centre is answered by that centre', () => {
    quotes('住屏東的話要去哪個服務中心', 'smeg-annual-report-2022#聯絡資訊：中部', '高屏服務中心');
    quotes('雲林的服務中心電話幾號', 'smeg-annual-report-2022#聯絡資訊：中部', '(06)222-0268');
  });

  it('a follow-up naming no place is about the place before it: a regional centre’s fax is not listed, its phone is', () => {
    expect(ask('那傳真號碼呢', '中部服務中心的電話幾號').covered).toBe(false);
    quotes('那電話幾號', 'smeg-annual-report-2022#聯絡資訊：中部', '(03)832-0208', '花東服務中心的地址在哪');
  });

  it('a place’s own name is no address: a county no centre serves is not covered, one served is', () => {
    expect(ask('新北市有服務中心嗎，在哪裡').covered).toBe(false);
    quotes('台中市的服務中心地址在哪', 'smeg-annual-report-2022#聯絡資訊：中部', '臺中市西區臺灣大道2段218號5樓之3');
  });
});

describe('a figure for a year is read in what the passage says of that year', () => {
  it('a count for the year before, where the passage gives only that year’s amount, is not covered; the amount is quoted', () => {
    expect(ask('110年一共送保了幾件').covered).toBe(false);
    quotes('110年度的保證金額是多少', 'smeg-annual-report-2022#參、一、綜合概況：111年度', '1 兆 2,964 億元');
  });

  it('a table’s years are its columns: each year’s figure in a row is quoted', () => {
    quotes('108年的新發生逾期率', 'smeg-annual-report-2022#參、三', '0.94%');
  });
});

describe('an end, a change, a deputy, a period, a list: the aspect asked must be in the passage', () => {
  it('when the meeting ends is not stated; when it starts is', () => {
    expect(ask('新制批保說明會預計到幾點').covered).toBe(false);
    quotes('新制批保說明會下午幾點開始', 'batch-guarantee-revision-2014#說明五', '下午 2 時');
  });

  it('the plan’s end is quoted from its period', () => {
    quotes('莫拉克復工融資計畫到什麼時候結束', 'morakot-recovery-financing-plan-2010#伍、一', '至 101 年 12 月止');
  });

  it('a county’s change from last year is not covered; the national change is quoted', () => {
    expect(ask('宜蘭縣的保證餘額跟去年比增加多少').covered).toBe(false);
    quotes('111年的保證金額跟去年比減少多少', 'smeg-annual-report-2022#參、一、綜合概況：111年度', '減少 13.36%');
  });

  it('a deputy no list names is not covered; the chair is quoted', () => {
    expect(ask('信保基金的副總經理是誰').covered).toBe(false);
    // A post no list names (執行長) is not answered by the 副執行長 another director holds elsewhere.
    expect(ask('信保基金現在的執行長是哪位').covered).toBe(false);
    quotes('信保基金的董事長是誰', 'smeg-annual-report-2022#壹、董事及監察人', '董事長 魏明谷');
  });

  it('a loan period no table gives is not covered, and an age limit is no period; a stated period is quoted', () => {
    expect(ask('青創貸款的保證期間最長多久').covered).toBe(false);
    quotes('中期週轉融資最長可以借多久', 'guarantee-programs-overview#(5)-一般貸款信用保證介紹：①', '最長以五年為限');
  });

  it('which companies won an award no list names is not covered; the banks of a listed award are quoted', () => {
    expect(ask('得到小巨人獎的是哪些公司').covered).toBe(false);
    quotes('綠色授信推動獎得獎銀行有哪些', 'smeg-annual-report-2022#參、四、111年度績優金融機構', '第一商業銀行、台中商業銀行及合作金庫商業銀行');
  });
});
