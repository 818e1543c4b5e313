import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fireflyDonationFor, fireflyQuota } from '../../rules/firefly.ts';
import { InvalidInputError, loadParameters, parametersAt } from '../../rules/index.ts';

const set = await loadParameters(path.resolve(import.meta.dirname, '../../rules/parameters'));
const view = parametersAt(set, '2024-01-01');

describe('fireflyQuota', () => {
  it('is the donation and the equal matching money, times the documents\' multiple', () => {
    const q = fireflyQuota(view, 30_000_000);
    expect(q.total).toBe(1_200_000_000);
    expect(q.formula).toBe('（30,000,000 + 30,000,000）× 20 = 1,200,000,000');
    expect(q.belowMinimum).toBeUndefined();
  });

  it('says when the donation is under the documents\' minimum', () => {
    expect(fireflyQuota(view, 10_000_000).belowMinimum).toBe(20_000_000);
  });

  it('refuses a donation that is not a positive amount', () => {
    expect(() => fireflyQuota(view, 0)).toThrow(InvalidInputError);
  });
});

describe('fireflyDonationFor', () => {
  it('works the donation back from the total asked: the total over the multiple, half of it donated', () => {
    const d = fireflyDonationFor(view, 3_000_000_000);
    expect(d.donation).toBe(75_000_000);
    expect(d.formula).toBe('3,000,000,000 ÷ 20 ÷ 2 = 75,000,000');
    expect(d.belowMinimum).toBeUndefined();
    // The same total again from the donation found.
    expect(fireflyQuota(view, d.donation).total).toBe(3_000_000_000);
  });

  it('says when the donation a small total needs is under the documents\' minimum', () => {
    expect(fireflyDonationFor(view, 500_000_000).belowMinimum).toBe(20_000_000);
  });

  it('refuses a total that is not a positive amount', () => {
    expect(() => fireflyDonationFor(view, -1)).toThrow(InvalidInputError);
  });
});
