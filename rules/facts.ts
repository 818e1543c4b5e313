import { z } from 'zod';
import { PROGRAMME_IDS } from './programmes.ts';

/**
 * What the bot knows about a case: produced by bot/understand (and the dialogue state),
 * consumed by the calculator. Amounts are NT$ integers, ratios and rates are percentages
 * (80 means 80% = 8成, 0.35 means 0.35%), dates are ISO yyyy-mm-dd.
 */
export const RiskGroup = z.enum(['A', 'B', 'C']);
export const Industry = z.enum(['production', 'general']); // 生產事業 / 一般事業

/** capital_expenditure 資本性支出; trade_backed 憑交易行為取得之信用狀、應收帳款、訂單、工程合約等為還款來源; working_capital 其他週轉 */
export const LoanPurpose = z.enum(['capital_expenditure', 'trade_backed', 'working_capital']);

export const FactFlags = z
  .object({
    employmentPledge: z.boolean(), // 已簽署「促進就業具結書」
    batchExcellenceAward: z.boolean(), // 承貸銀行獲批保卓越獎
    unifiedInvoice: z.boolean(), // 使用統一發票
    typhoonAffected: z.boolean(), // 莫拉克颱風受災
    renewal: z.boolean(), // 原授權送保額度內之續約案件
    recommended: z.boolean(), // 經青輔會審議通過並推薦 (青年創業)
    publicConstruction: z.boolean(), // 承攬公共建設採購案
    domesticInvestment: z.boolean(), // 新(擴)建廠房或增添設備
    donorRecommended: z.boolean(), // 經捐款企業推薦 (火金姑)
    sme: z.boolean(), // 符合中小企業認定標準 (數位內容文創貸款限非中小企業)
    pensionContributor: z.boolean(), // 應提繳勞工退休金或提撥勞工退休準備金之非公營企業 (勞工退休金專案貸款)
    relatedParty: z.boolean(), // 借款人為承貸銀行之利害關係者 (銀行法第33條之1：不得以授權方式送保)
    realEstate: z.boolean(), // 不動產經營業 (錄音室出租業以外者不得以授權方式送保)
    projectRenewal: z.boolean(), // 償還原以專案方式送保之週轉貸款的續貸 (不得以授權方式送保，授權保證之限制⑩)
    poorCredit: z.boolean(), // 信用或營業狀況不良 (退票、欠稅、逾期…：依「信用或營業狀況不良企業移送信用保證注意事項」限制送保)
  })
  .partial()
  .strict();

export const Facts = z
  .object({
    programme: z.enum(PROGRAMME_IDS as [string, ...string[]]),
    loanAmount: z.number().nonnegative(),
    guaranteeRatio: z.number().min(0).max(100),
    riskGroup: RiskGroup,
    periodMonths: z.number().positive(),
    periodDays: z.number().int().positive(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    age: z.number().int().min(0).max(130),
    businessAgeMonths: z.number().min(0),
    industry: Industry,
    gender: z.enum(['female', 'male']),
    annualRevenue: z.number().nonnegative(), // 最近一年度報稅營業額
    workingCapitalBalance: z.number().nonnegative(), // 短、中期週轉授信總餘額
    donationAmount: z.number().nonnegative(), // 企業捐助成立專款的金額（火金姑）
    fireflyTotal: z.number().positive(), // 想達到的火金姑信用保證總額度（「總額度要做到30億 要捐多少」）：由總額度倒推捐助金額
    batchAmount: z.number().nonnegative(), // 一個批號的保證金額合計（批次保證：乘代償上限計提率，以各批號代位清償限額為上限）
    guaranteedAmount: z.number().positive(), // 保證金額：貸款金額已乘保證成數（銀行常以此送保）
    usedAmount: z.number().nonnegative(), // 已用掉的額度（已送保、已計提）：問「還能再…多少」時從上限扣除
    extraUsedAmount: z.number().nonnegative(), // 已用掉的額外額度（「其中3000萬是公共工程的額外額度」）：從額外額度扣除，不算在原有總額度裡
    summedUsedAmount: z.number().nonnegative(), // 合計已用掉的（「這個批號累計已計提9,950萬」）：從加總的上限（各批號代位清償限額）扣除
    addedAmount: z.number().positive(), // 這次要再加上的金額（「再計提55萬」「再借800萬」）：與已用的合計，對照上限
    recoveredAmount: z.number().positive(), // 處分擔保品所得之收回款（「土地拍掉收回250萬」）：利害關係者案件按保證比率沖償
    repaidAmount: z.number().positive(), // 先還掉的週轉借款（「那如果先還掉四百萬呢」）：從已知的週轉授信總餘額扣除
    businessFinanceRatio: z.number().nonnegative(), // 營授比 as the applicant states it, percent (when balance and revenue are not given)
    businessFinanceRatioAbove: z.boolean(), // the stated 營授比 is a figure it exceeds (「超過70%」)
    balanceIncludesLoan: z.boolean(), // the balance told already counts the new loan (「餘額含這筆共700萬」)
    debtRatio: z.number().nonnegative(), // 負債比率, percent
    approvalDate: z.iso.date(), // 授信額度核准日
    loanStartDate: z.iso.date(), // 授信起日
    disasterDate: z.iso.date(),
    applicationDate: z.iso.date(),
    foundedDate: z.iso.date(), // 設立（開業）日期：營業期間由此算到申請日（未說時為今天）
    announcedDate: z.iso.date(), // 規定公告（發函）的日期：「依103年公告的費率」讀那一年底施行的版本
    submission: z.enum(['authorised', 'project', 'direct', 'batch']),
    lender: z.string().min(1), // 承貸金融機構，以年報所載全名（「玉山」→ 玉山商業銀行；domain/registry/facts.yaml choices.lender）
    loanPurpose: LoanPurpose, // 授信用途 (新創事業貸款限資本性支出或交易行為為還款來源)
    recoveryNeed: z.number().nonnegative(), // 受災復工營業計畫實際需要金額 (災害復舊專案貸款)
    flags: FactFlags,
  })
  .partial()
  .strict();

export type Facts = z.infer<typeof Facts>;
export type FactFlags = z.infer<typeof FactFlags>;
export type RiskGroup = z.infer<typeof RiskGroup>;
export type Industry = z.infer<typeof Industry>;
export type LoanPurpose = z.infer<typeof LoanPurpose>;
