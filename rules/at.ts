import { InvalidInputError, ParameterNotInForceError, UnknownParameterError } from './errors.ts';
import type { DatedValue, Parameter, ParameterSet, Reference } from './schema.ts';
import type { ParameterValue, Unit } from './units.ts';

/** A parameter's value in force at a date, with everything needed to cite it. */
export interface ParameterReading {
  name: string;
  value: ParameterValue;
  effectiveFrom: string;
  reference: Reference;
  /** Other documents stating the same value (parameter file `also`). */
  also?: Reference[];
  note?: string;
  unit: Unit;
  description: string;
}

/** One dated value in a parameter's history (value null: the parameter lapsed from that date). */
export interface ParameterHistoryEntry {
  name: string;
  effectiveFrom: string;
  /** The day before the next dated value, or undefined while still in force. */
  effectiveTo?: string;
  value: ParameterValue | null;
  reference: Reference;
  note?: string;
  unit: Unit;
  description: string;
}

export interface ParameterView {
  readonly asOf: string;
  get(name: string): ParameterReading;
  /** Like get, but undefined when the parameter has no value at this date (never for unknown names). */
  find(name: string): ParameterReading | undefined;
  history(name: string): ParameterHistoryEntry[];
  /** Announced anew each year (parameter file `announced_each_year`). */
  announcedEachYear(name: string): boolean;
  /** The parameter this one's amount is added on top of (parameter file `adds_to`), if any. */
  addsTo(name: string): string | undefined;
  /** The ratio parameter this amount is guaranteed at when used in full (parameter file `guaranteed_at`), if any. */
  guaranteedAt(name: string): string | undefined;
  /** The amount parameter capping this per-enterprise amount summed over enterprises (parameter file `summed_under`), if any. */
  summedUnder(name: string): string | undefined;
  /** The amount parameter this one takes the place of for a time (parameter file `stands_for`), if any. */
  standsFor(name: string): string | undefined;
  has(name: string): boolean;
  /** Every parameter name, sorted. */
  names(): string[];
  /** The same parameters seen at another date (e.g. a case's approval date). */
  at(asOf: string): ParameterView;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The parameters as they stood on `asOf` (ISO date). Pure: the caller supplies the date. */
export function parametersAt(set: ParameterSet, asOf: string): ParameterView {
  if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new InvalidInputError('asOf', `「${asOf}」不是 ISO 日期 YYYY-MM-DD`);
  }
  const parameter = (name: string): Parameter => {
    const found = set.parameters.get(name);
    if (!found) throw new UnknownParameterError(name);
    return found;
  };
  const find = (name: string): ParameterReading | undefined => {
    const p = parameter(name);
    const current = valueInForce(p.values, asOf);
    if (!current || current.value === null) return undefined;
    return {
      name,
      value: current.value,
      effectiveFrom: current.effectiveFrom,
      reference: current.reference,
      ...(current.also ? { also: current.also } : {}),
      ...(current.note ? { note: current.note } : {}),
      unit: p.unit,
      description: p.description,
    };
  };
  return {
    asOf,
    find,
    get(name) {
      const reading = find(name);
      if (!reading) throw new ParameterNotInForceError(name, asOf);
      return reading;
    },
    announcedEachYear(name) {
      return parameter(name).announcedEachYear === true;
    },
    addsTo(name) {
      return parameter(name).addsTo;
    },
    guaranteedAt(name) {
      return parameter(name).guaranteedAt;
    },
    summedUnder(name) {
      return parameter(name).summedUnder;
    },
    standsFor(name) {
      return parameter(name).standsFor;
    },
    history(name) {
      const p = parameter(name);
      return p.values.map((v, i) => {
        const next = p.values[i + 1];
        return {
          name,
          effectiveFrom: v.effectiveFrom,
          ...(next ? { effectiveTo: dayBefore(next.effectiveFrom) } : {}),
          value: v.value,
          reference: v.reference,
          ...(v.note ? { note: v.note } : {}),
          unit: p.unit,
          description: p.description,
        };
      });
    },
    has: (name) => set.parameters.has(name),
    names: () => [...set.parameters.keys()].sort(),
    at: (date) => parametersAt(set, date),
  };
}

function valueInForce(values: DatedValue[], asOf: string): DatedValue | undefined {
  let current: DatedValue | undefined;
  for (const v of values) {
    if (v.effectiveFrom <= asOf) current = v;
  }
  return current;
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
