import { MessageFactory, type Activity } from 'botbuilder';
import { present, type PresentedReply, type TapTarget } from '../../bot/compose/presentation.ts';
import type { Citation, Reply } from '../../bot/types.ts';
import { answerCardAttachment, citationLabel } from './adaptive-card.ts';

/**
 * Renders one Reply as a message Activity, result first: an answer's text is its result, formula or reasons and why,
 * and its card holds the rest (notes, history and sources behind 「來源與說明」, the figures to copy, 👍/👎); other
 * replies carry a compact list of their sources. Phone numbers and web addresses are markdown links (tel:, https:);
 * quick replies are suggested actions (imBack, so tapping one sends it as the user's message).
 */
export function toActivity(reply: Reply): Partial<Activity> {
  const shown = present(reply);
  const text = linked(shown.layout ? answerText(shown) : textWithCitations(withoutSourcesLine(shown.text), reply.citations, reply.language), shown.targets);
  const suggestions = [...new Set(reply.quickReplies ?? [])].filter((s) => s.trim() !== '');
  const activity = suggestions.length > 0 ? MessageFactory.suggestedActions(suggestions, text) : MessageFactory.text(text);
  activity.textFormat = 'markdown';
  const card = shown.layout
    ? answerCardAttachment({ shown, citations: reply.citations, ...(reply.answerId ? { answerId: reply.answerId } : {}), ...(reply.language ? { language: reply.language } : {}) })
    : undefined;
  if (card) activity.attachments = [card];
  return activity;
}

export function textWithCitations(text: string, citations: Citation[], language?: 'en'): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const citation of citations) {
    const key = `${citation.sectionId ?? citation.documentId}#${citation.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${lines.length + 1}. ${citationLabel(citation)}`);
  }
  // Markdown needs a blank line before a list.
  return lines.length === 0 ? text : `${text}\n\n**${language === 'en' ? 'Sources' : '資料來源'}**\n\n${lines.join('\n')}`;
}

/** Markdown keeps single line breaks only at a paragraph's end: each line is its own paragraph. */
function answerText(shown: PresentedReply): string {
  const { lead, body, why } = shown.layout!;
  return [`**${lead.replaceAll('\n', ' ')}**`, ...body, ...(why ? [why] : [])].join('\n\n');
}

function withoutSourcesLine(text: string): string {
  return text.replace(/\n(?:資料來源：|Sources: )[^\n]*$/, '');
}

/** Each phone number or web address becomes a markdown link the first time it appears. */
function linked(text: string, targets: TapTarget[]): string {
  let result = text;
  for (const target of targets) if (target.kind !== 'email') result = result.replace(target.text, `[${target.text}](${target.href})`);
  return result;
}
