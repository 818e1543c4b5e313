import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validDocument, writeKnowledgeDir } from './fixtures.ts';

const run = promisify(execFile);

async function knowledgeCheck(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/knowledge-check.ts', ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run knowledge:check', () => {
  it('passes on the shipped knowledge and rules', async () => {
    const { code, stdout } = await knowledgeCheck();
    expect(stdout).toMatch(/知識文件 \d+ 份、章節 \d+ 節、規則參數 \d+ 個：全部通過/);
    expect(code).toBe(0);
  });

  it('fails on a broken file, saying where and what to change', async () => {
    const knowledge = await writeKnowledgeDir({
      'batch-guarantee-revision-2014.md': validDocument('batch-guarantee-revision-2014', { issued: 'issued: 103/11/05' }),
    });
    const rules = await mkdtemp(join(tmpdir(), 'rules-'));

    const { code, stdout } = await knowledgeCheck('--knowledge', knowledge, '--rules', rules);

    expect(code).toBe(1);
    expect(stdout).toContain(
      'batch-guarantee-revision-2014.md:6 [錯誤] 欄位 issued：日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「103/11/05」；若是民國日期，即民國103年11月5日 = 2014-11-05（民國年 + 1911），請寫成 2014-11-05',
    );
    expect(stdout).toMatch(/知識文件 0 份、章節 0 節、規則參數 0 個：發現 \d+ 個錯誤。請依上列說明修正後，再執行 npm run knowledge:check/);
    // The domain registry is checked against the documents given: programmes pointing elsewhere are named.
    expect(stdout).toContain('domain/registry/programmes.yaml [錯誤] 欄位 programmes.general_loan.documents：找不到知識文件「guarantee-programs-overview」');
  });
});
