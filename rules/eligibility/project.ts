import { amountInWords, formatAmount, formatRatio, formatTenths } from '../display.ts';
import { PROGRAMMES } from '../programmes.ts';
import { applicableRate, checkAge, enterpriseCaps, maxRatioFrom, projectOnlyCase, riskGroupRates } from './common.ts';
import type { Assessment } from './result.ts';

/** Every 專案保證項目 goes through 專案申請; each then has its own conditions. */
function projectItem(a: Assessment): string {
  a.requiresProjectApplication = true;
  return PROGRAMMES[a.programme].name;
}

function fixedRate(a: Assessment, parameter: string): void {
  const rate = a.trace.percent(parameter);
  a.feeRate = { min: rate, max: rate };
  applicableRate(a);
}

function rangeRate(a: Assessment, parameter: string): void {
  const range = a.trace.percentRange(parameter);
  a.feeRate = { min: range.min, max: range.max };
  applicableRate(a);
}

export function assessOwnBrand(a: Assessment): void {
  const name = projectItem(a);
  a.assume(`適用對象：${a.trace.typed('own_brand.eligible_applicants', 'text')}`);
  maxRatioFrom(a, 'own_brand.max_ratio', name);
  fixedRate(a, 'own_brand.fee_rate');
  enterpriseCaps(a);
}

export function assessYouthStartup(a: Assessment): void {
  const name = projectItem(a);
  checkAge(a, 'youth_startup.age_range', name);
  const years = a.trace.typed('youth_startup.max_business_age_years', 'years');
  const months = a.facts.businessAgeMonths;
  if (months === undefined) {
    a.need('businessAgeMonths', `公司或行號須設立未滿 ${years} 年；請提供設立多久`);
  } else if (months >= years * 12) {
    a.fail(`公司或行號設立 ${formatAmount(months)} 個月，已滿 ${years} 年，不符合「設立未滿 ${years} 年」`);
  } else {
    a.pass(`公司或行號設立 ${formatAmount(months)} 個月，符合「設立未滿 ${years} 年」`);
  }
  const recommended = a.facts.flags?.recommended;
  if (recommended) {
    maxRatioFrom(a, 'youth_startup.max_ratio_recommended', `${name}經青輔會審議通過並推薦者`);
  } else {
    maxRatioFrom(a, 'youth_startup.max_ratio', name);
    const higher = a.trace.percent('youth_startup.max_ratio_recommended');
    if (recommended === undefined) a.assume(`未說明是否經青輔會審議通過並推薦；經推薦者保證成數為 ${formatTenths(higher)}（${formatRatio(higher)}）`);
  }
  rangeRate(a, 'youth_startup.fee_rate_range');
  riskGroupRates(a);
  enterpriseCaps(a);
}

export function assessFirefly(a: Assessment): void {
  const name = projectItem(a);
  projectOnlyCase(a, 9);
  if (a.facts.flags?.sme === false) a.fail(`${name}限中小企業`);
  const recommended = a.facts.flags?.donorRecommended;
  if (recommended === undefined) a.need('flags.donorRecommended', `${name}須經捐款企業推薦；請說明是否已獲推薦`);
  else if (!recommended) a.fail(`${name}須經捐款企業推薦，未獲推薦者不適用`);
  else a.pass('已經捐款企業推薦');
  donationAgainstMinimum(a);
  maxRatioFrom(a, 'firefly.max_ratio', name);
  rangeRate(a, 'firefly.fee_rate_range');
  a.cap('firefly.donation_standard', '企業捐助金額（原則）');
  a.cap('firefly.donation_minimum', '企業捐助金額下限');
  a.cap('firefly.total_guarantee_multiple', '信用保證總額度以專款及相對資金之倍數為限');
}

/** 「大廠只肯捐1200萬，這樣符合嗎」: a stated donation is held against the documents' minimum. */
function donationAgainstMinimum(a: Assessment): void {
  const donation = a.facts.donationAmount;
  if (donation === undefined) return;
  const minimum = a.trace.amount('firefly.donation_minimum');
  const standard = a.trace.amount('firefly.donation_standard');
  if (donation < minimum) a.fail(`企業捐助金額 ${amountInWords(donation)}，低於下限 ${amountInWords(minimum)}（以 ${amountInWords(standard)} 為原則）`);
  else a.pass(`企業捐助金額 ${amountInWords(donation)}，不少於下限 ${amountInWords(minimum)}`);
}

