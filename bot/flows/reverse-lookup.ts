import type { ParameterReading } from '../../rules/at.ts';
import { describeProgramme, type ProgrammeDescription } from '../../rules/describe.ts';
import { ParameterNotInForceError } from '../../rules/errors.ts';
import { PROGRAMME_IDS, PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { formatCheng, formatRate, formatRocDate } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Citation } from '../types.ts';
import type { Understanding } from '../understand/types.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { notInDocuments } from './problems.ts';
import { planEnded } from './recommend-ranking.ts';

type Attribute = 'fee_rate' | 'max_ratio';

interface Match {
  programme: ProgrammeId;
  name: string;
  /** The programme's figure as the rules give it (a fixed rate, a range, 8成 …). */
  figure: string;
  /** The value is the programme's only figure, or one end or inside of its range. */
  exact: boolean;
  ended: boolean;
  readings: ParameterReading[];
}

const SAME = 1e-9;

/**
 * 「手續費0.5%的是哪些專案？」「保證成數固定9成的是哪個項目？」: every programme's figure in force is compared with the value
 * asked about, and those that have it are listed with their figures and sources; a range that only contains the value
 * is named apart. The figures are the rule parameters, the same the calculator uses.
 */
export function reverseLookupFlow(ctx: FlowContext): FlowResult {
  const { facts, statedRate } = ctx.merged;
  const asks = ctx.merged.asks;
  const attribute: Attribute =
    statedRate !== undefined && (asks.includes('fee_rate') || asks.includes('fee_amount') || facts.guaranteeRatio === undefined) ? 'fee_rate'
    : statedRate === undefined && facts.guaranteeRatio === undefined && asks.includes('fee_rate') ? 'fee_rate'
    : 'max_ratio';
  const channel = facts.submission;
  const extreme = ctx.understanding.modifiers.superlative;
  const value = (attribute === 'fee_rate' ? statedRate : facts.guaranteeRatio) ?? (extreme ? extremeOf(ctx, attribute, extreme, channel) : undefined);
  if (value === undefined) return nothingHas(ctx, '這個數值');
  const bound = attribute === 'max_ratio' ? ctx.understanding.ratioBound : undefined;
  const matches: Match[] = [];
  for (const programme of PROGRAMME_IDS) {
    if (channel && channel !== 'batch' && channel !== 'direct' && PROGRAMMES[programme].channel !== channel) continue;
    const description = describeInForce(ctx, programme);
    const match = description && matchOf(ctx, description, attribute, value, bound);
    if (match) matches.push(match);
  }
  const label = attribute === 'fee_rate' ? `保證手續費年費率 ${formatRate(value)}` : `最高保證成數${bound ? boundText(value, bound) : ` ${formatCheng(value)}`}`;
  // (「保證成數最高的是哪個」: the figure found is said as the highest, or lowest, of the programmes in force.)
  const found = extreme !== undefined && value !== (attribute === 'fee_rate' ? statedRate : facts.guaranteeRatio);
  const special = attribute === 'fee_rate' ? circumstanceRates(ctx, value) : [];
  if (matches.length === 0 && special.length === 0) {
    return earlierAnswer(ctx, attribute, value, label) ?? nothingHas(ctx, `${channel ? '該送保方式下' : ''}${label}`);
  }
  const exact = matches.filter((m) => m.exact && !m.ended);
  const within = matches.filter((m) => !m.exact && !m.ended);
  const ended = matches.filter((m) => m.ended);
  const line = (m: Match) => `・${m.name}：${m.figure}`;
  const citations: Citation[] = matches.flatMap((m) => m.readings.map((r) => ctx.cite.forReference(r.reference, r.effectiveFrom, r.name)));
  const lines = [
    found
      ? `目前適用的保證項目中，${attribute === 'fee_rate' ? '保證手續費年費率' : '最高保證成數'}${extreme === 'most' ? '最高' : '最低'}為 ${formatted(attribute, value)}：`
      : exact.length > 0 ? `${label}的保證項目（依目前適用之規定）：` : `沒有固定為${formatted(attribute, value)}的保證項目；費率依風險組群或依個案核定、包含此數值的有：`,
    ...exact.map(line),
    ...(exact.length > 0 && within.length > 0 ? ['費率依風險組群或依個案核定、包含此數值的：'] : []),
    ...within.map(line),
    ...(ended.length > 0 ? ['已結束的計畫（僅供參考）：', ...ended.map(line)] : []),
    ...(special.length > 0 ? ['在特定情形下適用此費率的：', ...special.map((r) => `・${r.description}：${formatRate(r.value as number)}`)] : []),
    sourcesLine([...citations, ...special.map((r) => ctx.cite.forReference(r.reference, r.effectiveFrom, r.name))]),
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: exact.slice(0, 3).map((m) => `${m.name}的申請資格？`) },
    { task: 'fact_lookup', asks: [attribute], facts: {} },
  );
}

