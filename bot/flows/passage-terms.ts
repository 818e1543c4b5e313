/** Passage matching lives with the passages it matches (knowledge/passage-terms.ts); flows import it from here. */
export { canonical, coverage, matchForm } from '../../knowledge/passage-terms.ts';
