import type { Facts } from '../facts.ts';
import { PROGRAMMES } from '../programmes.ts';
import type { ProgrammeId } from '../programmes.ts';
import { TraceRecorder } from '../trace.ts';
import type { TraceStep } from '../trace.ts';
import type { ParameterView } from '../at.ts';
import type { Unit } from '../units.ts';

export type EligibilityStatus = 'eligible' | 'not_eligible' | 'needs_information';

export interface FeeRateSummary {
  /** The rate that applies to these facts, when it can be told. */
  applicable?: number;
  min?: number;
  max?: number;
  byRiskGroup?: { A: number; B: number; C: number };
  waived?: boolean;
  /** The applicable rate is the same whatever the risk group (a cap below all three), none being told. */
  everyGroup?: boolean;
}

/** A limit that applies to the case (額度、代償上限…), read from a parameter. */
export interface Cap {
  parameter: string;
  label: string;
  value: number;
  unit: Unit;
}

export interface EligibilityResult {
  programme: ProgrammeId;
  programmeName: string;
  status: EligibilityStatus;
  /** Highest guarantee ratio for these facts, percent; undefined where the sources give none. */
  maxRatio?: number;
  feeRate: FeeRateSummary;
  /** The case must go through 專案申請 (not 授權送保). */
  requiresProjectApplication: boolean;
  /** Why: each condition checked, met or not, in order. */
  reasons: string[];
  /** Of those, the conditions the facts fail (empty unless not eligible). */
  failures: string[];
  /** The one measure of the programme every failure is of (「協助中小企業增加國內投資」), when the failures are a measure's only. */
  failedMeasure?: string;
  /** Facts (paths such as `age`, `flags.recommended`) still needed to decide. */
  missing: string[];
  /** Why each missing fact is needed (the rule's own sentence), in the order they were found missing. */
  needed: Array<{ fact: string; reason: string }>;
  /** Conditions taken as met because the facts do not say (stated so the bot can say them). */
  assumptions: string[];
  caps: Cap[];
  ruleDate: string;
  ruleDates: string[];
  trace: TraceStep[];
}

/** Collects an eligibility decision; the status follows from what was recorded. */
export class Assessment {
  readonly trace: TraceRecorder;
  readonly facts: Facts;
  readonly programme: ProgrammeId;
  maxRatio: number | undefined;
  feeRate: FeeRateSummary = {};
  requiresProjectApplication = false;
  readonly reasons: string[] = [];
  readonly failures: string[] = [];
  readonly missing: string[] = [];
  readonly needed: Array<{ fact: string; reason: string }> = [];
  readonly assumptions: string[] = [];
  readonly caps: Cap[] = [];
  private failed = false;
  private undecided = false;
  /** For each failure, the measure of the programme it is of, if any. */
  private readonly failureMeasures: Array<string | undefined> = [];

  constructor(programme: ProgrammeId, facts: Facts, view: ParameterView) {
    this.programme = programme;
    this.facts = facts;
    this.trace = new TraceRecorder(view);
  }

  pass(reason: string): void {
    this.reasons.push(reason);
  }
  /** A condition failed; `measure` names the programme's measure it belongs to (its extra quota), when not the programme's own. */
  fail(reason: string, measure?: string): void {
    this.failed = true;
    this.reasons.push(reason);
    this.failures.push(reason);
    this.failureMeasures.push(measure);
  }
  need(field: string, reason: string): void {
    if (!this.missing.includes(field)) this.missing.push(field);
    this.needed.push({ fact: field, reason });
    this.reasons.push(reason);
  }
  /** The sources cannot decide the case (the fund reviews it): needs information, though no fact would settle it. */
  undecidable(reason: string): void {
    this.undecided = true;
    this.reasons.push(reason);
  }
  assume(text: string): void {
    this.assumptions.push(text);
  }
  cap(parameter: string, label: string): void {
    const reading = this.trace.optional(parameter);
    if (reading && typeof reading.value === 'number') {
      this.caps.push({ parameter, label, value: reading.value, unit: reading.unit });
    }
  }
  lowerMaxRatio(ratio: number): void {
    this.maxRatio = this.maxRatio === undefined ? ratio : Math.min(this.maxRatio, ratio);
  }

  result(): EligibilityResult {
    const status: EligibilityStatus = this.failed ? 'not_eligible' : this.missing.length > 0 || this.undecided ? 'needs_information' : 'eligible';
    return {
      programme: this.programme,
      programmeName: PROGRAMMES[this.programme].name,
      status,
      ...(this.maxRatio !== undefined ? { maxRatio: this.maxRatio } : {}),
      feeRate: this.feeRate,
      requiresProjectApplication: this.requiresProjectApplication,
      reasons: this.reasons,
      failures: this.failures,
      ...(this.failed && this.failureMeasures.every((m) => m !== undefined && m === this.failureMeasures[0]) ? { failedMeasure: this.failureMeasures[0] } : {}),
      missing: this.missing,
      needed: this.needed,
      assumptions: this.assumptions,
      caps: this.caps,
      ruleDate: this.trace.view.asOf,
      ruleDates: this.trace.ruleDates(),
      trace: this.trace.steps,
    };
  }
}
