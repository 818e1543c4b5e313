import type { ParameterView } from './at.ts';
import { formatAmount } from './display.ts';
import { InvalidInputError } from './errors.ts';

export interface FireflyQuota {
  /** NT$: the donation and the fund's equal matching money, times the multiple. */
  total: number;
  multiple: number;
  /** e.g. (30,000,000 + 30,000,000) × 20 = 1,200,000,000 */
  formula: string;
  /** The donation is under the documents' minimum (2,000萬): the figure the rule gives, said beside the total. */
  belowMinimum?: number;
  parameters: string[];
}

/** The multiple the documents set, and what a donation beside the documents' minimum says: shared by both directions. */
function rule(view: ParameterView, fact: 'donationAmount' | 'fireflyTotal'): { multiple: number; minimum?: number; parameters: string[] } {
  const multipleReading = view.find('firefly.total_guarantee_multiple');
  if (!multipleReading || typeof multipleReading.value !== 'number') throw new InvalidInputError(fact, '文件未載明火金姑專案總額度倍數');
  const minimum = view.find('firefly.donation_minimum')?.value;
  return {
    multiple: multipleReading.value,
    ...(typeof minimum === 'number' ? { minimum } : {}),
    parameters: ['firefly.total_guarantee_multiple', ...(typeof minimum === 'number' ? ['firefly.donation_minimum'] : [])],
  };
}

/**
 * 火金姑(相對保證): a donating enterprise's fund and the fund's equal matching money together, times the multiple the
 * documents set (20), is the programme's total guarantee amount.
 */
export function fireflyQuota(view: ParameterView, donation: number): FireflyQuota {
  if (!Number.isFinite(donation) || donation <= 0) throw new InvalidInputError('donationAmount', '捐助金額須為正數');
  const { multiple, minimum, parameters } = rule(view, 'donationAmount');
  const total = donation * 2 * multiple;
  const formula = `（${formatAmount(donation)} + ${formatAmount(donation)}）× ${multiple} = ${formatAmount(total)}`;
  return { total, multiple, formula, ...(minimum !== undefined && donation < minimum ? { belowMinimum: minimum } : {}), parameters };
}

export interface FireflyDonation {
  /** NT$: what the enterprise donates for the total asked (the fund matches it). */
  donation: number;
  multiple: number;
  /** e.g. 3,000,000,000 ÷ 20 ÷ 2 = 75,000,000 */
  formula: string;
  belowMinimum?: number;
  parameters: string[];
}

/**
 * 「總額度要做到30億 要捐多少」: the total asked, divided by the multiple, is the donation and the fund's equal match
 * together; half of it is the donation.
 */
export function fireflyDonationFor(view: ParameterView, total: number): FireflyDonation {
  if (!Number.isFinite(total) || total <= 0) throw new InvalidInputError('fireflyTotal', '總額度須為正數');
  const { multiple, minimum, parameters } = rule(view, 'fireflyTotal');
  const donation = Math.round(total / multiple / 2);
  const formula = `${formatAmount(total)} ÷ ${multiple} ÷ 2 = ${formatAmount(donation)}`;
  return { donation, multiple, formula, ...(minimum !== undefined && donation < minimum ? { belowMinimum: minimum } : {}), parameters };
}
