import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { Facts } from '../../rules/facts.ts';
import type { Understanding } from '../understand/types.ts';

/** The question the bot asks for a missing fact, with answers the user can tap. One fact at a time. */
export interface FactQuestion {
  fact: string;
  text: string;
  quickReplies: string[];
}

const YES_NO = ['是', '否'];
/** Longer replies say more than an answer: they are read on their own. */
const BARE_ANSWER_MAX = 24;

/** The question for a fact (domain/registry/facts.yaml): its own wording, or for a circumstance a yes-or-no question. */
export function questionFor(fact: string, domain: Domain = shippedDomain()): FactQuestion {
  const flagName = fact.startsWith('flags.') ? fact.slice('flags.'.length) : undefined;
  if (flagName) {
    const flag = domain.facts.flags.find((f) => f.flag === flagName);
    return { fact, text: flag?.question ?? '請再說明一下您的情形。', quickReplies: YES_NO };
  }
  const q = domain.facts.questions[fact as keyof Facts];
  return q ? { fact, text: q.question, quickReplies: q.quickReplies } : { fact, text: '請再提供多一點案件資訊，例如金額、成數、期間。', quickReplies: [] };
}

/**
 * What a reply to the bot's own question states, read as an answer to it, or undefined when it is not one:
 * 「是」「沒有」 to a yes-or-no question; the start of one of the answers offered (「女」 for 女性, 「一般」 for 一般貸款);
 * or a bare figure read after the question's subject (「300萬」 after the balance question is the balance, not a
 * loan: it is read as 「短、中期週轉授信總餘額300萬」). The result replaces the reply's own reading.
 */
export function answerToPending(
  pending: string | undefined,
  u: Understanding,
  read: (text: string) => Understanding,
  domain: Domain = shippedDomain(),
): Facts | undefined {
  if (!pending) return undefined;
  const field = pending.startsWith('flags.') ? pending.slice('flags.'.length) : pending;
  if (pending.startsWith('flags.') && u.bareAnswer) {
    return { ...u.facts, flags: { ...u.facts.flags, [field]: u.bareAnswer === 'yes' } };
  }
  // The gender question asks 「是女性嗎？」.
  if (pending === 'gender' && u.bareAnswer) return { ...u.facts, gender: u.bareAnswer === 'yes' ? 'female' : 'male' };
  if (has(u.facts, pending)) return undefined;
  const bare = u.text.replace(/[\s。！!.?？]/g, '');
  if (bare === '' || bare.length > BARE_ANSWER_MAX) return undefined;
  const offered = questionFor(pending, domain).quickReplies.filter((answer) => answer.startsWith(bare));
  const meant = offered.length === 1 ? read(offered[0] as string).facts : {};
  if (has(meant, pending)) return { ...u.facts, ...pick(meant, [pending]) };
  const subject = domain.facts.questions[pending as keyof Facts];
  if (!subject) return undefined;
  // (Read with the subject before the reply, or before its figure: 「我46」 is 「我年齡46」; and with the fact's unit after
  // it: 「我四十八」 is 「我四十八歲」.)
  const context = subject.context ?? subject.label;
  const figure = u.text.search(/[\d０-９零〇一二兩三四五六七八九十]/u);
  const readings = [
    `${context}${u.text}`,
    ...(figure > 0 ? [`${u.text.slice(0, figure)}${context}${u.text.slice(figure)}`] : []),
    ...(subject.unit && figure >= 0 ? [`${u.text}${subject.unit}`] : []),
  ];
  const inContext = readings.map((text) => read(text).facts).find((facts) => has(facts, pending));
  return inContext ? pick(inContext, [...Object.keys(u.facts), pending]) : undefined;
}

function has(facts: Facts, fact: string): boolean {
  if (fact.startsWith('flags.')) return facts.flags?.[fact.slice('flags.'.length) as keyof NonNullable<Facts['flags']>] !== undefined;
  return (facts as Record<string, unknown>)[fact] !== undefined;
}

function pick(facts: Facts, fields: string[]): Facts {
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (facts as Record<string, unknown>)[field];
    if (value !== undefined) picked[field] = value;
  }
  return picked as Facts;
}
