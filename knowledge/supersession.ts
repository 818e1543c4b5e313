import type { CheckIssue } from './check-issue.ts';
import type { KnowledgeDocument, KnowledgeSection } from './schema.ts';
import { slugOf } from './sections.ts';

/**
 * Checks every `supersedes` entry against the other documents and marks the sections it names
 * with the date the replacement applies (the earliest, when several later documents replace one).
 */
export function linkSupersessions(documents: KnowledgeDocument[]): CheckIssue[] {
  const byId = new Map(documents.map((document) => [document.meta.id, document]));
  const issues: CheckIssue[] = [];

  for (const document of documents) {
    document.meta.supersedes.forEach((entry, index) => {
      const field = `supersedes[${index}]`;
      const issue = (severity: CheckIssue['severity'], message: string, part: 'document' | 'section' | 'from' = 'document') => {
        const line = document.lines?.supersedes[index]?.[part];
        issues.push({ file: document.file, ...(line ? { line } : {}), field: `${field}.${part}`, severity, message });
      };

      const target = byId.get(entry.document);
      if (!target) {
        const known = [...byId.keys()].filter((id) => id !== document.meta.id).join('、');
        issue('error', `找不到 id 為「${entry.document}」的文件：請改成現有文件的 id（${known || '目前沒有其他文件'}）`);
        return;
      }
      if (target === document) {
        issue('error', '文件不能取代自己：請填被取代的先前文件 id');
        return;
      }
      const sections = entry.section === undefined ? target.sections : sectionsNamed(target, entry.section);
      if (sections.length === 0) {
        const headings = target.sections.map((section) => section.heading).join('、');
        issue('error', `文件「${target.meta.id}」沒有標題為「${entry.section}」的章節：請照該文件的標題填寫（現有：${headings}）`, 'section');
        return;
      }
      const from = entry.from ?? document.meta.effective.from ?? document.meta.issued;
      if (from === null) {
        issue('warning', '無法判斷從何時起取代：請填 from，或本文件的 effective.from', 'from');
        return;
      }
      for (const section of sections) {
        if (section.supersededFrom === undefined || from < section.supersededFrom) section.supersededFrom = from;
        if (!section.supersededBy?.includes(document.meta.id)) section.supersededBy = [...(section.supersededBy ?? []), document.meta.id];
      }
    });
  }
  return issues;
}

/** A section is named by its own heading, its full `parent > child` heading, or its group (`##`) heading. */
function sectionsNamed(document: KnowledgeDocument, name: string): KnowledgeSection[] {
  const wanted = slugOf(name);
  return document.sections.filter(
    (section) =>
      slugOf(section.headingPath[section.headingPath.length - 1] ?? '') === wanted ||
      slugOf(section.heading) === wanted ||
      (section.headingPath.length > 1 && slugOf(section.headingPath[0] ?? '') === wanted),
  );
}
