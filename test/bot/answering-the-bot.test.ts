/**
 * A reply to the bot's own question fills what it asked for and continues the task: a tapped programme, a bare
 * risk group, a bare figure after a question about a balance, a 「是」 after a yes-or-no question.
 */
import { describe, expect, it } from 'vitest';
import { replyTexts } from '../support/bot.ts';

const conversation = replyTexts;

describe('answering the bot', () => {
  it('estimates a fee of no programme for the general loan, again for a programme tapped next, then for the risk group asked', async () => {
    const [first, second, third] = await conversation('保證費幫我算 800萬 8成 兩年', '青年創業貸款', 'B');
    expect(first).toContain('您沒有指明保證項目');
    expect(first).toContain('保證手續費（一般貸款）');
    expect(second).toContain('保證手續費（青年創業貸款）');
    expect(second).toContain('風險組群');
    expect(third).toContain('128,000');
    expect(third).toContain('青年創業貸款');
  });

  it('reads a bare amount after the balance question as the balance, not as a loan', async () => {
    const [, second] = await conversation('營業額2000萬，營授比會超過嗎？', '1200萬');
    expect(second).toContain('60');
    expect(second).not.toContain('請問短、中期週轉授信總餘額');
  });

  it('takes 「是」 after a yes-or-no question about a circumstance', async () => {
    const texts = await conversation('我可以申請數位內容文創貸款嗎？', '是');
    expect(texts[0]).toContain('中小企業認定標準');
    expect(texts[1]).not.toContain('中小企業認定標準？');
    expect(texts[1]).toMatch(/不符合|非中小企業/);
  });

  it('keeps a rate the user gives after the calculation was asked, and computes with it', async () => {
    const [, , third] = await conversation('青創借150萬手續費多少', '保8成 借一年', '銀行給我1.2%');
    expect(third).toContain('14,400');
  });

  it('computes at once with a rate the user was quoted, before any programme, then sets it beside the rule when one is tapped', async () => {
    const [first, second] = await conversation('行員說年費率0.9%，貸款600萬保七成 借18個月', '一般貸款');
    // 6,000,000 × 70% × 0.9% × 18/12 = 56,700
    expect(first).toContain('56,700');
    expect(first).not.toContain('請問是哪一種保證項目');
    expect(second).toContain('56,700');
    expect(second).toMatch(/風險組群費率/);
  });

  it('lets a stated length of period replace an earlier date range, and the other way round', async () => {
    const [first, second] = await conversation('一般貸款 B組 300萬 8成 保證期間112/7/1至113/6/30', '期間改成兩年');
    // 3,000,000 × 80% × 1.00% × 12/12 and × 24/12
    expect(first).toContain('24,000');
    expect(second).toContain('48,000');
  });

  it('reads a batch case at its approval month: the rate in force then, and says when none was', async () => {
    const [fee] = await conversation('批保 核准日108年6月 借300萬 保9成 一年 手續費');
    // 3,000,000 × 90% × 0.35% × 1 = 9,450 (103/12/15–110/12/31)
    expect(fee).toContain('9,450');
    const [before] = await conversation('批次保證 核准日是102年5月 那時候手續費率多少');
    expect(before).not.toMatch(/0\.3\d?%（民國1(0[3-9]|1\d)年/);
    expect(before).toMatch(/未載明|0800-089-921/);
  });

  it('decides the 營授比 limits from a ratio the user states, without asking for the balance and revenue', async () => {
    const [over, between] = [(await conversation('營授比已經130%了，週轉金還能找信保嗎'))[0], (await conversation('一般事業，營授比55%，授權送保最高保幾成'))[0]];
    expect(over).toMatch(/超過.*100%/);
    expect(over).not.toContain('請問短、中期週轉授信總餘額');
    expect(between).toMatch(/5成|五成/);
    expect(between).toContain('50%');
  });

  it('says what would still change a 營授比 verdict when the user did not say it (統一發票)', async () => {
    const [over] = await conversation('營授比110%還能送保嗎');
    expect(over).toContain('統一發票');
    expect(over).toContain('專案');
    const [told] = await conversation('我們沒有開統一發票，營授比110%還能送保嗎');
    expect(told).not.toContain('若使用統一發票');
  });

  it('gives the earliest dated figure and says the one asked for is not in the documents, for a case dated before it', async () => {
    const [text] = await conversation('批次保證 授信額度核准日103年11月20日 當時保證成數最高幾成');
    // 批次保證 from 民國92年 could guarantee up to 10成 (overview), so this date has a figure: no "not stated" line.
    expect(text).toMatch(/10成|十成/);
    const [rate] = await conversation('核准日是民國103年9月的批保案件 那時候的手續費率');
    expect(rate).toContain('民國103年12月15日');
    expect(rate).toContain('未載明');
  });

  it("reads a rule's figure as it was in a past year named, and a year's statistics from the report published after it", async () => {
    const [rate] = await conversation('民國106年那時批保的手續費率多少');
    expect(rate).toContain('0.35%');
    expect(rate).not.toMatch(/^批次信用保證之保證手續費年費率：0\.30%/m);
    const [ranking] = await conversation('111年哪個行業的保證餘額最多？');
    expect(ranking).toContain('批發');
    // A plan of a past year is described in a document published later: still found.
    const [plan] = await conversation('民國97年推出的千金挺專案，授權額度提高到多少？');
    expect(plan).toMatch(/2,000\s*萬/);
  });

  it('says first that the dates of the passage have passed when asked whether something still holds', async () => {
    const [meeting] = await conversation('批次保證說明會是幾月幾號？我現在還來得及去嗎');
    expect(meeting).toMatch(/^注意：文中的日期（最晚為民國103年/);
    expect(meeting).toContain('0800-089-921');
    const [plain] = await conversation('批次保證說明會是幾月幾號？');
    expect(plain).not.toContain('已過');
  });

  it('answers attributes asked with no subject of their own about the programme just discussed', async () => {
    const [, figures] = await conversation('相對保證是什麼意思', '保證成數最高多少？費率呢？');
    expect(figures).toContain('9.5成');
    expect(figures).toContain('0.395%');
    const [, donation] = await conversation('火金姑專案怎麼運作', '企業最少要捐多少？');
    expect(donation).toMatch(/2,000\s*萬/);
  });

  it('reads the same rule topic again when a follow-up only corrects the year', async () => {
    const [, pandemic] = await conversation('一家企業的保證融資總額度最多多少', '我是說民國111年紓困那時候');
    expect(pandemic).toMatch(/1億5,000萬/);
    const [, earlier] = await conversation('一家企業的保證融資總額度最多多少', '我指的是民國96年');
    expect(earlier).toMatch(/1億元|100,000,000/);
  });

  it('gives the figures the rules already decide while asking for the fact that is missing', async () => {
    const [reply] = await conversation('男生可以申請微型創業鳳凰嗎 費率多少');
    expect(reply).toContain('0.5%');
    expect(reply).toContain('幾歲');
  });

  it("counts a business's age from the year it was founded", async () => {
    const [, verdict] = await conversation('我33歲 想申請青年創業貸款', '我們是民國108年登記成立的');
    expect(verdict).toMatch(/不符合「設立未滿 5 年」/);
  });

  it('computes the fee for one year when asked what it costs each year', async () => {
    const [reply] = await conversation('一般貸款C組 借400萬 保七成 每年的保證手續費要付多少');
    // 4,000,000 × 70% × 1.5% × 12/12
    expect(reply).toContain('42,000');
    expect(reply).not.toContain('請問保證期間');
  });

  it('gives the worth of a waived fee at the rate the user names', async () => {
    const [reply] = await conversation('莫拉克復工貸款借1000萬 保九成 一年 若照0.5%算 免收的手續費是多少');
    // 10,000,000 × 90% × 0.5% × 12/12
    expect(reply).toContain('45,000');
  });

  it('tells the extra amount and ratio of the 信保金質獎 apart from the batch award', async () => {
    const [gold] = await conversation('銀行得了信保金質獎 送保的企業可以多多少額度');
    expect(gold).toMatch(/3,000萬/);
    expect(gold).not.toContain('5,000萬');
    const [batch] = await conversation('批保金質獎的銀行 移送的企業額外額度多少');
    expect(batch).toMatch(/5,000萬/);
  });

  it('computes each programme named with its own ratio and risk group, and says which costs less', async () => {
    const [reply] = await conversation('貸款600萬 兩年 青創保8成 跟 一般貸款C組保7成 哪個手續費比較少');
    // 青創 8成: 6,000,000 × 80% × rate by group … the groups differ, so only the general loan side is fixed here:
    // 一般貸款 C: 6,000,000 × 70% × 1.5% × 24/12 = 126,000
    expect(reply).toContain('126,000');
    const [fixed] = await conversation('借800萬一年 鳳凰保九成五 跟 一般貸款B組保8成 差多少手續費');
    // 鳳凰: 8,000,000 × 95% × 0.5% = 38,000; 一般貸款 B: 8,000,000 × 80% × 1.00% = 64,000
    expect(fixed).toMatch(/^比較：微型創業鳳凰貸款 38,000 元、一般貸款 64,000 元；微型創業鳳凰貸款較少，相差 26,000 元。/);
  });

  it('reads each side of two programmes named with their own figures', async () => {
    const { understand } = await import('../../bot/understand/index.ts');
    const u = understand('批保保九成 跟 一般貸款A組保八成 比較');
    expect(u.perProgramme).toEqual([
      { programme: 'batch', facts: { guaranteeRatio: 90 } },
      { programme: 'general_loan', facts: { guaranteeRatio: 80, riskGroup: 'A' } },
    ]);
    expect(understand('批保跟一般貸款哪個成數高').perProgramme).toBeUndefined();
  });

  it('takes facts about the applicant after a programme question as facts for that programme, not a new search', async () => {
    const [, second, third] = await conversation('鳳凰貸款有年齡限制嗎', '我是女生 店才開業兩個月', '那保幾成');
    expect(second).toContain('微型創業鳳凰貸款');
    expect(second).not.toContain('可能適合的保證項目');
    expect(third).toMatch(/9\.5成|95%/);
  });

  it('says what is left under a cap after the amount the user says is already used', async () => {
    const [left] = await conversation('我們在信保那邊已經用了9500萬額度 還可以再保多少');
    // 120,000,000 − 95,000,000
    expect(left).toContain('尚可 25,000,000 元');
    const [batch] = await conversation('批次保證 這家企業今年在我們銀行已計提代位清償金額30萬 還能再計提多少');
    // 1,000,000 − 300,000
    expect(batch).toContain('尚可 700,000 元');
  });

  it('computes a fee with and without an award when asked before and after the reduction', async () => {
    const [reply] = await conversation('批保卓越獎銀行送的批次保證 貸款500萬 保9成 一年 減免前後手續費各多少');
    // 5,000,000 × 90% × 0.2% = 9,000 with the award
    expect(reply).toContain('9,000');
    expect(reply).toMatch(/13,500|15,750/);
  });

  it('compares every attribute asked of two programmes, and says first that an ended plan is history', async () => {
    const [reply] = await conversation('青創貸款和莫拉克復工貸款 成數跟費率有什麼不同');
    expect(reply).toMatch(/比較：.*最高 8成.*最高 9成/);
    expect(reply).toMatch(/比較：.*年費率/);
    const [ended] = await conversation('莫拉克復工貸款的保證成數');
    expect(ended).toMatch(/^注意：.*已結束/);
  });

  it("computes the 火金姑 total from a donation the user names", async () => {
    const [reply] = await conversation('如果我們公司捐4000萬給火金姑專案 總共可以保多少額度');
    // (40,000,000 + 40,000,000) × 20
    expect(reply).toContain('1,600,000,000');
  });

  it('takes a period given with the fee word again as the answer to the period asked', async () => {
    const [, second] = await conversation('專利訴訟貸款借800萬保9成 手續費要多少', '兩年 費率照最高的算');
    // 8,000,000 × 90% × 1.25% × 24/12 = 180,000 at the top of the range
    expect(second).toContain('180,000');
  });

  it("reads a loan's start date given after a rule question as the day that rule is read at", async () => {
    const [, second] = await conversation('批保的標準代償率是多少', '授信起日在100年5月的呢');
    expect(second).toMatch(/2\.5%/);
  });

  it('keeps the one programme the finder found for the next question', async () => {
    const [, second] = await conversation('公司被外國廠商告專利侵權 要打官司 信保能幫忙嗎', '那成數呢');
    expect(second).toContain('國內民營企業國際專利權訴訟貸款');
    expect(second).toMatch(/9成/);
  });

  it('tells what a programme found through a circumstance is, by its key figures', async () => {
    const [reply] = await conversation('大企業捐錢成立專款 推薦下游廠商用的那種信保 是什麼');
    expect(reply).toContain('火金姑');
    expect(reply).toMatch(/9\.5成/);
  });

  it('computes a ratio above the highest on the circumstance that allows it, said as an assumption', async () => {
    const [reply] = await conversation('青年創業貸款 借100萬 保九成 兩年 手續費 銀行核定0.75%');
    // 1,000,000 × 90% × 0.75% × 24/12 = 13,500, on 經青輔會推薦
    expect(reply).toContain('13,500');
    expect(reply).toContain('假設：經青輔會推薦');
    const [refused] = await conversation('一般貸款C組 借100萬 保九成 一年');
    expect(refused).toContain('超過上限');
  });

  it('reads places in a ranking of table rows, and another place as a follow-up', async () => {
    const [top] = await conversation('111年哪些行業的保證餘額排前兩名');
    expect(top).toMatch(/第1名 .*\n.*第2名 /);
    const [, fifth] = await conversation('哪個縣市的信保保證餘額最高', '第五名是哪裡');
    expect(fifth).toContain('第5名');
  });

  it('sets two table rows compared against each other, in the table unit', async () => {
    const [reply] = await conversation('111年製造業和批發零售業的保證餘額差多少');
    // 495,659.15 − 340,832.71
    expect(reply).toContain('相差 154,826.44（新臺幣百萬元，約 1,548.26億元）');
  });

  it('reads the cell of a year named from a table whose columns are years, with the unit', async () => {
    const [, cell] = await conversation('111年新發生逾期保證金額是多少', '那110年呢');
    expect(cell).toContain('110年新發生逾期保證金額：114億元');
  });
});