/**
 * 「保證成數最高的項目有哪些」「哪個手續費最便宜」: the highest (or lowest) figure among the programmes in force, of plans
 * not ended (a waived fee is no rate and is not the lowest one). The programmes that have it are then listed as for a
 * value told.
 */
function extremeOf(ctx: FlowContext, attribute: Attribute, extreme: 'most' | 'least', channel: string | undefined): number | undefined {
  const figures = PROGRAMME_IDS.flatMap((programme) => {
    if (channel && channel !== 'batch' && channel !== 'direct' && PROGRAMMES[programme].channel !== channel) return [];
    const d = describeInForce(ctx, programme);
    if (!d || planEnded(programme, ctx.domain.finder, ctx.view)) return [];
    if (attribute === 'max_ratio') return d.maxRatio === undefined ? [] : [d.maxRatio];
    const { min, max, waived } = d.feeRate;
    if (waived || min === undefined || max === undefined) return [];
    return [extreme === 'least' ? min : max];
  });
  if (figures.length === 0) return undefined;
  return extreme === 'most' ? Math.max(...figures) : Math.min(...figures);
}

/**
 * 「銀行給我1%，我這是哪一組」: what a rate the user was quoted matches in the rules in force — the risk group of the
 * authorised items whose rate it is, and the programmes whose fixed rate it is — or undefined when nothing has it.
 */
export function statedRateMatches(ctx: FlowContext, value: number): { line: string; citations: Citation[] } | undefined {
  const fixed: string[] = [];
  /** Programmes by the risk-group rates they share, keyed by how those rates read. */
  const byGroup = new Map<string, { group: string; names: string[] }>();
  const citations: Citation[] = [];
  for (const programme of PROGRAMME_IDS) {
    const d = describeInForce(ctx, programme);
    const m = d && matchOf(ctx, d, 'fee_rate', value);
    if (!d || !m || m.ended) continue;
    const group = d.feeRate.byRiskGroup && (Object.entries(d.feeRate.byRiskGroup) as Array<[string, number]>).find(([, rate]) => Math.abs(rate - value) < SAME);
    if (m.exact) fixed.push(m.name);
    else if (group) {
      const key = m.figure;
      const entry = byGroup.get(key) ?? { group: group[0], names: [] };
      entry.names.push(m.name);
      byGroup.set(key, entry);
    } else continue;
    citations.push(...m.readings.map((r) => ctx.cite.forReference(r.reference, r.effectiveFrom, r.name)));
  }
  const parts = [
    ...[...byGroup].map(([figure, { group, names }]) => `風險組群 ${group} 的費率（${figure}）：${names.join('、')}`),
    ...(fixed.length > 0 ? [`固定為此費率的保證項目：${fixed.join('、')}`] : []),
  ];
  if (parts.length === 0) return undefined;
  return { line: `依目前適用之規定，年費率 ${formatRate(value)} 是${parts.join('；')}。`, citations };
}

/**
 * Rates that apply in a circumstance rather than as a programme's own (the 促進就業具結書 cap of 0.5%, the 批保卓越獎 0.2%):
 * the parameters of a capped or reduced fee rate whose value is the one asked.
 */
function circumstanceRates(ctx: FlowContext, value: number): ParameterReading[] {
  return ctx.view
    .names()
    .filter((name) => /fee_cap|fee_rate_/.test(name))
    .flatMap((name) => {
      const reading = ctx.view.find(name);
      return reading && typeof reading.value === 'number' && Math.abs(reading.value - value) < SAME ? [reading] : [];
    });
}

/**
 * 「保證手續費年費率0.35%、代償上限計提率1.25%，這是哪一種保證」: nothing has the value today, but a programme's own rate or
 * ratio had it before; that version is told with its period, beside the value in force now.
 */
