import type { EligibilityResult } from '../../rules/eligibility/index.ts';
import type { Domain } from '../../domain/index.ts';
import { parametersAt } from '../../rules/at.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import type { Sources } from '../sources.ts';
import { documentDateLabel } from '../compose/citations.ts';
import { PROGRAMMES } from '../../rules/programmes.ts';
import { formatCheng, formatRate, formatRocDate, formatRocPeriod } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Citation } from '../types.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { planEnded } from './recommend-ranking.ts';
import { describeInForce } from './reverse-lookup.ts';

/** The last day of a plan that had ended before `today` (finder.yaml plan_periods), when the programme is one. */
export function endedPlanLastDay(domain: Domain, sources: Sources, programme: ProgrammeId | undefined, today: string): string | undefined {
  const parameter = programme ? domain.finder.planPeriods[programme] : undefined;
  const reading = parameter ? parametersAt(sources.rules, today).find(parameter) : undefined;
  const period = reading?.value as { from: string; to: string } | undefined;
  return period && period.to < today ? period.to : undefined;
}

/** The Morakot plan and the like: told as what the documents describe, with their period, never as advice today. */
export function endedPlansNote(
  ctx: FlowContext,
  ended: readonly ProgrammeId[],
  { serviceLines = true }: { serviceLines?: boolean } = {},
): { lines: string[]; citations: Citation[] } {
  const byPlan = new Map<string, ProgrammeId[]>();
  for (const id of ended) {
    const parameter = ctx.domain.finder.planPeriods[id];
    if (parameter) byPlan.set(parameter, [...(byPlan.get(parameter) ?? []), id]);
  }
  const lines: string[] = [];
  const citations: Citation[] = [];
  for (const [parameter, ids] of byPlan) {
    const reading = ctx.view.find(parameter);
    if (!reading) continue;
    const period = reading.value as { from: string; to: string };
    const names = ids.map((id) => `「${PROGRAMMES[id].name}」`).join('、');
    lines.push(`文件所載的${names}屬《${reading.reference.title}》，計畫期程${formatRocPeriod(period.from, period.to)}，已經結束，不適用於現在的災害，僅供參考。`);
    citations.push(ctx.cite.forReference(reading.reference, reading.effectiveFrom, reading.name));
  }
  // Where another line already gives the service lines (a standing programme to confirm), they are not repeated.
  if (lines.length > 0 && serviceLines) lines.push(`目前受災企業可適用的措施，請洽信保基金確認：${serviceLinesText(ctx.service)}。`);
  return { lines, citations };
}

/**
 * 「有像莫拉克那樣9成免手續費的嗎」: the programmes still open that serve the same need as an ended one (finder.yaml
 * purposes), each with its highest ratio and fee from the rules; one listed as current only in its document's day says so.
 */
export function currentAlternatives(ctx: FlowContext, ended: ProgrammeId): { line: string; citations: Citation[] } | undefined {
  const finder = ctx.domain.finder;
  const others = [...new Set(finder.purposes.filter((p) => p.programmes.includes(ended)).flatMap((p) => p.programmes))].filter(
    (id) => id !== ended && !planEnded(id, finder, ctx.view),
  );
  const citations: Citation[] = [];
  const parts = others.flatMap((id) => {
    const d = describeInForce(ctx, id);
    if (!d) return [];
    const figures = [
      d.maxRatio !== undefined ? `保證成數最高 ${formatCheng(d.maxRatio)}` : undefined,
      d.feeRate.waived ? '保證手續費免收' : d.feeRate.min !== undefined && d.feeRate.min === d.feeRate.max ? `年費率 ${formatRate(d.feeRate.min)}` : undefined,
    ].filter((f): f is string => f !== undefined);
    citations.push(...d.parameters.filter((r) => /max_ratio|fee/.test(r.name)).map((r) => ctx.cite.forReference(r.reference, r.effectiveFrom, r.name)));
    const asOf = finder.asOfDocument.includes(id) ? '（文件所列之現行措施，現在是否仍辦理請向銀行或本基金確認）' : '';
    return [`${d.name}${figures.length > 0 ? `：${figures.join('、')}` : ''}${asOf}`];
  });
  if (parts.length === 0) return undefined;
  return { line: `服務相同需要、未隨計畫結束的：${parts.join('；')}。`, citations };
}

