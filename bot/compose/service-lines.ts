import type { Citation } from '../types.ts';
import { formatRocDate } from './format.ts';

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
  /** 「週一至週五 8:30～17:30」, when the section states its hours (服務時間：…). */
  hours?: string;
  /** The fund's web address and service mailbox, when the same section gives them. */
  website?: string;
  email?: string;
  citation?: Citation;
}

const LINE_PATTERN = /([\p{Script=Han}]{2,8}專線)\s*[：:]\s*(\(?0\d[\d()\-]{5,})/gu;
const HOURS = /服務時間\s*[：:]\s*([^\n]{2,60})/u;
const WEBSITE = /網址\s*[：:]\s*<?(https?:\/\/[^\s<>]+)/u;
const EMAIL = /信箱\s*[：:]\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/u;

/**
 * The fund's service lines as the knowledge states them (「企業客服專線：0800-089-921」), with the hours, web
 * address and mailbox of the same section, so the "I cannot answer" reply and the handoff to a person point
 * people to numbers that come from a document, with its citation.
 */
export function findServiceLines(sections: readonly SectionLike[]): ServiceLines {
  for (const section of sections) {
    const lines = [...section.text.matchAll(LINE_PATTERN)].map((m) => ({ name: m[1]!, number: m[2]! }));
    if (lines.length === 0) continue;
    lines.sort((a, b) => rank(a.name) - rank(b.name));
    const hours = HOURS.exec(section.text)?.[1]?.trim();
    const website = WEBSITE.exec(section.text)?.[1];
    const email = EMAIL.exec(section.text)?.[1];
    return {
      lines,
      ...(hours ? { hours } : {}),
      ...(website ? { website } : {}),
      ...(email ? { email } : {}),
      citation: {
        documentId: section.documentId,
        title: section.title,
        section: section.heading,
        sectionId: section.id,
        ...(section.issued ? { date: section.issued, dateLabel: `${formatRocDate(section.issued)}發布` } : {}),
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

/** Every way to reach the fund the knowledge gives, one per line: lines, hours, web address, mailbox. */
export function contactLines(service: ServiceLines): string[] {
  return [
    `服務專線：${serviceLinesText(service)}`,
    ...(service.hours ? [`服務時間：${service.hours}`] : []),
    ...(service.website ? [`網址：${service.website}`] : []),
    ...(service.email ? [`客服信箱：${service.email}`] : []),
  ];
}
