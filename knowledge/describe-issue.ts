import type { z } from 'zod';
import type { CheckIssue } from './check-issue.ts';
import { rocDateHint } from './roc-date.ts';
import { DOCUMENT_META_FIELDS } from './schema.ts';

/** What each required field holds, so "missing field" says what to write. */
const FIELD_HINTS: Record<string, string> = {
  id: '文件代號，須與檔名相同，例如 batch-guarantee-revision-2014',
  title: '文件標題（繁體中文，照原文）',
  issuer: '發文機關，例如 財團法人中小企業信用保證基金',
  number: '發文字號；沒有字號時寫 null',
  issued: '發文日期 YYYY-MM-DD；來源未載日期時寫 null 並填 issued_note',
  effective: '生效期間，例如 effective: { from: 2014-12-15, to: null }',
  'effective.from': '生效日 YYYY-MM-DD；不知道時寫 null',
  'effective.to': '失效日 YYYY-MM-DD；仍有效或不知道時寫 null',
  source: '來源檔名，例如 batch-guarantee-revision-2014.txt',
  supersedes: '本文件取代的先前文件；沒有時寫 []',
  'supersedes[].document': '被取代文件的 id',
};

const DATE_FIELDS = new Set(['issued', 'effective.from', 'effective.to', 'supersedes[].from']);

const SUPERSESSION_FIELDS = ['document', 'section', 'from', 'note'];

export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((name, part) => {
    if (typeof part === 'number') return `${name}[${part}]`;
    return name ? `${name}.${String(part)}` : String(part);
  }, '');
}

/** The field name with list positions removed, for looking up hints: supersedes[0].from → supersedes[].from */
function genericName(path: ReadonlyArray<PropertyKey>): string {
  return fieldName(path).replace(/\[\d+\]/g, '[]');
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function shown(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Turns schema issues into messages a fund staff member can act on, each pointing at its line. */
export function describeSchemaIssues(
  file: string,
  issues: ReadonlyArray<z.core.$ZodIssue>,
  data: unknown,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number,
): CheckIssue[] {
  return issues.flatMap((issue): CheckIssue[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = path.length === 0 ? DOCUMENT_META_FIELDS : path[0] === 'effective' ? ['from', 'to'] : SUPERSESSION_FIELDS;
      return issue.keys.map((key) => ({
        file,
        line: lineOf([...path, key]),
        field: fieldName([...path, key]),
        severity: 'error',
        message: `不認得的欄位「${key}」：請刪除，或改成正確的欄位名稱（此處可用：${allowed.join('、')}）`,
      }));
    }
    const field = fieldName(path);
    const generic = genericName(path);
    const value = valueAt(data, path);
    return [{ file, line: lineOf(path), field, severity: 'error', message: messageFor(issue, generic, value) }];
  });
}

function messageFor(issue: z.core.$ZodIssue, generic: string, value: unknown): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (value === undefined) {
    const hint = FIELD_HINTS[generic];
    return hint ? `缺少必填欄位 ${generic}：請加上（${hint}）` : `缺少必填欄位 ${generic}：請加上`;
  }
  if (DATE_FIELDS.has(generic)) {
    return `日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「${shown(value)}」${rocDateHint(shown(value))}`;
  }
  const expected: Record<string, string> = {
    string: '文字',
    array: '清單（例如 [] 或每行以 - 開頭）',
    object: '一組子欄位',
  };
  const wanted = expected[issue.expected] ?? issue.expected;
  return `欄位 ${generic} 應為${wanted}；目前為「${shown(value)}」`;
}
