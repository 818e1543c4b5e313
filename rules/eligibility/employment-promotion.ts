import { amountSpoken, formatAmount, formatMonthsLimit, formatRatio } from '../display.ts';
import { applicableRate, businessFinanceRatioLimits, enterpriseCaps, riskGroupRates } from './common.ts';
import type { Assessment } from './result.ts';

/**
 * 促進就業融資保證專案: a set of measures on top of the authorised and project items. The result lists
 * the measures the facts qualify for; 保證成數 is that of the underlying item except for the two
 * 額外額度 measures (最高9成, 專案或直接保證).
 */
export function assessEmploymentPromotion(a: Assessment): void {
  const { flags = {}, businessAgeMonths, industry, loanPurpose, debtRatio } = a.facts;
  newVenture(a, businessAgeMonths, industry, loanPurpose);

  riskGroupRates(a);
  const cap = a.trace.percent('employment_promotion.pledge_fee_cap');
  if (flags.employmentPledge === undefined) a.assume(`簽署「促進就業具結書」者，年費率高於 ${formatRatio(cap)} 一律調降為固定 ${formatRatio(cap)}`);
  applicableRate(a);

  enterpriseCaps(a);
  const invoice = flags.unifiedInvoice;
  const extra = (kind: 'public_construction' | 'domestic_investment', label: string, asked: boolean | undefined) => {
    // (「幫建商蓋民間住宅大樓，也能用這個額外額度嗎」: the measure's circumstance told not to hold; the rest of the programme stands.)
    if (asked === false) {
      const applicants = a.trace.typed(`employment_promotion.${kind}_eligible_applicants`, 'text');
      a.pass(`不適用「${label}」額外額度：限${applicants}`);
      return;
    }
    if (!asked) return;
    if (invoice === false) {
      a.fail(`「${label}」限使用統一發票之中小企業`, label);
      return;
    }
    // (「想用增加國內投資那個額外一億來付薪水週轉」: the measure is for capital financing, as its applicants are described.)
    if (kind === 'domestic_investment' && loanPurpose !== undefined && loanPurpose !== 'capital_expenditure') {
      const applicants = a.trace.typed('employment_promotion.domestic_investment_eligible_applicants', 'text');
      const channel = a.trace.typed('employment_promotion.domestic_investment_channel', 'text');
      a.fail(`「${label}」適用於${applicants}；${loanPurpose === 'working_capital' ? '營運週轉' : '以交易為還款來源之授信'}用途不適用（此額度${channel}）`, label);
      return;
    }
    // Answer first: the measure's ratio is known while whether the firm issues 統一發票 is still asked.
    const ratio = a.trace.percent(`employment_promotion.${kind}_max_ratio`);
    a.lowerMaxRatio(ratio);
    if (invoice === undefined) {
      a.need('flags.unifiedInvoice', `「${label}」限使用統一發票之中小企業（保證成數最高 ${formatRatio(ratio)}）；請說明是否使用統一發票`);
      return;
    }
    a.requiresProjectApplication = true;
    a.cap(`employment_promotion.${kind}_extra_quota`, `${label}額外保證融資額度（不受同一企業總額度限制）`);
    const quota = a.trace.typed(`employment_promotion.${kind}_extra_quota`, 'amount_twd');
    a.pass(`符合「${label}」：額外增加保證融資額度新臺幣 ${amountSpoken(quota)}（不受同一企業總額度限制），限以專案或直接保證方式申請，保證成數最高 ${formatRatio(ratio)}`);
  };
  extra('public_construction', '協助中小企業參與公共建設', flags.publicConstruction);
  extra('domestic_investment', '協助中小企業增加國內投資', flags.domesticInvestment);

  if (invoice) {
    a.cap('employment_promotion.original_comprehensive_quota', '原有綜合額度');
    a.cap('employment_promotion.expanded_comprehensive_quota', '擴大綜合額度（原有綜合額度外再增加之授權額度）');
    a.pass('使用統一發票：適用營授比放寬、擴大綜合額度等措施');
  } else if (invoice === undefined) {
    a.assume('營授比與負債比放寬、擴大綜合額度、公共建設與國內投資額外額度均限使用統一發票之企業');
  } else {
    // (「沒有開統一發票，可以用嗎」: what the measures limited to invoicing firms leave out is said.)
    a.pass('未使用統一發票：營授比與負債比放寬、擴大綜合額度、公共建設與國內投資額外額度均不適用（限使用統一發票之企業）');
  }

  businessFinanceRatioLimits(a);
  debtRatioLimit(a, debtRatio, invoice, flags.renewal);
}

