import { productRoundedHalfUp } from '../../rules/exact.ts';
import { loanFromNeed, maxRatioOf } from '../../rules/max-ratio.ts';
import type { Facts } from '../../rules/facts.ts';
import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { TraceRecorder } from '../../rules/trace.ts';
import { amountSpoken, formatAmount, formatCheng } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { askFor } from './ask-for.ts';
import { raisingCircumstances, ratioUnderFinanceRatioLimit } from './fee.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { ratiosByIndustry, ratioWithoutRelaxation } from './ratio-by-industry.ts';

/** What a question about the guaranteed amount of a loan may ask beside it (the ratio, 「最多」). */
const ALONGSIDE = new Set(['guaranteed_amount', 'max_ratio', 'cap_amount']);

/** 「借兩百萬 保證金額多少」「那我借五百万 最多被保多少錢」: the guaranteed part of a stated loan is asked, nothing else. */
export function asksGuaranteedAmount(ctx: FlowContext): boolean {
  const { asks, facts } = ctx.merged;
  const u = ctx.understanding;
  // (「那借500萬呢」「保9成呢」 after a guaranteed amount, asking nothing of their own: the same amount, of the case changed.)
  // (So does a circumstance told, 「他有拿到青輔會推薦 這樣呢」: the ratio it gives.)
  // (Or any other fact of the case changed, 「他其實是生產事業，其他數字一樣」: the 營授比 limit it reads.)
  const told = Object.keys(u.facts).length > 0 || u.programmes.length > 0;
  const changesCase = u.asks.length === 0 && (ctx.state.asks ?? []).includes('guaranteed_amount') && told;
  // (And a loan told after a ratio was answered, 「借五百萬呢」 after 「保幾成」.)
  const ofRatioAnswered = u.asks.length === 0 && (ctx.state.asks ?? []).includes('max_ratio') && u.facts.loanAmount !== undefined;
  const asked = u.asks.includes('guaranteed_amount') || (u.asksAboutLoan?.includes('guaranteed_amount') ?? false) || changesCase || ofRatioAnswered;
  return asked && asks.includes('guaranteed_amount') && (facts.loanAmount !== undefined || facts.recoveryNeed !== undefined) && asks.every((ask) => ALONGSIDE.has(ask));
}

/**
 * 「要借8千萬…最多保幾成、保證金額最多多少？可以走授權嗎」: the guaranteed part of a loan told, asked in this message beside
 * questions of other kinds (how it is submitted): computed first, the others answered after it.
 */
export function asksGuaranteedAmountAmongOthers(ctx: FlowContext): boolean {
  const { asks, facts } = ctx.merged;
  return ctx.understanding.asks.includes('guaranteed_amount') && facts.loanAmount !== undefined && asks.some((ask) => !ALONGSIDE.has(ask));
}

/**
 * The loan times the guarantee ratio: the ratio stated, else the programme's highest (said so, with the rule that gives
 * it); with neither, the programme is asked.
 */