export function assessPatentLitigation(a: Assessment): void {
  const name = projectItem(a);
  a.pass(`適用對象：${a.trace.typed('patent_litigation.eligible_applicants', 'text')}`);
  maxRatioFrom(a, 'patent_litigation.max_ratio', name);
  rangeRate(a, 'patent_litigation.fee_rate_range');
}

export function assessPhoenix(a: Assessment): void {
  const name = projectItem(a);
  const women = a.trace.typed('phoenix.women_age_range', 'age_range');
  const senior = a.trace.typed('phoenix.senior_age_range', 'age_range');
  const { age } = a.facts;
  const gender = a.facts.gender;
  const within = (r: { min: number; max: number }) => age !== undefined && age >= r.min && age <= r.max;
  if (age === undefined) {
    a.need('age', `${name}：婦女 ${women.min}~${women.max} 歲，或中高齡國民（年滿${senior.min}歲至${senior.max}歲）；請提供年齡`);
  } else if (gender === 'female' && within(women)) {
    // (A woman is told the women's range first, the one said of her: 「女生可以嗎」 at 50 is 婦女 20~65.)
    a.pass(`女性，年齡 ${age} 歲，符合婦女 ${women.min} 歲至 ${women.max} 歲`);
  } else if (within(senior)) {
    a.pass(`年齡 ${age} 歲，符合中高齡國民 ${senior.min} 歲至 ${senior.max} 歲`);
  } else if (gender === undefined && within(women)) {
    a.need('gender', `年齡 ${age} 歲：婦女 ${women.min}~${women.max} 歲可申請，中高齡須年滿 ${senior.min} 歲；請提供性別`);
  } else {
    a.fail(`年齡 ${age} 歲${gender === 'male' ? '之男性' : ''}，不符合婦女 ${women.min}~${women.max} 歲或中高齡國民（年滿${senior.min}歲至${senior.max}歲）`);
  }
  maxRatioFrom(a, 'phoenix.max_ratio', name);
  fixedRate(a, 'phoenix.fee_rate');
}

export function assessYouthDream(a: Assessment): void {
  const name = projectItem(a);
  checkAge(a, 'youth_dream.age_range', name);
  a.assume('來源文件未載青年築夢創業啟動金貸款之保證成數與保證手續費率');
}

export function assessDigitalContent(a: Assessment): void {
  const name = projectItem(a);
  const applicants = a.trace.typed('digital_content.eligible_applicants', 'text');
  const sme = a.facts.flags?.sme;
  if (sme === undefined) a.need('flags.sme', `${name}之適用對象為${applicants}；請說明是否為中小企業`);
  else if (sme) a.fail(`${name}之適用對象為${applicants}，中小企業不適用`);
  else a.pass(`符合適用對象：${applicants}`);
  maxRatioFrom(a, 'digital_content.max_ratio', name);
  fixedRate(a, 'digital_content.fee_rate');
}

export function assessLabourPension(a: Assessment): void {
  const name = projectItem(a);
  const applicants = a.trace.typed('labour_pension.eligible_applicants', 'text');
  const contributor = a.facts.flags?.pensionContributor;
  if (contributor === undefined) a.need('flags.pensionContributor', `${name}適用對象：${applicants}；請說明是否符合`);
  else if (!contributor) a.fail(`${name}適用對象為${applicants}，不符合`);
  else a.pass(`符合適用對象：${applicants}`);
  a.assume('來源文件未載勞工退休金專案貸款之保證成數與保證手續費率');
}

export function assessDirect(a: Assessment): void {
  a.requiresProjectApplication = false;
  const applicants = a.trace.typed('direct.eligible_applicants', 'text');
  a.undecidable(`直接保證適用對象：${applicants}；資格由本基金審核，來源文件未載其保證成數與保證手續費率`);
}
