/**
 * The programme finder (「哪個保證項目適合我？」) as SME owners who know no programme names use it: one message with
 * their situation, a conversation that discovers it, comparisons by description, ended plans and needs nothing serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerToPending } from '../../bot/dialogue/questions.ts';
import type { Reply } from '../../bot/types.ts';
import { understand } from '../../bot/understand/index.ts';
import { shippedDomain } from '../../domain/index.ts';
import { createTestBot, shippedSources } from '../support/bot.ts';
import { converse } from './conversation-scripts.ts';

const SERVICE_LINE = '0800-089-921';

/** The plain words (not the two-part cues) a need is said with, as written in domain/registry/finder.yaml. */
function wordsOf(purpose: string): string[] {
  const file = parse(readFileSync(join(import.meta.dirname, '../../domain/registry/finder.yaml'), 'utf8')) as { purposes: Record<string, { cues: unknown[] }> };
  return (file.purposes[purpose]?.cues ?? []).filter((cue): cue is string => typeof cue === 'string');
}

interface Case {
  name: string;
  says: string[];
  /** Every text must appear in the last reply. */
  mentions?: string[];
  /** None may appear in it. */
  never?: string[];
  /** The last reply asks (a question back) rather than answers. */
  asks?: boolean;
  /** Texts one of the quick replies must contain. */
  offers?: string[];
}