function earlierAnswer(ctx: FlowContext, attribute: Attribute, value: number, label: string): FlowResult | undefined {
  const found = ctx.view.names().flatMap((name) => {
    const [programme, parameter] = name.split('.');
    if (parameter !== attribute || !programme || !(programme in PROGRAMMES)) return [];
    return ctx.view
      .history(name)
      .filter((h) => typeof h.value === 'number' && Math.abs(h.value - value) < SAME && h.effectiveTo !== undefined && h.effectiveTo < ctx.asOf)
      .map((h) => ({ programme: programme as ProgrammeId, earlier: h, now: ctx.view.find(name) }));
  });
  if (found.length === 0) return undefined;
  const shown = (v: number) => (attribute === 'fee_rate' ? formatRate(v) : formatCheng(v));
  const lines = [
    `目前適用的規定中沒有${label}的保證項目；以前是：`,
    ...found.map(({ programme, earlier, now }) =>
      `・${PROGRAMMES[programme].name}：${shown(value)}（${formatRocDate(earlier.effectiveFrom)}至${formatRocDate(earlier.effectiveTo!)}）${now && typeof now.value === 'number' ? `；現行為 ${shown(now.value)}（${formatRocDate(now.effectiveFrom)}起）` : ''}`,
    ),
  ];
  const citations = found.flatMap(({ earlier, now }) => [ctx.cite.forReference(earlier.reference, earlier.effectiveFrom, earlier.name), ...(now ? [ctx.cite.forReference(now.reference, now.effectiveFrom, now.name)] : [])]);
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines: [...lines, sourcesLine(citations)], citations, quickReplies: found.slice(0, 3).map(({ programme }) => `${PROGRAMMES[programme].name}的申請資格？`) },
    { task: 'fact_lookup', asks: [attribute], facts: {} },
  );
}

function nothingHas(ctx: FlowContext, what: string): FlowResult {
  return notInDocuments(ctx, {
    lines: [`目前收錄的規定中，沒有${what}的保證項目；如需確認，請洽信保基金：${serviceLinesText(ctx.service)}`],
    quickReplies: ['有哪些保證項目？', '重新開始'],
    state: { task: 'fact_lookup', facts: {} },
  });
}

/** 「9成（90%）以上」「超過 8成（80%）」 */
function boundText(value: number, bound: NonNullable<Understanding['ratioBound']>): string {
  const figure = formatCheng(value);
  if (bound.side === 'over') return bound.inclusive ? ` ${figure}以上` : `超過 ${figure}`;
  return bound.inclusive ? ` ${figure}以下` : `未滿 ${figure}`;
}

/** A programme's highest ratio against the value asked, or the bound it sets (「9成以上」). */
function withinBound(ratio: number, value: number, bound: Understanding['ratioBound']): boolean {
  if (!bound) return Math.abs(ratio - value) <= SAME;
  const above = bound.side === 'over' ? ratio - value : value - ratio;
  return bound.inclusive ? above >= -SAME : above > SAME;
}

function formatted(attribute: Attribute, value: number): string {
  return attribute === 'fee_rate' ? formatRate(value) : formatCheng(value);
}

/** A programme's figures in force at the context's date, or undefined when one it needs is not in force then. */
export function describeInForce(ctx: FlowContext, programme: ProgrammeId): ProgrammeDescription | undefined {
  try {
    return describeProgramme(programme, ctx.view);
  } catch (error) {
    if (error instanceof ParameterNotInForceError) return undefined;
    throw error;
  }
}

function matchOf(ctx: FlowContext, d: ProgrammeDescription, attribute: Attribute, value: number, bound?: Understanding['ratioBound']): Match | undefined {
  const ended = planEnded(d.programme, ctx.domain.finder, ctx.view);
  const base = { programme: d.programme, name: d.name, ended };
  if (attribute === 'max_ratio') {
    if (d.maxRatio === undefined || !withinBound(d.maxRatio, value, bound)) return undefined;
    return { ...base, figure: `最高 ${formatCheng(d.maxRatio)}`, exact: true, readings: d.parameters.filter((r) => r.name.endsWith('max_ratio')) };
  }
  const { min, max, byRiskGroup, waived } = d.feeRate;
  if (waived || min === undefined || max === undefined) return undefined;
  if (value < min - SAME || value > max + SAME) return undefined;
  const readings = d.parameters.filter((r) => r.name.includes('fee_rate') && !r.name.includes('excellence'));
  const fixed = Math.abs(max - min) <= SAME;
  const figure = fixed
    ? `年費率 ${formatRate(min)}`
    : byRiskGroup
      ? `年費率依風險組群：A ${formatRate(byRiskGroup.A)}、B ${formatRate(byRiskGroup.B)}、C ${formatRate(byRiskGroup.C)}`
      : `年費率 ${formatRate(min)}～${formatRate(max)}，依個案核定`;
  return { ...base, figure, exact: fixed, readings };
}
