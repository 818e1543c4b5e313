import { docxBlocks } from './docx-blocks.ts';
import { draftDocument, type DraftDocument } from './draft-document.ts';
import { pdfBlocks } from './pdf-blocks.ts';

export type { DraftDocument } from './draft-document.ts';

export class UnsupportedImportError extends Error {
  override readonly name = 'UnsupportedImportError';
  constructor(readonly extension: string) {
    super(`只能匯入 .pdf 或 .docx 檔（目前為「${extension || '沒有副檔名'}」）；.doc 請先在 Word 另存為 .docx`);
  }
}

export interface ImportSource {
  fileName: string;
  /** `.pdf` or `.docx`. */
  extension: string;
  /** ISO date, for the draft's note (and its id when the file name has none to give). */
  importedOn: string;
  /** The document id, when the draft is saved under a name of the caller's choosing. */
  id?: string;
}

/** A draft knowledge document from a PDF or Word announcement. */
export async function importDraft(data: Buffer, source: ImportSource): Promise<DraftDocument> {
  const extension = source.extension.toLowerCase();
  if (extension === '.pdf') return draftDocument(await pdfBlocks(new Uint8Array(data)), source);
  if (extension === '.docx') return draftDocument(await docxBlocks(data), source);
  throw new UnsupportedImportError(source.extension);
}
