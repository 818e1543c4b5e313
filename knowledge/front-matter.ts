import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { CheckIssue } from './check-issue.ts';

/** The YAML between the two `---` lines at the top of a knowledge file, parsed but not yet validated. */
export interface FrontMatter {
  data: unknown;
  /** 1-based line of a field in the file (e.g. ['effective', 'from']), or of the opening `---` when absent. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  /** Lines of the Markdown body, and the 1-based file line of its first one. */
  bodyLines: string[];
  bodyFirstLine: number;
}

export type FrontMatterResult = { ok: true; frontMatter: FrontMatter } | { ok: false; issues: CheckIssue[] };

const FENCE = /^---\s*$/;

export function readFrontMatter(file: string, lines: string[]): FrontMatterResult {
  if (!FENCE.test(lines[0] ?? '')) {
    return failure({
      file,
      line: 1,
      severity: 'error',
      message: '檔案開頭缺少前置資料（front matter）：第一行應為 ---，接著寫 id、title 等欄位，再以一行 --- 結束',
    });
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return failure({
      file,
      line: 1,
      severity: 'error',
      message: '前置資料沒有結束：請在最後一個欄位之後加上一行 ---，再開始內文',
    });
  }

  const lineCounter = new LineCounter();
  const yamlText = lines.slice(1, closing).join('\n');
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The YAML starts on line 2 of the file.
  const toFileLine = (yamlLine: number) => yamlLine + 1;

  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        file,
        line: error.linePos ? toFileLine(error.linePos[0].line) : 1,
        severity: 'error' as const,
        message: `前置資料的 YAML 語法錯誤，請檢查這一行的冒號、縮排、引號與括號（${firstLine(error.message)}）`,
      })),
    };
  }

  return {
    ok: true,
    frontMatter: {
      data: document.toJS(),
      lineOf: (path) => nodeLine(document, lineCounter, path, toFileLine),
      bodyLines: lines.slice(closing + 1),
      bodyFirstLine: closing + 2,
    },
  };
}

/** The line of the closest existing node along `path`, so a missing `effective.to` points at `effective:`. */
function nodeLine(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
  toFileLine: (yamlLine: number) => number,
): number {
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) {
      // Point at the key's line: for a block value the node starts on the next line.
      const parentPair = keyLine(document, lineCounter, path.slice(0, length));
      return toFileLine(parentPair ?? lineCounter.linePos(node.range[0]).line);
    }
  }
  return 1;
}

function keyLine(document: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1) as unknown[], true);
  if (!parent || typeof parent !== 'object' || !('items' in parent) || !Array.isArray(parent.items)) return undefined;
  const last = path[path.length - 1];
  for (const item of parent.items as unknown[]) {
    if (item && typeof item === 'object' && 'key' in item) {
      const key = (item as { key: unknown }).key;
      if (isNode(key) && key.range && (key as { value?: unknown }).value === last) {
        return lineCounter.linePos(key.range[0]).line;
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function failure(issue: CheckIssue): FrontMatterResult {
  return { ok: false, issues: [issue] };
}
