import type { Citation, Reply, ReplyKind, ResultCard } from '../../bot/types.ts';

export type WebCitation = Pick<Citation, 'documentId' | 'title' | 'section' | 'sectionId' | 'date' | 'dateLabel' | 'excerpt'>;

/** A Reply as the HTTP API publishes it: the fields a client renders, without internal ones such as the intent. */
export interface WebReply {
  kind: ReplyKind;
  text: string;
  citations: WebCitation[];
  quickReplies?: string[];
  card?: ResultCard;
  answerId?: string;
}

function toWebCitation(citation: Citation): WebCitation {
  const { documentId, title, section, sectionId, date, dateLabel, excerpt } = citation;
  return { documentId, title, section, sectionId, date, dateLabel, excerpt };
}

export function toWebReply(reply: Reply): WebReply {
  const { kind, text, citations, quickReplies, card, answerId } = reply;
  return { kind, text, citations: citations.map(toWebCitation), quickReplies, card, answerId };
}
