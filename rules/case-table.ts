import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parametersAt } from './at.ts';
import type { ParameterView } from './at.ts';
import { businessFinanceRatio } from './business-finance-ratio.ts';
import { eligibility } from './eligibility/index.ts';
import { guaranteeFee } from './fees.ts';
import type { FeeInput } from './inputs.ts';
import type { ProgrammeId } from './programmes.ts';
import type { ParameterSet } from './schema.ts';

/**
 * A readable case table (rules/cases/*.yaml): each case says what to calculate on which date with which
 * input, and the parts of the output it expects. Fund staff add cases without writing TypeScript.
 */
export const RuleCase = z
  .object({
    name: z.string().min(1),
    as_of: z.iso.date(),
    calculate: z.enum(['fee', 'eligibility', 'business_finance_ratio', 'parameter']),
    input: z.record(z.string(), z.unknown()),
    output: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RuleCase = z.infer<typeof RuleCase>;

export const CaseFile = z.object({ cases: z.array(RuleCase).min(1) }).strict();

export interface LoadedCase extends RuleCase {
  file: string;
}

export async function loadCaseTables(dir: string): Promise<LoadedCase[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  const cases: LoadedCase[] = [];
  for (const name of names) {
    let data: unknown;
    try {
      data = parse(await readFile(path.join(dir, name), 'utf8'), { uniqueKeys: true });
    } catch (error) {
      throw new Error(`rules/cases/${name} YAML 格式錯誤（含逗號或冒號的文字請加引號）：${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = CaseFile.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`rules/cases/${name} 欄位 ${issue?.path.join('.')}：${issue?.message}`);
    }
    cases.push(...parsed.data.cases.map((c) => ({ ...c, file: name })));
  }
  return cases;
}

/** Runs one case; an error thrown by the calculator becomes `{ error, ...its context }` so cases can expect it. */
export function runCase(set: ParameterSet, ruleCase: RuleCase): Record<string, unknown> {
  try {
    return calculate(parametersAt(set, ruleCase.as_of), ruleCase);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const context = Object.fromEntries(Object.entries(error).filter(([key]) => key !== 'stack'));
    return { error: error.name, message: error.message, ...context };
  }
}

function calculate(view: ParameterView, ruleCase: RuleCase): Record<string, unknown> {
  const input = ruleCase.input;
  switch (ruleCase.calculate) {
    case 'fee':
      return { ...guaranteeFee(view, input as unknown as FeeInput) };
    case 'eligibility': {
      const { programme, ...facts } = input;
      return { ...eligibility(programme as ProgrammeId, facts, view) };
    }
    case 'business_finance_ratio':
      return { ...businessFinanceRatio(view, input) };
    case 'parameter':
      return { ...view.get(String(input.name)) };
  }
}

/**
 * Differences between what a case expects and what came out. Objects match on the keys the case names;
 * arrays match element by element; `null` also matches an absent value; `<key>_include: [text]` checks that some entry of `<key>` contains each text.
 */
export function compareOutput(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const include = /^(.*)_include$/.exec(key);
    if (include?.[1]) {
      const entries = actual[include[1]];
      const texts = Array.isArray(entries) ? entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))) : [];
      for (const text of [want].flat()) {
        if (!texts.some((t) => t.includes(String(text)))) problems.push(`${include[1]} 沒有包含「${String(text)}」；實際為 ${JSON.stringify(entries)}`);
      }
      continue;
    }
    compareValue(key, want, actual[key], problems);
  }
  return problems;
}

function compareValue(field: string, want: unknown, got: unknown, problems: string[]): void {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      problems.push(`${field}：預期 ${JSON.stringify(want)}，實際 ${JSON.stringify(got)}`);
      return;
    }
    want.forEach((w, i) => compareValue(`${field}[${i}]`, w, got[i], problems));
    return;
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') {
      problems.push(`${field}：預期物件 ${JSON.stringify(want)}，實際 ${JSON.stringify(got)}`);
      return;
    }
    for (const [k, w] of Object.entries(want)) compareValue(`${field}.${k}`, w, (got as Record<string, unknown>)[k], problems);
    return;
  }
  if (want === null && got === undefined) return;
  if (want !== got) problems.push(`${field}：預期 ${JSON.stringify(want)}，實際 ${JSON.stringify(got)}`);
}
