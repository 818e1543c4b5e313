import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutput, loadCaseTables, runCase } from '../../rules/case-table.ts';
import { loadParameters } from '../../rules/load.ts';

const root = path.resolve(import.meta.dirname, '../..');
const set = await loadParameters(path.join(root, 'rules/parameters'));
const cases = await loadCaseTables(path.join(root, 'rules/cases'));

describe('rules case tables (rules/cases/*.yaml)', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const ruleCase of cases) {
    it(`${ruleCase.file}: ${ruleCase.name}`, () => {
      const actual = runCase(set, ruleCase);
      expect(compareOutput(ruleCase.output, actual), JSON.stringify(actual, null, 1).slice(0, 3000)).toEqual([]);
    });
  }
});
