import { formatCheckIssue, type CheckIssue } from './check-issue.ts';

/** The knowledge files have errors; each issue names its file, line and what to change. */
export class KnowledgeFormatError extends Error {
  override readonly name = 'KnowledgeFormatError';

  constructor(readonly issues: CheckIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const shown = errors.slice(0, 5).map(formatCheckIssue).join('\n');
    const more = errors.length > 5 ? `\n……另有 ${errors.length - 5} 個錯誤` : '';
    super(`知識文件有 ${errors.length} 個錯誤：\n${shown}${more}`);
  }

  /** The files concerned, for logs. */
  get files(): string[] {
    return [...new Set(this.issues.map((issue) => issue.file))];
  }
}
