import type { ParameterReading, ParameterView } from './at.ts';
import { eligibility } from './eligibility/index.ts';
import type { EligibilityResult, FeeRateSummary } from './eligibility/index.ts';
import { ParameterNotInForceError } from './errors.ts';
import { PROGRAMMES } from './programmes.ts';
import type { ProgrammeId } from './programmes.ts';

export interface ParameterListing {
  /** Parameters in force at the view's date, by name. */
  parameters: ParameterReading[];
  /** Parameters of the topic that have no value at that date (the bot can say it cannot quote them). */
  notInForce: string[];
}

export interface ProgrammeDescription extends ParameterListing {
  programme: ProgrammeId;
  name: string;
  channel: string;
  /** Highest guarantee ratio stated for the programme (percent), before case-specific limits. */
  maxRatio?: number;
  feeRate: FeeRateSummary;
}

/** Shared parameters a programme's answers also draw on, beyond its own folder. */
const SHARED: Partial<Record<ProgrammeId, string[]>> = {
  youth_startup: ['authorised.fee_rate.'],
  firefly: ['authorised.project_only_cases'],
  knowledge_economy: ['authorised.project_only_cases'],
  micro_simple_loan: ['authorised.micro_simple_loan_exception'],
  general_loan: ['business_finance_ratio.'],
  employment_promotion: ['enterprise.', 'authorised.fee_rate.'],
};

/** Topics that are not a programme but that users ask about. */
export const TOPICS = {
  business_finance_ratio: ['business_finance_ratio.'],
  authorised_exclusions: ['authorised.project_only_cases', 'authorised.micro_simple_loan_exception'],
  authorised_fee_rates: ['authorised.fee_rate.', 'authorised.fee_rate_range'],
  enterprise_caps: ['enterprise.'],
  batch_caps: ['batch.subrogation_', 'batch.gold_award_extra_quota'],
} as const;
export type TopicId = keyof typeof TOPICS;

/** What the parameters say about a programme at the view's date (for "青創保幾成？"), every figure cited. */
export function describeProgramme(programme: ProgrammeId, view: ParameterView): ProgrammeDescription {
  const { channel, name } = PROGRAMMES[programme];
  const prefixes = [`${programme}.`, ...(channel === 'authorised' ? ['authorised.fee_rate.'] : []), ...(SHARED[programme] ?? [])];
  const summary = headlineFigures(programme, view);
  return {
    programme,
    name,
    channel,
    ...(summary?.maxRatio !== undefined ? { maxRatio: summary.maxRatio } : {}),
    feeRate: summary?.feeRate ?? {},
    ...parametersUnder(view, prefixes),
  };
}

/** Ratio and rates with no case facts; undefined when a figure they need is not in force at the date. */
function headlineFigures(programme: ProgrammeId, view: ParameterView): EligibilityResult | undefined {
  try {
    return eligibility(programme, {}, view);
  } catch (error) {
    if (error instanceof ParameterNotInForceError) return undefined;
    throw error;
  }
}

export function describeTopic(topic: TopicId, view: ParameterView): ParameterListing {
  return parametersUnder(view, [...TOPICS[topic]]);
}

/** Parameters whose names start with any prefix (a name ending in '.' is a folder; otherwise an exact name or folder). */
export function parametersUnder(view: ParameterView, prefixes: string[]): ParameterListing {
  const names = view.names().filter((n) => prefixes.some((p) => (p.endsWith('.') || p.endsWith('_') ? n.startsWith(p) : n === p || n.startsWith(`${p}.`))));
  const parameters: ParameterReading[] = [];
  const notInForce: string[] = [];
  for (const name of [...new Set(names)]) {
    const reading = view.find(name);
    if (reading) parameters.push(reading);
    else notInForce.push(name);
  }
  return { parameters, notInForce };
}