export function guaranteedAmountFlow(ctx: FlowContext): FlowResult {
  const { programme, facts } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  // 「復工需要2,500萬」: the loan is what the programme lends against that need.
  const fromNeed = facts.loanAmount === undefined && programme ? loanFromNeed(programme, facts, trace) : undefined;
  const loan = facts.loanAmount ?? fromNeed;
  if (loan === undefined) return askFor(ctx, 'fact_lookup', programme ? ['loanAmount'] : ['programme']);
  const stated = ratioStillStated(ctx, facts.guaranteeRatio);
  // Answer first: 「借款一千萬，信保保證的部分是多少」 naming no programme is computed for the one programmes.yaml `unnamed`
  // names (一般貸款), said so; the programme is asked only when that gives no ratio.
  const unnamed = !programme && stated === undefined ? ctx.domain.programmes.unnamed : undefined;
  const of = programme ?? unnamed?.programme;
  const highest = stated ?? (of ? maxRatioOf(of, facts, trace) : undefined);
  if (highest === undefined) return askFor(ctx, 'fact_lookup', ['programme']);
  // (「營授比60% 授權方式送保 新貸400萬 最多保多少錢」: an authorised submission over the 營授比 threshold, at most 5成.)
  const limited = stated === undefined && of ? ratioUnderFinanceRatioLimit(ctx, of, facts, highest) : undefined;
  if (limited) trace.steps.push(...limited.trace.filter((step) => !trace.steps.includes(step)));
  const ratio = limited?.ratio ?? highest;
  const amount = productRoundedHalfUp([loan, ratio], [100]);
  // (「又有製造又有批發…營授比60%…最多保多少」: each business category's amount, not the category asked.)
  const byIndustry = stated === undefined && !limited && of ? ratiosByIndustry(ctx, of, facts, highest) : undefined;
  // (「有開統一發票，營授比85%」: the amount with the 促進就業 relaxation, and without it.)
  const unrelaxed = stated === undefined && !limited && !byIndustry && of ? ratioWithoutRelaxation(ctx, of, facts, highest) : undefined;
  for (const steps of [...(byIndustry?.industries ?? []).map((b) => b.trace), unrelaxed?.trace ?? []]) trace.steps.push(...steps.filter((step) => !trace.steps.includes(step)));
  const amountAt = (r: number) => `保證金額新臺幣 ${amountSpoken(productRoundedHalfUp([loan, r], [100]))}（${formatAmount(loan)} × ${r}%）`;
  // (「青創貸款想借300萬 信保會保多少錢」: at the programme's highest ratio, said with the higher one a circumstance not yet
  // told would give and what it guarantees, 「若經青輔會推薦，保證成數最高 9成，保證金額 270萬元」.)
  const raised = stated === undefined && !limited && of ? raisedAmounts(ctx, of, facts, loan, trace) : [];
  const citations = ctx.cite.forTrace(trace.steps);
  const name = of ? PROGRAMMES[of].name : undefined;
  const lines = [
    unnamed ? unnamed.note : undefined,
    fromNeed !== undefined ? `可貸金額：新臺幣 ${amountSpoken(fromNeed)}；${trace.steps.filter((s) => s.kind === 'arithmetic').map((s) => s.expression).join('；')}` : undefined,
    ...(byIndustry
      ? [`保證金額依行業別而定（以授權方式送保；營授比：${byIndustry.formula}）：`, ...byIndustry.industries.map((b) => `・${b.reason}：${amountAt(b.ratio)}`), '是生產事業（例如製造業）還是一般事業（例如批發、零售、服務業），告訴我就只算那一種。']
      : [`保證金額：新臺幣 ${amountSpoken(amount)}；${formatAmount(loan)} × ${ratio}%`]),
    unrelaxed ? `・${unrelaxed.reason}：${amountAt(unrelaxed.ratio)}` : undefined,
    // What the guarantee leaves to the lender: 「銀行自己要承擔多少」 is asked in the same words.
    ratio < 100 && !byIndustry ? `未保證部分（貸款金額減保證金額，不在本基金保證範圍內）：新臺幣 ${amountSpoken(loan - amount)}；${formatAmount(loan)} − ${formatAmount(amount)}` : undefined,
    limited ? `${limited.reason}，以 ${formatCheng(ratio)} 計算；實際成數依承貸金融機構送保及本基金核定為準。` : undefined,
    stated === undefined && !limited && !byIndustry && name ? `以${name}最高保證成數 ${formatCheng(ratio)} 計算；實際成數依承貸金融機構送保及本基金核定為準。` : undefined,
    ...raised,
    citations.length > 0 ? sourcesLine(citations) : undefined,
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: ['那手續費一年多少？', '重新開始'] },
    { task: 'fact_lookup', asks: ['guaranteed_amount'], facts, ...(of ? { programme: of } : {}) },
  );
}

/** 「若經青輔會推薦，保證成數最高 9成，保證金額 270萬元」: each circumstance not yet said that raises the programme's highest ratio. */
export function raisedAmounts(ctx: FlowContext, programme: ProgrammeId, facts: Omit<Facts, 'programme'>, loan: number, trace?: TraceRecorder): string[] {
  const { programme: _own, ...caseFacts } = facts as Facts;
  return raisingCircumstances(ctx, programme, caseFacts).map(({ flag, label, raised }) => {
    if (trace) maxRatioOf(programme, { ...caseFacts, flags: { ...caseFacts.flags, [flag]: true } }, trace);
    const amount = productRoundedHalfUp([loan, raised], [100]);
    return `若${label}，保證成數最高 ${formatCheng(raised)}，保證金額新臺幣 ${amountSpoken(amount)}（${formatAmount(loan)} × ${raised}%）`;
  });
}

/**
 * 「青創借100萬 保8成 保證金額多少」→「那有青輔會推薦的話呢」: a circumstance told after a ratio stated at the programme's
 * highest before it raises that highest; the ratio stated then is no longer what the case is computed at.
 */
function ratioStillStated(ctx: FlowContext, stated: number | undefined): number | undefined {
  const { programme, facts } = ctx.merged;
  const u = ctx.understanding;
  if (stated === undefined || !programme || u.facts.guaranteeRatio !== undefined || Object.keys(u.facts.flags ?? {}).length === 0) return stated;
  const highestBefore = maxRatioOf(programme, { ...facts, flags: ctx.state.facts.flags ?? {} }, new TraceRecorder(ctx.view));
  return highestBefore === stated ? undefined : stated;
}
