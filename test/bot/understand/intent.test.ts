import { describe, expect, it } from 'vitest';
import { understand, type Ask, type Intent } from '../../../bot/understand/index.ts';

describe('understand classifies the intent of a message', () => {
  it.each<[string, Intent]>([
    ['一般貸款借500萬，保證成數8成，風險組群B，一年的保證手續費是多少？', 'fee_calculation'],
    ['借500萬保8成，一年手續費多少', 'fee_calculation'],
    ['批保借300萬要繳多少保費', 'fee_calculation'],
    ['借500萬保8成，要繳多少', 'fee_calculation'],
    ['手續費試算：1,200萬，C組，18個月', 'fee_calculation'],
    ['借500万保8成，一年的手续费是多少？', 'fee_calculation'],
    ['How much is the guarantee fee for a 3 million general loan, group A, 6 months?', 'fee_calculation'],
    ['我今年47歲，公司成立2年，可以申請青創嗎？', 'eligibility'],
    ['我是女生，45歲，可以申請鳳凰貸款嗎', 'eligibility'],
    ['營業額800萬，週轉借款餘額1000萬，能不能送保', 'eligibility'],
    ['製造業，營收3000萬，週轉授信餘額2500萬，保幾成？', 'eligibility'],
    ['設立未滿一年的一般事業符合嗎', 'eligibility'],
    ['今年32，想申請青年創業貸款', 'eligibility'],
    ['Am I eligible for the phoenix loan? I am 50 and female.', 'eligibility'],
    ['设立未满一年的一般事业可以送保吗', 'eligibility'],
    ['批保的保證手續費率是多少', 'fact_lookup'],
    ['青創的年齡限制是幾歲？', 'fact_lookup'],
    ['一般貸款最高保幾成', 'fact_lookup'],
    ['什麼是營授比？', 'fact_lookup'],
    ['直接保證怎麼申請', 'fact_lookup'],
    ['信保基金的電話', 'fact_lookup'],
    ['2022年保證件數多少', 'fact_lookup'],
    ['批次保證新制什麼時候開始實施', 'fact_lookup'],
    ['莫拉克颱風受災企業的利息補貼', 'fact_lookup'],
    ['復工營業貸款的預算有多少', 'fact_lookup'],
    ['哪些情形不得以授權方式送保', 'fact_lookup'],
    ['青創', 'fact_lookup'],
    ['What is the batch guarantee fee rate?', 'fact_lookup'],
    ['你好', 'greeting'],
    ['您好～', 'greeting'],
    ['Hello', 'greeting'],
    ['你能做什麼？', 'help'],
    ['help', 'help'],
    ['謝謝', 'feedback'],
    ['很有幫助，感謝', 'feedback'],
    ['答錯了', 'feedback'],
    ['Thank you!', 'feedback'],
    ['重新開始', 'reset'],
    ['清除對話', 'reset'],
    ['start over', 'reset'],
    ['今天天氣如何', 'out_of_scope'],
    ['台積電股價多少', 'out_of_scope'],
    ['信用卡年費怎麼算', 'out_of_scope'],
    ['推薦一部電影', 'out_of_scope'],
    ["what's the weather tomorrow", 'out_of_scope'],
    ['車貸可以送信保嗎', 'eligibility'],
    ['銀行要在什麼時候申請批號', 'fact_lookup'],
    ['颱風受災企業的保證成數最高幾成', 'fact_lookup'],
    ['我們是颱風受災企業，可以保幾成', 'eligibility'],
    ['asdfgh', 'unknown'],
    ['那C組呢？', 'unknown'],
    ['我今年47歲，公司成立2年', 'unknown'],
  ])('%s → %s', (message, intent) => {
    expect(understand(message).intent).toBe(intent);
  });

  it('lets a question win over a greeting or thanks in the same message', () => {
    expect(understand('你好，請問青創的年齡限制？').intent).toBe('fact_lookup');
    expect(understand('謝謝！那批保的手續費率呢？').intent).toBe('fact_lookup');
  });
});

