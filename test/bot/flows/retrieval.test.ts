import { beforeAll, describe, expect, it } from 'vitest';
import { probeRetrieval } from '../../../bot/flows/retrieval-probe.ts';
import type { Sources } from '../../../bot/sources.ts';
import type { Bot } from '../../../bot/types.ts';
import { loadKnowledge } from '../../../knowledge/load.ts';
import { passageCatalogue } from '../../../knowledge/passages.ts';
import { createSearchIndex } from '../../../knowledge/search.ts';
import { createTestBot, shippedSources } from '../../support/bot.ts';

const AS_OF = '2026-11-22';
let sources: Sources;
let bot: Bot;

beforeAll(async () => {
  sources = await shippedSources();
  bot = await createTestBot();
});

async function conversation(id: string, ...messages: string[]) {
  const replies = [];
  for (const text of messages) replies.push(await bot.handle({ conversationId: id, channel: 'api', event: { type: 'message', text } }));
  return replies.map((r) => r[0]!);
}

describe('a figure stated and asked of today', () => {
  it('is answered first by the passage saying it was changed from that figure, in words of our own', () => {
    const choice = probeRetrieval(sources, '請問企業保證融資總額度的上限目前還是1.2億元嗎', { asOf: AS_OF });
    expect(choice.covered).toBe(true);
    // (The year's events and its measures both say so: 「由一億二千萬元提高至一億五千萬元」.)
    if (choice.covered) expect(choice.top).toMatch(/由\s*(?:1 億 2 千萬|一億二千萬)元提高至/);
  });

  it('asked when it began, the figure stated still finds the measure that set it', () => {
    const choice = probeRetrieval(sources, '同一企業保證融資總額度上限1.2億是從什麼時候開始的', { asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.section.id).toContain('(三)提高保證融資總額度上限');
  });
});

describe('a rule a later document replaced (documents front matter `supersedes`)', () => {
  it.each(['批次保證還有十成保證嗎', '批次信保現在是不是仍可保證到十成'])('asked of today, 「%s」 quotes the replacing rule, not the replaced one', (question) => {
    const choice = probeRetrieval(sources, question, { asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) {
      expect(choice.section.documentId).toBe('batch-guarantee-revision-2014');
      expect(choice.top).toContain('保證成數最高九成');
    }
  });

  it.each(['批次保證一開始推出的時候成數多少', '以前的批次保證可以保到十成嗎'])('asked of the past, 「%s」 quotes the replaced rule', (question) => {
    const choice = probeRetrieval(sources, question, { asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.top).toContain('可保證至十成');
  });

  it('says the replaced passage is history when it is quoted', async () => {
    const [reply] = await conversation('replaced-history', '以前的批次保證可以保到十成嗎');
    expect(reply!.text).toContain('可保證至十成');
    expect(reply!.text).toMatch(/已由.*修正|已由較新的規定取代/);
  });
});

describe('a place told in the story of the question before', () => {
  it('does not make a follow-up asking a limit a question about that place', () => {
    const choice = probeRetrieval(sources, '那每家最多能借到多少', { context: '我們在台南做機械加工，颱風淹了廠房，災害復舊專案貸款要多久內申請', asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.top).toContain('3,000萬元');
  });
});

describe('a rule figure asked of today', () => {
  it.each(['批次保證現在最多可以保到幾成啊', '現在批次保證最高保到幾成呢'])('%s is answered by the rule in force, not by an award paragraph of the newest report', (question) => {
    const choice = probeRetrieval(sources, question, { asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.top).toContain('保證成數最高九成');
  });

  it('who holds a post today is still read from the newest document', () => {
    const choice = probeRetrieval(sources, '現在的董事長是哪一位', { asOf: AS_OF });
    expect(choice.covered && choice.section.documentId).toBe('smeg-annual-report-2022');
  });
});

describe('a loan amount asked of a programme', () => {
  it.each(['青創一個人最多能貸到多少錢', '鳳凰貸款每人可以借到多少錢'])('%s is not answered by a year-end balance: the documents give no loan cap', (question) => {
    const choice = probeRetrieval(sources, question, { asOf: AS_OF });
    expect(choice.covered).toBe(false);
  });
});

describe('retrieval follows the programme under discussion', () => {
  it('a follow-up about papers after 青創 is not answered from another programme’s document', () => {
    const choice = probeRetrieval(sources, '那要準備什麼文件？', { context: '青創貸款的資格？', asOf: AS_OF });
    if (choice.covered) expect(choice.section.documentId).not.toBe('employment-promotion-guarantee');
  });

  it('without the context the same words may reach the 促進就業 papers: the scope is what keeps them out', () => {
    const alone = probeRetrieval(sources, '那要準備什麼文件？', { asOf: AS_OF });
    const after = probeRetrieval(sources, '那要準備什麼文件？', { context: '青創貸款的資格？', asOf: AS_OF });
    expect(alone.covered && alone.section.documentId === 'employment-promotion-guarantee').toBe(true);
    expect(after.covered && after.section.documentId === 'employment-promotion-guarantee').toBe(false);
  });

  it('「那手續費呢」 after a 鳳凰 question quotes the 鳳凰 row', () => {
    const choice = probeRetrieval(sources, '那手續費呢', { context: '鳳凰貸款保幾成？', asOf: AS_OF });
    expect(choice.covered).toBe(true);
    if (choice.covered) expect(choice.top).toContain('微型創業鳳凰貸款');
  });

  it('a follow-up about 批次保證 stays in the batch sections', () => {
    const choice = probeRetrieval(sources, '申請書什麼時候要送', { context: '批次保證的代償上限計提率？', asOf: AS_OF });
    expect(choice.covered && choice.section.id.startsWith('batch-guarantee-revision-2014#說明四')).toBe(true);
  });

  it('in a conversation, 「那要準備什麼文件？」 after 青創 cites nothing from the 促進就業 document', async () => {
    const [, followUp] = await conversation('retrieval-follow-up-1', '青創貸款的資格？', '那要準備什麼文件？');
    expect(followUp!.citations.map((c) => c.documentId)).not.toContain('employment-promotion-guarantee');
  });
});

describe('honest coverage: "not in my documents" only when no passage carries what is asked', () => {
  const ask = (q: string) => probeRetrieval(sources, q, { asOf: AS_OF });

  it('a time of day no document states is not covered; the same office’s phone is quoted', () => {
    expect(ask('台南服務中心幾點開門').covered).toBe(false);
    const phone = ask('台南服務中心電話');
    expect(phone.covered).toBe(true);
    if (phone.covered) expect(phone.top).toContain('(06)222-0268');
  });

  it('a programme whose row has no ratio is not covered; one whose row has it is quoted from its own row', () => {
    expect(ask('勞工退休金專案貸款保幾成').covered).toBe(false);
    const phoenix = ask('鳳凰貸款保幾成');
    expect(phoenix.covered).toBe(true);
    if (phoenix.covered) expect(phoenix.top).toMatch(/微型創業鳳凰貸款.*9\.5成/);
  });

  it('a question about something the documents never mention is not covered; asked about what they say, it is answered', () => {
    expect(ask('保證手續費可以刷卡嗎').covered).toBe(false);
    expect(ask('信保基金星期六有上班嗎').covered).toBe(false);
    const fee = ask('批保代償上限計提率是多少');
    expect(fee.covered).toBe(true);
    if (fee.covered) expect(fee.top).toContain('1.25%');
  });

  it('colloquial words around what is asked are not topics the documents lack', () => {
    // 「最晚」「寄到」: an adverb and a verb's complement; 「多少家用過」 is 「多少家」 and 「用過」, not 「家用」.
    const deadline = ask('批保申請書最晚要在哪天寄到');
    expect(deadline.covered).toBe(true);
    if (deadline.covered) expect(deadline.top).toContain('103 年 11 月 30 日前送達');
    const listed = ask('興櫃公司有多少家用過信保');
    expect(listed.covered && listed.section.id).toMatch(/上市、上櫃及興櫃之保證企業家數/);
    // Simplified 「计划」 reads as 「計劃」; the documents write 「計畫」.
    expect(ask('莫拉克计划是哪天核定的').covered).toBe(true);
  });

  it('a fax number is quoted from the line that says 傳真; an office whose fax no document gives is not covered', () => {
    const fax = ask('信保的傳真是幾號');
    expect(fax.covered).toBe(true);
    if (fax.covered) expect(fax.top).toContain('傳真：(02)2321-4682');
    expect(ask('高屏服務中心的傳真號碼').covered).toBe(false);
  });

  it('a month under a year written once in a table is found by year and month; a 餘額年增率 is a rate, not an amount', () => {
    const month = ask('98年8月的存款餘額年增率');
    expect(month.covered).toBe(true);
    if (month.covered) expect(month.top).toContain('98 年 8 月');
  });

  it('a ratio the question states (「十成」) finds the passage with that ratio, not one with the bare number (「10 月」)', () => {
    const ten = ask('批次保證過去能保證到十成嗎');
    expect(ten.covered).toBe(true);
    if (ten.covered) expect(ten.top).toContain('可保證至十成');
  });

  it('of several total rows, the one whose label the question names whole answers a sum', () => {
    const debts = ask('111年底負債總計是多少');
    expect(debts.covered).toBe(true);
    if (debts.covered) expect(debts.top).toContain('：負債總計 37,318,572,670.00');
  });

  it('the programme named chooses among a table’s rows, not among sentences: the question’s own words do', () => {
    // 莫拉克 is read as the 復工營業貸款 programme; the sentence about 展延 answers, not the one about 復工營業.
    const extensions = ask('莫拉克計畫估計展延貸款有幾件');
    expect(extensions.covered).toBe(true);
    if (extensions.covered) expect(extensions.top).toContain('4,800 件展延');
  });

  it('when a plan ends is its 期程', () => {
    const end = ask('復工營業融資及輔導計畫何時結束');
    expect(end.covered).toBe(true);
    if (end.covered) expect(end.top).toContain('101 年 12 月止');
  });

  it('never quotes, for a ratio question, a passage without a ratio', () => {
    for (const q of ['批次保證新制最高保到幾成', '千金挺对银行的保证成数最高几成', '八八風災復工貸款保幾成']) {
      const choice = ask(q);
      if (choice.covered) expect(choice.quoted.join(' '), q).toMatch(/[\d一二三四五六七八九十]\s*(成|%)/);
    }
  });

  it('cites the act where its words are written, not the strategy quoting them', () => {
    for (const q of ['莫拉克颱風受災戶復工營業貸款保證幾成', '颱風受災廠商借復工營業貸款，信保幫忙保證幾成', '莫拉克受災公司復工借款 保證成數多少？要繳保證費嗎']) {
      const choice = ask(q);
      expect(choice.covered, q).toBe(true);
      if (choice.covered) expect(passageCatalogue(sources.knowledge).quotingSections.has(choice.section.id), `${q} → ${choice.section.heading}`).toBe(false);
    }
    // (Asked about the strategy itself, the strategy answers.)
    const strategy = ask('莫拉克計畫的融資協助及補貼策略是在做什麼');
    expect(strategy.covered && strategy.section.heading).toMatch(/策略/);
  });

  it('a figure asked of today that only an ended plan gives is marked as not in the documents; the plan named is not', async () => {
    for (const [i, q] of ['目前銀行辦信保貸款，利率一般抓多少', '現在銀行信保貸款的利率大概是幾趴'].entries()) {
      const [today] = await conversation(`retrieval-ended-today-1-${i}`, q);
      expect(today!.kind === 'fallback' || today!.notInDocuments === true, q).toBe(true);
      if (today!.kind !== 'fallback') expect(today!.text).toContain('沒有這方面現行的規定');
    }
    for (const [i, q] of ['莫拉克計畫當年的保證專款是多少', '千金挺那時把授權額度拉到多少'].entries()) {
      const [named] = await conversation(`retrieval-ended-today-2-${i}`, q);
      expect(named!.notInDocuments, q).toBeUndefined();
    }
  });

  it('in a conversation, the not-covered answer gives the service lines and quotes nothing', async () => {
    const [answer] = await conversation('retrieval-honest-1', '台南服務中心幾點開門');
    expect(answer!.kind).toBe('fallback');
    expect(answer!.text).toContain('0800-089-921');
  });
});

describe('what fund staff do when a question is answered wrongly', () => {
  it('an example question under the right section makes a question the documents seemed not to answer answered from it', async () => {
    const question = '批保亂用會被停掉嗎';
    expect(probeRetrieval(sources, question, { asOf: AS_OF }).covered).toBe(false);
    const knowledge = await loadKnowledge('knowledge/documents');
    const section = knowledge.sections.find((s) => s.id.startsWith('batch-guarantee-revision-2014#說明二（五）'))!;
    section.examples = [...(section.examples ?? []), { question: '批保亂用，會被停掉嗎？', line: section.line + 4 }];
    const choice = probeRetrieval({ ...sources, knowledge, index: createSearchIndex(knowledge) }, question, { asOf: AS_OF });
    expect(choice.covered && choice.section.id).toBe(section.id);
    if (choice.covered) expect(choice.top).toContain('停止其辦理批次保證業務');
  });
});
