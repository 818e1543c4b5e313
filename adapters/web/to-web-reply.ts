import { present, type AnswerLayout, type TapTarget } from '../../bot/compose/presentation.ts';
import type { Citation, ProgrammeCard, Reply, ReplyKind, ResultCard } from '../../bot/types.ts';

export type WebCitation = Pick<Citation, 'documentId' | 'title' | 'section' | 'sectionId' | 'date' | 'dateLabel' | 'excerpt'>;

/** A Reply as the HTTP API publishes it: the fields a client renders, without internal ones such as the intent. */
export interface WebReply {
  kind: ReplyKind;
  /** The whole answer as plain text (with its labels in English when asked in English). */
  text: string;
  citations: WebCitation[];
  quickReplies?: string[];
  card?: ResultCard;
  /** The finder's proposals, best first, shown as cards after the lead (the layout leaves out their lines). */
  programmes?: ProgrammeCard[];
  answerId?: string;
  /** Answers only: the result first, then the formula or reasons and why; details to fold. */
  layout?: AnswerLayout;
  /** Phone numbers, web and e-mail addresses in the text, to link (tel:, https:, mailto:). */
  tapTargets?: TapTarget[];
  /** Calculations: what a copy button copies (figures, formula, and a CSV header and row). */
  copyText?: string;
  language?: 'en';
  /** The bot started the conversation over (「重新開始」): the page no longer counts what it shows as context. */
  startsOver?: true;
}

function toWebCitation(citation: Citation): WebCitation {
  const { documentId, title, section, sectionId, date, dateLabel, excerpt } = citation;
  return { documentId, title, section, sectionId, date, dateLabel, excerpt };
}

export function toWebReply(reply: Reply): WebReply {
  const { kind, citations, quickReplies, answerId, language, intent } = reply;
  const shown = present(reply);
  return {
    kind,
    text: shown.text,
    citations: citations.map(toWebCitation),
    quickReplies,
    card: shown.card,
    ...(shown.programmes ? { programmes: shown.programmes } : {}),
    answerId,
    ...(shown.layout ? { layout: shown.layout } : {}),
    ...(shown.targets.length > 0 ? { tapTargets: shown.targets } : {}),
    ...(shown.copy ? { copyText: shown.copy } : {}),
    ...(language ? { language } : {}),
    ...(intent === 'reset' ? { startsOver: true as const } : {}),
  };
}
