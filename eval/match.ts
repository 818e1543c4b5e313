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

/**
 * The comparison form: NFKC, 万→萬 and 亿→億, no white space (but a mark between two figures), no thousands separators
 * between digits, no zeros ending a decimal, lower case.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/万/g, '萬')
    .replace(/亿/g, '億')
    // Two figures apart stay apart (「196,703.17 15.88%」), so neither reads as part of the other.
    .replace(/(?<=[\d%])\s+(?=\d)/g, '|')
    .replace(/\s+/g, '')
    .replace(/(?<=\d),(?=\d)/g, '')
    // Zeros ending a decimal are the same figure (「21.00%」 is 21%, 「42.30」 is 42.3).
    .replace(/(\d\.\d*?[1-9])0+(?!\d)|(\d)\.0+(?!\d)/g, '$1$2')
    .toLowerCase();
}

/**
 * Whether `text` contains `wanted` (both in comparable form) where a figure is whole: a wanted string that starts or ends
 * with a digit does not match inside a longer number (「30000」 is not in 「3000000」, 「24000」 not in 「124000」, 「5成」 not in
 * 「9.5成」).
 */
export function containsWhole(text: string, wanted: string): boolean {
  const startsWithDigit = /^\d/.test(wanted);
  const endsWithDigit = /\d$/.test(wanted);
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (startsWithDigit && at > 0 && /\d/.test(text[at - 1] ?? '')) continue;
    if (startsWithDigit && at > 1 && text[at - 1] === '.' && /\d/.test(text[at - 2] ?? '')) continue;
    // A figure given to fewer decimals (「210,706」 for 210,706.45) still matches; a longer integer does not.
    // (Zeros after a wanted decimal are the same figure: 「42.3」 is 「42.30%」.)
    const trailingZeros = wanted.includes('.') && /^0+(?!\d)/.test(text.slice(at + wanted.length));
    // (So is one given to more decimals that rounds to it: 「22.81%」 is 22.8 to one decimal, 「22.86%」 is not.)
    if (endsWithDigit && /\d/.test(text[at + wanted.length] ?? '') && !trailingZeros && !roundsTo(text, at, wanted)) continue;
    return true;
  }
  return false;
}

/** Whether the decimal figure of `text` starting at `at`, which begins with `wanted` and goes on, rounds to `wanted`. */
function roundsTo(text: string, at: number, wanted: string): boolean {
  const decimals = /\.(\d+)$/.exec(wanted)?.[1]?.length;
  if (decimals === undefined) return false;
  const figure = /^\d+\.\d+/.exec(text.slice(at))?.[0];
  return figure !== undefined && Number(Number(figure).toFixed(decimals)) === Number(wanted);
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
    if (!group.some((alt) => containsWhole(text, comparable(alt)))) problems.push(`缺少其一：${group.join(' / ')}`);
  }
  for (const banned of testCase.expect.none ?? []) {
    if (containsWhole(text, comparable(banned))) problems.push(`不應出現：${banned}`);
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
