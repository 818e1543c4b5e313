import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { type CheckIssue, yamlSyntaxIssues } from './check-issue.ts';
import { questionKey } from './example-questions.ts';
import { rocDateHint } from './roc-date.ts';
import { isIsoDate, type KnowledgeSection } from './schema.ts';

/**
 * Questions staff marked as outside what the fund's assistant answers (weather, other banks' loans), kept in
 * `out-of-scope.yaml` beside the documents. They leave the staff inbox; the bot keeps answering them with
 * the service lines, as it does any question its documents do not answer.
 */
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';

const HEADER = [
  '# 不在服務範圍的問題：管理主控台「標為不在服務範圍」寫入，也可以直接編輯。',
  '# 收件匣不再列出這些問題；機器人照常回覆客服專線。',
  '# 每一項：question（提問原文）、marked（標記日期 YYYY-MM-DD）、note（選填：原因）',
].join('\n');

const entrySchema = z.strictObject({
  question: z.string().trim().min(1, { error: '問題不可為空白' }),
  marked: z.string().refine(isIsoDate, {
    error: (issue) => `日期格式應為 YYYY-MM-DD，例如 2026-12-01；目前為「${String(issue.input)}」${rocDateHint(String(issue.input))}`,
  }),
  note: z.string().trim().min(1).optional(),
});

const fileSchema = z.strictObject({ questions: z.array(entrySchema) });

export interface OutOfScopeQuestion {
  question: string;
  marked: string;
  note?: string;
  line: number;
}

export type OutOfScopeResult = { ok: true; questions: OutOfScopeQuestion[]; issues: CheckIssue[] } | { ok: false; issues: CheckIssue[] };

/** Reads and checks the file's text; `file` is the path shown in messages. */
export function parseOutOfScope(file: string, content: string): OutOfScopeResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, issues: yamlSyntaxIssues(file, document.errors) };
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>) => lineIn(document, lineCounter, path);
  const parsed = fileSchema.safeParse(document.toJS() ?? { questions: [] });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(issue.path),
        field: issue.path.map(String).join('.'),
        severity: 'error' as const,
        message: issue.code === 'invalid_type' && issue.input === undefined ? `缺少必填欄位 ${String(issue.path.at(-1))}` : issue.message,
      })),
    };
  }
  const questions = parsed.data.questions.map((entry, index) => ({
    question: entry.question,
    marked: entry.marked,
    ...(entry.note ? { note: entry.note } : {}),
    line: lineOf(['questions', index]),
  }));
  const issues: CheckIssue[] = [];
  const seen = new Map<string, number>();
  for (const entry of questions) {
    const first = seen.get(questionKey(entry.question));
    if (first !== undefined) {
      issues.push({ file, line: entry.line, severity: 'warning', message: `「${entry.question}」與第 ${first} 行重複：請刪除其中一項` });
    } else {
      seen.set(questionKey(entry.question), entry.line);
    }
  }
  return { ok: true, questions, issues };
}

/** A question cannot be both out of scope and an example a section answers. */
export function outOfScopeConflicts(
  file: string,
  questions: OutOfScopeQuestion[],
  sections: KnowledgeSection[],
  fileOf: (section: KnowledgeSection) => string,
): CheckIssue[] {
  const examples = new Map<string, { section: KnowledgeSection; line: number }>();
  for (const section of sections) for (const example of section.examples ?? []) examples.set(questionKey(example.question), { section, line: example.line });
  return questions.flatMap((entry): CheckIssue[] => {
    const example = examples.get(questionKey(entry.question));
    if (!example) return [];
    const where = `${fileOf(example.section)}:${example.line}〈${example.section.heading}〉`;
    return [{ file, line: entry.line, severity: 'error', message: `「${entry.question}」也是 ${where} 的例題：請刪除其中一處（屬於服務範圍就保留例題）` }];
  });
}

/** The file's text with `question` added (the file is created when `content` is undefined). */
export function withOutOfScopeQuestion(content: string | undefined, entry: { question: string; marked: string; note?: string }): string {
  const document = parseDocument(content ?? `${HEADER}\nquestions: []\n`);
  const questions = document.get('questions', true);
  const item = { question: entry.question.replace(/\s+/g, ' ').trim(), marked: entry.marked, ...(entry.note ? { note: entry.note } : {}) };
  if (isNode(questions) && 'items' in questions && Array.isArray(questions.items)) {
    // A flow sequence (`questions: []`) becomes a block list once it has items, which staff read more easily.
    (questions as { flow?: boolean }).flow = false;
    document.addIn(['questions'], document.createNode(item));
  } else {
    document.set('questions', document.createNode([item]));
  }
  return document.toString({ lineWidth: 0 });
}

function lineIn(document: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number {
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
