import type { ProgrammeCard, Reply, ResultCard } from '../types.ts';
import { answerLayout, type AnswerLayout } from './answer-layout.ts';
import { cardCopyText } from './copy-text.ts';
import { cardInEnglish, englishLabels } from './english-labels.ts';
import { tapTargets, type TapTarget } from './tap-targets.ts';

export type { AnswerLayout } from './answer-layout.ts';
export type { TapTarget } from './tap-targets.ts';

/** One reply as every channel renders it: the same layout, tap targets and copy text, in the reader's language. */
export interface PresentedReply {
  /** The whole answer as plain text, for channels and clients that show text only. */
  text: string;
  layout?: AnswerLayout;
  card?: ResultCard;
  /** The finder's proposals, shown as cards after the lead; the layout leaves out their lines. */
  programmes?: ProgrammeCard[];
  /** Phone numbers, web and e-mail addresses in the answer. */
  targets: TapTarget[];
  /** A calculation's figures as plain text and a CSV line, for a copy button. */
  copy?: string;
}

export function present(reply: Reply): PresentedReply {
  const label = reply.language === 'en' ? englishLabels : (text: string) => text;
  const layout = answerLayout(reply);
  const card = reply.card && reply.language === 'en' ? cardInEnglish(reply.card) : reply.card;
  return {
    text: label(reply.text),
    ...(layout
      ? {
          layout: {
            lead: label(layout.lead),
            body: layout.body.map(label),
            ...(layout.why ? { why: label(layout.why) } : {}),
            details: layout.details.map(label),
          },
        }
      : {}),
    ...(card ? { card } : {}),
    ...(reply.programmes?.length ? { programmes: reply.programmes } : {}),
    targets: tapTargets(reply.text),
    ...(card && reply.kind === 'calculation' && card.formula ? { copy: cardCopyText(card) } : {}),
  };
}
