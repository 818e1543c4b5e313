import type { Finder } from '../../domain/index.ts';
import type { ParameterView } from '../../rules/at.ts';
import { eligibility, type EligibilityResult } from '../../rules/eligibility/index.ts';
import { ParameterNotInForceError } from '../../rules/errors.ts';
import type { FactFlags, Facts } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';

/** One programme weighed for the case: its eligibility and whether it serves a need the user stated. */
export interface Candidate {
  result: EligibilityResult;
  purposes: string[];
  named: boolean;
  /** A programme for who the applicant is (青創, 鳳凰): when it fits, it fits this person rather than a need. */
  forApplicant: boolean;
  /** Circumstances it was weighed with because the stated need amounts to them (多請員工 → 促進就業具結書). */
  supposed: Array<keyof FactFlags>;
  /** The fee rate when every risk group comes to the same one (a 具結書 caps all three at 0.5%); its sources are in the trace. */
  rateWhateverGroup?: number;
}

/** A guarantee the documents name for a stated need without its figures. */
export type MentionedGuarantee = Finder['purposes'][number]['mentioned'][number];

export interface Ranking {
  /** Programmes that may fit, best first: eligible before needing information, a stated need before none. */
  fits: Candidate[];
  /** Programmes the user named or whose need they stated that do not fit, with the reason. */
  excluded: Candidate[];
  /** Programmes of a stated need whose plan has ended at the date (the Morakot plan): history, not advice. */
  ended: ProgrammeId[];
  /** A stated need that no programme in the documents serves (a home for oneself, shares). */
  uncovered: string[];
  /** Guarantees the documents name for a stated need without their figures (赴有邦交國家投資). */
  mentioned: MentionedGuarantee[];
}

/** Whether a plan period (a date_range parameter) is over at the view's date. */
export function planEnded(programme: ProgrammeId, finder: Finder, view: ParameterView): boolean {
  const parameter = finder.planPeriods[programme];
  if (!parameter) return false;
  const period = view.find(parameter);
  const value = period?.value as { to?: string } | undefined;
  return typeof value?.to === 'string' && value.to < view.asOf;
}

function assess(programme: ProgrammeId, facts: Facts, view: ParameterView): EligibilityResult | undefined {
  try {
    return eligibility(programme, facts, view);
  } catch (error) {
    // A programme whose figures are not in force at the date is not offered.
    if (error instanceof ParameterNotInForceError) return undefined;
    throw error;
  }
}

/** Eligible before needing information; among each, what the user asked for or who they are before the rest. */
function score(c: Candidate): number {
  const status = c.result.status === 'eligible' ? 0 : 3;
  if (c.named || (c.forApplicant && c.result.status === 'eligible')) return status;
  return status + (c.purposes.length > 0 ? 1 : 2);
}

/**
 * Runs the eligibility of every programme the stated needs point to, the ones that fit by who the applicant is, and
 * the ones named, and orders them. Pure: the same facts, needs and date give the same ranking.
 */
