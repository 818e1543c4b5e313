import { MessageFactory, type Activity } from 'botbuilder';
import type { Citation, Reply } from '../../bot/types.ts';
import { resultCardAttachment } from './adaptive-card.ts';

/**
 * Renders one Reply as a message Activity: the text with a compact list of sources (markdown), quick replies as
 * suggested actions (imBack, so tapping one sends it as the user's message), and an Adaptive Card for results.
 */
export function toActivity(reply: Reply): Partial<Activity> {
  const text = textWithCitations(reply.text, reply.citations);
  const suggestions = [...new Set(reply.quickReplies ?? [])].filter((s) => s.trim() !== '');
  const activity = suggestions.length > 0 ? MessageFactory.suggestedActions(suggestions, text) : MessageFactory.text(text);
  activity.textFormat = 'markdown';
  if (reply.card) activity.attachments = [resultCardAttachment(reply.card, reply.answerId)];
  return activity;
}

export function textWithCitations(text: string, citations: Citation[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const citation of citations) {
    const key = citation.sectionId ?? `${citation.documentId}#${citation.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${lines.length + 1}. ${citationLabel(citation)}`);
  }
  // Markdown needs a blank line before a list.
  return lines.length === 0 ? text : `${text}\n\n**資料來源**\n\n${lines.join('\n')}`;
}

function citationLabel(citation: Citation): string {
  const where = citation.section ? `${citation.title} > ${citation.section}` : citation.title;
  const when = citation.dateLabel ?? citation.date;
  return when ? `${where}（${when}）` : where;
}
