import { balanceLimits, industryLabel } from '../../rules/business-finance-ratio.ts';
import { formatRatio } from '../../rules/display.ts';
import { amountInWords, formatAmount, formatCheng, formatRocDate } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';

/** What asks about the 營授比 limits as amounts: a threshold, or 「最多可以到多少」 under the 營授比 topic. */
const LIMIT_ASKS = new Set(['threshold', 'cap_amount', 'statistics']);

/**
 * 「生產事業 營業額8,000萬，短中期週轉授信總餘額要控制在多少以內」「那超過多少以後授權送保只能保五成」: the revenue is known
 * and the balance is what is asked, so the 營授比 limits are answered as balances (revenue × 100%, × 70% or 50%) instead
 * of asking for the balance. Undefined when the case gives its balance or ratio (the 營授比 is then computed).
 */
export function ratioLimitsFlow(ctx: FlowContext): FlowResult | undefined {
  const { facts, asks, task, programme } = ctx.merged;
  const revenue = facts.annualRevenue;
  if (revenue === undefined || facts.workingCapitalBalance !== undefined || facts.businessFinanceRatio !== undefined) return undefined;
  if (programme && programme !== 'general_loan') return undefined;
  const onRatio = ctx.understanding.parameterTopics.includes('business_finance_ratio') || ctx.state.parameterTopics?.includes('business_finance_ratio');
  if (!(onRatio || task === 'eligibility' || asks.some((ask) => LIMIT_ASKS.has(ask)))) return undefined;
  const limits = balanceLimits(ctx.view, revenue, facts.industry);
  const citations = ctx.cite.forTrace(limits.trace);
  const lines = [
    `依最近一年度報稅營業額 ${formatAmount(revenue)} 元，短、中期週轉授信總餘額：`,
    `・上限（營授比 ${formatRatio(limits.max.percent)}）：${amountInWords(limits.max.balance)}（${limits.max.formula}）；超過者短、中期週轉融資不得送保`,
    ...limits.thresholds.map(
      ({ industry, line }) =>
        `・${industryLabel(industry)}超過 ${amountInWords(line.balance)}（營授比 ${formatRatio(line.percent)}；${line.formula}）時，以授權方式送保保證成數最高 ${formatCheng(limits.reducedRatio)}，或改以專案方式送保`,
    ),
    '（使用統一發票之企業依「促進就業融資保證專案」另有放寬；告訴我目前的總餘額，我可以算出營授比。）',
    `（依 ${formatRocDate(ctx.view.asOf)}適用之規定）`,
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'eligibility', lines, citations, quickReplies: ['營授比是什麼？', '重新開始'] },
    // (The balance, said next as a bare amount, gives the 營授比 itself.)
    { task: 'eligibility', pending: 'workingCapitalBalance', facts, asks },
  );
}
