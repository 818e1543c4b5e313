/**
 * Figures owners give as they speak them, and the answer the rules give for that case: the 營授比 from a revenue and a
 * borrowing said without 萬, the loan a recovery need allows, each ask of a two-part question, a bare 「多少」 after a
 * rule was discussed, and how a rule that names its own channel is applied for.
 */
import { describe, expect, it } from 'vitest';
import { replyTexts } from '../support/bot.ts';

const conversation = replyTexts;

describe('case figures said colloquially', () => {
  it('checks the 營授比 of a revenue and a borrowing said without 萬, rather than listing programmes', async () => {
    const [reply] = await conversation('做批發的 營收兩千四 週轉借款總共有一千八 還送得了信保嗎');
    expect(reply).toContain('75%');
    expect(reply).toMatch(/五成|50%/);
    expect(reply).not.toContain('可能適合的保證項目');
  });

  it('says a 營授比 over 100% cannot be submitted, and recomputes when the borrowing changes', async () => {
    const [first, second] = await conversation('工廠 營業額一千 借款已經一千一了 還能送保嗎', '那借款如果變六百呢');
    expect(first).toContain('110%');
    expect(first).toMatch(/不得|超過/);
    expect(second).toContain('60%');
    expect(second).not.toContain('110%');
  });

  it('does not take 「營收一年」 for the age of the business', async () => {
    const [reply] = await conversation('開早餐店的 營收一年大概四百 短期借款三百 可以送保嗎');
    expect(reply).toContain('75%');
    expect(reply).not.toContain('營業期間');
  });

  it('gives the loan a recovery need allows: 八成 of it, within the per-enterprise cap', async () => {
    const [small] = await conversation('災害復舊貸款 修復要五百萬 能借多少');
    expect(small).toContain('4,000,000');
    const [, capped] = await conversation('颱風後工廠全毀 有什麼貸款', '重建估計要九千萬 最多可以借到多少');
    expect(capped).toContain('災害復舊');
    expect(capped).toContain('30,000,000');
  });
});

describe('every ask of a question', () => {
  it('gives a programme its own ratio and, having no fee rate of its own, the authorised items’ rates', async () => {
    const [reply] = await conversation('購料週轉融資最多保幾成 手續費呢');
    expect(reply).toContain('8成');
    expect(reply).toContain('0.75%');
    expect(reply).toContain('1.5%');
  });

  it('reads a bare 「多少？」 as asked of the rule just discussed', async () => {
    const [, reply] = await conversation('承攬公共工程 信保額度能多給嗎', '多少？');
    expect(reply).toContain('1億');
    expect(reply).not.toContain('找不到');
  });

  it('says how a rule that names its own channel is applied for, also as a follow-up asking how to apply', async () => {
    const [direct] = await conversation('參與公共建設的額外額度可以走授權嗎');
    expect(direct).toContain('限以專案或直接保證方式申請');
    const [, followUp] = await conversation('想擴建廠房 有額外的保證額度嗎', '怎麼申請 能用授權送保嗎');
    expect(followUp).toContain('限以專案或直接保證方式申請');
    // A programme without such a rule still gets the general route.
    const [general] = await conversation('一般貸款要怎麼申請');
    expect(general).toContain('金融機構');
  });
});

describe('which version of a revised rule a case follows', () => {
  it('tells a case approved before the revision that the earlier rules may still apply, citing the transition rule', async () => {
    const [before] = await conversation('批次保證授信額度103年11月20日核准 要照新要點辦嗎');
    expect(before).toContain('仍得適用修正前的規定');
    expect(before).toContain('說明六');
    const [after] = await conversation('批次保證授信額度104年2月3日核准 要照新要點辦嗎');
    expect(after).not.toContain('仍得適用修正前的規定');
    expect(after).toContain('應依修正要點相關規定辦理');
  });
});

describe('the programme a case fact names', () => {
  it('takes, of two programmes named, the one whose rules read the fact stated', async () => {
    const [reply] = await conversation('颱風受災 復工營業計畫實際需要4,000萬 依災害復舊專案貸款最多能貸多少');
    expect(reply).toContain('30,000,000');
    expect(reply).not.toContain('已經結束，現在不能再申請');
  });
});

