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

/** The question for a fact (domain/facts.yaml): its own wording, or for a circumstance a yes-or-no question. */
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
 * A bare reply to the question the bot asked: 「是」「沒有」 to a yes-or-no question, or the start of one of the
 * answers it offered (「女」 for 女性, 「一般」 for 一般貸款), read as that answer.
 */
export function answerToPending(
  pending: string | undefined,
  u: Understanding,
  read: (text: string) => Understanding,
  domain: Domain = shippedDomain(),
): Facts {
  if (!pending) return {};
  if (pending.startsWith('flags.') && u.bareAnswer) {
    return { flags: { [pending.slice('flags.'.length)]: u.bareAnswer === 'yes' } };
  }
  // The gender question asks 「是女性嗎？」.
  if (pending === 'gender' && u.bareAnswer) return { gender: u.bareAnswer === 'yes' ? 'female' : 'male' };
  const bare = u.text.replace(/[\s。！!.?？]/g, '');
  if (bare === '') return {};
  const offered = questionFor(pending, domain).quickReplies.filter((answer) => answer.startsWith(bare));
  if (offered.length !== 1) return {};
  const meant = read(offered[0] as string);
  return pending === 'programme' ? (meant.facts.programme ? { programme: meant.facts.programme } : {}) : pick(meant.facts, pending);
}

function pick(facts: Facts, fact: string): Facts {
  const value = (facts as Record<string, unknown>)[fact];
  return value === undefined ? {} : ({ [fact]: value } as Facts);
}
