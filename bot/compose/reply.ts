import { randomUUID } from 'node:crypto';
import type { Citation, Reply, ReplyKind, ResultCard } from '../types.ts';
import { dedupeCitations } from './citations.ts';

export interface ReplyParts {
  kind: ReplyKind;
  /** Lines of the answer; empty lines are dropped. The figure comes first. */
  lines: Array<string | undefined | false>;
  citations?: Citation[];
  quickReplies?: string[];
  card?: ResultCard;
  intent?: string;
  /** Answers (not questions back, greetings or errors) can receive 👍/👎. */
  feedback?: boolean;
}

const MAX_QUICK_REPLIES = 6;

export function reply(parts: ReplyParts): Reply {
  const quickReplies = [...new Set(parts.quickReplies ?? [])].slice(0, MAX_QUICK_REPLIES);
  return {
    kind: parts.kind,
    text: parts.lines.filter((l): l is string => typeof l === 'string' && l.length > 0).join('\n'),
    citations: dedupeCitations(parts.citations ?? []),
    ...(quickReplies.length ? { quickReplies } : {}),
    ...(parts.card ? { card: parts.card } : {}),
    ...(parts.feedback ? { answerId: randomUUID() } : {}),
    ...(parts.intent ? { intent: parts.intent } : {}),
  };
}

/** 「資料來源：批次信用保證要點〈說明三〉（民國103年11月5日發布）」 lines, so the text cites even where cards are not shown. */
export function sourcesLine(citations: readonly Citation[]): string | undefined {
  if (citations.length === 0) return undefined;
  const items = dedupeCitations(citations)
    .slice(0, 3)
    .map((c) => `《${c.title}》〈${c.section}〉${c.dateLabel ? `（${c.dateLabel}）` : ''}`);
  return `資料來源：${items.join('；')}`;
}
