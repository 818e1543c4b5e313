import { z } from 'zod';

/** The evaluation case format (see eval/README.md). */
export const EvalCase = z.object({
  id: z.string().min(1),
  persona: z.string().optional(),
  kind: z.string().min(1),
  turns: z.array(z.string().min(1)).min(1),
  expect: z
    .object({
      all: z.array(z.array(z.string().min(1)).min(1)).optional(),
      none: z.array(z.string().min(1)).optional(),
      cite: z.array(z.string().min(1)).optional(),
    })
    .strict(),
  source: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

export const EvalFile = z.object({ schema: z.string().optional(), cases: z.array(EvalCase) });

/** The comparison form: NFKC, 万→萬 and 亿→億, no white space, no thousands separators between digits, lower case. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/万/g, '萬')
    .replace(/亿/g, '億')
    .replace(/\s+/g, '')
    .replace(/(?<=\d),(?=\d)/g, '')
    .toLowerCase();
}

export interface ReplyForEval {
  text: string;
  citations: Array<{ title: string; section: string; documentId?: string }>;
}

export interface CaseVerdict {
  passed: boolean;
  problems: string[];
}

export function judge(testCase: EvalCase, replies: ReplyForEval[]): CaseVerdict {
  const text = comparable(replies.map((r) => r.text).join('\n'));
  const problems: string[] = [];
  for (const group of testCase.expect.all ?? []) {
    if (!group.some((alt) => text.includes(comparable(alt)))) problems.push(`缺少其一：${group.join(' / ')}`);
  }
  for (const banned of testCase.expect.none ?? []) {
    if (text.includes(comparable(banned))) problems.push(`不應出現：${banned}`);
  }
  const cite = testCase.expect.cite;
  if (cite && cite.length > 0) {
    const cited = replies.flatMap((r) => r.citations).map((c) => comparable(`${c.title} ${c.section} ${c.documentId ?? ''}`));
    if (!cited.some((c) => cite.some((word) => c.includes(comparable(word))))) {
      problems.push(`引用來源未提及：${cite.join(' / ')}`);
    }
  }
  return { passed: problems.length === 0, problems };
}
