import { serviceLinesText } from '../compose/service-lines.ts';
import type { FlowContext } from './context.ts';

/**
 * 「2025年現在批保費率還是0.3%嗎」: the one year named in a question about what applies now, when it is neither a case's
 * own date (核准日, 申請日) nor after today.
 */
export function yearAskedAsNow(ctx: FlowContext): string | undefined {
  const [year, ...more] = ctx.understanding.years;
  if (year === undefined || more.length > 0 || !ctx.understanding.modifiers.current) return undefined;
  const { applicationDate, approvalDate, loanStartDate } = ctx.merged.facts;
  if ([applicationDate, approvalDate, loanStartDate].some((day) => day !== undefined && day === ctx.asOf)) return undefined;
  if (year > Number((ctx.today ?? ctx.asOf).slice(0, 4))) return undefined;
  return String(year);
}

/**
 * A figure the fund announces anew each year (`announced_each_year`), asked as it stands in a year after the newest
 * announcement the documents hold: that year's figure is not in them, and the newest one is what is shown.
 */
export function unheldYearLine(ctx: FlowContext, parameterNames: readonly string[]): string | undefined {
  const year = yearAskedAsNow(ctx);
  if (year === undefined) return undefined;
  const unheld = [...new Set(parameterNames)].filter(
    // (Of the values in force by the day asked: one added from a later day is not yet held as announced.)
    (name) => ctx.view.has(name) && ctx.view.announcedEachYear(name) && ctx.view.history(name).filter((v) => v.effectiveFrom <= ctx.asOf).every((v) => v.effectiveFrom.slice(0, 4) < year),
  );
  if (unheld.length === 0) return undefined;
  const names = unheld.map((name) => ctx.view.history(name).at(-1)?.description ?? name).join('、');
  return `提醒：${names}由本基金每年另行公告；收錄的文件沒有 ${year} 年（民國${Number(year) - 1911}年）的公告，以上是文件所載最近一次的數字，最新數字請洽信保基金確認：${serviceLinesText(ctx.service)}。`;
}
