import { amountInWords, formatAmount, formatRatio } from '../display.ts';
import { productRoundedHalfUp } from '../exact.ts';
import { loanFromNeed } from '../max-ratio.ts';
import { applicableRate, maxRatioFrom } from './common.ts';
import type { Assessment } from './result.ts';

/** 莫拉克颱風受災企業復工營業貸款: 9成, 送保期間免保證手續費, 利息補貼, within the plan period. */
export function assessMorakotRecovery(a: Assessment): void {
  a.requiresProjectApplication = false;
  const affected = a.facts.flags?.typhoonAffected;
  if (affected === undefined) a.need('flags.typhoonAffected', '限因莫拉克颱風災害影響而發生營運困難之企業；請說明是否為受災企業');
  else if (!affected) a.fail('限因莫拉克颱風災害影響而發生營運困難之企業');
  else a.pass('莫拉克颱風受災企業');

  const period = a.trace.typed('morakot_recovery.plan_period', 'date_range');
  const applied = a.facts.applicationDate ?? a.trace.view.asOf;
  if (!a.facts.applicationDate) a.assume(`未提供申請日，以 ${applied} 判斷是否在計畫期程內`);
  if (applied < period.from || applied > period.to) {
    a.fail(`申請日 ${applied} 不在計畫期程 ${period.from} 至 ${period.to} 之內`);
  } else {
    a.pass(`申請日 ${applied} 在計畫期程 ${period.from} 至 ${period.to} 之內`);
  }
  maxRatioFrom(a, 'morakot_recovery.max_ratio', '復工營業貸款信用');
  a.feeRate = { min: 0, max: 0, waived: true };
  applicableRate(a);
  a.trace.percent('morakot_recovery.waived_fee_rate');
  a.cap('morakot_recovery.interest_subsidy_working_capital_years', '利息補貼期間上限（週轉金）');
  a.cap('morakot_recovery.interest_subsidy_capital_years', '利息補貼期間上限（資本性融資）');
  a.cap('morakot_recovery.deferral_working_capital_years', '災前貸款本息展延期限上限（週轉金）');
  a.cap('morakot_recovery.deferral_capital_years', '災前貸款本息展延期限上限（資本性融資）');
}

/** 中小企業災害復舊專案貸款: apply within 4 months, 8成 of the need up to 3,000萬, 9成 guarantee, no fee. */
export function assessDisasterRestoration(a: Assessment): void {
  const { disasterDate, applicationDate, loanAmount } = a.facts;
  const months = a.trace.typed('morakot_disaster_restoration.application_window_months', 'months');
  if (!disasterDate) {
    a.need('disasterDate', `須於受災害次日起 ${months} 個月內向承貸銀行提出申請；請提供受災日期`);
  } else {
    const deadline = addMonths(disasterDate, months);
    const applied = applicationDate ?? a.trace.view.asOf;
    if (!applicationDate) a.assume(`未提供申請日，以 ${applied} 判斷申請期限`);
    if (applied <= disasterDate) a.fail(`申請日 ${applied} 不在受災日 ${disasterDate} 之後`);
    else if (applied > deadline) a.fail(`申請日 ${applied} 已逾受災害次日起 ${months} 個月之期限（${deadline}）`);
    else a.pass(`申請日 ${applied} 在申請期限內（受災害次日起 ${months} 個月內，至 ${deadline}）`);
  }

  const share = a.trace.percent('morakot_disaster_restoration.loan_share_of_need');
  const cap = a.trace.amount('morakot_disaster_restoration.loan_cap');
  a.cap('morakot_disaster_restoration.loan_cap', '每一申貸企業貸款餘額上限');
  const fromNeed = loanFromNeed('morakot_disaster_restoration', a.facts, a.trace);
  const limit = fromNeed ?? cap;
  if (fromNeed !== undefined) {
    // (With what the fund guarantees of it: the most that may be borrowed at the highest ratio.)
    const ratio = a.trace.percent('morakot_disaster_restoration.max_ratio');
    const guaranteed = productRoundedHalfUp([limit, ratio], [100]);
    a.trace.arithmetic(`${formatAmount(limit)} × ${formatRatio(ratio)} = ${formatAmount(guaranteed)}`, guaranteed);
    // (The share of the need said too when the cap cuts it: 45,000,000 × 80% = 36,000,000 → 30,000,000.)
    const need = a.facts.recoveryNeed!;
    const share80 = productRoundedHalfUp([need, share], [100]);
    const capped = share80 > limit ? `（${formatAmount(need)} × ${formatRatio(share)} = ${formatAmount(share80)} 元（${amountInWords(share80)}），超過上限，以上限計）` : '';
    a.pass(
      `貸款額度依受災復工營業計畫實際需要 ${formatRatio(share)}，且每一企業不超過 ${formatAmount(cap)} 元（${amountInWords(cap)}）：最高 ${formatAmount(limit)} 元（${amountInWords(limit)}）${capped}；以最高保證成數 ${formatRatio(ratio)} 計，保證金額最高 ${formatAmount(guaranteed)} 元（${amountInWords(guaranteed)}）`,
    );
  } else {
    a.assume(`貸款額度為受災復工營業計畫實際需要之 ${formatRatio(share)}，每一企業貸款餘額不超過 ${formatAmount(cap)} 元`);
  }
  if (loanAmount !== undefined && loanAmount > limit) {
    a.fail(`申貸金額 ${formatAmount(loanAmount)} 元超過可貸額度 ${formatAmount(limit)} 元`);
  }
  const purposes = a.trace.typed('morakot_disaster_restoration.purposes', 'text_list');
  a.assume(`用途：${purposes.join('；')}`);
  maxRatioFrom(a, 'morakot_disaster_restoration.max_ratio', '災害復舊專案貸款');
  a.feeRate = { min: 0, max: 0, waived: true };
  applicableRate(a);
  a.pass(`利率：${a.trace.typed('morakot_disaster_restoration.interest_rate', 'text')}`);
}

/** The same day `months` later (clamped to the month's end): 受災害次日起 4 個月內 ends on that day. */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
