import type { CheckIssue } from './check-issue.ts';
import { exampleQuestionOf, type ExampleQuestion } from './example-questions.ts';
import { programmeChoices, programmeLineOf, programmeRef } from './programme-refs.ts';

/** A `##` or `###` section of a document body, before document metadata is attached. */
export interface BodySection {
  slug: string;
  headingPath: string[];
  text: string;
  line: number;
  examples: ExampleQuestion[];
  /** Programme codes from the section's 「> 項目：…」 line. */
  programmes: string[];
}

export type BodyResult = { ok: true; sections: BodySection[] } | { ok: false; issues: CheckIssue[] };

interface OpenHeading {
  heading: string;
  line: number;
  parent?: OpenHeading;
  body: string[];
  children: number;
  examples: ExampleQuestion[];
  programmes: string[];
}

const HEADING_MARK = /^(#{1,6})\s/;

/** `## 標題 ##` → level 2, 標題 (the optional closing #s and surrounding spaces removed). */
function headingOf(text: string): { level: number; heading: string } | undefined {
  const mark = HEADING_MARK.exec(text)?.[1];
  if (!mark) return undefined;
  return { level: mark.length, heading: text.slice(mark.length).trim().replace(/(?<!#)#+$/, '').trim() };
}
const CODE_FENCE = /^\s*(```|~~~)/;

/** A stable, readable slug: the heading itself with white space collapsed to '-'. */
export function slugOf(heading: string): string {
  return heading.trim().replace(/\s+/g, '-');
}

/**
 * Replaces HTML comments with blank lines, keeping line numbers, since comments hold
 * transcription notes that are neither shown nor indexed.
 */
export function removeComments(lines: string[]): string[] {
  const text = lines.join('\n').replace(/<!--[\s\S]*?-->/g, (comment) => '\n'.repeat(comment.split('\n').length - 1));
  return text.split('\n');
}

/**
 * Splits a body into sections. A `##` whose only content is `###` sub-sections is a group
 * heading: its children are the sections, cited as `parent > child`.
 */
export function readSections(file: string, rawLines: string[], firstLine: number): BodyResult {
  const lines = removeComments(rawLines);
  const issues: CheckIssue[] = [];
  const issue = (line: number, message: string) => issues.push({ file, line, severity: 'error', message });
  const closed: OpenHeading[] = [];
  let current: OpenHeading | undefined;
  let currentH2: OpenHeading | undefined;
  let inCode = false;
  let reportedLeadingText = false;

  lines.forEach((text, index) => {
    const line = firstLine + index;
    if (CODE_FENCE.test(text)) inCode = !inCode;
    const example = inCode ? undefined : exampleQuestionOf(text);
    if (example !== undefined) {
      if (!current) issue(line, '例題要寫在它所屬的章節之下：請把這一行移到該節內文之後');
      else if (example === '') issue(line, '例題是空的：請在「> 例題：」之後寫出問題，或刪除這一行');
      else current.examples.push({ question: example, line });
      return;
    }
    const programmes = inCode ? undefined : programmeLineOf(text);
    if (programmes !== undefined) {
      if (!current) issue(line, '「> 項目：」要寫在它所屬的章節之下：請把這一行移到該節內文之後');
      else if (programmes.length === 0) issue(line, '「> 項目：」之後沒有寫保證項目：請寫代號或正式名稱（以頓號分隔），或刪除這一行');
      for (const written of programmes) {
        const id = programmeRef(written);
        if (!id) issue(line, `「${written}」不是已登記的保證項目：請寫代號或正式名稱，例如 youth_startup 或 青年創業貸款；可用的有 ${programmeChoices()}`);
        else if (current && !current.programmes.includes(id)) current.programmes.push(id);
      }
      return;
    }
    const match = inCode ? undefined : headingOf(text);
    const level = match?.level ?? 0;
    if (!match || level > 3) {
      if (current) current.body.push(text);
      else if (text.trim() !== '' && !reportedLeadingText) {
        reportedLeadingText = true;
        issue(line, '第一個 ## 標題之前不可有內文：請把這段文字移到某個 ## 標題之下，或在它前面加上 ## 標題');
      }
      return;
    }
    const { heading } = match;
    if (level === 1) {
      issue(line, `不可使用 # 一級標題「${heading}」：文件標題寫在前置資料的 title 欄位；章節請用 ## 或 ###`);
      return;
    }
    if (heading === '') {
      issue(line, '標題是空的：請在 ## 或 ### 之後寫出這一節的主題');
      return;
    }
    if (current) closed.push(current);
    if (level === 2) {
      current = { heading, line, body: [], children: 0, examples: [], programmes: [] };
      currentH2 = current;
    } else if (currentH2) {
      currentH2.children++;
      current = { heading, line, parent: currentH2, body: [], children: 0, examples: [], programmes: [] };
    } else {
      current = undefined;
      issue(line, `### 標題「${heading}」之前沒有 ## 標題：請先加上它所屬的 ## 章節`);
    }
  });
  if (current) closed.push(current);

  const sections: BodySection[] = [];
  const seen = new Map<string, number>();
  for (const open of closed) {
    const slug = slugOf(open.heading);
    const firstSeen = seen.get(slug);
    if (firstSeen !== undefined) {
      issue(open.line, `標題「${open.heading}」與第 ${firstSeen} 行的標題重複：同一文件內的標題必須不同，請改寫其中一個（例如加上原文編號）`);
      continue;
    }
    seen.set(slug, open.line);
    const body = open.body.join('\n').trim();
    if (body === '') {
      if (open.children > 0 && open.examples[0]) {
        issue(open.examples[0].line, `「${open.heading}」是分組標題，沒有自己的內文：請把例題移到回答它的 ### 子節之下`);
      }
      if (open.children > 0) continue;
      issue(open.line, `章節「${open.heading}」沒有內文：請補上原文內容，或刪除這個標題`);
      continue;
    }
    const headingPath = open.parent ? [open.parent.heading, open.heading] : [open.heading];
    sections.push({ slug, headingPath, text: body, line: open.line, examples: open.examples, programmes: open.programmes.length > 0 ? open.programmes : (open.parent?.programmes ?? []) });
  }

  if (closed.length === 0 && issues.length === 0) {
    issue(firstLine, '文件沒有任何 ## 章節：請以 ## 標題把內文分成章節');
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, sections };
}