describe('understand lists what a question asks about', () => {
  it.each<[string, Ask[]]>([
    ['一般貸款借500萬，保證成數8成，風險組群B，一年的保證手續費是多少？', ['fee_amount']],
    ['批保的保證手續費率是多少', ['fee_rate']],
    ['一般貸款手續費多少', ['fee_rate']],
    ['批保的手續費率是什麼', ['fee_rate']],
    ['一般貸款最高保幾成', ['max_ratio']],
    ['保證成數8成的話手續費多少', ['fee_rate']],
    ['青創的年齡限制是幾歲？', ['age_limit']],
    ['青創公司要成立幾年內', ['business_age_limit']],
    ['災害復舊貸款最高可以借多少', ['cap_amount']],
    ['同一企業保證融資總額度上限', ['cap_amount']],
    ['短期週轉融資最長多久', ['period_limit']],
    ['什麼是營授比？', ['definition']],
    ['營授比怎麼算', ['definition']],
    ['直接保證怎麼申請', ['procedure']],
    ['送保要準備哪些文件', ['procedure']],
    ['信保基金的電話', ['contact']],
    ['2022年保證件數多少', ['statistics']],
    ['逾期比率是多少', ['statistics']],
    ['批次保證新制什麼時候開始實施', ['effective_date']],
    ['哪些情形不得以授權方式送保', ['exclusions', 'submission_channel']],
    ['莫拉克颱風受災企業的利息補貼', ['subsidy']],
    ['復工營業貸款的預算有多少', ['budget']],
    ['鳳凰貸款的申請資格', ['eligibility_criteria']],
    ['批次保證代償上限是多少', ['subrogation', 'cap_amount']],
    ['青創的利率', ['interest_rate']],
    ['製造業，營收3000萬，原授權額度內續約，保幾成？', ['max_ratio']],
    ['手續費是0%', []],
    ['青創年齡限制', ['age_limit']],
    ['What is the fee rate for batch guarantee?', ['fee_rate']],
    ['how to apply for the youth startup loan', ['procedure']],
    ['什麼情形不可以用授權方式送保', ['exclusions', 'submission_channel']],
    ['客服電話是幾號', ['contact']],
    ['新制幾月幾號開始', ['effective_date']],
    ['營授比是什麼？上限多少？', ['definition', 'cap_amount']],
    ['What is the annual fee rate of the phoenix loan?', ['fee_rate']],
    ['Where is the annual report statistics?', ['statistics']],
    // (What follows a question of when something is done is what is done; a question word after it still asks.)
    ['銀行每年什麼時候要提出下年度的批號與代位清償最高限額', ['procedure']],
    ['每年幾月申請批號，代位清償限額最高多少', ['procedure', 'subrogation', 'cap_amount']],
    // (A phrase pointing back at what was discussed names it: the clause asks what follows it, unless it asks nothing else
    // or asks how the thing pointed at is worked out.)
    ['這個額度是多少', ['cap_amount']],
    ['這個利率怎麼算', ['interest_rate']],
    ['免收的那筆手續費到底是誰負擔的？費率多少', ['subsidy', 'names', 'fee_rate']],
    // (With the loan and the ratio told, 「保證多少」 asks the amount; a word naming the ratio still asks it.)
    ['借700萬 保九成的話 保證多少', ['guaranteed_amount']],
    ['借700萬 保九成可以嗎 最高可以幾成', ['max_ratio']],
  ])('%s → %o', (message, asks) => {
    expect(understand(message).asks).toEqual(asks);
  });

  it.each(['喔 不行的話還有其他選擇嗎', '那還有哪一個保得比較多成', '有沒有我這種退休的人能辦的'])('%s asks for programmes other than the one discussed', (message) => {
    const u = understand(message);
    expect(u.asksOthers).toBe(true);
    expect(u.asksWhichFits).toBe(true);
  });

  it.each([
    ['那前一年呢', -1],
    ['比去年多還少', -1],
    ['隔年呢', 1],
  ] as const)('%s says a year relative to another', (message, offset) => {
    expect(understand(message).relativeYear).toBe(offset);
  });

  it.each(['那筆多出來的額度能不能用授權送保', '這個加碼的額度可以走專案嗎'])('%s asks the channel of the quota pointed at, not the quota', (message) => {
    const { asks } = understand(message);
    expect(asks).toContain('submission_channel');
    expect(asks).not.toContain('cap_amount');
  });
});
