import type { Sources } from '../../bot/sources.ts';
import { questionKey } from '../../knowledge/example-questions.ts';
import type { InboxRow } from '../http/interaction-inbox.ts';

export type Resolution =
  | { kind: 'example'; sectionId: string; title: string; section: string }
  | { kind: 'out_of_scope'; marked: string; note?: string };

export interface InboxItem extends InboxRow {
  /** The sources named in the answer's 「資料來源：」 line. */
  citations: Array<{ title: string; section: string; date?: string }>;
  /** Set once the question is an example of a section, or marked out of scope, in the live knowledge. */
  resolution?: Resolution;
  /** The sections search finds for the question today, to attach it to. */
  suggestions: Array<{ sectionId: string; title: string; section: string }>;
}

export type InboxOrder = 'recent' | 'frequent';

/**
 * The inbox as staff work through it: each question with what was answered and cited, whether it has been dealt
 * with (in the knowledge files, so every instance and every reload agrees), and where it might belong.
 */
export function inboxItems(rows: InboxRow[], sources: Sources, today: string, order: InboxOrder): InboxItem[] {
  const resolutions = new Map<string, Resolution>();
  for (const section of sources.knowledge.sections) {
    for (const example of section.examples ?? []) {
      resolutions.set(questionKey(example.question), { kind: 'example', sectionId: section.id, title: section.title, section: section.heading });
    }
  }
  for (const entry of sources.knowledge.outOfScope ?? []) {
    resolutions.set(questionKey(entry.question), { kind: 'out_of_scope', marked: entry.marked, ...(entry.note ? { note: entry.note } : {}) });
  }
  const items = rows.map((row): InboxItem => {
    const resolution = resolutions.get(questionKey(row.question));
    const suggestions = resolution
      ? []
      : sources.index.search(row.question, { limit: 3, asOf: today, includeHistory: true }).map((hit) => ({ sectionId: hit.sectionId, title: hit.title, section: hit.section }));
    return { ...row, citations: citationsIn(row.answer), ...(resolution ? { resolution } : {}), suggestions };
  });
  const times = (item: InboxItem) => item.unanswered + item.lowConfidence + item.down;
  return order === 'frequent' ? items.sort((a, b) => times(b) - times(a) || b.lastAt.localeCompare(a.lastAt)) : items;
}

const SOURCES = '資料來源：';

/** 「資料來源：《標題》〈章節〉（日期）；《…》〈…〉」 → the cited documents and sections. */
export function citationsIn(answer: string | undefined): InboxItem['citations'] {
  const line = answer?.split('\n').find((candidate) => candidate.startsWith(SOURCES));
  if (!line) return [];
  return line
    .slice(SOURCES.length)
    .split('；')
    .flatMap((item) => {
      const title = between(item, '《', '》');
      const section = between(item, '〈', '〉');
      if (!title || !section) return [];
      // The date label may hold brackets of its own: （民國103年11月5日（2014-11-05）發布）.
      const after = item.slice(item.indexOf('〉') + 1).trim();
      const date = after.startsWith('（') && after.endsWith('）') ? after.slice(1, -1) : undefined;
      return [{ title, section, ...(date ? { date } : {}) }];
    });
}

function between(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
  return end < 0 ? undefined : text.slice(start + open.length, end);
}
