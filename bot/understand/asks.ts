import type { Mention, MentionUnit } from './mention.ts';
import { shippedDomain, type AskTopic, type Domain } from '../../domain/index.ts';
import type { Ask } from './types.ts';

/**
 * What a message asks about (words in domain/registry/asks.yaml). A topic word counts unless a figure follows it at once,
 * because then it states a fact instead of asking (「保證成數8成」 states a ratio; 「保證成數最高幾成」 asks one).
 * Fee questions are split here: fee_amount when there is an amount to apply them to.
 */
const CLAUSE = /[^,，。;；!！?？\n]*[,，。;；!！?？\n]?/g;

export interface AskContext {
  mentions: Mention[];
  hasAmount: boolean;
}

/** The figures that can be a topic's value: 「手續費0.3%」 states a fee, 「手續費一年多少」 still asks one. */
const VALUE_UNITS: Partial<Record<AskTopic, ReadonlySet<MentionUnit>>> = {
  fee: new Set(['percent', 'amount']),
  max_ratio: new Set(['ratio', 'percent']),
  age_limit: new Set(['age']),
  cap_amount: new Set(['amount']),
};

function statesAFigure(topic: AskTopic, end: number, text: string, mentions: Mention[]): boolean {
  const next = mentions.find((m) => m.index >= end);
  if (!next) return false;
  if (VALUE_UNITS[topic] && !VALUE_UNITS[topic].has(next.unit)) return false;
  return /^\s*(?:(?:是|為|为|:|約|大概|有|達|共)\s*)?$/.test(text.slice(end, next.index));
}

/** Clause spans of the text, each with whether it asks something. */
function clauses(text: string, question: RegExp): Array<{ index: number; end: number; asking: boolean }> {
  return [...text.matchAll(CLAUSE)].filter((c) => c[0].length > 0).map((c) => ({ index: c.index, end: c.index + c[0].length, asking: question.test(c[0]) }));
}

export function findAsks(text: string, { mentions, hasAmount }: AskContext, domain: Domain = shippedDomain()): Ask[] {
  const words = domain.asks;
  const found: Array<{ ask: Ask; index: number }> = [];
  const spans = clauses(text, domain.intents.question);
  const asksAnything = spans.some((c) => c.asking);
  const inAskingClause = (index: number) => !asksAnything || spans.some((c) => c.asking && index >= c.index && index < c.end);
  for (const { topic, cue } of words.topics) {
    for (const match of text.matchAll(cue)) {
      if (statesAFigure(topic, match.index + match[0].length, text, mentions)) continue;
      if (!words.interrogative.test(match[0]) && !inAskingClause(match.index)) continue;
      const ask: Ask =
        topic !== 'fee' ? topic : match[0].endsWith('率') || !(hasAmount || words.feeAmountWithFee.test(text)) ? 'fee_rate' : 'fee_amount';
      found.push({ ask, index: match.index });
      break;
    }
  }
  // 「要繳多少錢？」 asks for a fee only about a loan or a fee: 「展延預估多少錢？」 asks for a figure in the documents.
  const aboutFees = hasAmount || found.some((f) => f.ask === 'fee_rate');
  if (!found.some((f) => f.ask === 'fee_amount') && aboutFees && words.feeAmountQuestion.test(text)) {
    found.push({ ask: 'fee_amount', index: text.search(words.feeAmountQuestion) });
  }
  // 「批保的手續費率是什麼」 asks for the rate, not a definition; 「營授比怎麼算」 asks for one.
  const clauseOf = (index: number) => spans.findIndex((c) => index >= c.index && index < c.end);
  const isVague = (f: { ask: Ask; index: number }) =>
    f.ask === 'definition' &&
    words.vagueDefinition.test(text.slice(f.index, f.index + 4)) &&
    found.some((other) => other.ask !== 'definition' && clauseOf(other.index) === clauseOf(f.index));
  const kept = found.filter((f) => !isVague(f));
  return [...new Set(kept.sort((a, b) => a.index - b.index).map((f) => f.ask))];
}