function newVenture(a: Assessment, months: number | undefined, industry: 'production' | 'general' | undefined, purpose: string | undefined): void {
  const production = a.trace.typed('employment_promotion.new_venture_production_months', 'months');
  const general = a.trace.typed('employment_promotion.new_venture_general_months', 'months');
  if (months === undefined) return;
  if (!industry) {
    if (months >= Math.max(production, general)) return;
    const allowed = a.trace.typed('employment_promotion.new_venture_purposes', 'text_list');
    a.need(
      'industry',
      `營業 ${formatAmount(months)} 個月：生產事業未滿${formatMonthsLimit(production)}、一般事業未滿${formatMonthsLimit(general)}者屬新創事業，不受連續營業期間限制，但授信限於：${allowed.join('；或')}；請說明是生產事業或一般事業`,
    );
    return;
  }
  const limit = industry === 'production' ? production : general;
  const label = industry === 'production' ? '生產事業' : '一般事業';
  if (months >= limit) {
    a.pass(`${label}營業 ${formatAmount(months)} 個月，已滿${formatMonthsLimit(limit)}：不屬新創事業（新創事業貸款信用保證之放寬不適用，依一般保證對象規定辦理）`);
    return;
  }
  const purposes = a.trace.typed('employment_promotion.new_venture_purposes', 'text_list');
  const head = `屬於新創事業（${label}營業 ${formatAmount(months)} 個月，未滿${formatMonthsLimit(limit)}），不受連續營業期間限制`;
  if (purpose === undefined) {
    a.need('loanPurpose', `${head}，但授信限於：${purposes.join('；或')}；請說明授信用途`);
  } else if (purpose === 'working_capital') {
    a.fail(`${head}，但授信限於：${purposes.join('；或')}；一般週轉用途不適用`);
  } else {
    a.pass(`${head}，授信用途符合（授信限於：${purposes.join('；或')}）`);
  }
}

function debtRatioLimit(a: Assessment, debtRatio: number | undefined, invoice: boolean | undefined, renewal: boolean | undefined): void {
  if (debtRatio === undefined) return;
  const threshold = a.trace.percent('employment_promotion.debt_ratio_threshold');
  if (debtRatio <= threshold) return;
  if (invoice && renewal) {
    a.pass(`負債比率 ${formatRatio(debtRatio)} 超過 ${formatRatio(threshold)}；使用統一發票企業之原授權送保額度內續約案件，不受授權保證成數最高五成之限制`);
    return;
  }
  const reduced = a.trace.percent('business_finance_ratio.reduced_authorised_ratio');
  // A renewal whose invoicing is not said: both answers, and what decides between them.
  if (renewal && invoice === undefined) {
    a.pass(
      `負債比率 ${formatRatio(debtRatio)} 超過 ${formatRatio(threshold)}：原授權送保額度內之續約案件，使用統一發票者不受授權保證成數最高五成之限制；未使用統一發票者授權保證成數最高 ${formatRatio(reduced)}`,
    );
    return;
  }
  a.lowerMaxRatio(reduced);
  a.pass(`負債比率 ${formatRatio(debtRatio)} 超過 ${formatRatio(threshold)}：授權保證成數最高 ${formatRatio(reduced)}（放寬僅適用於使用統一發票企業之原授權送保額度內續約案件）`);
}
