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
    expect(answer).toContain('合計 1,354,176.21');
  });

  it('a row read with its header: the count of award winners that are guaranteed firms', async () => {
    const answer = await conversation('國家磐石獎得獎的保證企業幾家');
    expect(answer).toContain('國家磐石獎 7 8 88%');
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
