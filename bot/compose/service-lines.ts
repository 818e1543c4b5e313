import type { Citation } from '../types.ts';

interface SectionLike {
  id: string;
  documentId: string;
  title: string;
  heading: string;
  text: string;
  issued: string | null;
}

export interface ServiceLines {
  /** e.g. [{ name: '企業客服專線', number: '0800-089-921' }, { name: '規章諮詢專線', number: '(02)2397-3557' }] */
  lines: Array<{ name: string; number: string }>;
  citation?: Citation;
}

const LINE_PATTERN = /([\p{Script=Han}]{2,8}專線)\s*[：:]\s*(\(?0\d[\d()\-]{5,})/gu;

/**
 * The fund's service lines as the knowledge states them (「企業客服專線：0800-089-921」), so the
 * "I cannot answer" reply points people to numbers that come from a document, with its citation.
 */
export function findServiceLines(sections: readonly SectionLike[]): ServiceLines {
  for (const section of sections) {
    const lines = [...section.text.matchAll(LINE_PATTERN)].map((m) => ({ name: m[1]!, number: m[2]! }));
    if (lines.length === 0) continue;
    lines.sort((a, b) => rank(a.name) - rank(b.name));
    return {
      lines,
      citation: {
        documentId: section.documentId,
        title: section.title,
        section: section.heading,
        sectionId: section.id,
        date: section.issued ?? undefined,
      },
    };
  }
  return { lines: [] };
}

/** Businesses first: the free enterprise line leads. */
function rank(name: string): number {
  return name.includes('客服') ? 0 : 1;
}

export function serviceLinesText(service: ServiceLines): string {
  if (service.lines.length === 0) return '請洽信保基金各服務據點。';
  return service.lines.map((l) => `${l.name.replace(/專線$/, '')} ${l.number}`).join('、');
}
