import type { KnowledgeBase } from '../knowledge/load.ts';
import type { SearchIndex } from '../knowledge/search.ts';
import type { ParameterSet } from '../rules/schema.ts';

/**
 * One consistent version of what the bot answers from: knowledge, its search index and the rule parameters.
 * The bot reads it through a getter on every turn, so a reload swaps all three at once.
 */
export interface Sources {
  knowledge: KnowledgeBase;
  index: SearchIndex;
  rules: ParameterSet;
  /** Changes on every reload (for status pages and caches). */
  version: string;
}