export function rankProgrammes(facts: Facts, purposes: readonly string[], named: readonly ProgrammeId[], finder: Finder, view: ParameterView): Ranking {
  // (A circumstance told with a use, 受災 with 重建廠房, puts its programmes first.)
  const told = finder.purposes.filter((p) => purposes.includes(p.id));
  const stated = [...told.filter((p) => p.leads), ...told.filter((p) => !p.leads)];
  // (Those programmes come first even while they still need a detail, 受災日期: the circumstance is what decides.)
  const leading = new Set(told.filter((p) => p.leads).flatMap((p) => p.programmes));
  const byPurpose = new Map<ProgrammeId, string[]>();
  const weighedWith = new Map<ProgrammeId, Partial<FactFlags>>();
  // 「被美國公司告專利侵權…我們不算中小企業」: with a need told (the lawsuit), who applies (a large enterprise, finder.yaml
  // `applicant`) picks among the programmes for that need; those only for who applies (自創品牌) serve no need told.
  const forNeeds = new Set(stated.filter((p) => !p.applicant).flatMap((p) => p.programmes.filter((id) => !planEnded(id, finder, view))));
  for (const purpose of stated) {
    for (const programme of purpose.programmes) {
      if (purpose.applicant && forNeeds.size > 0 && !forNeeds.has(programme)) continue;
      byPurpose.set(programme, [...(byPurpose.get(programme) ?? []), purpose.label]);
      weighedWith.set(programme, { ...weighedWith.get(programme), ...purpose.weighedWith });
    }
  }
  // Programmes for who the applicant is join a need the programmes serve once something about the applicant is
  // known (a brand loan for a 30-year-old may be a start-up loan too); never a need they do not serve (a home, a past disaster).
  const served = stated.some((p) => p.programmes.some((id) => !planEnded(id, finder, view)));
  const aboutApplicant = facts.age !== undefined || facts.gender !== undefined || facts.businessAgeMonths !== undefined;
  const audience = stated.length === 0 || (served && (aboutApplicant || stated.some((p) => p.programmes.some((id) => finder.audienceProgrammes.includes(id)))));
  const ids = [...new Set<ProgrammeId>([...named, ...byPurpose.keys(), ...(audience ? finder.audienceProgrammes : [])])];
  const ended = ids.filter((id) => planEnded(id, finder, view) && !named.includes(id));
  const candidates: Candidate[] = [];
  for (const id of ids) {
    if (ended.includes(id)) continue;
    const { facts: weighed, supposed } = withSupposed(facts, weighedWith.get(id));
    const assessed = assess(id, weighed, view);
    if (assessed) {
      const rate = rateWhateverGroup(assessed);
      const candidate: Candidate = { result: assessed, purposes: byPurpose.get(id) ?? [], named: named.includes(id), forApplicant: finder.audienceProgrammes.includes(id), supposed };
      candidates.push(rate === undefined ? candidate : { ...candidate, rateWhateverGroup: rate });
    }
  }
  const fits = candidates
    .filter((c) => c.result.status !== 'not_eligible')
    .map((c, order) => ({ c, order }))
    .sort((a, b) => Number(!leading.has(a.c.result.programme)) - Number(!leading.has(b.c.result.programme)) || score(a.c) - score(b.c) || a.order - b.order)
    .map(({ c }) => c);
  const excluded = candidates.filter((c) => c.result.status === 'not_eligible' && (c.named || c.purposes.length > 0));
  const uncovered = stated.filter((p) => p.programmes.length === 0 && p.mentioned.length === 0).map((p) => p.label);
  const mentioned = stated.flatMap((p) => p.mentioned);
  return { fits, excluded, ended, uncovered, mentioned };
}

/**
 * A rate that waits on no risk group because every group comes to it (a cap below all three): the eligibility rules
 * decide it (rules/eligibility/common.ts `sameRateEveryGroup`, its parameters in the result's trace).
 */
function rateWhateverGroup(result: EligibilityResult): number | undefined {
  return result.feeRate.everyGroup ? result.feeRate.applicable : undefined;
}

/** The facts with the circumstances a need amounts to, where the user has not said otherwise; and which were added. */
function withSupposed(facts: Facts, implied: Partial<FactFlags> | undefined): { facts: Facts; supposed: Array<keyof FactFlags> } {
  const flags: FactFlags = facts.flags ?? {};
  const supposed = (Object.entries(implied ?? {}) as Array<[keyof FactFlags, boolean]>).filter(([flag]) => flags[flag] === undefined);
  if (supposed.length === 0) return { facts, supposed: [] };
  return { facts: { ...facts, flags: { ...flags, ...Object.fromEntries(supposed) } }, supposed: supposed.map(([flag]) => flag) };
}

/**
 * The fact that would change the ranking most: among the programmes about to be shown that still need information,
 * the missing fact the most of them wait on, in the registry's order of decisiveness. Undefined when nothing shown
 * waits on a fact worth asking.
 */
export function mostDecisiveFact(fits: readonly Candidate[], finder: Finder): string | undefined {
  const waiting = fits.filter((c) => c.result.status === 'needs_information');
  let best: { fact: string; count: number } | undefined;
  for (const fact of finder.questionOrder) {
    const count = waiting.filter((c) => c.result.missing.includes(fact)).length;
    if (count > 0 && (!best || count > best.count)) best = { fact, count };
  }
  return best?.fact;
}
