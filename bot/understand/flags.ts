import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import { isDenied } from './negation.ts';

/** The circumstances a message states (domain/registry/facts.yaml flags), true or (when denied: 沒有簽具結書) false. */
export function findFlags(text: string, domain: Domain = shippedDomain()): FactFlags {
  const flags: FactFlags = {};
  for (const { flag, cue, verb, against } of domain.facts.flags) {
    // 「幫建商蓋民間住宅大樓」: words saying the circumstance does not hold (facts.yaml `cues_against`).
    if (against?.test(text)) {
      flags[flag] = false;
      continue;
    }
    const match = cue.exec(text);
    if (!match) continue;
    // (「中心廠沒有捐款也沒推薦我們」: a denial right before the cue's last word, inside the words it spans, denies it too.)
    const end = match.index + match[0].length;
    const deniedWithin = [2, 3].some((k) => end - k > match.index + 1 && isDenied(text, end - k));
    flags[flag] = !isDenied(text, match.index) && !deniedWithin && !deniedAfter(text, end, verb);
    // 「批保卓越獎是去年得的，今年並未獲獎」: the circumstance's verb said last, denied, is the last word on it.
    const said = verb ? [...text.slice(match.index + match[0].length).matchAll(new RegExp(verb.source, 'gu'))] : [];
    const lastSaid = said.at(-1);
    if (lastSaid?.index !== undefined && isDenied(text, match.index + match[0].length + lastSaid.index)) flags[flag] = false;
  }
  return flags;
}

/** 「具結書其實還沒簽」: the circumstance's own verb denied in the few characters after it. */
function deniedAfter(text: string, end: number, verb: RegExp | undefined): boolean {
  if (!verb) return false;
  const after = text.slice(end, end + 8);
  const match = verb.exec(after);
  return match !== null && isDenied(after, match.index);
}

/**
 * 「如果沒簽呢」: a circumstance a follow-up speaks of by its verb alone (facts.yaml `follow_up_verbs`), true or, denied,
 * false; the conversation decides whether it is the one discussed. Circumstances named outright are left to findFlags.
 */
export function flagsByVerb(text: string, named: FactFlags, domain: Domain = shippedDomain()): FactFlags {
  const flags: FactFlags = {};
  // (「幫建商蓋民間住宅大樓」: a verb inside words saying another circumstance does not hold is theirs, not a follow-up's.)
  const against = domain.facts.flags.flatMap(({ against: cue }) => (cue ? [...text.matchAll(new RegExp(cue.source, 'gu'))] : [])).map((m) => [m.index, m.index + m[0].length] as const);
  for (const { flag, verb } of domain.facts.flags) {
    const match = verb && named[flag] === undefined ? verb.exec(text) : null;
    if (match && !against.some(([from, to]) => match.index >= from && match.index < to)) flags[flag] = !isDenied(text, match.index);
  }
  return flags;
}
