import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RulesFormatError } from '../../rules/errors.ts';
import { loadParameters, parseParameterFile } from '../../rules/load.ts';

const REFERENCE = `    reference:
      document: batch-guarantee-revision-2014
      title: 修正「批次信用保證要點」函
      section: 說明三：代償上限計提率與保證手續費年費率
`;

const parse = (text: string, relative = 'batch/fee_rate.yaml') => parseParameterFile(text, `rules/parameters/${relative}`, relative);

describe('parameter file loader', () => {
  it('names a parameter after its path with dots and sorts its values by date', () => {
    const { parameter, issues } = parse(`description: 費率
unit: percent
values:
  2022-01-01:
    value: 0.3
${REFERENCE}  2014-12-15:
    value: 0.35
${REFERENCE}`);
    expect(issues).toEqual([]);
    expect(parameter?.name).toBe('batch.fee_rate');
    expect(parameter?.values.map((v) => v.effectiveFrom)).toEqual(['2014-12-15', '2022-01-01']);
  });

  it('refuses a value without a reference, naming the file and field', () => {
    const { parameter, issues } = parse(`description: 費率
unit: percent
values:
  2014-12-15:
    value: 0.35
`);
    expect(parameter).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'rules/parameters/batch/fee_rate.yaml', field: 'values.2014-12-15.reference', line: 4, severity: 'error' });
    expect(issues[0]?.message).toContain('出處');
  });

  it('rejects a date written twice (duplicate keys) with its line', () => {
    const { issues } = parse(`description: 費率
unit: percent
values:
  2014-12-15:
    value: 0.35
${REFERENCE}  2014-12-15:
    value: 0.3
${REFERENCE}`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('重複');
    expect(issues[0]?.line).toBe(10);
  });

  it('rejects a value that does not fit the unit and says what the unit expects', () => {
    const { issues } = parse(`description: 上限
unit: amount_twd
values:
  2014-12-15:
    value: 1.5億
${REFERENCE}`);
    expect(issues[0]).toMatchObject({ field: 'values.2014-12-15.value', line: 5 });
    expect(issues[0]?.message).toContain('新臺幣元整數');
  });

  it('rejects a ROC or impossible date key and explains the ISO form', () => {
    const bad = parse(`description: 費率
unit: percent
values:
  103-12-15:
    value: 0.35
${REFERENCE}`);
    expect(bad.issues[0]?.field).toBe('values.103-12-15');
    expect(bad.issues[0]?.message).toContain('1911');
    const impossible = parse(`description: 費率
unit: percent
values:
  2014-02-30:
    value: 0.35
${REFERENCE}`);
    expect(impossible.issues[0]?.field).toBe('values.2014-02-30');
  });

  it('rejects unknown fields and units', () => {
    const { issues } = parse(`description: 費率
unit: percentage
source: somewhere
values:
  2014-12-15:
    value: 0.35
${REFERENCE}`);
    const messages = issues.map((i) => i.message).join('\n');
    expect(messages).toContain('unit 必須是以下之一');
    expect(messages).toContain('source');
  });

  it('does not allow a parameter to start with null (null only ends a value)', () => {
    const { issues } = parse(`description: 費率
unit: percent
values:
  2014-12-15:
    value: null
${REFERENCE}`);
    expect(issues[0]?.message).toContain('null');
  });

  it('rejects file names that cannot become parameter names', () => {
    const { issues } = parse(`description: 費率
unit: percent
values:
  2014-12-15:
    value: 0.35
${REFERENCE}`, 'Batch/Fee-Rate.yaml');
    expect(issues[0]?.message).toContain('小寫英文字母');
  });

  it('loadParameters throws RulesFormatError listing every bad file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
    await mkdir(path.join(dir, 'batch'));
    await writeFile(path.join(dir, 'batch/fee_rate.yaml'), 'description: x\nunit: percent\nvalues:\n  2014-12-15:\n    value: 0.35\n');
    await writeFile(path.join(dir, 'batch/max_ratio.yaml'), 'description: x\nunit: percent\nvalues:\n  2014-12-15:\n    value: 九成\n' + REFERENCE);
    const error = await loadParameters(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesFormatError);
    const files = (error as RulesFormatError).issues.map((i) => path.basename(i.file));
    expect(files).toEqual(['fee_rate.yaml', 'max_ratio.yaml']);
  });

  it('reads guaranteed_at, and refuses one naming no percent parameter', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
    await mkdir(path.join(dir, 'batch'));
    await writeFile(path.join(dir, 'batch/max_ratio.yaml'), 'description: 成數\nunit: percent\nvalues:\n  2014-12-15:\n    value: 90\n' + REFERENCE);
    await writeFile(path.join(dir, 'batch/extra_quota.yaml'), 'description: 額度\nunit: amount_twd\nguaranteed_at: batch.max_ratio\nvalues:\n  2014-12-15:\n    value: 50000000\n' + REFERENCE);
    const set = await loadParameters(dir);
    expect(set.parameters.get('batch.extra_quota')?.guaranteedAt).toBe('batch.max_ratio');
    await writeFile(path.join(dir, 'batch/extra_quota.yaml'), 'description: 額度\nunit: amount_twd\nguaranteed_at: batch.extra_quota\nvalues:\n  2014-12-15:\n    value: 50000000\n' + REFERENCE);
    const error = await loadParameters(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesFormatError);
    expect((error as RulesFormatError).issues).toEqual([expect.objectContaining({ field: 'guaranteed_at', severity: 'error' })]);
  });

  it('reads summed_under, and refuses one naming no amount parameter', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
    await mkdir(path.join(dir, 'batch'));
    await writeFile(path.join(dir, 'batch/cap_per_batch.yaml'), 'description: 批號上限\nunit: amount_twd\nvalues:\n  2014-12-15:\n    value: 100000000\n' + REFERENCE);
    await writeFile(path.join(dir, 'batch/max_ratio.yaml'), 'description: 成數\nunit: percent\nvalues:\n  2014-12-15:\n    value: 90\n' + REFERENCE);
    await writeFile(path.join(dir, 'batch/cap_each.yaml'), 'description: 每家上限\nunit: amount_twd\nsummed_under: batch.cap_per_batch\nvalues:\n  2014-12-15:\n    value: 1000000\n' + REFERENCE);
    const set = await loadParameters(dir);
    expect(set.parameters.get('batch.cap_each')?.summedUnder).toBe('batch.cap_per_batch');
    await writeFile(path.join(dir, 'batch/cap_each.yaml'), 'description: 每家上限\nunit: amount_twd\nsummed_under: batch.max_ratio\nvalues:\n  2014-12-15:\n    value: 1000000\n' + REFERENCE);
    const error = await loadParameters(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesFormatError);
    expect((error as RulesFormatError).issues).toEqual([expect.objectContaining({ field: 'summed_under', severity: 'error' })]);
  });

  it('reads stands_for, and refuses one naming no amount parameter', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
    await mkdir(path.join(dir, 'enterprise'));
    await writeFile(path.join(dir, 'enterprise/total_cap.yaml'), 'description: 總額度\nunit: amount_twd\nvalues:\n  2008-11-01:\n    value: 120000000\n' + REFERENCE);
    await writeFile(path.join(dir, 'enterprise/max_ratio.yaml'), 'description: 成數\nunit: percent\nvalues:\n  2008-11-01:\n    value: 80\n' + REFERENCE);
    await writeFile(path.join(dir, 'enterprise/pandemic_cap.yaml'), 'description: 紓困期間上限\nunit: amount_twd\nstands_for: enterprise.total_cap\nvalues:\n  2022-01-01:\n    value: 150000000\n' + REFERENCE);
    const set = await loadParameters(dir);
    expect(set.parameters.get('enterprise.pandemic_cap')?.standsFor).toBe('enterprise.total_cap');
    await writeFile(path.join(dir, 'enterprise/pandemic_cap.yaml'), 'description: 紓困期間上限\nunit: amount_twd\nstands_for: enterprise.max_ratio\nvalues:\n  2022-01-01:\n    value: 150000000\n' + REFERENCE);
    const error = await loadParameters(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesFormatError);
    expect((error as RulesFormatError).issues).toEqual([expect.objectContaining({ field: 'stands_for', severity: 'error' })]);
  });

  it('loads the shipped parameters without errors', async () => {
    const set = await loadParameters(path.resolve(import.meta.dirname, '../../rules/parameters'));
    expect(set.parameters.size).toBeGreaterThan(90);
    for (const parameter of set.parameters.values()) {
      for (const value of parameter.values) expect(value.reference.section.length).toBeGreaterThan(0);
    }
  });
});
