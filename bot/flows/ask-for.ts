import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import type { Citation } from '../types.ts';
import { questionFor } from '../dialogue/questions.ts';
import type { Task } from '../dialogue/merge.ts';
import { asked, type FlowContext, type FlowResult } from './context.ts';

/** Asks for the next missing fact (one at a time), remembering the task so the answer continues it. */
export function askFor(ctx: FlowContext, task: Task, missing: string[], preface?: string, citations: Citation[] = []): FlowResult {
  const fact = missing[0] ?? 'programme';
  const question = questionFor(fact, ctx.domain);
  const known = knownSummary(ctx);
  return asked(
    { intent: task, lines: [preface, known, question.text], citations, quickReplies: question.quickReplies },
    { task, pending: fact, programme: ctx.merged.programme, facts: ctx.merged.facts, asks: ctx.merged.asks },
  );
}

/** 「目前已知：一般貸款、貸款金額 5,000,000 元、保證成數 80%」 so the user sees what was understood. */
function knownSummary(ctx: FlowContext): string | undefined {
  const { facts, programme } = ctx.merged;
  const parts: string[] = [];
  if (programme) parts.push(programmeLabel(ctx, programme));
  if (facts.loanAmount !== undefined) parts.push(`貸款金額 ${facts.loanAmount.toLocaleString('en-US')} 元`);
  if (facts.guaranteeRatio !== undefined) parts.push(`保證成數 ${facts.guaranteeRatio}%`);
  if (facts.riskGroup) parts.push(`風險組群 ${facts.riskGroup}`);
  if (facts.periodMonths !== undefined) parts.push(`期間 ${facts.periodMonths} 個月`);
  if (facts.age !== undefined) parts.push(`年齡 ${facts.age} 歲`);
  if (facts.businessAgeMonths !== undefined) parts.push(`設立 ${facts.businessAgeMonths} 個月`);
  return parts.length ? `目前已知：${parts.join('、')}。` : undefined;
}

function programmeLabel(_ctx: FlowContext, programme: ProgrammeId): string {
  return PROGRAMMES[programme].name;
}
