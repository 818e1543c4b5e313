import type { CheckIssue } from '../knowledge/check-issue.ts';
import { checkParameters } from './load.ts';
import type { ParameterSet } from './schema.ts';

export interface KnownSections {
  sections: Array<{ documentId: string; title: string; heading: string }>;
}

/**
 * Every problem in the rules parameters: format errors, and references to documents, titles or
 * section headings that the knowledge files do not have. Messages say what to change.
 */
export async function checkRules(parametersDir: string, known: KnownSections): Promise<CheckIssue[]> {
  const { set, issues } = await checkParameters(parametersDir);
  return set ? [...issues, ...checkReferences(set, known)] : issues;
}

/** References of an already loaded set against the knowledge sections. */
export function checkReferences(set: ParameterSet, known: KnownSections): CheckIssue[] {
  const documents = new Map<string, { title: string; headings: Set<string> }>();
  for (const s of known.sections) {
    const doc = documents.get(s.documentId) ?? { title: s.title, headings: new Set<string>() };
    doc.headings.add(s.heading);
    documents.set(s.documentId, doc);
  }
  const issues: CheckIssue[] = [];
  for (const parameter of set.parameters.values()) {
    for (const value of parameter.values) for (const [index, reference] of [value.reference, ...(value.also ?? [])].entries()) {
      const field = index === 0 ? `values.${value.effectiveFrom}.reference` : `values.${value.effectiveFrom}.also.${index - 1}`;
      const { document, title, section } = reference;
      const issue = (suffix: 'document' | 'title' | 'section', message: string) => {
        const line = index === 0 ? (value.lines?.[suffix] ?? value.lines?.date) : value.lines?.date;
        issues.push({ file: parameter.file, ...(line ? { line } : {}), field: `${field}.${suffix}`, message, severity: 'error' });
      };
      const doc = documents.get(document);
      if (!doc) {
        const ids = [...documents.keys()].join('、');
        issue('document', `找不到文件「${document}」；請改為 knowledge/documents/ 中某個文件的 id（檔名去掉 .md），現有：${ids}`);
        continue;
      }
      if (title !== doc.title) {
        issue('title', `標題「${title}」與文件 ${document} 的標題不符；請改為「${doc.title}」`);
      }
      if (!doc.headings.has(section)) {
        issue(
          'section',
          `文件 ${document} 沒有章節「${section}」；請改為該文件中某個 ## 標題的完整文字（### 子標題寫成「上層標題 > 子標題」）${suggest(section, doc.headings)}。` +
            `該文件的章節：${[...doc.headings].map((heading) => `「${heading}」`).join('、')}`,
        );
      }
    }
  }
  return issues;
}

/** The closest heading by shared characters, to help a typo. */
function suggest(section: string, headings: Set<string>): string {
  let best: string | undefined;
  let bestScore = 0;
  const wanted = new Set(section);
  for (const heading of headings) {
    const shared = [...new Set(heading)].filter((c) => wanted.has(c)).length;
    const score = shared / Math.max(new Set(heading).size, wanted.size);
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  return best && bestScore >= 0.5 ? `，例如「${best}」` : '';
}
