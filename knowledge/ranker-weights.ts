/**
 * The ranker's weights (knowledge/retrieve.ts): how much each kind of evidence adds to, or takes from, a section's
 * confidence, and the margins within which one section is preferred to another. The values are data
 * (knowledge/ranker-weights.json), fitted on the labelled passage queries by `npm run tune:ranker`, which prints
 * the queries won and lost on the slices it fits and on those it holds out; validated here when the module loads.
 */
import { z } from 'zod';
import fitted from './ranker-weights.json' with { type: 'json' };

const weight = z.number().finite().min(0).max(20);
/** Each weight with what it does; a share is between 0 and 1. */
export const RankerWeightsSchema = z
  .object({
    /** Below this confidence the best section does not answer: the documents do not cover the question. */
    minConfidence: weight,
    /** Share of a section's coverage that depends on search's own score, relative to the best hit. */
    searchWeight: weight.max(1),
    /** Confidence lost per rank down search's list. */
    rankStep: weight,
    /** The same for a definition or a ranking, whose section search often ranks lower. */
    rankStepWide: weight,
    /** How much a pair of the section's heading or title counts in choosing among its passages. */
    headingPairWeight: weight.max(1),
    /** How much a pair only the question before a follow-up brought counts in choosing the passages. */
    contextPairWeight: weight.max(1),
    /** Added to a section about the programme the question names, over one about none in particular. */
    ownProgrammeBonus: weight,
    /** Taken from a section of an ended or replaced rule. */
    historyPenalty: weight,
    /** The same for a question about today (no year named). */
    historyPenaltyToday: weight,
    /** Added to a section writing the amount the question states. */
    statedBonus: weight,
    /** Added to the section a rule's figure was read from (PassageRequest.within). */
    withinBonus: weight,
    /** Confidences this close are a tie, decided by the passages' own coverage. */
    closeCall: weight,
    /** How much less sure a section in force may be and still answer a question about today before an ended or replaced one. */
    inForceMargin: weight,
    /** How much less sure a section saying a figure the question states was changed may be and still answer first. */
    changedFromMargin: weight,
    /** How much less of the question the newest document's passage may say and still answer for today. */
    currentMargin: weight,
    /** How much less sure a later document's section may be and still answer a question naming no year. */
    laterMargin: weight,
    /** Taken from a section giving only figures summed since the start, when one year's is asked. */
    cumulativePenalty: weight,
    /** How far behind a section writing the figure exactly may be and answer before one writing it rounded. */
    exactMargin: weight,
    /** Added to a section whose table's rows are of the kind the question names (banks, regions). */
    rowKindBonus: weight,
    /** Added to a section writing a year beside the event whose date is asked. */
    eventYearBonus: weight,
    /** Added to a section whose heading starts with a subject the question names. */
    subjectHeadingBonus: weight,
    /** How much a pair found only through a synonym counts against one written. */
    synonymOnly: weight.max(1),
    /** Added to the section totalling the whole when a total is asked. */
    wholeTotalBonus: weight,
    /** How close to the first search score a section weighed for the kind of thing it has must be. */
    carryingShare: weight.max(1),
    /** Added to a section with a phone or an address when one is asked. */
    contactBonus: weight,
    /** Added to a section headed by the term the question asks to define. */
    headedByTermBonus: weight,
    /** Added to a section with a passage defining that term. */
    definesTermBonus: weight,
    /** Added to a section whose table ranks what a ranking question asks. */
    rankedTableBonus: weight,
    /** Added to a section of the newest document for a question about today. */
    newestBonus: weight,
    /** Added to a section staff attached the question to as an example question. */
    exampleBonus: weight,
    /** How much the heading's coverage of the question counts beside the passages'. */
    headingCoverShare: weight.max(1),
    /** A passage scoring below this share of the best one in its section is not quoted beside it. */
    passageCutoff: weight.max(1),
    /** Share of a passage's score added when it has the phone or address asked. */
    contactPassageShare: weight,
    /** Share of a question's topic characters in words the knowledge never uses from which it is not covered. */
    unknownShare: weight.max(1),
    /** How much more a follow-up's reading with the question before it counts than the follow-up alone. */
    followUpWeight: weight,
  })
  .strict();

export type RankerWeights = z.infer<typeof RankerWeightsSchema>;

/** The weights in force. */
export const rankerWeights: RankerWeights = RankerWeightsSchema.parse(fitted);

/** Puts other weights in force (the tuner trying candidates; tests); returns those replaced. */
export function useRankerWeights(weights: RankerWeights): RankerWeights {
  const replaced = { ...rankerWeights };
  Object.assign(rankerWeights, RankerWeightsSchema.parse(weights));
  return replaced;
}
