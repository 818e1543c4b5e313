import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { KnowledgeDocument, KnowledgeSection } from '../../knowledge/schema.ts';
import type { Reference } from '../../rules/schema.ts';
import type { TraceStep } from '../../rules/trace.ts';
import type { Citation } from '../types.ts';
import { formatRocDate } from './format.ts';
import { isProgrammeId, PROGRAMMES } from '../../rules/programmes.ts';
import { plainText } from '../../knowledge/passages.ts';

const EXCERPT_LENGTH = 240;

/**
 * Finds documents and sections by id for citing; built once per knowledge version. A citation depends on nothing
 * but the version and what is cited, so each is made once and shared (citations are never changed once made, as
 * the bot's answer memo already shares them between turns).
 */
export class CitationIndex {
  private readonly documents = new Map<string, KnowledgeDocument>();
  private readonly sections = new Map<string, KnowledgeSection>();
  private readonly dateLabels = new Map<string, string>();
  /** A section's own excerpt (its text, plain and clipped), for citations that quote no passage. */
  private readonly sectionExcerpts = new WeakMap<KnowledgeSection, string>();
  /** Citations of a rule parameter's reference, by the date its value took effect and the parameter's name. */
  private readonly referenceCitations = new WeakMap<Reference, Map<string, Citation>>();

  constructor(kb: KnowledgeBase) {
    for (const doc of kb.documents) {
      this.documents.set(doc.meta.id, doc);
      this.dateLabels.set(doc.meta.id, documentDateLabel(doc));
    }
    for (const section of kb.sections) this.sections.set(sectionKey(section.documentId, section.heading), section);
  }

  private dateLabelOf(documentId: string): string | undefined {
    return this.documents.has(documentId) ? this.dateLabels.get(documentId) : undefined;
  }

  private excerptOf(section: KnowledgeSection): string {
    let excerpt = this.sectionExcerpts.get(section);
    if (excerpt === undefined) {
      excerpt = clip(plainText(section.text), EXCERPT_LENGTH);
      this.sectionExcerpts.set(section, excerpt);
    }
    return excerpt;
  }

  document(id: string): KnowledgeDocument | undefined {
    return this.documents.get(id);
  }

  /** A citation for a knowledge section, with the cited passage. */
  forSection(section: KnowledgeSection, excerpt?: string): Citation {
    return {
      documentId: section.documentId,
      title: section.title,
      section: section.heading,
      sectionId: section.id,
      ...(section.issued ? { date: section.issued } : {}),
      dateLabel: this.dateLabelOf(section.documentId),
      excerpt: excerpt === undefined ? this.excerptOf(section) : clip(excerpt, EXCERPT_LENGTH),
    };
  }

  /** A citation for a rule parameter's reference: the section it names, dated by when the value took effect. */
  forReference(reference: Reference, effectiveFrom: string, parameter?: string): Citation {
    let made = this.referenceCitations.get(reference);
    if (!made) {
      made = new Map();
      this.referenceCitations.set(reference, made);
    }
    const key = `${effectiveFrom}\u0000${parameter ?? ''}`;
    let citation = made.get(key);
    if (!citation) {
      citation = this.citeReference(reference, effectiveFrom, parameter);
      made.set(key, citation);
    }
    return citation;
  }

  private citeReference(reference: Reference, effectiveFrom: string, parameter?: string): Citation {
    const section = this.sections.get(sectionKey(reference.document, reference.section));
    const cited: Citation = section
      ? this.forSection(section, reference.quote)
      : { documentId: reference.document, title: reference.title, section: reference.section, excerpt: reference.quote };
    // 「〈2. 專案保證：(2) 專案保證項目表～企業部分 > 青年創業貸款〉」: a figure read from one row of a table is cited by its row.
    const row = section ? tableRowOf(section.text, reference.quote, parameter) : undefined;
    const base = row ? { ...cited, section: `${cited.section} > ${row}` } : cited;
    const applies = isRealDate(effectiveFrom) ? `${formatRocDate(effectiveFrom)}起適用` : undefined;
    const label = [this.dateLabelOf(reference.document), applies].filter(Boolean).join('；');
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

/**
 * The label (first cell) of the one table row of a section's text holding the quote: 「青年創業貸款」 for 「0.75%~1.5%」.
 * When several rows hold it (「9.5成」 in 火金姑's and 鳳凰's), the row of the parameter's programme; otherwise none.
 */
export function tableRowOf(text: string, quote: string | undefined, parameter?: string): string | undefined {
  const wanted = squeeze(quote ?? '');
  if (!wanted) return undefined;
  const rows = text.split('\n').filter((line) => line.trimStart().startsWith('|') && !/^\s*\|[\s|:-]*$/u.test(line));
  if (rows.length < 3) return undefined;
  const labelled = rows.slice(1).map((line) => {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { label: (cells[0] ?? '').split('*')[0]!.trim(), text: squeeze(cells.join('')) };
  });
  const holding = labelled.filter((r) => r.label && r.text.includes(wanted));
  if (holding.length === 1) return holding[0]!.label;
  const folder = parameter?.split('.')[0];
  const programme = folder && isProgrammeId(folder) ? PROGRAMMES[folder].name : undefined;
  const own = programme ? holding.filter((r) => r.label === programme) : [];
  return own.length === 1 ? own[0]!.label : undefined;
}

function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
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
