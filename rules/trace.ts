import type { ParameterReading, ParameterView } from './at.ts';
import { ParameterUnitError } from './errors.ts';
import type { Reference } from './schema.ts';
import type { NumberRange, ParameterValue, Unit, UnitValue } from './units.ts';

/** One step of a result's justification: a parameter read or an arithmetic step. */
export type TraceStep =
  | {
      kind: 'parameter';
      name: string;
      value: ParameterValue;
      unit: Unit;
      effectiveFrom: string;
      reference: Reference;
      note?: string;
    }
  | { kind: 'arithmetic'; expression: string; result: number };

/**
 * Reads parameters through a view and records each read (once) and each arithmetic step,
 * so every figure in a result can be shown and cited.
 */
export class TraceRecorder {
  readonly steps: TraceStep[] = [];
  readonly view: ParameterView;
  private readonly read = new Set<string>();

  constructor(view: ParameterView) {
    this.view = view;
  }

  reading(name: string): ParameterReading {
    return this.record(this.view.get(name));
  }

  /** The reading if in force at the view's date, recorded; undefined otherwise. */
  optional(name: string): ParameterReading | undefined {
    const found = this.view.find(name);
    return found ? this.record(found) : undefined;
  }

  percent(name: string): number {
    return this.typed(name, 'percent');
  }
  percentRange(name: string): NumberRange {
    return this.typed(name, 'percent_range');
  }
  amount(name: string): number {
    return this.typed(name, 'amount_twd');
  }

  typed<U extends Unit>(name: string, unit: U): UnitValue[U] {
    const reading = this.reading(name);
    if (reading.unit !== unit) throw new ParameterUnitError(name, unit, reading.unit);
    return reading.value as UnitValue[U];
  }

  arithmetic(expression: string, result: number): number {
    this.steps.push({ kind: 'arithmetic', expression, result });
    return result;
  }

  /** Effective dates of every parameter read, ascending and distinct. */
  ruleDates(): string[] {
    const dates = this.steps.flatMap((s) => (s.kind === 'parameter' ? [s.effectiveFrom] : []));
    return [...new Set(dates)].sort();
  }

  /** Records a reading obtained elsewhere (e.g. from the view at another date). */
  record(reading: ParameterReading): ParameterReading {
    if (!this.read.has(reading.name)) {
      this.read.add(reading.name);
      this.steps.push({
        kind: 'parameter',
        name: reading.name,
        value: reading.value,
        unit: reading.unit,
        effectiveFrom: reading.effectiveFrom,
        reference: reading.reference,
        ...(reading.note ? { note: reading.note } : {}),
      });
    }
    return reading;
  }
}