const CASES: Case[] = [
  // One message with the situation
  { name: 'a 34-year-old whose studio is under two years old and needs working capital gets 一般貸款 and 青創', says: ['我34歲，工作室成立快兩年，想借錢週轉，有什麼貸款適合我？'], mentions: ['一般貸款', '青年創業貸款', '8成（80%）', '營運週轉'] },
  { name: 'a 51-year-old mother opening a noodle shop gets 鳳凰 with 9.5成 and 0.5%', says: ['我是51歲的媽媽，想在市場開一間麵店，還沒開始，信保能幫忙嗎？'], mentions: ['微型創業鳳凰貸款', '9.5成', '0.5%', '中高齡'] },
  { name: 'an exporter with foreign orders gets 外銷貸款 first', says: ['我們做外銷的，接了國外訂單需要資金，有什麼方案？'], mentions: ['1. 外銷貸款', '8成（80%）'] },
  { name: 'a company building its own brand gets 自創品牌貸款 at 0.75%', says: ['公司想做自己的品牌，可以申請什麼？'], mentions: ['自創品牌貸款', '0.75%', '不限小企業'] },
  { name: 'a company sued for patent infringement gets the patent litigation loan at 9成', says: ['我們被告專利侵權，要打官司，信保可以幫忙嗎？'], mentions: ['國際專利權訴訟貸款', '9成（90%）', '0.75%～1.25%'] },
  { name: 'research and development points to 促進產業研究發展貸款 and 直接保證', says: ['我們要開發新產品做研發，有什麼貸款？'], mentions: ['促進產業研究發展貸款', '9成（90%）', '直接保證'] },
  { name: 'a customer firm willing to recommend points to 火金姑 at 9.5成', says: ['中心廠願意推薦我們，有什麼貸款適合？'], mentions: ['火金姑', '9.5成', '捐款企業推薦'] },
  { name: 'a breakfast shop open two years is the business age, not a two-year loan', says: ['我開早餐店兩年，想借200萬週轉，信保可以幫忙嗎？'], mentions: ['一般貸款', '設立 24 個月'], never: ['保證期間'] },
  { name: 'a specific need without anything about the applicant shows only what serves it', says: ['我們被告專利侵權，要打官司，信保可以幫忙嗎？'], never: ['青年創業貸款', '鳳凰'] },
  { name: 'each programme line says who it is for, the ratio, the rate, why and what still decides it', says: ['我們要開發新產品做研發，有什麼貸款？'], mentions: ['適用對象：', '保證成數最高', '年費率', '為什麼：'] },
  { name: 'a recommendation cites the rule parameters it used', says: ['公司想做自己的品牌，可以申請什麼？'], mentions: ['資料來源：', '信用保證業務概述'] },
  { name: 'the answer says it is decided by the fund and the lending bank', says: ['公司想做自己的品牌，可以申請什麼？'], mentions: ['最終以本基金及承貸金融機構審核為準'] },
  { name: 'equipment for a business with 統一發票 points to the 國內投資 measure of 促進就業', says: ['我們要買新機台擴廠，有開統一發票，有什麼方案？'], mentions: ['促進就業融資保證專案', '國內投資'] },
  { name: 'a promise to keep or add staff is what the 促進就業具結書 pledges: the fixed 0.5% rate, said to be on that basis', says: ['我們公司願意保證維持現有員工人數、不減少人力，送信保的手續費可以打折嗎'], mentions: ['促進就業融資保證專案', '年費率 0.5%（不論風險組群）', '以「促進就業具結書」計算', '降低保證手續費率'] },
  { name: 'hiring more people points to 促進就業 even without the word 具結書', says: ['我們打算今年再增聘十位員工，有沒有相關的信保優惠？'], mentions: ['1. 促進就業融資保證專案', '0.5%'] },
  { name: 'a company that said it signs no 具結書 is not weighed as if it did', says: ['我們會增聘員工，但沒有簽具結書，有什麼優惠？'], never: ['以「促進就業具結書」計算', '0.5%（不論風險組群）'] },
  { name: 'investing in a country with diplomatic ties: the guarantee the documents name, how it is applied for, the service lines', says: ['我們想到邦交國設立海外工廠 需要資金 可以找信保嗎'], mentions: ['「協助中小企業赴有邦交國家投資融資信用保證」', '應以專案申請', '文件沒有載明它的保證成數與保證手續費率', SERVICE_LINE], never: ['沒有適用', '可能適合的保證項目'] },
  { name: 'a need that names its own programme (提撥勞工退休金) is a finder question: who it is for, and that the documents give no ratio', says: ['公司要提撥勞工退休金 資金不夠 有沒有相關的貸款'], mentions: ['1. 勞工退休金專案貸款', '公營事業除外', '保證成數最高 來源文件未載'], never: ['保證成數最高 8成', '保證成數最高 9成'] },
  { name: 'a shop described with a classifier, its age and an amount, without a question, is a finder request', says: ['開了一家小吃店 剛滿一年 我43歲男生 想借50萬'], mentions: ['1. 青年創業貸款', '符合青年創業貸款 20 歲至 45 歲', '依您提供的資料符合條件'], never: ['保證期間', '請問是哪一種保證項目'] },
  { name: 'a business of some years described with the owner\'s age gets 青創 while it is under five years old', says: ['我在經營一家髮廊 滿三年了 今年39歲 想貸80萬'], mentions: ['1. 青年創業貸款'] },
  { name: 'a need with the deciding fact unknown is answered first: the programmes for it, then the question', says: ['女生想開個小工作室創業 有什麼貸款'], mentions: ['可能適合的保證項目', '微型創業鳳凰貸款', '9.5成', '再請問：'], offers: ['（青年）'] },
  { name: 'an English question about which programme suits a middle-aged man starting a business gets 鳳凰', says: ['I am a 52-year-old man starting a small business, which guarantee suits me?'], mentions: ['1. 微型創業鳳凰貸款', '9.5成'] },
  { name: 'a company that is not an SME gets the programmes open to large firms', says: ['我們公司規模大 不算中小企業 信保有沒有可以用的'], mentions: ['非中小企業數位內容及文化創意產業優惠貸款', '自創品牌貸款', '國內民營企業國際專利權訴訟貸款'], never: ['青年創業貸款'] },
  { name: 'a business open only a few months hears of the 新創事業 rule: no minimum time in business, loans limited to capital spending or trade', says: ['我的烘焙坊開幕才三個月 這樣可以送信保嗎'], mentions: ['新創事業', '不受連續營業期間限制', '資本性支出'] },
  // Discovery over several turns
  { name: 'with nothing said, the finder asks the age first, explaining what it decides', says: ['有什麼貸款適合我？'], asks: true, mentions: ['年齡會決定', '青年創業貸款', '微型創業鳳凰貸款'], offers: ['（青年）', '（中高齡）'] },
  { name: 'a 29-year-old man is next asked how long the company has existed', says: ['有什麼貸款適合我？', '我29歲 男生'], asks: true, mentions: ['設立多久'], offers: ['未滿5年'] },
  { name: 'a 29-year-old man is not offered 鳳凰', says: ['有什麼貸款適合我？', '我29歲 男生', '公司成立2年'], mentions: ['青年創業貸款'], never: ['鳳凰'] },
  { name: 'a tapped 「50歲（中高齡）」 answers the age and keeps the finder going', says: ['創業貸款有哪些', '50歲（中高齡）'], mentions: ['微型創業鳳凰貸款', '符合中高齡國民'] },
  { name: 'a tapped 「30歲（青年）」 names no programme: the finder still weighs them all', says: ['有什麼貸款適合我？', '30歲（青年）'], asks: true, never: ['不適合', '青年創業貸款資格'] },
  { name: 'a 46-year-old woman looking for start-up loans gets 鳳凰 and not 青創', says: ['創業貸款有哪些', '我46歲', '女生'], mentions: ['微型創業鳳凰貸款'], never: ['1. 青年創業貸款'] },
  { name: 'a need told after the questions joins the earlier ones', says: ['想找信保貸款', '女生 35歲', '開網店兩年了 要補貨週轉'], mentions: ['青年創業貸款', '微型創業鳳凰貸款', '一般貸款'] },
  { name: 'once one programme fits, the list is shown with the question that would settle the others', says: ['有沒有適合我的信保貸款', '我41歲', '公司成立3年'], mentions: ['青年創業貸款', '還要確認：性別'] },
  { name: 'a fact asked and not understood is not asked again', says: ['有什麼貸款適合我？', '我29歲 男生', '這個我不清楚 想開手搖飲'], mentions: ['青年創業貸款', '還要確認：設立或營業期間'] },
  { name: 'a business not yet opened is young enough for programmes limited to new businesses', says: ['有什麼貸款適合我？', '我29歲 男生', '還沒開公司 想開手搖飲'], mentions: ['青年創業貸款'], never: ['還要確認：設立或營業期間'] },
  { name: 'an established business that states no need is asked what the money is for, with answers that say it', says: ['想貸款', '我們是食品加工廠 成立12年 屬於生產事業'], asks: true, mentions: ['資金主要用在哪裡'], offers: ['購置設備或廠房', '營運週轉'] },
  { name: 'a tapped need answers that question and the finder goes on with it', says: ['想貸款', '我們是食品加工廠 成立12年 屬於生產事業', '購置設備或廠房'], mentions: ['1. 一般貸款', '符合您的需要（購置設備或廠房）'] },
  { name: 'the need is asked once: a reply that states none gets the list', says: ['想貸款', '我們是食品加工廠 成立12年 屬於生產事業', '還沒想好'], never: ['資金主要用在哪裡'] },
  { name: 'an established manufacturer that names its equipment later gets 一般貸款 and the 國內投資 measure', says: ['想貸款', '我們是食品加工廠 成立12年 屬於生產事業', '要添購新的生產設備 約800萬 公司有開統一發票'], mentions: ['一般貸款', '國內投資', '購置設備或廠房'], never: ['1. 青年創業貸款'] },
  { name: 'after a recommendation a programme question goes to that programme', says: ['公司想做自己的品牌，可以申請什麼？', '自創品牌貸款手續費率多少？'], mentions: ['0.75%'], never: ['可能適合的保證項目'] },
  // Comparisons
  { name: 'two named programmes compared for the user are both weighed with figures', says: ['青創跟鳳凰哪個適合我？我40歲女生，公司設立2年'], mentions: ['青年創業貸款', '8成（80%）', '微型創業鳳凰貸款', '9.5成（95%）', '0.5%'] },
  { name: 'two needs compared by description are answered for both', says: ['做自有品牌跟做研發的貸款，保證成數差多少？'], mentions: ['自創品牌貸款', '8成（80%）', '促進產業研究發展貸款', '9成（90%）'] },
  { name: 'programmes described, not named, are compared by ratio, highest first, with the figures', says: ['上游廠商推薦的那種貸款 跟一般的貸款比 哪個保比較多'], mentions: ['比較保證成數（由高到低）：火金姑(相對保證)專案貸款 9.5成、一般貸款 8成'] },
  { name: 'a comparison of fees keeps every digit of the rates the documents give', says: ['大企業推薦的那種貸款跟普通的貸款比 手續費哪個便宜'], mentions: ['比較保證手續費年費率（由低到高）：火金姑(相對保證)專案貸款 0.395%～0.75%、一般貸款 0.75%～1.5%'], never: ['0.4%'] },
  // (Each described by whom it is for names its programme, programmes.yaml described_by: the two are compared.)
  { name: 'a comparison of start-up loans by who they are for answers at once, saying which fee is lower', says: ['年輕人創業用的貸款跟中高齡創業用的貸款 哪個手續費比較低'], asks: false, mentions: ['微型創業鳳凰貸款年費率 0.5%', '青年創業貸款年費率 0.75%～1.5%', '微型創業鳳凰貸款較低'] },
  { name: 'a named programme that does not fit is named with the reason', says: ['青創跟鳳凰哪個適合我？我50歲男生'], mentions: ['不適合：青年創業貸款', '45 歲', '微型創業鳳凰貸款'] },
  // Ended plans
  { name: 'a flood today never gets the Morakot plan as current advice', says: ['颱風淹水工廠泡水了，信保有什麼可以幫忙？'], mentions: ['「莫拉克颱風受災企業復工營業貸款」', '已經結束', '101年12月31日', SERVICE_LINE], never: ['. 莫拉克', '符合條件'] },
  { name: 'a flood today gets the standing disaster loan the documents describe, with its figures', says: ['颱風淹水工廠泡水了，信保有什麼可以幫忙？'], mentions: ['1. 中小企業災害復舊專案貸款', '9成（90%）', '免收', '還要確認：受災日期'] },
  { name: 'the standing disaster loan is marked with the date of the document and the service lines to confirm it today', says: ['最近豪雨 店裡淹水 貨都泡水了 需要資金重新進貨 有什麼信保可以用'], mentions: ['依民國99年1月14日之文件所載', '（民國99年1月14日發布），該計畫本身的期程為民國98年11月1日至101年12月31日；本項是該文件所列的現行政策性專案貸款', '現在是否仍受理', SERVICE_LINE] },
  { name: 'an earthquake today is not told the Morakot plan fits, and not told the disaster loan has ended', says: ['上星期地震 我們工廠的機器壞了要修 信保現在有什麼貸款可以幫忙'], mentions: ['中小企業災害復舊專案貸款'], never: ['「中小企業災害復舊專案貸款」屬', '. 莫拉克'] },
  { name: 'an earthquake today is told the plan the documents describe is history, with its source', says: ['地震把店面震壞了，信保有什麼可以幫忙？'], mentions: ['莫拉克', '僅供參考', '計畫期程'] },
  { name: 'the Morakot recovery loan asked about today has ended: the period first, cited, then the service lines', says: ['莫拉克復工貸款現在還能申請嗎'], mentions: ['已經結束，現在不能再申請', '民國98年11月1日至101年12月31日', '資料來源：《莫拉克颱風受災企業復工營業融資及輔導計畫（核定本）》〈伍、一 計畫期程', SERVICE_LINE], never: ['符合條件', '判斷依據'] },
  { name: 'a flood today named with the Morakot plan is told the plan has ended, not weighed', says: ['我們工廠這次淹水，可以申請莫拉克的復工貸款嗎？'], mentions: ['已經結束', SERVICE_LINE], never: ['判斷依據'] },
  { name: 'the Morakot loan without fees asked about today, as a fee question, is told the plan has ended', says: ['莫拉克那個復工貸款 免手續費那個 我現在還可以申請嗎？'], mentions: ['已經結束', '計畫期程'] },
  { name: 'the Morakot loan\'s ratio asked about, not about today, is still answered from the plan', says: ['莫拉克復工貸款的保證成數是多少'], mentions: ['9成（90%）'], never: ['現在不能再申請'] },
  { name: 'an application made during the Morakot plan is not told the plan has ended', says: ['我們是莫拉克受災企業，民國100年3月1日申請莫拉克復工貸款，可以嗎？'], mentions: ['9成（90%）'], never: ['已經結束'] },
  { name: 'a typhoon today gets the service lines to confirm what applies now', says: ['颱風受災，信保有什麼可以幫忙？'], mentions: ['請洽信保基金或承貸金融機構確認', SERVICE_LINE] },
  // Nothing fits
  { name: 'a home for oneself is no programme: say so and give the service lines', says: ['我想借錢買房子自住，信保可以保嗎？'], mentions: ['沒有適用', SERVICE_LINE], never: ['可能適合的保證項目'] },
  { name: 'shares are no programme: the service lines', says: ['我想借錢買股票，有什麼信保貸款？'], mentions: [SERVICE_LINE] },
  { name: 'a child\'s school fees are no programme: say so and give the service lines', says: ['想借一筆錢付小孩出國念書的學費 信保可以幫我保嗎'], mentions: ['沒有適用', SERVICE_LINE], never: ['可能適合的保證項目'] },
  { name: 'a 70-year-old starting up fits no start-up programme: each reason and the service lines', says: ['我70歲，想創業開民宿，有什麼貸款？'], mentions: ['不適合：微型創業鳳凰貸款', '65', SERVICE_LINE] },
];

