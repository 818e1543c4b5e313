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

/**
 * 「敝公司從事營造業，年營業額2億」 opens a conversation stating facts and asking nothing: say what was understood and
 * offer the questions those facts make answerable (domain/registry/facts.yaml `leads_to`, `facts_only`). The facts
 * stay for the next message.
 */
export function factsOnly(ctx: FlowContext): FlowResult {
  const stated = Object.keys(ctx.understanding.facts) as Array<keyof typeof ctx.understanding.facts>;
  const leads = stated.flatMap((fact) => ctx.domain.facts.questions[fact]?.leadsTo ?? []);
  const { question, quickReplies } = ctx.domain.facts.factsOnly;
  return asked(
    { intent: 'unknown', lines: [knownSummary(ctx), question], citations: [], quickReplies: [...new Set([...leads, ...quickReplies])].slice(0, 4) },
    { facts: ctx.merged.facts },
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
  if (facts.gender) parts.push(facts.gender === 'female' ? '女性' : '男性');
  if (facts.industry) parts.push(facts.industry === 'production' ? '生產事業' : '一般事業');
  if (facts.annualRevenue !== undefined) parts.push(`最近一年度營業額 ${facts.annualRevenue.toLocaleString('en-US')} 元`);
  if (facts.workingCapitalBalance !== undefined) parts.push(`短、中期週轉授信總餘額 ${facts.workingCapitalBalance.toLocaleString('en-US')} 元`);
  return parts.length ? `目前已知：${parts.join('、')}。` : undefined;
}

function programmeLabel(_ctx: FlowContext, programme: ProgrammeId): string {
  return PROGRAMMES[programme].name;
}
