import type { Sources } from '../../bot/sources.ts';
import type { Reference } from '../../rules/schema.ts';
import { UNIT_LABELS, type ParameterValue, type Unit } from '../../rules/units.ts';
import { FORM_UNITS } from './dated-value.ts';

export interface ParameterView {
  name: string;
  description: string;
  unit: Unit;
  unitLabel: string;
  file: string;
  /** Whether the console's form can add a value in this unit. */
  formUnit: boolean;
  values: Array<{
    effectiveFrom: string;
    shown: string;
    /** For the timeline chart: the figure, when the unit has one. */
    figure: number | null;
    reference: Reference;
    note?: string;
    line?: number;
    /** The value in force on `today`. */
    current: boolean;
  }>;
}

export interface DocumentView {
  id: string;
  title: string;
  file: string;
  issuer: string;
  number: string | null;
  issued: string | null;
  issuedNote?: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
  supersedes: Array<{ document: string; title?: string; section?: string; from?: string; note?: string }>;
  supersededBy: Array<{ document: string; title: string; section?: string; from?: string }>;
  sections: Array<{ id: string; heading: string; line: number; examples: string[]; supersededFrom?: string }>;
}

/** Every parameter with its dated history, and every document with its sections, dates and supersessions. */
export function rulesView(sources: Sources, today: string): { today: string; parameters: ParameterView[]; documents: DocumentView[] } {
  const parameters = [...sources.rules.parameters.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((parameter): ParameterView => {
      const inForce = parameter.values.filter((value) => value.effectiveFrom <= today).at(-1);
      return {
        name: parameter.name,
        description: parameter.description,
        unit: parameter.unit,
        unitLabel: UNIT_LABELS[parameter.unit],
        file: parameter.file,
        formUnit: FORM_UNITS.has(parameter.unit),
        values: parameter.values.map((value) => ({
          effectiveFrom: value.effectiveFrom,
          shown: shownValue(parameter.unit, value.value),
          figure: typeof value.value === 'number' ? value.value : null,
          reference: value.reference,
          ...(value.note ? { note: value.note } : {}),
          ...(value.lines ? { line: value.lines.date } : {}),
          current: value === inForce,
        })),
      };
    });
  const titles = new Map(sources.knowledge.documents.map((document) => [document.meta.id, document.meta.title]));
  const documents = sources.knowledge.documents.map((document): DocumentView => {
    const { meta } = document;
    return {
      id: meta.id,
      title: meta.title,
      file: document.file,
      issuer: meta.issuer,
      number: meta.number,
      issued: meta.issued,
      ...(meta.issued_note ? { issuedNote: meta.issued_note } : {}),
      effectiveFrom: meta.effective.from,
      effectiveTo: meta.effective.to,
      source: meta.source,
      supersedes: meta.supersedes.map((entry) => ({
        document: entry.document,
        ...(titles.has(entry.document) ? { title: titles.get(entry.document)! } : {}),
        ...(entry.section ? { section: entry.section } : {}),
        ...(entry.from ? { from: entry.from } : {}),
        ...(entry.note ? { note: entry.note } : {}),
      })),
      supersededBy: sources.knowledge.documents.flatMap((later) =>
        later.meta.supersedes
          .filter((entry) => entry.document === meta.id)
          .map((entry) => ({
            document: later.meta.id,
            title: later.meta.title,
            ...(entry.section ? { section: entry.section } : {}),
            ...(entry.from ? { from: entry.from } : {}),
          })),
      ),
      sections: document.sections.map((section) => ({
        id: section.id,
        heading: section.heading,
        line: section.line,
        examples: (section.examples ?? []).map((example) => example.question),
        ...(section.supersededFrom ? { supersededFrom: section.supersededFrom } : {}),
      })),
    };
  });
  return { today, parameters, documents };
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A value as staff read it in the fund's documents: 0.35%, 90%（9成）, 新臺幣 120,000,000 元（1.2億）. */
export function shownValue(unit: Unit, value: ParameterValue | null): string {
  if (value === null) return '（自此日起不再適用）';
  switch (unit) {
    case 'percent': {
      const percent = value as number;
      return percent >= 10 && percent <= 100 ? `${number.format(percent)}%（${number.format(percent / 10)}成）` : `${number.format(percent)}%`;
    }
    case 'percent_range': {
      const range = value as { min: number; max: number };
      return `${number.format(range.min)}%～${number.format(range.max)}%`;
    }
    case 'amount_twd':
      return `新臺幣 ${number.format(value as number)} 元${shortAmount(value as number)}`;
    case 'months':
      return `${number.format(value as number)} 個月`;
    case 'years':
      return `${number.format(value as number)} 年`;
    case 'ratio_of_fund':
      return `${number.format(value as number)} 倍`;
    case 'age_range': {
      const range = value as { min: number; max: number };
      return `${range.min}～${range.max} 歲`;
    }
    case 'date_range': {
      const range = value as { from: string; to: string };
      return `${range.from} 至 ${range.to}`;
    }
    case 'boolean':
      return value ? '是' : '否';
    case 'text_list':
      return (value as string[]).join('、');
    default:
      return String(value);
  }
}

/** （1.2億）, （3,000萬）: the way the documents write large amounts. */
function shortAmount(amount: number): string {
  if (amount >= 100_000_000) return `（${number.format(amount / 100_000_000)}億）`;
  if (amount >= 10_000) return `（${number.format(amount / 10_000)}萬）`;
  return '';
}