describe('the programme finder', async () => {
  const bot = await createTestBot();

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const replies = await converse(bot, c.says, `finder-${i}`);
    const last = replies.at(-1) as Reply;
    const shown = `${last.text}\n[${(last.quickReplies ?? []).join(' | ')}]`;
    for (const text of c.mentions ?? []) expect(last.text, shown).toContain(text);
    for (const text of c.never ?? []) expect(last.text, shown).not.toContain(text);
    if (c.asks !== undefined) expect(last.kind === 'question', shown).toBe(c.asks);
    for (const text of c.offers ?? []) expect(last.quickReplies?.some((q) => q.includes(text)), shown).toBe(true);
  });

  it('reads back every quick reply it offers as the fact it asked for', () => {
    const { quickReplies } = shippedDomain().finder;
    for (const [fact, replies] of Object.entries(quickReplies)) {
      for (const reply of replies) expect(answerToPending(fact, understand(reply), understand) ?? understand(reply).facts, `${fact}: ${reply}`).toHaveProperty(fact);
    }
  });

  it('reads every word of every need as a message is read (normalised: 機臺, not 機台)', () => {
    for (const purpose of shippedDomain().finder.purposes) {
      for (const word of wordsOf(purpose.id)) expect(understand(`我們想${word}`).purposes, `${purpose.id}: ${word}`).toContain(purpose.id);
    }
  });

  it('quotes, for a guarantee the documents only name, a sentence that is in the section it cites, which names it', async () => {
    const { knowledge } = await shippedSources();
    const mentioned = shippedDomain().finder.purposes.flatMap((p) => p.mentioned);
    expect(mentioned.length).toBeGreaterThan(0);
    for (const m of mentioned) {
      const section = knowledge.sections.find((s) => s.documentId === m.document && s.heading === m.section);
      expect(section, `${m.document} ${m.section}`).toBeDefined();
      expect(section!.text).toContain(m.quote);
      expect(section!.text).toContain(m.name);
    }
  });

  it('never gives a programme known only as of its document a plan period that would end it', () => {
    const { finder } = shippedDomain();
    for (const id of finder.asOfDocument) expect(finder.planPeriods[id], id).toBeUndefined();
  });

  it('reads every answer it offers to the need question as a need', () => {
    for (const reply of shippedDomain().finder.needQuestion.quickReplies) expect(understand(reply).purposes.length, reply).toBeGreaterThan(0);
  });

  it('lists only purposes whose programmes are in the registry', () => {
    const domain = shippedDomain();
    const names = new Set(domain.programmes.names.map((n) => n.id));
    for (const purpose of domain.finder.purposes) for (const id of purpose.programmes) expect(names.has(id), `${purpose.id}: ${id}`).toBe(true);
  });
});
