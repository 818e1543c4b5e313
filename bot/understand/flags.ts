import { shippedDomain, type Domain } from '../../domain/index.ts';
import type { FactFlags } from '../../rules/facts.ts';
import { isDenied } from './negation.ts';

/** The circumstances a message states (domain/registry/facts.yaml flags), true or (when denied: 沒有簽具結書) false. */
export function findFlags(text: string, domain: Domain = shippedDomain()): FactFlags {
  const flags: FactFlags = {};
  for (const { flag, cue } of domain.facts.flags) {
    const match = cue.exec(text);
    if (match) flags[flag] = !isDenied(text, match.index);
  }
  return flags;
}