/**
 * Whether the programme in question can be applied for, or what it offers today, once its plan has ended: the
 * ended-plan answer, whichever flow the question would have gone to (a fee calculation keeps its own warning).
 */
export function endedPlanToday(ctx: FlowContext): FlowResult | undefined {
  const { programme, task } = ctx.merged;
  const u = ctx.understanding;
  // (Where to apply, or what to bring, is asked of today too: 「莫拉克復工貸款要去哪裡辦」.)
  const aboutToday = u.intent === 'eligibility' || task === 'eligibility' || u.modifiers.current || u.howToApply !== undefined;
  return programme && aboutToday && task !== 'fee_calculation' ? endedPlanAnswer(ctx, programme) : undefined;
}

/**
 * 「莫拉克復工貸款現在還能申請嗎」: a programme whose plan period ended before the day asked about cannot be applied
 * for; that comes first, with the period and its source, then where to ask what applies now. Undefined while the
 * plan is in force on that day (a question about an application made during the plan is weighed as usual).
 */
function endedPlanAnswer(ctx: FlowContext, programme: ProgrammeId): FlowResult | undefined {
  if (!planEnded(programme, ctx.domain.finder, ctx.view)) return undefined;
  const parameter = ctx.domain.finder.planPeriods[programme];
  const reading = parameter ? ctx.view.find(parameter) : undefined;
  if (!reading) return undefined;
  const period = reading.value as { from: string; to: string };
  const alternatives = currentAlternatives(ctx, programme);
  const citations = [ctx.cite.forReference(reading.reference, reading.effectiveFrom, reading.name), ...(alternatives?.citations ?? [])];
  const lines = [
    `「${PROGRAMMES[programme].name}」已經結束，現在不能再申請：《${reading.reference.title}》的計畫期程為${formatRocPeriod(period.from, period.to)}。`,
    alternatives?.line,
    `目前可適用的措施（例如受災企業的協助），請洽信保基金或往來金融機構確認：${serviceLinesText(ctx.service)}。`,
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'eligibility', lines, citations, quickReplies: ['有什麼貸款適合我？', '客服電話？'] },
    { task: undefined, pending: undefined, programme },
  );
}

/**
 * 「莫拉克那個災害復舊專案貸款現在還可以申請嗎」: a programme the documents describe only as current at their own date
 * (finder.yaml `as_of_document`) is told with that document and its date, and the service lines to confirm what applies
 * now; undefined for any other programme.
 */
export function asOfDocumentLine(ctx: FlowContext, result: Pick<EligibilityResult, 'programme' | 'programmeName' | 'trace'>): { line: string; date: string } | undefined {
  if (!ctx.domain.finder.asOfDocument.includes(result.programme)) return undefined;
  const step = result.trace.find((s) => s.kind === 'parameter');
  const doc = step?.kind === 'parameter' ? ctx.cite.document(step.reference.document) : undefined;
  if (!doc) return undefined;
  const issued = (doc.meta as { issued: string | null }).issued;
  // (The document may be a plan that has ended, 莫拉克's: its period is said, the programme it lists being another matter.)
  const plan = Object.values(ctx.domain.finder.planPeriods)
    .map((parameter) => (parameter ? ctx.view.find(parameter) : undefined))
    .find((reading) => reading !== undefined && reading.reference.document === step?.reference.document);
  const period = plan ? (plan.value as { from: string; to: string }) : undefined;
  const planLine = period && period.to < ctx.asOf ? `該計畫本身的期程為${formatRocPeriod(period.from, period.to)}；` : '';
  return {
    date: issued ? formatRocDate(issued) : documentDateLabel(doc),
    line: `「${result.programmeName}」的內容出自《${doc.meta.title}》（${documentDateLabel(doc)}），${planLine}本項是該文件所列的現行政策性專案貸款，現在是否仍受理、條件是否相同，請洽信保基金或承貸金融機構確認：${serviceLinesText(ctx.service)}。`,
  };
}
