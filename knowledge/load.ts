import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ANSWER_KINDS_FILE, parseAnswerKinds, type AnswerKinds } from './answer-kinds.ts';
import type { CheckIssue } from './check-issue.ts';
import { KnowledgeFormatError } from './errors.ts';
import { duplicateExamples } from './example-questions.ts';
import { OUT_OF_SCOPE_FILE, outOfScopeConflicts, parseOutOfScope, type OutOfScopeQuestion } from './out-of-scope.ts';
import { parseKnowledgeFile } from './parse.ts';
import type { KnowledgeDocument, KnowledgeSection } from './schema.ts';
import { linkSupersessions } from './supersession.ts';

export interface KnowledgeBase {
  /** Sorted by id. */
  documents: KnowledgeDocument[];
  /** Every section of every document, in document then file order. */
  sections: KnowledgeSection[];
  /** Questions staff marked as outside what the assistant answers (out-of-scope.yaml), when the file exists. */
  outOfScope?: OutOfScopeQuestion[];
  /** What kinds of thing questions ask for and what shows a passage carries one (answer-kinds.yaml), when the file exists. */
  answerKinds?: AnswerKinds;
  loadedAt: Date;
}

export interface KnowledgeCheck {
  issues: CheckIssue[];
  /** Present when no issue is an error. */
  knowledge?: KnowledgeBase;
  /** The documents that parsed, and their sections, even when others did not: rule references are checked against them. */
  documents: KnowledgeDocument[];
  sections: KnowledgeSection[];
}

/** Reads and checks every `*.md` file under `dir` (sub-folders included). Never throws for bad content. */
export async function checkKnowledge(dir: string): Promise<KnowledgeCheck> {
  const shownDir = displayPath(dir);
  let files: string[];
  try {
    files = await markdownFiles(dir);
  } catch (error) {
    const message = `無法讀取知識文件資料夾：${describe(error)}；請確認路徑正確`;
    return { issues: [{ file: shownDir, severity: 'error', message }], documents: [], sections: [] };
  }
  if (files.length === 0) {
    const message = '資料夾內找不到任何 .md 知識文件：請把文件放在這個資料夾';
    return { issues: [{ file: shownDir, severity: 'error', message }], documents: [], sections: [] };
  }

  const issues: CheckIssue[] = [];
  const documents: KnowledgeDocument[] = [];
  for (const path of files) {
    const result = parseKnowledgeFile(displayPath(path), await readFile(path, 'utf8'));
    if (result.ok) documents.push(result.document);
    else issues.push(...result.issues);
  }

  issues.push(...duplicateIds(documents));
  documents.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  issues.push(...linkSupersessions(documents));

  const sections = documents.flatMap((document) => document.sections);
  const documentFiles = new Map(documents.map((document) => [document.meta.id, document.file]));
  const fileOf = (section: KnowledgeSection) => documentFiles.get(section.documentId) ?? section.documentId;
  issues.push(...duplicateExamples(sections, fileOf));
  const outOfScope = await readOutOfScope(dir, sections, fileOf);
  issues.push(...outOfScope.issues);
  const answerKinds = await readAnswerKinds(dir);
  issues.push(...answerKinds.issues);
  if (issues.some((issue) => issue.severity === 'error')) return { issues, documents, sections };
  const knowledge = {
    documents,
    sections,
    ...(outOfScope.questions ? { outOfScope: outOfScope.questions } : {}),
    ...(answerKinds.kinds ? { answerKinds: answerKinds.kinds } : {}),
    loadedAt: new Date(),
  };
  return { issues, knowledge, documents, sections };
}

async function readOutOfScope(
  dir: string,
  sections: KnowledgeSection[],
  fileOf: (section: KnowledgeSection) => string,
): Promise<{ questions?: OutOfScopeQuestion[]; issues: CheckIssue[] }> {
  const path = join(dir, OUT_OF_SCOPE_FILE);
  const content = await readIfPresent(path);
  if (content === undefined) return { issues: [] };
  const file = displayPath(path);
  const parsed = parseOutOfScope(file, content);
  if (!parsed.ok) return { issues: parsed.issues };
  return { questions: parsed.questions, issues: [...parsed.issues, ...outOfScopeConflicts(file, parsed.questions, sections, fileOf)] };
}

/** A file's text, or undefined when it does not exist (an optional file of the knowledge folder). */
async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readAnswerKinds(dir: string): Promise<{ kinds?: AnswerKinds; issues: CheckIssue[] }> {
  const path = join(dir, ANSWER_KINDS_FILE);
  const content = await readIfPresent(path);
  if (content === undefined) return { issues: [] };
  const parsed = parseAnswerKinds(displayPath(path), content);
  if (!parsed.ok) return { issues: parsed.issues };
  const { ok: _ok, ...kinds } = parsed;
  return { kinds, issues: [] };
}

/** Loads the knowledge base, or throws KnowledgeFormatError listing every problem. */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  const { issues, knowledge } = await checkKnowledge(dir);
  if (!knowledge) throw new KnowledgeFormatError(issues);
  return knowledge;
}

function duplicateIds(documents: KnowledgeDocument[]): CheckIssue[] {
  const byId = new Map<string, KnowledgeDocument>();
  const issues: CheckIssue[] = [];
  for (const document of documents) {
    const first = byId.get(document.meta.id);
    if (first) {
      issues.push({
        file: document.file,
        ...(document.lines ? { line: document.lines.id } : {}),
        field: 'id',
        severity: 'error',
        message: `id「${document.meta.id}」已被 ${first.file} 使用：每份文件的 id 必須不同，請改名其中一份（檔名與 id 一起改）`,
      });
    } else {
      byId.set(document.meta.id, document);
    }
  }
  return issues;
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Paths inside the project are shown relative to it, the way staff see them in the repository. */
function displayPath(path: string): string {
  const fromRoot = relative(process.cwd(), path);
  const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  return (inside ? fromRoot : path).split(sep).join('/');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
