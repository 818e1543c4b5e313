/**
 * One problem found in a file that fund staff edit (a knowledge document or a rule parameter).
 * Messages are Traditional Chinese and say what to change.
 */
export interface CheckIssue {
  /** Path relative to the project root, e.g. knowledge/documents/batch-guarantee-revision-2014.md */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field or key concerned, e.g. `effective.from` or `values.2014-12-15.reference`. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatCheckIssue(issue: CheckIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` 欄位 ${issue.field}：` : ' ';
  const tag = issue.severity === 'error' ? '錯誤' : '警告';
  return `${where} [${tag}]${field}${issue.message}`;
}

/** A YAML file's syntax errors as issues staff can act on, one per error, at its line. */
export function yamlSyntaxIssues(file: string, errors: ReadonlyArray<{ linePos?: [{ line: number }, ...unknown[]] | undefined; message: string }>): CheckIssue[] {
  return errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 1,
    severity: 'error' as const,
    message: `YAML 語法錯誤，請檢查這一行的冒號、縮排與引號（${error.message.split('\n')[0] ?? ''}）`,
  }));
}
