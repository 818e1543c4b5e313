import type { Domain } from '../domain/index.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { SearchIndex } from '../knowledge/search.ts';
import type { ParameterSet } from '../rules/schema.ts';

/**
 * One consistent version of what the bot answers from: knowledge, its search index, the rule parameters
 * and the domain registry.
 * The bot reads it through a getter on every turn, so a reload swaps them all at once.
 */
export interface Sources {
  knowledge: KnowledgeBase;
  index: SearchIndex;
  rules: ParameterSet;
  /** The words users say (domain/registry/*.yaml); the shipped registry when not given. */
  domain?: Domain;
  /** Changes on every reload (for status pages and caches). */
  version: string;
}
