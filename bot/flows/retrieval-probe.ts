import { shippedDomain } from '../../domain/index.ts';
import { parametersAt } from '../../rules/at.ts';
import { CitationIndex } from '../compose/citations.ts';
import { findServiceLines } from '../compose/service-lines.ts';
import { mergeTurn } from '../dialogue/merge.ts';
import { emptyState, type ConversationState } from '../dialogue/state.ts';
import { quoteForm, type PassageQuery } from '../../knowledge/retrieval-quality.ts';
import type { Sources } from '../sources.ts';
import { understand } from '../understand/index.ts';
import type { FlowContext } from './context.ts';
import { retrievalChoice, type RetrievalChoice } from './retrieval.ts';

/**
 * The retrieval flow's decision for one question, with the context a conversation gives it: the question is
 * read and merged with what an earlier question left in the conversation (its programme, task and topic) the
 * way the bot does (bot/index.ts), and the flow's own choice function decides. For the search benchmark and
 * tests: it measures the passage the bot would quote, not a stand-in for it.
 */
const derived = new WeakMap<Sources, { cite: CitationIndex; service: ReturnType<typeof findServiceLines> }>();

export function probeRetrieval(sources: Sources, question: string, options: { context?: string; asOf: string }): RetrievalChoice {
  return retrievalChoice(probeContext(sources, question, options));
}

/** The flow's context for one question after its context question, read once (the ranker tuner weighs it many times). */
export function probeContext(sources: Sources, question: string, options: { context?: string; asOf: string }): FlowContext {
  const domain = sources.domain ?? shippedDomain();
  let once = derived.get(sources);
  if (!once) derived.set(sources, (once = { cite: new CitationIndex(sources.knowledge), service: findServiceLines(sources.knowledge.sections) }));
  const { cite, service } = once;
  let state: ConversationState = emptyState();
  if (options.context !== undefined) {
    const before = mergeTurn(state, understand(options.context, domain));
    state = {
      facts: before.facts,
      turns: 1,
      ...(before.programme ? { programme: before.programme } : {}),
      ...(before.task ? { task: before.task } : {}),
      ...(before.asks.length ? { asks: before.asks } : {}),
      topic: options.context,
    };
  }
  const u = understand(question, domain);
  const merged = mergeTurn(state, u);
  return { sources, domain, view: parametersAt(sources.rules, options.asOf), asOf: options.asOf, cite, service, understanding: u, merged, state };
}

/** The choice quotes, as its strongest passage, the labelled passage of the labelled section (or, for a query the documents do not answer, says so). */
export function choiceAnswers(choice: RetrievalChoice, query: PassageQuery): boolean {
  if (query.notCovered) return !choice.covered;
  return choice.covered && choice.section.id === query.section && quoteForm(choice.top).includes(quoteForm(query.passage!));
}
