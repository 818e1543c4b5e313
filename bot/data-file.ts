import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { nodeLine } from '../rules/load.ts';

/** A vocabulary file fund staff edit is not valid: which file, which line and field, and what is wrong. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} 有錯誤：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Reads one YAML data file and checks it against its schema; a problem stops start-up with its line. */
export function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
  const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, lineCounter });
  const yamlError = doc.errors[0];
  if (yamlError) throw new DataFileError(shown, [`第 ${yamlError.linePos?.[0]?.line ?? '?'} 行 YAML 語法錯誤：${yamlError.message.split('\n')[0]}`]);
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new DataFileError(
    shown,
    result.error.issues.map((issue) => {
      const line = nodeLine(doc, lineCounter, issue.path as Array<string | number>);
      return `${line ? `第 ${line} 行 ` : ''}${issue.path.join('.') || '（整個檔案）'}：${issue.message}`;
    }),
  );
}
