import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Front matter lines of a valid document; tests replace or remove lines to break it. */
export function frontMatter(id: string, overrides: Record<string, string | null> = {}): string {
  const fields: Record<string, string> = {
    id: `id: ${id}`,
    title: 'title: 修正「批次信用保證要點」函',
    issuer: 'issuer: 財團法人中小企業信用保證基金',
    number: 'number: (103)保證規劃字第6206627號',
    issued: 'issued: 2014-11-05',
    effective: 'effective:\n  from: 2014-12-15\n  to: null',
    source: 'source: batch-guarantee-revision-2014.txt',
    supersedes: 'supersedes: []',
  };
  for (const [field, line] of Object.entries(overrides)) {
    if (line === null) delete fields[field];
    else fields[field] = line;
  }
  return ['---', ...Object.values(fields), '---'].join('\n');
}

export const VALID_BODY = [
  '',
  '## 主旨',
  '',
  '茲修正本基金「批次信用保證要點」相關規定，並自 103 年 12 月 15 日起實施。',
  '',
  '## 說明三：代償上限計提率與保證手續費年費率',
  '',
  '三、公告代償上限計提率設定為 1.25%；保證手續費年費率設定為 0.35%。',
  '',
].join('\n');

export function validDocument(id: string, overrides: Record<string, string | null> = {}): string {
  return `${frontMatter(id, overrides)}\n${VALID_BODY}`;
}

/** Writes `files` (relative path → content) into a fresh temporary folder and returns its path. */
export async function writeKnowledgeDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'knowledge-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}
