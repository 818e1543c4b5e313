/**
 * Fact questions answered from the documents: the low end of a ranked table, a place in the ranking of the kind of row
 * named, the year something was set up, who funds the fund, a plan's total budget, two questions in one message; and
 * the honest 「not in my documents」 when no passage carries what is asked.
 */
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../support/bot.ts';

async function ask(text: string): Promise<string> {
  const bot = await createTestBot();
  const replies = await bot.handle({ conversationId: `facts-${Math.random()}`, channel: 'cli', event: { type: 'message', text } });
  return replies.map((r) => r.text).join('\n');
}

const NOT_COVERED = /找不到|未載明|沒有.*資料/;

describe('the low end of a ranked table', () => {
  it('gives the bottom row for 墊底, 倒數第一 and lowest, as 最多 gives the top one', async () => {
    expect(await ask('哪一家金融機構的保證餘額倒數第一')).toContain('嘉市三信：保證餘額 2.60');
    expect(await ask('行業別保證餘額墊底的是哪一行')).toContain('礦業及土石採取業：111 年保證餘額 1,135.63');
    expect(await ask('Which county has the lowest guarantee balance?')).toContain('連江縣：111年保證餘額 456.89');
    expect(await ask('保證餘額最多的行業')).toContain('批發零售業：111 年保證餘額 495,659.15');
  });
});

describe('a place in the ranking of the kind of row named', () => {
  it('ranks banks in the bank table, and sets the place asked against the first with the difference', async () => {
    const reply = await ask('保證餘額排第二的銀行是誰？落後第一名多少');
    expect(reply).toContain('第2名');
    expect(reply).toContain('合庫商銀 189,539.38');
    expect(reply).toContain('臺灣企銀 210,706.10');
    // 210,706.10 − 189,539.38
    expect(reply).toContain('相差 21,166.72（新臺幣百萬元，約 211.67億元）');
    expect(reply).not.toContain('臺北市');
  });

  it('ranks regions in the region table when the question names regions and no column', async () => {
    const reply = await ask('第四名的地區是哪個');
    expect(reply).toContain('第4名');
    expect(reply).toContain('臺中市：111年保證餘額 176,766.89');
  });

  it('reads an English ordinal as a place', async () => {
    expect(await ask('Which bank ranks sixth by guarantee balance?')).toContain('彰化商銀：保證餘額 78,925.61');
  });
});

describe('the year something was set up', () => {
  it('quotes the sentence that dates the fund, not the totals since it was set up', async () => {
    for (const question of ['信保基金是在民國哪一年創立的', '信保基金何时成立', 'In which year was the fund established?']) {
      const reply = await ask(question);
      expect(reply, question).toContain('自 63 年設立');
      expect(reply, question).not.toContain('10,392,281');
    }
  });

  it('still dates a programme from its own heading', async () => {
    expect(await ask('批次保證是民國幾年推出的')).toContain('民國92年推出');
  });
});

describe('who funds the fund', () => {
  it('answers from the annual report, not from an ended plan’s donation of one year', async () => {
    const who = await ask('信保基金的資金是誰捐的');
    expect(who).toContain('由政府及金融機構等共同捐助');
    const share = await ask('金融機構捐助的比例是多少');
    expect(share).toContain('29.67%');
    expect(share).not.toContain('莫拉克');
    expect(await ask('Who funds the fund?')).toContain('70.33%');
  });
});

describe('a plan’s total budget', () => {
  it('quotes the total row of the plan’s budget table', async () => {
    const reply = await ask('莫拉克計畫的經費總共多少');
    expect(reply).toContain('1,483,263');
  });
});

describe('two questions in one message', () => {
  it('answers each part', async () => {
    const reply = await ask('每年幾月要申請隔年的批號？每個批號的代位清償限額最高多少？');
    expect(reply).toContain('每年 10 月');
    expect(reply).toContain('1 億元');
    const days = await ask('111年AI回覆案件平均辦幾天？一般案件要幾天？');
    expect(days).toContain('0.32 天');
    expect(days).toContain('3.52 天');
  });
});

describe('not in the documents', () => {
  it('says a year the documents have no figures for is not covered, with the service line, and quotes no other year', async () => {
    const reply = await ask('民國112年信保基金一共保證了多少件');
    expect(reply).toMatch(NOT_COVERED);
    expect(reply).toContain('0800-089-921');
    expect(reply).not.toContain('324,206');
  });

  it('says a programme the documents never mention is not covered, rather than quoting another ratio', async () => {
    for (const question of ['原住民的創業貸款信保保幾成', 'Does the fund have a dedicated scheme for indigenous founders, and what share does it guarantee?']) {
      const reply = await ask(question);
      expect(reply, question).toMatch(/找不到|未載明|沒有.*資料|do not answer/);
      expect(reply, question).toContain('0800-089-921');
      expect(reply, question).not.toMatch(/\d成|\d%/);
    }
  });
});
