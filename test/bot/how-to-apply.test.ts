/**
 * 「要去哪裡申請」「要準備什麼文件」 from an applicant: through the lending bank (直接保證 directly with the fund), as the
 * overview says, and where the documents say nothing (the papers to bring), that they say nothing, with the service lines.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bot/types.ts';
import { understand } from '../../bot/understand/index.ts';
import { createTestBot } from '../support/bot.ts';
import { converse } from './conversation-scripts.ts';

const SERVICE_LINE = '0800-089-921';
const BY_THE_BANK = '由金融機構送保';
const NO_DOCUMENT_LIST = '沒有列出企業申請時要準備的文件';

describe('an applicant asking how to apply', async () => {
  const bot = await createTestBot();
  const answerTo = async (says: string[], id: string) => (await converse(bot, says, `apply-${id}`)).at(-1) as Reply;

  it('is told to apply through the lending bank, with 授權, 專案 and 直接保證 each cited', async () => {
    const answer = await answerTo(['要去哪裡申請信保？'], 'where');
    expect(answer.text.split('\n')[0]).toContain(BY_THE_BANK);
    for (const text of ['授權保證：', '專案保證：', '直接保證：', '直接向本基金申請', '承諾函']) expect(answer.text).toContain(text);
    expect(answer.citations.map((c) => c.section)).toEqual(['(6) 授權保證之限制', '2. 專案保證（民國63年推出）：(1) 意義', '4. 直接保證(民國93年推出)']);
    expect(answer.text).toContain('資料來源：《中小企業信用保證基金信用保證業務概述》');
  });

  it('asking what papers to bring is told first that the documents list none, with the service lines', async () => {
    const answer = await answerTo(['申請信保要準備什麼文件？'], 'papers');
    const [first] = answer.text.split('\n');
    expect(first).toContain(NO_DOCUMENT_LIST);
    expect(first).toContain(SERVICE_LINE);
    expect(answer.text).toContain(BY_THE_BANK);
  });

  it('asking how to apply gets the same route, and that the papers are not listed', async () => {
    const answer = await answerTo(['怎麼申請信保'], 'how');
    expect(answer.text).toContain(BY_THE_BANK);
    expect(answer.text).toContain('文件中沒有列出');
    expect(answer.text).toContain(SERVICE_LINE);
  });

  it('asking whom to go to, after the finder has proposed programmes, is answered the same way', async () => {
    const answer = await answerTo(['公司想做自己的品牌，可以申請什麼？', '那要找誰申請？'], 'after-finder');
    expect(answer.text).toContain(BY_THE_BANK);
    expect(answer.text).not.toContain('可能適合的保證項目');
  });

  it('asking whether the fund can be applied to directly, without the bank, is told 直接保證 first, with who may use it', async () => {
    const answer = await answerTo(['我們有研發能力也有在拓展市場，能不能不透過銀行，直接找信保基金申請？'], 'direct');
    const [first, second] = answer.text.split('\n');
    expect(first).toContain('「直接保證」');
    expect(second).toContain('具有研發、經營管理、市場拓展能力');
    expect(answer.text).toContain(BY_THE_BANK);
    expect(answer.citations.map((c) => c.section)).toContain('4. 直接保證(民國93年推出)');
  });

  it('leaves a question about applying directly for a named programme to that programme', async () => {
    const answer = await answerTo(['我35歲，公司成立2年，青創可以直接去申請嗎？'], 'direct-named');
    expect(answer.intent).not.toBe('how_to_apply');
    expect(answer.text).toContain('青年創業貸款');
  });

  it('leaves a lending bank asking which box to tick to the filing instructions in the documents', async () => {
    const answer = await answerTo(['授權送保要勾哪個欄位？'], 'lender');
    expect(answer.intent).not.toBe('how_to_apply');
    expect(answer.text).toContain('網路作業系統');
  });
});

describe('understanding how an applicant asks to apply', () => {
  it.each([
    ['要去哪裡申請信保？', 'route'],
    ['申請信保要準備什麼文件？', 'documents'],
    ['可以不透過銀行直接找信保基金嗎', 'direct'],
    ['直接保證可以直接向信保申請嗎', 'direct'],
    ['授權送保要勾哪個欄位？', undefined],
    ['青創可以直接去申請嗎', undefined],
    ['青創的保證成數是多少', undefined],
  ] as const)('%s → %s', (text, expected) => {
    expect(understand(text).howToApply).toBe(expected);
  });
});
