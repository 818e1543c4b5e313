import type { Reply, ReplyKind } from '../types.ts';
import { isSourceWordsLine, isVersionLine } from './parameter-text.ts';
import { linesBesideCards } from './programme-cards.ts';
import { isSourcesLine } from './reply.ts';

/**
 * An answer as a phone screen should show it: the result first, then the formula or the reasons, then at most one
 * line of why this rate applies; version history, notes, rule dates and caveats folded away (a disclosure on the
 * web, a 「來源」 postback on LINE, a ShowCard in Bot Framework). The sources are the reply's citations.
 */
export interface AnswerLayout {
  /** The fee, the verdict, the figure asked for. */
  lead: string;
  /** The formula, the reasons, the other figures asked for, and warnings that change the answer. */
  body: string[];
  /** Why this rate: one line, in calculations. */
  why?: string;
  /** What a reader checking the answer wants and a reader using it does not: folded. */
  details: string[];
}

const LAID_OUT: ReadonlySet<ReplyKind> = new Set(['answer', 'calculation', 'eligibility']);

/** Lines folded in every answer: other versions, the sentences figures were read from, notes on a figure, the rule version, and asides in （…）. */
const FOLDED = /^(?:說明|適用規定)：|^（(?!提醒)/;
/** The rate line of a fee calculation, or the waiver that replaces it. */
const RATE_REASON = /^(?:適用年費率|保證手續費：送保期間免收|實際年費率)/;
/** An assumption the calculation made about what the person did not say: it changes the figure, so it stays. */
const ASSUMPTION = /^您未提供/;
/** Caps listed under an eligibility verdict: true, but not what was asked. */
const CAP = /上限：/;

/**
 * Splits an answer's lines into the parts of its layout. Questions back, greetings, fallbacks and errors are short
 * and have none: channels show their text as it is.
 */
export function answerLayout(reply: Reply): AnswerLayout | undefined {
  if (!LAID_OUT.has(reply.kind)) return undefined;
  // The finder's programmes are shown as cards after the lead, so their lines are not repeated in the layout.
  const lines = linesBesideCards(reply).filter((line) => line.trim() !== '');
  const first = lines.shift();
  if (first === undefined) return undefined;
  // 「依《…》〈…〉：」 and 「目前適用的是：」 introduce the result rather than state it: the next line belongs with them
  // (unless what it introduces is the cards).
  const introduces = first.endsWith('：') && lines.length > 0 && !reply.programmes?.length;
  const lead = introduces ? `${first}\n${lines.shift()}` : first;
  const layout: AnswerLayout = { lead, body: [], details: [] };
  for (const line of lines) {
    if (isSourcesLine(line) && reply.citations.length > 0) continue;
    if (isVersionLine(line) || isSourceWordsLine(line) || FOLDED.test(line) || isSourcesLine(line)) layout.details.push(line);
    else if (reply.kind === 'calculation' && RATE_REASON.test(line) && layout.why === undefined) layout.why = line;
    else if (reply.kind === 'calculation' && reply.card?.notes?.includes(line) && !ASSUMPTION.test(line)) layout.details.push(line);
    else if (reply.kind === 'eligibility' && CAP.test(line)) layout.details.push(line);
    else layout.body.push(line);
  }
  return layout;
}
