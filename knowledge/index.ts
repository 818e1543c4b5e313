export { formatCheckIssue, type CheckIssue } from './check-issue.ts';
export { KnowledgeFormatError } from './errors.ts';
export { checkKnowledge, loadKnowledge, type KnowledgeBase, type KnowledgeCheck } from './load.ts';
export { normalizeText } from './normalize.ts';
export { parseKnowledgeFile, type ParseResult } from './parse.ts';
export {
  documentMetaSchema,
  type DocumentMeta,
  type KnowledgeDocument,
  type KnowledgeSection,
  type Supersession,
} from './schema.ts';
export {
  buildSearchIndex,
  createSearchIndex,
  DEFAULT_TUNING,
  InvalidSearchDateError,
  type SearchTuning,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
} from './search.ts';
export { createDomainTokenizer, foldForSearch, tokenize } from './tokenizer.ts';
