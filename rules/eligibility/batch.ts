import { formatRatio } from '../display.ts';
import { applicableRate } from './common.ts';
import type { Assessment } from './result.ts';

const REVISION_DATE = '2014-12-15';

/**
 * 批次信用保證. The view is already dated at the case's 授信額度核准日 when the caller knows it
 * (see eligibility/index.ts); cases approved before 2014-12-15 may keep the earlier rules (說明六).
 */
export function assessBatch(a: Assessment): void {
  const approval = a.facts.approvalDate;
  const ratio = a.trace.percent('batch.max_ratio');
  a.lowerMaxRatio(ratio);
  if (approval && approval < REVISION_DATE) {
    a.pass(`授信額度核准日 ${approval} 早於 ${REVISION_DATE}，仍得依修正要點實施前相關規定辦理：保證成數最高 ${formatRatio(ratio)}`);
  } else {
    a.pass(`批次信用保證保證成數最高 ${formatRatio(ratio)}`);
  }
  if (!approval) a.assume('未提供授信額度核准日，以查詢日期之規定判斷');
  const base = a.trace.optional('batch.fee_rate');
  if (base) a.feeRate = { min: base.value as number, max: base.value as number };
  const award = a.trace.optional('batch.fee_rate_excellence_award');
  if (base && award) a.feeRate = { min: award.value as number, max: base.value as number };
  applicableRate(a);
  a.cap('batch.subrogation_cap_per_batch', '各批號之代位清償限額上限');
  a.cap('batch.subrogation_cap_per_enterprise_bank_year', '單一企業在同一銀行同一年度之實際代位清償總金額上限');
  a.cap('batch.subrogation_reserve_rate', '代償上限計提率');
  if (a.facts.flags?.batchExcellenceAward !== undefined) a.cap('batch.gold_award_extra_quota', '批保金質獎（批保卓越獎亦適用）額外最高批次保證融資額度');
  const start = a.facts.loanStartDate;
  if (start) {
    // The standard subrogation rate depends on the loan's start date, not the date asked.
    const standard = a.trace.view.at(start).find('batch.standard_subrogation_rate');
    if (standard) {
      a.trace.record(standard);
      a.caps.push({ parameter: 'batch.standard_subrogation_rate', label: `授信起日 ${start} 之標準代償率`, value: standard.value as number, unit: standard.unit });
      a.pass(`授信起日 ${start} 在 100年1月1日至6月30日間，標準代償率 ${formatRatio(standard.value as number)}`);
    }
  }
  a.assume('批次保證另有不得移送保證之行業別、票債信及授信用途（詳批次信用保證要點），來源文件未列細目');
}
