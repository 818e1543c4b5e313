import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { CheckIssue } from '../knowledge/check-issue.ts';
import { rocDateHint } from '../knowledge/roc-date.ts';
import { RulesFormatError } from './errors.ts';
import { checkQuotedValue } from './quote-check.ts';
import { ISO_DATE_KEY, ParameterFile } from './schema.ts';
import type { DatedValue, Parameter, ParameterSet, ValueLines } from './schema.ts';
import { UNIT_LABELS, UNIT_VALUE_SCHEMAS } from './units.ts';
import type { ParameterValue } from './units.ts';

const NAME_SEGMENT = /^[a-z0-9_]+$/;

/** Reads every rules parameter file under `dir`; throws RulesFormatError listing every problem found. */
export async function loadParameters(dir: string): Promise<ParameterSet> {
  const { set, issues } = await checkParameters(dir);
  if (!set) throw new RulesFormatError(issues);
  return set;
}

/** Reads every rules parameter file under `dir`: the set when no problem is an error, and every problem (warnings too). */
export async function checkParameters(dir: string): Promise<{ set?: ParameterSet; issues: CheckIssue[] }> {
  const files = await listYamlFiles(dir);
  const issues: CheckIssue[] = [];
  const parameters = new Map<string, Parameter>();
  for (const absolute of files) {
    const relativeToDir = path.relative(dir, absolute);
    const file = displayPath(absolute);
    const text = await readFile(absolute, 'utf8');
    const parsed = parseParameterFile(text, file, relativeToDir);
    issues.push(...parsed.issues);
    if (parsed.parameter) parameters.set(parsed.parameter.name, parsed.parameter);
  }
  issues.push(...referenceIssues(parameters));
  if (issues.some((issue) => issue.severity === 'error')) return { issues };
  return { set: { parameters }, issues };
}

/**
 * A field naming another parameter (`adds_to`, `guaranteed_at`, `summed_under`): it must exist, and both must be of the
 * units the field joins (amounts on amounts; an amount guaranteed at a percent).
 */
interface ReferenceField {
  field: 'adds_to' | 'guaranteed_at' | 'summed_under' | 'stands_for';
  of: (p: Parameter) => string | undefined;
  /** The other parameter's unit, what it is called, and an example of its name. */
  unit: Parameter['unit'];
  kind: string;
  example: string;
  joins: string;
}

const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { field: 'adds_to', of: (p) => p.addsTo, unit: 'amount_twd', kind: '另一個參數', example: 'enterprise.total_cap', joins: '金額（unit: amount_twd）' },
  { field: 'guaranteed_at', of: (p) => p.guaranteedAt, unit: 'percent', kind: '保證成數參數', example: 'batch.max_ratio', joins: '金額（unit: amount_twd）對保證成數（unit: percent）' },
  { field: 'summed_under', of: (p) => p.summedUnder, unit: 'amount_twd', kind: '總額上限參數', example: 'batch.subrogation_cap_per_batch', joins: '金額（unit: amount_twd）' },
  { field: 'stands_for', of: (p) => p.standsFor, unit: 'amount_twd', kind: '另一個參數', example: 'enterprise.total_cap', joins: '金額（unit: amount_twd）' },
];

/** Each reference field names a parameter that exists, of the unit it joins, on an amount. */
function referenceIssues(parameters: ReadonlyMap<string, Parameter>): CheckIssue[] {
  return REFERENCE_FIELDS.flatMap(({ field, of, unit, kind, example, joins }) =>
    [...parameters.values()].flatMap((p): CheckIssue[] => {
      const name = of(p);
      if (!name) return [];
      const other = parameters.get(name);
      const message = !other
        ? `${field} 的參數「${name}」不存在；請寫成${kind}的名稱（資料夾.檔名，例如 ${example}）`
        : other.unit !== unit || p.unit !== 'amount_twd'
          ? `${field} 只用於${joins}：本參數為 ${p.unit}，「${name}」為 ${other.unit}`
          : undefined;
      return message ? [{ file: p.file, field, message, severity: 'error', line: 1 }] : [];
    }),
  );
}

