import { randomUUID } from 'node:crypto';
import type { Citation, ProgrammeCard, Reply, ReplyKind, ResultCard } from '../types.ts';
import { dedupeCitations } from './citations.ts';
import { isFeeHistory, isVersionLine } from './parameter-text.ts';

export interface ReplyParts {
  kind: ReplyKind;
  /** Lines of the answer; empty lines are dropped. The figure comes first. */
  lines: Array<string | undefined | false>;
  citations?: Citation[];
  quickReplies?: string[];
  card?: ResultCard;
  programmes?: ProgrammeCard[];
  intent?: string;
  /** Answers (not questions back, greetings or errors) can receive 👍/👎. */
  feedback?: boolean;
  /** The reply says the documents do not give what was asked (Reply.notInDocuments). */
  notInDocuments?: boolean;
}

const MAX_QUICK_REPLIES = 6;

export function reply(parts: ReplyParts): Reply {
  const quickReplies = [...new Set(parts.quickReplies ?? [])].slice(0, MAX_QUICK_REPLIES);
  const lines = parts.lines.filter((l): l is string => typeof l === 'string' && l.length > 0);
  return {
    kind: parts.kind,
    text: (parts.kind === 'calculation' ? lines.filter(bearsOnFee) : lines).join('\n'),
    citations: dedupeCitations(parts.citations ?? []),
    ...(quickReplies.length ? { quickReplies } : {}),
    ...(parts.card ? { card: parts.card } : {}),
    ...(parts.programmes?.length ? { programmes: parts.programmes } : {}),
    ...(parts.feedback ? { answerId: randomUUID() } : {}),
    ...(parts.intent ? { intent: parts.intent } : {}),
    ...(parts.notInDocuments ? { notInDocuments: true as const } : {}),
  };
}

/**
 * A fee reads several parameters (the rate, the highest ratio, caps), but only the rate's history changes the fee:
 * the ratio's history under a fee answer answered a question nobody asked.
 */
function bearsOnFee(line: string): boolean {
  return !isVersionLine(line) || isFeeHistory(line);
}

const SOURCES_LINE = '資料來源：';

/** 「資料來源：批次信用保證要點〈說明三〉（民國103年11月5日發布）」 lines, so the text cites even where cards are not shown. */
export function sourcesLine(citations: readonly Citation[]): string | undefined {
  if (citations.length === 0) return undefined;
  // One section is named once, with the first date given for it (a rule's 「起適用」 before the document's own).
  const named = new Map<string, string>();
  for (const c of citations) {
    const where = `《${c.title}》〈${c.section}〉`;
    if (!named.has(where)) named.set(where, `${where}${c.dateLabel ? `（${c.dateLabel}）` : ''}`);
  }
  return `${SOURCES_LINE}${[...named.values()].slice(0, 3).join('；')}`;
}

export function isSourcesLine(line: string): boolean {
  return line.startsWith(SOURCES_LINE);
}
