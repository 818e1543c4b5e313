import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { KnowledgeDocument, KnowledgeSection } from '../../knowledge/schema.ts';
import type { Reference } from '../../rules/schema.ts';
import type { TraceStep } from '../../rules/trace.ts';
import type { Citation } from '../types.ts';
import { formatRocDate } from './format.ts';
import { plainText } from '../../knowledge/passages.ts';

const EXCERPT_LENGTH = 240;

/** Finds documents and sections by id for citing; built once per knowledge version. */
export class CitationIndex {
  private readonly documents = new Map<string, KnowledgeDocument>();
  private readonly sections = new Map<string, KnowledgeSection>();

  constructor(kb: KnowledgeBase) {
    for (const doc of kb.documents) this.documents.set(doc.meta.id, doc);
    for (const section of kb.sections) this.sections.set(sectionKey(section.documentId, section.heading), section);
  }

  document(id: string): KnowledgeDocument | undefined {
    return this.documents.get(id);
  }

  /** A citation for a knowledge section, with the cited passage. */
  forSection(section: KnowledgeSection, excerpt?: string): Citation {
    const doc = this.documents.get(section.documentId);
    return {
      documentId: section.documentId,
      title: section.title,
      section: section.heading,
      sectionId: section.id,
      ...(section.issued ? { date: section.issued } : {}),
      dateLabel: doc ? documentDateLabel(doc) : undefined,
      excerpt: clip(excerpt ?? plainText(section.text), EXCERPT_LENGTH),
    };
  }

  /** A citation for a rule parameter's reference: the section it names, dated by when the value took effect. */
  forReference(reference: Reference, effectiveFrom: string, parameter?: string): Citation {
    const section = this.sections.get(sectionKey(reference.document, reference.section));
    const doc = this.documents.get(reference.document);
    const base: Citation = section
      ? this.forSection(section, reference.quote)
      : { documentId: reference.document, title: reference.title, section: reference.section, excerpt: reference.quote };
    const applies = isRealDate(effectiveFrom) ? `${formatRocDate(effectiveFrom)}起適用` : undefined;
    const label = [doc ? documentDateLabel(doc) : undefined, applies].filter(Boolean).join('；');
    return {
      ...base,
      ...(isRealDate(effectiveFrom) ? { date: effectiveFrom } : {}),
      ...(label ? { dateLabel: label } : {}),
      ...(parameter ? { parameter } : {}),
    };
  }

  /** One citation per distinct section behind the parameters a result read. */
  forTrace(steps: readonly TraceStep[]): Citation[] {
    const citations: Citation[] = [];
    for (const step of steps) {
      if (step.kind !== 'parameter') continue;
      citations.push(this.forReference(step.reference, step.effectiveFrom, step.name));
    }
    return dedupeCitations(citations);
  }
}

/** Keeps the first citation of each section (and the earliest date seen for it). */
export function dedupeCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of citations) {
    const key = `${c.documentId}#${c.section}#${c.date ?? ''}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

/** 「民國103年11月5日發文」, or the note of an undated document. */
export function documentDateLabel(doc: KnowledgeDocument): string {
  const { issued, issued_note: note } = doc.meta as { issued: string | null; issued_note?: string };
  if (issued) return `${formatRocDate(issued)}發布`;
  // An undated document's note can be long; its first clause says enough in a citation.
  return note ? note.split(/[（；(;]/)[0]!.trim() || '未載日期' : '未載日期';
}

/** Dates before any source (such as 0001-01-01 for "since before the dated documents") are not shown. */
function isRealDate(iso: string): boolean {
  return iso >= '1900-01-01';
}

function sectionKey(documentId: string, heading: string): string {
  return `${documentId}\u0000${heading}`;
}

/** Markdown to plain text for excerpts: the one reading of knowledge/ (no table pipes, emphasis or list markers). */
export { plainText };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