describe('answer first on fees', () => {
  it('says a waived fee is nothing, with the rule, without asking for the loan', async () => {
    const [reply] = await conversation('災害復舊專案貸款的保證費要怎麼計算 最高保幾成');
    expect(reply).toContain('免收');
    expect(reply).toContain('9成');
    expect(reply).not.toContain('請問貸款金額');
  });

  it('computes an authorised submission over the 營授比 threshold at 5成 when no ratio is given, saying why', async () => {
    const [reply] = await conversation('一般事業 營授比65% 一般貸款 A組 600萬 授權送保 一年保證費多少');
    expect(reply).toContain('22,500');
    expect(reply).toContain('營授比 65%');
    const [under] = await conversation('一般事業 營授比45% 一般貸款 A組 600萬 一年保證費多少');
    expect(under).toContain('36,000');
  });

  it('tells a young business the new-venture rule first, whether the finder lists programmes or asks a question', async () => {
    const [first, listed] = await conversation('店才開沒多久 能申請信保嗎', '一般事業 開了五個月');
    expect(first).toContain('可能適合的保證項目');
    expect(listed?.split('\n')[0]).toContain('新創事業');
    const [, asking] = await conversation('剛開的店 不到一年 可以送保嗎', '是 一般事業 開了7個月');
    expect(asking?.split('\n')[0]).toContain('新創事業');
    expect(asking).toContain('請問');
  });
});

describe('documents to prepare', () => {
  it('quotes what a named programme’s own documents say is collected, then the general route', async () => {
    const [reply] = await conversation('簽促進就業具結書降費率 銀行會跟我要哪些文件');
    expect(reply).toContain('具結書');
    expect(reply).toContain('員工人數');
    expect(reply).not.toContain('沒有列出企業申請時要準備的文件清單');
    const [general] = await conversation('申請信保要帶什麼資料');
    expect(general).toContain('沒有列出');
  });
});

describe('the guaranteed amount of a loan', () => {
  it('multiplies the loan by the ratio stated, or by the programme’s highest (the general loan’s when none is named) with its source, without a fee', async () => {
    const [stated] = await conversation('借600萬 保7成 保證金額多少');
    expect(stated).toContain('4,200,000');
    expect(stated).not.toContain('手續費：');
    const [, highest] = await conversation('微型創業鳳凰貸款最多保幾成', '那借一百萬 被保證多少');
    expect(highest).toContain('950,000');
    expect(highest).toContain('資料來源');
    // Answer first: no programme named, the general loan's highest ratio (programmes.yaml unnamed), said so.
    const [unnamed] = await conversation('借兩百萬 保證金額多少');
    expect(unnamed).toContain('1,600,000');
    expect(unnamed).toContain('以一般貸款最高保證成數');
    expect(unnamed).not.toContain('請問是哪一種保證項目');
  });
});

describe('a circumstance that changes the fee and was not said', () => {
  it('gives the fee with the 具結書 beside the fee without it, once when every risk group agrees', async () => {
    const [open] = await conversation('促進就業融資保證專案 借五百萬 保8成 一年保證費多少');
    expect(open).toContain('20,000');
    expect(open).toContain('不論風險組群');
    const [signed] = await conversation('有簽促進就業具結書 借五百萬 保8成 一年保證費多少 B組');
    expect(signed).not.toContain('若已有');
    const [general] = await conversation('一般貸款 借五百萬 保8成 B組 一年保證費多少');
    expect(general).not.toContain('若已有');
  });
});

describe('a ratio asked above what the case allows', () => {
  it('says which circumstance the ratio needs, in an eligibility answer', async () => {
    const [reply] = await conversation('我28歲 公司設立三年 青年創業貸款能不能保到九成');
    expect(reply).toContain('青輔會');
    expect(reply).toContain('8成');
    const [plain] = await conversation('我28歲 公司設立三年 可以申請青年創業貸款嗎');
    expect(plain).not.toContain('須經青輔會推薦；否則');
  });
});
