/** The rules calculator: dated, cited parameters and pure functions over them. */
export { loadParameters, parseParameterFile } from './load.ts';
export { checkRules, checkReferences } from './check.ts';
export type { KnownSections } from './check.ts';
export { parametersAt } from './at.ts';
export type { ParameterView, ParameterReading, ParameterHistoryEntry } from './at.ts';
export type { Parameter, ParameterSet, Reference, DatedValue } from './schema.ts';
export type { Unit, ParameterValue, NumberRange, DateRange } from './units.ts';
export { UNITS } from './units.ts';
export { guaranteeFee, FEE_ROUNDING } from './fees.ts';
export type { FeeResult } from './fees.ts';
export type { FeeInput } from './inputs.ts';
export { businessFinanceRatio } from './business-finance-ratio.ts';
export type { RatioInput, RatioResult, RatioDecision } from './business-finance-ratio.ts';
export { eligibility } from './eligibility/index.ts';
export type { Cap, EligibilityResult, EligibilityStatus, FeeRateSummary } from './eligibility/index.ts';
export { describeProgramme, describeTopic, parametersUnder, TOPICS } from './describe.ts';
export type { ParameterListing, ProgrammeDescription, TopicId } from './describe.ts';
export type { TraceStep } from './trace.ts';
export {
  InvalidInputError,
  MissingFactsError,
  ParameterNotInForceError,
  ParameterUnitError,
  RateNotDeterminedError,
  RulesFormatError,
  UnknownParameterError,
} from './errors.ts';
export { PROGRAMMES, PROGRAMME_IDS, isProgrammeId } from './programmes.ts';
export type { ProgrammeId } from './programmes.ts';
export { Facts } from './facts.ts';
