import type { ParameterReading } from '../../rules/at.ts';
import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { otherVersions, readingLine, versionLine } from '../compose/parameter-text.ts';
import { reply, sourcesLine } from '../compose/reply.ts';
import type { FlowContext, FlowResult } from './context.ts';
import { retrievalAnswer } from './retrieval.ts';

export const INJECTION_NOTE = '（提醒：我只依據信保基金的文件與規定回答，訊息中提供的數字或指示不會改變上述內容。）';

/** Which parameter names answer which kind of question (by the parameter's file name). */
const ASK_PATTERNS: Record<string, RegExp> = {
  fee_rate: /fee_rate|fee_cap|fee_waived|waived_fee_rate/,
  fee_amount: /fee_rate|fee_cap|fee_waived/,
  max_ratio: /max_ratio|reduced_authorised_ratio|share_of_need/,
  age_limit: /age_range/,
  business_age_limit: /business_age|new_venture_.*months/,
  cap_amount: /cap|quota|donation|multiple|loan_cap|total_cap/,
  period_limit: /max_years|deferral|years$|window|plan_period/,
  eligibility_criteria: /eligible_applicants|age_range|business_age|new_venture/,
  subrogation: /subrogation/,
  interest_rate: /interest_rate/,
  subsidy: /subsidy|fee_waived/,
  exclusions: /project_only_cases/,
  effective_date: /transition_rule|plan_period/,
};

/** Topics that are parameter folders but not programmes. */
const TOPIC_FOLDERS: Array<[RegExp, string]> = [
  [/營授比|營收比|授信總餘額|週轉授信/, 'business_finance_ratio'],
  [/總額度|保證融資總額/, 'enterprise'],
  [/授權送保|授權方式|專案申請|不得以授權/, 'authorised'],
];

const MAX_LINES = 6;
const SEARCH_FIRST = new Set(['effective_date', 'procedure', 'definition', 'statistics', 'contact', 'budget']);
/** A programme named with no attribute (「批次保證？」) gets its key figures. */
const DEFAULT_ASKS = ['fee_rate', 'max_ratio'];

/**
 * A fact question answered from rule parameters when they cover it (exact, dated, cited), otherwise from the
 * documents through search.
 */
export function lookupFlow(ctx: FlowContext): FlowResult {
  // Questions about timing, procedure or meaning are best answered by the passage that says it.
  if (ctx.merged.asks.length > 0 && ctx.merged.asks.every((a) => SEARCH_FIRST.has(a))) {
    const found = retrievalAnswer(ctx);
    if (found.outcome === 'answered') return found;
  }
  const readings = parameterReadings(ctx);
  if (readings.length === 0) return retrievalAnswer(ctx);

  const lines: string[] = [];
  const versions: string[] = [];
  for (const r of readings.slice(0, MAX_LINES)) {
    lines.push(readingLine(r));
    if (r.note && !r.note.startsWith('概述未載日期')) versions.push(`說明：${r.note}`);
    for (const other of otherVersions(ctx.view, r)) versions.push(versionLine(other, r));
  }
  const citations = readings.slice(0, MAX_LINES).flatMap((r) => [
    ctx.cite.forReference(r.reference, r.effectiveFrom, r.name),
    ...otherVersions(ctx.view, r).map((v) => ctx.cite.forReference(v.reference, v.effectiveFrom, r.name)),
  ]);
  const programme = ctx.merged.programme;
  const extra = ctx.merged.asks.includes('definition') ? retrievalAnswer(ctx) : undefined;
  const extraText = extra?.outcome === 'answered' ? extra.replies[0]?.text.split('\n資料來源')[0] : undefined;
  return {
    outcome: 'answered',
    grounding: [...lines, ...versions],
    replies: [
      reply({
        kind: 'answer',
        intent: 'fact_lookup',
        feedback: true,
        lines: [
          ...lines,
          ...uniq(versions),
          extraText,
          ctx.understanding.injectionSuspected ? INJECTION_NOTE : undefined,
          sourcesLine(citations),
        ],
        citations: [...citations, ...(extra?.replies[0]?.citations ?? [])],
        quickReplies: followUps(programme),
      }),
    ],
    state: { task: 'fact_lookup', asks: ctx.merged.asks, programme },
  };
}

function parameterReadings(ctx: FlowContext): ParameterReading[] {
  const { merged, view, understanding } = ctx;
  const stated = merged.asks.length > 0 ? merged.asks : merged.programme ? DEFAULT_ASKS : [];
  const asks = stated.filter((a) => ASK_PATTERNS[a]);
  if (asks.length === 0) return [];
  const folders = new Set<string>();
  const programme = merged.programme;
  if (programme) {
    folders.add(programme);
    if (PROGRAMMES[programme].channel === 'authorised') folders.add('authorised');
  }
  for (const [pattern, folder] of TOPIC_FOLDERS) if (pattern.test(understanding.text)) folders.add(folder);
  if (!programme && merged.facts.riskGroup && asks.some((a) => a.startsWith('fee'))) folders.add('authorised');
  if (folders.size === 0) return [];

  const names = view.names().filter((name) => {
    const folder = name.split('.')[0]!;
    if (!folders.has(folder)) return false;
    return asks.some((a) => ASK_PATTERNS[a]!.test(name));
  });
  return names
    .filter((name) => relevant(name, ctx))
    .map((name) => view.find(name))
    .filter((r): r is ParameterReading => r !== undefined);
}

/** Narrows readings to the facts stated: a risk group picks its own rate; award rates only when the award is named. */
function relevant(name: string, ctx: FlowContext): boolean {
  const { facts } = ctx.merged;
  const group = /fee_rate\.([abc])$/.exec(name)?.[1];
  if (group && facts.riskGroup) return group === facts.riskGroup.toLowerCase();
  if (/excellence_award/.test(name)) return facts.flags?.batchExcellenceAward === true || /卓越/.test(ctx.understanding.text);
  if (/gold_award/.test(name)) return /金質/.test(ctx.understanding.text);
  if (/pandemic/.test(name)) return true;
  return true;
}

function followUps(programme: ProgrammeId | undefined): string[] {
  if (!programme) return ['一般貸款手續費怎麼算？', '青創貸款保幾成？', '批次保證手續費率？'];
  const name = PROGRAMMES[programme].name;
  return [`${name}保證成數？`, `${name}手續費率？`, `借500萬保8成一年手續費多少？`];
}

function uniq(lines: string[]): string[] {
  return [...new Set(lines)];
}
