import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchSubrogationCap } from '../../rules/batch.ts';
import { InvalidInputError, loadParameters, parametersAt } from '../../rules/index.ts';

const set = await loadParameters(path.resolve(import.meta.dirname, '../../rules/parameters'));
const view = parametersAt(set, '2024-01-01');

describe('batchSubrogationCap', () => {
  it('is the batch total times the provisioning rate, when under the per-batch cap', () => {
    const c = batchSubrogationCap(view, 4_000_000_000);
    expect(c.computed).toBe(50_000_000);
    expect(c.limit).toBe(50_000_000);
    expect(c.cappedAt).toBeUndefined();
    expect(c.formula).toBe('4,000,000,000 × 1.25% = 50,000,000');
  });

  it('is limited to the per-batch cap when the product exceeds it', () => {
    const c = batchSubrogationCap(view, 9_600_000_000);
    expect(c.computed).toBe(120_000_000);
    expect(c.limit).toBe(100_000_000);
    expect(c.cappedAt).toBe(100_000_000);
  });

  it('has no rate before the revised batch rules took effect', () => {
    expect(() => batchSubrogationCap(parametersAt(set, '2013-01-01'), 4_000_000_000)).toThrow(InvalidInputError);
  });

  it('refuses a total that is not a positive amount', () => {
    expect(() => batchSubrogationCap(view, 0)).toThrow(InvalidInputError);
  });
});
