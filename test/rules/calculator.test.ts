import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ParameterNotInForceError,
  UnknownParameterError,
  describeProgramme,
  describeTopic,
  eligibility,
  guaranteeFee,
  loadParameters,
  parametersAt,
} from '../../rules/index.ts';
import { balanceLimits } from '../../rules/business-finance-ratio.ts';

const set = await loadParameters(path.resolve(import.meta.dirname, '../../rules/parameters'));
const today = parametersAt(set, '2024-01-01');

describe('parametersAt', () => {
  it('returns the value in force with its reference and effective date', () => {
    const reading = parametersAt(set, '2020-01-01').get('batch.fee_rate');
    expect(reading).toMatchObject({ value: 0.35, effectiveFrom: '2014-12-15', unit: 'percent' });
    expect(reading.reference).toMatchObject({ document: 'batch-guarantee-revision-2014', section: '說明三：代償上限計提率與保證手續費年費率' });
  });

  it('throws ParameterNotInForceError naming the parameter and date, never a zero', () => {
    const error = (() => {
      try {
        parametersAt(set, '2014-12-14').get('batch.fee_rate');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ParameterNotInForceError);
    expect(error).toMatchObject({ parameter: 'batch.fee_rate', date: '2014-12-14' });
  });

  it('throws UnknownParameterError for a name no file has', () => {
    expect(() => today.get('batch.fee')).toThrow(UnknownParameterError);
  });

  it('gives the whole history so the other version can be mentioned', () => {
    const history = today.history('batch.max_ratio');
    expect(history.map((h) => [h.effectiveFrom, h.effectiveTo, h.value])).toEqual([
      ['2003-01-01', '2014-12-14', 100],
      ['2014-12-15', undefined, 90],
    ]);
    expect(history[0]?.reference.document).toBe('guarantee-programs-overview');
  });

  it('treats a null value as the end of the previous one', () => {
    expect(parametersAt(set, '2011-06-30').get('batch.standard_subrogation_rate').value).toBe(2.5);
    expect(parametersAt(set, '2011-07-01').find('batch.standard_subrogation_rate')).toBeUndefined();
  });

  it('rejects a date that is not ISO', () => {
    expect(() => parametersAt(set, '103/12/15')).toThrow(/ISO/);
  });
});

describe('guaranteeFee trace', () => {
  const result = guaranteeFee(today, { programme: 'general_loan', loanAmount: 10_000_000, guaranteeRatio: 80, riskGroup: 'C', periodMonths: 12, flags: { employmentPledge: true } });

  it('cites every parameter it read with its date and reference', () => {
    const reads = result.trace.filter((s) => s.kind === 'parameter');
    expect(reads.map((s) => s.name)).toEqual(['general_loan.max_ratio', 'authorised.fee_rate.c', 'employment_promotion.pledge_fee_cap']);
    for (const step of reads) expect(step.reference.title.length).toBeGreaterThan(0);
    expect(result.ruleDates).toEqual(['0001-01-01', '2011-01-01']);
  });

  it('shows each arithmetic step, ending with the formula', () => {
    const steps = result.trace.filter((s) => s.kind === 'arithmetic');
    expect(steps.map((s) => s.expression)).toEqual(['min(1.5%, 0.5%)', '10,000,000 × 80% × 0.5% × 12/12 = 40,000']);
    expect(result.rounding).toContain('四捨五入');
    expect(result.guaranteedAmount).toBe(8_000_000);
  });

  it('is exact where floating point is not (0.1 + 0.2 style products)', () => {
    // 1,234,567 × 70% × 0.35% × 7/12 = 1,764.3186… → 1,764
    expect(guaranteeFee(parametersAt(set, '2020-01-01'), { programme: 'batch', loanAmount: 1_234_567, guaranteeRatio: 70, periodMonths: 7 }).fee).toBe(1764);
    // 100 × 50% × 1.00% × 12/12 = 0.5, rounded half up → 1
    expect(guaranteeFee(today, { programme: 'general_loan', loanAmount: 100, guaranteeRatio: 50, riskGroup: 'B', periodMonths: 12 }).fee).toBe(1);
  });
});

describe('describeProgramme and describeTopic', () => {
  it('answers 青創保幾成 from parameters with references', () => {
    const youth = describeProgramme('youth_startup', today);
    expect(youth.maxRatio).toBe(80);
    const names = youth.parameters.map((p) => p.name);
    expect(names).toContain('youth_startup.max_ratio_recommended');
    expect(names).toContain('youth_startup.age_range');
    expect(youth.parameters.find((p) => p.name === 'youth_startup.age_range')?.value).toEqual({ min: 20, max: 45 });
  });

  it('lists the eleven cases that require a project application', () => {
    const { parameters } = describeTopic('authorised_exclusions', today);
    const list = parameters.find((p) => p.name === 'authorised.project_only_cases')?.value as string[];
    expect(list).toHaveLength(11);
    expect(list[5]).toContain('知識經濟');
    expect(list[8]).toContain('火金姑');
  });

  it('says which of a topic\'s parameters have no value at the date', () => {
    const listing = describeTopic('batch_caps', parametersAt(set, '2014-01-01'));
    expect(listing.parameters).toEqual([]);
    expect(listing.notInForce).toContain('batch.subrogation_cap_per_batch');
  });

  it('gives every programme a description at today\'s date', () => {
    for (const programme of ['general_loan', 'batch', 'firefly', 'phoenix', 'employment_promotion', 'morakot_disaster_restoration', 'direct'] as const) {
      expect(describeProgramme(programme, today).parameters.length).toBeGreaterThan(0);
    }
  });
});

describe('eligibility results', () => {
  it('carries a trace that includes the arithmetic of 營授比', () => {
    const result = eligibility('general_loan', { industry: 'general', annualRevenue: 10_000_000, workingCapitalBalance: 7_000_000 }, today);
    expect(result.trace).toContainEqual({ kind: 'arithmetic', expression: '7,000,000 ÷ 10,000,000 × 100% = 70%', result: 70 });
    expect(result.trace.some((s) => s.kind === 'parameter' && s.name === 'business_finance_ratio.general_threshold')).toBe(true);
  });
});

describe('describeProgramme before a programme existed', () => {
  it('lists what is not in force instead of failing', () => {
    const before = describeProgramme('morakot_recovery', parametersAt(set, '2009-01-01'));
    expect(before.parameters).toEqual([]);
    expect(before.maxRatio).toBeUndefined();
    expect(before.notInForce).toContain('morakot_recovery.max_ratio');
  });
});

describe('balanceLimits (營授比 limits as balances)', () => {
  it('gives the 100% limit and the industry threshold as exact balances, each step traced to its parameter', () => {
    const limits = balanceLimits(today, 45_000_000, 'production');
    expect(limits.max).toMatchObject({ percent: 100, balance: 45_000_000 });
    expect(limits.thresholds).toEqual([{ industry: 'production', line: { percent: 70, balance: 31_500_000, formula: '45,000,000 × 70% = 31,500,000' } }]);
    expect(limits.reducedRatio).toBe(50);
    expect(limits.trace.map((s) => (s.kind === 'parameter' ? s.name : s.kind))).toContain('business_finance_ratio.production_threshold');
  });

  it('gives both thresholds when the industry is not known, and rejects a negative revenue', () => {
    expect(balanceLimits(today, 9_999_999).thresholds.map((t) => t.line.balance)).toEqual([6_999_999, 5_000_000]);
    expect(() => balanceLimits(today, -1)).toThrow();
  });
});
