import { basename, extname } from 'node:path';
import type { CheckIssue } from './check-issue.ts';
import { describeSchemaIssues } from './describe-issue.ts';
import { readFrontMatter } from './front-matter.ts';
import { documentMetaSchema, type KnowledgeDocument } from './schema.ts';
import { readSections } from './sections.ts';

export type ParseResult = { ok: true; document: KnowledgeDocument } | { ok: false; issues: CheckIssue[] };

/**
 * Parses one knowledge file. `file` is the path shown in messages (relative to the project root);
 * its base name must equal the document id.
 */
export function parseKnowledgeFile(file: string, content: string): ParseResult {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const read = readFrontMatter(file, lines);
  if (!read.ok) return read;
  const { frontMatter } = read;

  const issues: CheckIssue[] = [];
  const parsed = documentMetaSchema.safeParse(frontMatter.data ?? {});
  if (!parsed.success) {
    issues.push(...describeSchemaIssues(file, parsed.error.issues, frontMatter.data, frontMatter.lineOf));
  }
  const expectedId = basename(file, extname(file));
  if (parsed.success && parsed.data.id !== expectedId) {
    issues.push({
      file,
      line: frontMatter.lineOf(['id']),
      field: 'id',
      severity: 'error',
      message: `id「${parsed.data.id}」與檔名不符：請把 id 改成「${expectedId}」，或把檔案改名為 ${parsed.data.id}.md`,
    });
  }

  const body = readSections(file, frontMatter.bodyLines, frontMatter.bodyFirstLine);
  if (!body.ok) issues.push(...body.issues);
  if (!parsed.success || !body.ok || issues.length > 0) {
    return { ok: false, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }

  const meta = parsed.data;
  const lineOf = frontMatter.lineOf;
  return {
    ok: true,
    document: {
      meta,
      file,
      lines: {
        id: lineOf(['id']),
        supersedes: meta.supersedes.map((_, index) => ({
          document: lineOf(['supersedes', index, 'document']),
          section: lineOf(['supersedes', index, 'section']),
          from: lineOf(['supersedes', index, 'from']),
        })),
      },
      sections: body.sections.map((section) => ({
        id: `${meta.id}#${section.slug}`,
        documentId: meta.id,
        title: meta.title,
        heading: section.headingPath.join(' > '),
        headingPath: section.headingPath,
        text: section.text,
        line: section.line,
        ...(section.examples.length > 0 ? { examples: section.examples } : {}),
        ...(section.programmes.length > 0 ? { programmes: section.programmes } : {}),
        issued: meta.issued,
        effectiveFrom: meta.effective.from,
        effectiveTo: meta.effective.to,
      })),
    },
  };
}
