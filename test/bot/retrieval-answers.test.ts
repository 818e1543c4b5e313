/**
 * What the documents answer, as the user sees it: the passage quoted for a question about today, for a total, for
 * a follow-up with hardly a topic of its own, and the honest 「not in my documents」 when no passage carries what
 * was asked.
 */
import { describe, expect, it } from 'vitest';
import { replyTexts } from '../support/bot.ts';

/** The bot's last reply of a new conversation. */
async function conversation(...texts: string[]): Promise<string> {
  return (await replyTexts(...texts)).at(-1) ?? '';
}

const REPORT = '民國111年年報';
const LETTER_2014 = '修正「批次信用保證要點」函';

describe('a question naming no year is about today', () => {
  it('「董事長是誰」 names the chairman of the newest report, not the 2014 letter’s signatory', async () => {
    const answer = await conversation('董事長是誰');
    expect(answer).toContain('魏明谷');
    expect(answer).not.toContain('周作姍');
  });

  it('「信保基金電話幾號」 quotes the newest report’s contact page, not the 2014 letter head', async () => {
    const answer = await conversation('信保基金電話幾號');
    expect(answer).toContain('(02)2321-4261');
    expect(answer).toContain(REPORT);
    expect(answer).not.toContain(LETTER_2014);
  });

  it('an older document still answers what only it says (a bank’s head-office address in the 2014 list)', async () => {
    const answer = await conversation('彰化銀行總行地址在哪');
    expect(answer).toContain('中山北路2段57號');
  });

  it('a question about the 2014 letter’s own phone line quotes the letter', async () => {
    const answer = await conversation('信保基金發函時的電話是多少');
    expect(answer).toContain('02-23214261');
  });
});

describe('tables', () => {
  it('a sum asked is answered by the total row', async () => {
    const answer = await conversation('行業別保證餘額合計多少');
    expect(answer).toContain('合計：111 年保證餘額 1,354,176.21');
  });

  it('a row read cell by cell under its column names: the count of award winners that are guaranteed firms', async () => {
    const answer = await conversation('國家磐石獎得獎的保證企業幾家');
    expect(answer).toContain('國家磐石獎：保證企業家數 (A) 7 家；獲獎總家數 (B) 8 家；保證企業獲獎比率 C=(A)/(B) 88%');
  });
});

describe('follow-ups', () => {
  it('「什麼時候推出的」 after 「專案保證是什麼？」 answers for 專案保證', async () => {
    const answer = await conversation('專案保證是什麼？', '什麼時候推出的');
    expect(answer).toContain('民國63年');
    expect(answer).not.toContain('97 年 11 月');
  });

  it('a follow-up’s own unknown word is not made known by the question before it', async () => {
    const answer = await conversation('一般貸款保證成數最高多少？', '信保基金的員工旅遊去哪裡？');
    expect(answer).toContain('0800-089-921');
    expect(answer).not.toContain('「');
  });
});

describe('honest coverage', () => {
  it.each(['信保基金的IG帳號是什麼', '供應商融資要怎麼申請', '保證費繳了可以申請退還嗎'])('「%s」 is not in the documents: the service lines, no quote', async (question) => {
    const answer = await conversation(question);
    expect(answer).toContain('0800-089-921');
    expect(answer).not.toMatch(/^依《/m);
  });
});

describe('a bank named as people say it', () => {
  it('「兆豐銀行」 is the table’s 兆豐商銀: its own row is quoted, no other bank’s', async () => {
    const answer = await conversation('兆豐銀行111年的保證餘額有多少');
    expect(answer).toContain('兆豐商銀');
    expect(answer).not.toContain('臺灣企銀');
    expect(answer).not.toContain('土地銀行');
  });

  it('a bank the table writes short (臺灣企銀 for 臺灣中小企業銀行) is found by its full name, its own row quoted', async () => {
    const answer = await conversation('臺灣中小企業銀行111年的保證餘額');
    expect(answer).toContain('210,706.10');
    expect(answer).not.toContain('華南商銀');
  });

  it('「誰得獎」 of an award is answered by the list of banks that won it', async () => {
    expect(await conversation('111年綠色授信推動獎是誰得獎')).toContain('第一商業銀行');
  });

  it('a bank the documents list elsewhere but not in the table asked about is not answered with other banks’ rows', async () => {
    const answer = await conversation('渣打銀行有沒有拿到信保金質獎');
    expect(answer).not.toContain('玉山商業銀行');
  });
});

describe('a year’s figure or the total since the start', () => {
  it('a year named asks that year’s count; 累計 asks the total since the fund began', async () => {
    expect(await conversation('民國111年全年一共做了多少件保證')).toContain('324,206');
    expect(await conversation('到111年底為止累計保證了幾件')).toContain('10,392,281');
    expect(await conversation('到111年底為止政府一共捐了多少')).toContain('1,136.94');
  });
});

describe('what the money may be used for', () => {
  it('is quoted from the passage that says it, also as a follow-up about the programme just discussed', async () => {
    const direct = await conversation('擴大綜合額度能用來做哪些融資');
    expect(direct).toContain('自償性融資');
    const followUp = await conversation('中小企業災害復舊專案貸款是什麼', '這筆錢能用來買原料嗎');
    expect(followUp).toContain('原物料');
  });

  it('a follow-up pointing back (「這項」) is about the measure just discussed', async () => {
    const answer = await conversation('協助中小企業增加國內投資是什麼', '這項可以用在哪裡');
    expect(answer).toContain('廠房');
  });

  it('a follow-up is read with the question before it when that reading answers about as well (「那要怎麼還」)', async () => {
    const answer = await conversation('中期週轉融資最長幾年', '那要怎麼還');
    expect(answer).toMatch(/按月或按季/);
  });

  it('every ask with evidence words must find them: a rate the documents do not give is not answered by a table of fees', async () => {
    const answer = await conversation('鳳凰貸款的利率是多少 可以借到多少');
    expect(answer).toContain('0800-089-921');
    expect(answer).not.toContain('「保證項目');
  });
});
