/** The fee at a quoted rate before a programme is known, and date ranges that cover whole months. */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, MissingFactsError } from '../../rules/errors.ts';
import { feeAtQuotedRate, guaranteeFee } from '../../rules/fees.ts';
import path from 'node:path';
import { loadParameters, parametersAt } from '../../rules/index.ts';

describe('the fee at a quoted rate', () => {
  it('multiplies loan, ratio, rate and period, rounded half up at the end', () => {
    const r = feeAtQuotedRate({ loanAmount: 2_500_000, guaranteeRatio: 90, periodMonths: 24, annualRate: 0.9 });
    expect(r.fee).toBe(40_500);
    expect(r.formula).toBe('2,500,000 × 90% × 0.9% × 24/12 = 40,500');
  });

  it('names what is missing, and refuses a rate that is not a percentage', () => {
    expect(() => feeAtQuotedRate({ loanAmount: 1_000_000, periodMonths: 12, annualRate: 1 })).toThrow(MissingFactsError);
    expect(() => feeAtQuotedRate({ loanAmount: 1_000_000, guaranteeRatio: 80, periodMonths: 12, annualRate: 0 })).toThrow(InvalidInputError);
  });

  it('counts a range of dates that covers whole months in months, and any other range in days', () => {
    const whole = feeAtQuotedRate({ loanAmount: 4_000_000, guaranteeRatio: 80, startDate: '2024-03-01', endDate: '2025-08-31', annualRate: 1.5 });
    expect(whole.period).toEqual({ months: 18, fraction: '18/12' });
    expect(whole.fee).toBe(72_000);
    const midMonth = feeAtQuotedRate({ loanAmount: 1_000_000, guaranteeRatio: 80, startDate: '2024-01-15', endDate: '2024-04-14', annualRate: 1 });
    expect(midMonth.period.months).toBe(3);
    const odd = feeAtQuotedRate({ loanAmount: 1_000_000, guaranteeRatio: 80, startDate: '2024-01-01', endDate: '2024-03-20', annualRate: 1 });
    expect(odd.period.days).toBe(79);
  });

  it('gives the same figure as the programme calculation at the same rate', async () => {
    const view = parametersAt(await loadParameters(path.resolve(import.meta.dirname, '../../rules/parameters')), '2024-01-01');
    const input = { loanAmount: 3_000_000, guaranteeRatio: 80, periodMonths: 12 };
    expect(feeAtQuotedRate({ ...input, annualRate: 1 }).fee).toBe(guaranteeFee(view, { ...input, programme: 'general_loan', riskGroup: 'B' }).fee);
  });
});