/** Parses one parameter file's text; `relativePath` (e.g. batch/fee_rate.yaml) gives its name. */
export function parseParameterFile(
  text: string,
  file: string,
  relativePath: string,
): { parameter?: Parameter; issues: CheckIssue[] } {
  const issues: CheckIssue[] = [];
  const error = (message: string, field?: string, line?: number) =>
    // A problem of the whole file (its name) points at its first line.
    issues.push({ file, message, severity: 'error', ...(field ? { field } : {}), line: line ?? 1 });

  const name = parameterName(relativePath);
  if (!name) {
    error('檔名與資料夾名只能用小寫英文字母、數字與底線，副檔名為 .yaml（例如 batch/fee_rate.yaml）');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter });
  for (const yamlError of doc.errors) {
    const line = yamlError.linePos?.[0].line;
    const message =
      yamlError.code === 'DUPLICATE_KEY'
        ? '同一層出現重複的鍵（例如同一日期寫了兩次）；請刪除或合併重複的項目'
        : `YAML 語法錯誤：${yamlError.message.split('\n')[0]}`;
    error(message, undefined, line);
  }
  if (doc.errors.length > 0) return { issues };

  const lineOf = (fieldPath: Array<string | number>) => nodeLine(doc, lineCounter, fieldPath);
  const shape = ParameterFile.safeParse(doc.toJS());
  if (!shape.success) {
    for (const zodIssue of shape.error.issues) {
      error(describeZodIssue(zodIssue), fieldName(zodIssue.path), lineOf(zodIssue.path as Array<string | number>));
    }
    return { issues };
  }

  const { description, unit, values, announced_each_year: announcedEachYear, adds_to: addsTo, guaranteed_at: guaranteedAt, summed_under: summedUnder, stands_for: standsFor } = shape.data;
  const dated: DatedValue[] = [];
  for (const [date, entry] of Object.entries(values)) {
    const field = `values.${date}`;
    if (!ISO_DATE_KEY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !isCalendarDate(date)) {
      error(`「${date}」不是有效的生效日期；請寫成 ISO 日期 YYYY-MM-DD（民國年加 1911，例如 103年12月15日 → 2014-12-15）${rocDateHint(date)}`, field, lineOf(['values', date]));
      continue;
    }
    const lines = valueLines(lineOf, date);
    if (entry.value === null) {
      dated.push({ effectiveFrom: date, value: null, reference: entry.reference, ...(entry.note ? { note: entry.note } : {}), lines });
      continue;
    }
    const checked = UNIT_VALUE_SCHEMAS[unit].safeParse(entry.value);
    if (!checked.success) {
      const detail = checked.error.issues[0]?.message ?? '';
      error(`數值不符合單位 ${unit}（${UNIT_LABELS[unit]}）：${detail}`, `${field}.value`, lineOf(['values', date, 'value']));
      continue;
    }
    const value = checked.data as ParameterValue;
    const quoted = entry.reference.quote === undefined ? undefined : checkQuotedValue(unit, value, entry.reference.quote);
    if (quoted) issues.push({ file, field: `${field}.value`, ...(lines.value ? { line: lines.value } : {}), ...quoted });
    for (const [index, also] of (entry.also ?? []).entries()) {
      const alsoQuoted = also.quote === undefined ? undefined : checkQuotedValue(unit, value, also.quote);
      if (alsoQuoted) issues.push({ file, field: `${field}.also.${index}`, line: lines.date, ...alsoQuoted });
    }
    dated.push({ effectiveFrom: date, value, reference: entry.reference, ...(entry.also ? { also: entry.also } : {}), ...(entry.note ? { note: entry.note } : {}), lines });
  }
  dated.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  if (dated[0]?.value === null) {
    const first = dated[0];
    error('第一個日期的 value 不可為 null（null 只用來結束前一個數值）', `values.${first.effectiveFrom}.value`, first.lines?.value ?? first.lines?.date);
  }
  if (issues.some((issue) => issue.severity === 'error') || !name) return { issues };
  return { parameter: { name, description, unit, file, values: dated, ...(announcedEachYear ? { announcedEachYear } : {}), ...(addsTo ? { addsTo } : {}), ...(guaranteedAt ? { guaranteedAt } : {}), ...(summedUnder ? { summedUnder } : {}), ...(standsFor ? { standsFor } : {}) }, issues };
}

/** Where a dated value and its reference are written, for checks that run after loading (references, quotes). */
function valueLines(lineOf: (fieldPath: Array<string | number>) => number | undefined, date: string): ValueLines {
  const at = (...fieldPath: string[]) => lineOf(['values', date, ...fieldPath]);
  return {
    date: at() ?? 1,
    ...optionalLine('value', at('value')),
    ...optionalLine('document', at('reference', 'document')),
    ...optionalLine('title', at('reference', 'title')),
    ...optionalLine('section', at('reference', 'section')),
    ...optionalLine('quote', at('reference', 'quote')),
  };
}

function optionalLine<K extends string>(key: K, line: number | undefined): Partial<Record<K, number>> {
  return line === undefined ? {} : ({ [key]: line } as Record<K, number>);
}

function parameterName(relativePath: string): string | undefined {
  const withoutExtension = relativePath.replace(/\.yaml$/, '');
  if (withoutExtension === relativePath) return undefined;
  const segments = withoutExtension.split(path.sep).join('/').split('/');
  return segments.every((s) => NAME_SEGMENT.test(s)) ? segments.join('.') : undefined;
}

function isCalendarDate(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function fieldName(fieldPath: ReadonlyArray<PropertyKey>): string | undefined {
  return fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `不認得的欄位 ${issue.keys.join('、')}；允許的欄位請見 rules/README.md`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    if (field?.endsWith('reference')) return '缺少 reference：每個數值都必須註明出處（document、title、section）';
    return `缺少必填欄位 ${field ?? ''}`;
  }
  if (issue.code === 'invalid_value' && field === 'unit') {
    return `unit 必須是以下之一：${Object.keys(UNIT_VALUE_SCHEMAS).join('、')}`;
  }
  return issue.message;
}

/** The 1-based line of the deepest node along `fieldPath` that exists. */
export function nodeLine(doc: Document, lineCounter: LineCounter, fieldPath: Array<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = doc.contents?.range?.[0];
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

async function listYamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && (e.name.endsWith('.yaml') || e.name.endsWith('.yml')))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/');
}
