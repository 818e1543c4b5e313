import { z } from 'zod';
import type { ExampleQuestion } from './example-questions.ts';
import { programmeChoices, programmeRef } from './programme-refs.ts';
import { rocDateHint } from './roc-date.ts';

/**
 * The front matter of a knowledge document: the single definition of the format.
 * Unknown fields are errors, so a misspelt field name never passes silently.
 * Messages are written for fund staff: each says what to change.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z.string().refine(isIsoDate, {
  error: (issue) => `日期格式應為 YYYY-MM-DD，例如 2014-12-15；目前為「${String(issue.input)}」${rocDateHint(String(issue.input))}`,
});

export const DOCUMENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const documentId = z.string().regex(DOCUMENT_ID_PATTERN, {
  error: (issue) =>
    `id 只能用小寫英文字母、數字與連字號 -，例如 batch-guarantee-revision-2014；目前為「${String(issue.input)}」`,
});

const text = z.string().trim().min(1, { error: '不可為空白，請填入內容' });

/** A programme the document concerns: its code or official name (rules/programmes.ts), stored as the code. */
const programme = z
  .string()
  .trim()
  .refine((value) => programmeRef(value) !== undefined, {
    error: (issue) => `「${String(issue.input)}」不是已登記的保證項目：請寫代號或正式名稱，例如 youth_startup 或 青年創業貸款；可用的有 ${programmeChoices()}`,
  })
  .transform((value) => programmeRef(value)!);

export const supersessionSchema = z.strictObject({
  /** The id of the earlier document this one replaces (in part). */
  document: documentId,
  /** A section heading in that document, when only that section is replaced. */
  section: text.optional(),
  /** From when the replacement applies, when it differs from this document's effective date. */
  from: isoDate.optional(),
  note: text.optional(),
});

export const documentMetaSchema = z
  .strictObject({
    id: documentId,
    title: text,
    issuer: text,
    number: text.nullable(),
    issued: isoDate.nullable(),
    issued_note: text.optional(),
    effective: z.strictObject({
      from: isoDate.nullable(),
      to: isoDate.nullable(),
    }),
    source: text,
    supersedes: z.array(supersessionSchema),
    keywords: z.array(text).optional(),
    /** The programmes the whole document concerns; a section's own 「> 項目：…」 line overrides it. */
    programmes: z.array(programme).optional(),
  })
  .superRefine((meta, ctx) => {
    if (meta.issued === null && meta.issued_note === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['issued_note'],
        message: 'issued 為 null（來源未載日期）時必須填寫 issued_note，說明已知的日期資訊，例如「未載日期，約民國100年」',
      });
    }
    const { from, to } = meta.effective;
    if (from !== null && to !== null && to < from) {
      ctx.addIssue({
        code: 'custom',
        path: ['effective', 'to'],
        message: `失效日 effective.to（${to}）早於生效日 effective.from（${from}），請檢查兩個日期`,
      });
    }
  });

export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type Supersession = z.infer<typeof supersessionSchema>;

/** Field names in the order the format lists them, for messages about unknown fields. */
export const DOCUMENT_META_FIELDS = Object.keys(documentMetaSchema.shape);

export interface KnowledgeSection {
  /** `${documentId}#${slug}`; the slug is the section's own heading with white space collapsed to '-'. */
  id: string;
  documentId: string;
  /** The document title. */
  title: string;
  /** The heading path joined with ' > ' (`parent > child` for a ### section). */
  heading: string;
  headingPath: string[];
  /** The section's Markdown body, HTML comments removed. */
  text: string;
  /** 1-based line of the heading in its file. */
  line: number;
  /** Programme codes the section concerns (its 「> 項目：…」 line); when absent, its document's `programmes`. */
  programmes?: string[];
  /** Questions staff wrote under the section (「> 例題：…」): searched, never quoted. */
  examples?: ExampleQuestion[];
  issued: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Set when a later document's `supersedes` names this section or its document: the date the replacement applies. */
  supersededFrom?: string;
  /** The documents whose `supersedes` names this section or its document. */
  supersededBy?: string[];
}

export interface KnowledgeDocument {
  meta: DocumentMeta;
  /** Path of the file, relative to the project root when inside it. */
  file: string;
  sections: KnowledgeSection[];
  /** 1-based lines of front-matter fields that later checks (ids, supersessions) point at. */
  lines?: DocumentLines;
}

export interface DocumentLines {
  id: number;
  supersedes: Array<Record<'document' | 'section' | 'from', number>>;
}
