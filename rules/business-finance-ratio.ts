import type { ParameterView } from './at.ts';
import { productRoundedHalfUp } from './exact.ts';
import { formatAmount, formatRatio } from './display.ts';
import { InvalidInputError, MissingFactsError } from './errors.ts';
import type { Facts, Industry } from './facts.ts';
import { validateFacts } from './inputs.ts';
import { PROGRAMMES, type ProgrammeId } from './programmes.ts';
import { TraceRecorder } from './trace.ts';
import type { TraceStep } from './trace.ts';

export interface RatioInput {
  /** 短、中期週轉授信總餘額, NT$ */
  workingCapitalBalance?: number;
  /** 最近一年度報稅營業額, NT$ */
  annualRevenue?: number;
  /**
   * A new loan applied for beside the balance (「週轉借款1500萬 還要再借600萬」): the balance after it is the one weighed,
   * unless it is for capital expenditure (no short- or medium-term working capital).
   */
  newLoan?: number;
  /** 營授比 as stated (percent), used when the balance and revenue are not both given. */
  statedRatio?: number;
  /** The stated figure is one the 營授比 exceeds (「超過70%」), not its value. */
  statedAbove?: boolean;
  industry?: Industry;
  /** 使用統一發票 (促進就業專案之營授比放寬) */
  unifiedInvoice?: boolean;
  /** 原授權送保額度內之續約案件 */
  renewal?: boolean;
}

/**
 * within_limit: 未超過門檻，不受限制 · reduced_ratio: 超過 70%/50%，授權送保最高五成或改專案送保 ·
 * relaxed: 超過門檻但使用統一發票，不受五成限制 · over_limit: 超過 100%，不得送保 ·
 * project_only: 超過 100% 但使用統一發票，得以專案方式申請 · exempt_renewal: 統一發票原授權額度內續約，不受營授比限制 ·
 * needs_industry: 介於兩門檻之間，須知生產或一般事業
 */
export type RatioDecision = 'within_limit' | 'reduced_ratio' | 'relaxed' | 'over_limit' | 'project_only' | 'exempt_renewal' | 'needs_industry';

export interface RatioResult {
  /** 營授比, percent, rounded to two decimals for display (decisions use the exact value). */
  ratio: number;
  /** The 營授比 as said to the user: 「70%」, or 「超過 70%」 for a figure it exceeds. */
  shown: string;
  formula: string;
  decision: RatioDecision;
  /** The threshold that applied (70 or 50), when the industry is known. */
  threshold?: number;
  authorisedAllowed: boolean;
  /** Highest ratio for an authorised submission when limited (50), undefined when not limited by 營授比. */
  maxAuthorisedRatio?: number;
  projectAllowed: boolean;
  reasons: string[];
  missing: string[];
  ruleDate: string;
  ruleDates: string[];
  trace: TraceStep[];
}

/** Whether a case gives its 營授比: stated, or its balance and revenue both. */
export function hasRatioFigures(facts: Facts): boolean {
  return facts.businessFinanceRatio !== undefined || (facts.annualRevenue !== undefined && facts.workingCapitalBalance !== undefined);
}

/**
 * Whether the 營授比 limits an authorised submission of this case: it gives the figures, goes by authorisation, is not
 * sent as a project, and is not for equipment (the limit weighs short- and medium-term working capital).
 */
export function ratioLimitsSubmission(programme: ProgrammeId, facts: Facts): boolean {
  return hasRatioFigures(facts) && PROGRAMMES[programme].channel === 'authorised' && facts.submission !== 'project' && facts.loanPurpose !== 'capital_expenditure';
}

/** What the 營授比 rule reads of a case's facts. */
export function ratioInputOf(facts: Facts): RatioInput {
  // (「餘額含這筆共700萬」: the balance told already counts the loan.)
  const newLoan = facts.workingCapitalBalance !== undefined && facts.loanPurpose !== 'capital_expenditure' && !facts.balanceIncludesLoan ? facts.loanAmount : undefined;
  return {
    workingCapitalBalance: facts.workingCapitalBalance,
    annualRevenue: facts.annualRevenue,
    ...(newLoan !== undefined ? { newLoan } : {}),
    statedRatio: facts.businessFinanceRatio,
    statedAbove: facts.businessFinanceRatioAbove,
    industry: facts.industry,
    unifiedInvoice: facts.flags?.unifiedInvoice,
    renewal: facts.flags?.renewal,
  };
}

/** 營授比 = 短、中期週轉授信總餘額 ÷ 最近一年度報稅營業額, and what it allows. Pure. */
export function businessFinanceRatio(view: ParameterView, input: RatioInput): RatioResult {
  const trace = new TraceRecorder(view);
  return evaluateBusinessFinanceRatio(input, trace);
}

/** The same, recording into an existing trace (used inside eligibility). */
export function evaluateBusinessFinanceRatio(input: RatioInput, trace: TraceRecorder): RatioResult {
  const { workingCapitalBalance: balance, annualRevenue: revenue } = validateFacts({
    ...(input.workingCapitalBalance !== undefined ? { workingCapitalBalance: input.workingCapitalBalance } : {}),
    ...(input.annualRevenue !== undefined ? { annualRevenue: input.annualRevenue } : {}),
  });
  const missing = [...(balance === undefined ? ['workingCapitalBalance'] : []), ...(revenue === undefined ? ['annualRevenue'] : [])];
  const stated = balance === undefined || revenue === undefined ? input.statedRatio : undefined;
  if (stated === undefined && (balance === undefined || revenue === undefined)) {
    throw new MissingFactsError(missing, '計算營授比需要短、中期週轉授信總餘額與最近一年度報稅營業額');
  }
  if (stated === undefined && revenue === 0) throw new InvalidInputError('annualRevenue', '最近一年度報稅營業額為 0，無法計算營授比');

  let ratio: number;
  let formula: string;
  let exceeds: (limit: number) => boolean;
  const above = stated !== undefined && input.statedAbove === true;
  if (stated !== undefined) {
    ratio = stated;
    formula = `營授比${above ? '超過' : ''} ${formatRatio(stated)}（您提供的數字）`;
    // 「超過70%」 exceeds 70% itself.
    exceeds = (limit) => stated > limit || (above && stated >= limit);
  } else {
    const added = input.newLoan ?? 0;
    const [b, r] = [(balance as number) + added, revenue as number];
    ratio = Math.round((b / r) * 100 * 100) / 100;
    const weighed = added > 0 ? `（${formatAmount(balance as number)} + ${formatAmount(added)}）` : formatAmount(b);
    formula = `${weighed} ÷ ${formatAmount(r)} × 100% = ${formatRatio(ratio)}`;
    trace.arithmetic(formula, ratio);
    // Compare without division so 70% and 50% land exactly on their thresholds.
    exceeds = (limit) => b * 100 > limit * r;
  }

  const shown = `${above ? '超過 ' : ''}${formatRatio(ratio)}`;
  const base = { ratio, shown, formula, ruleDate: trace.view.asOf, missing: [] as string[] };
  const finish = (r: Omit<RatioResult, 'ratio' | 'shown' | 'formula' | 'ruleDate' | 'ruleDates' | 'trace' | 'missing'> & { missing?: string[] }): RatioResult => ({
    ...base,
    ...r,
    missing: r.missing ?? [],
    ruleDates: trace.ruleDates(),
    trace: trace.steps,
  });

  const relaxation = input.unifiedInvoice ? trace.optional('employment_promotion.bfr_relaxation')?.value === true : false;
  if (relaxation && input.renewal) {
    return finish({
      decision: 'exempt_renewal',
      authorisedAllowed: true,
      projectAllowed: true,
      reasons: [`營授比 ${shown}；使用統一發票企業之原授權送保額度內續約案件，不受營授比相關規定限制（促進就業融資保證專案）`],
    });
  }

  const max = trace.percent('business_finance_ratio.max');
  if (exceeds(max)) {
    return relaxation
      ? finish({ decision: 'project_only', authorisedAllowed: false, projectAllowed: true, reasons: [`營授比 ${shown} 超過 ${formatRatio(max)}；使用統一發票企業得以專案方式申請（促進就業融資保證專案）`] })
      : finish({
          decision: 'over_limit',
          authorisedAllowed: false,
          projectAllowed: false,
          reasons: [`營授比 ${shown} 超過上限 ${formatRatio(max)}，短、中期週轉融資不得送保`, ...unknownInvoice('得以專案方式申請')],
        });
  }

  const production = trace.percent('business_finance_ratio.production_threshold');
  const general = trace.percent('business_finance_ratio.general_threshold');
  const threshold = input.industry === 'production' ? production : input.industry === 'general' ? general : undefined;
  if (threshold === undefined) {
    const low = Math.min(production, general);
    const high = Math.max(production, general);
    if (!exceeds(low)) {
      return finish({ decision: 'within_limit', authorisedAllowed: true, projectAllowed: true, reasons: [`營授比 ${shown}，未超過 ${formatRatio(max)}，亦未超過生產事業 ${formatRatio(production)}、一般事業 ${formatRatio(general)} 之門檻`] });
    }
    if (exceeds(high)) return reduced(high, '生產事業與一般事業之門檻');
    return finish({
      decision: 'needs_industry',
      authorisedAllowed: true,
      projectAllowed: true,
      missing: ['industry'],
      reasons: [`營授比 ${shown} 介於一般事業門檻 ${formatRatio(general)} 與生產事業門檻 ${formatRatio(production)} 之間；請說明是生產事業或一般事業`],
    });
  }
  if (!exceeds(threshold)) {
    return finish({ decision: 'within_limit', threshold, authorisedAllowed: true, projectAllowed: true, reasons: [`營授比 ${shown}，未超過${industryLabel(input.industry)}門檻 ${formatRatio(threshold)}（上限 ${formatRatio(max)}）`] });
  }
  return reduced(threshold, `${industryLabel(input.industry)}門檻`);

  /**
   * Whether the company uses 統一發票 would change the outcome: not said, what it would allow; said it does not
   * (免用統一發票), that the relaxation is not for it.
   */
  function unknownInvoice(allows: string): string[] {
    if (input.unifiedInvoice === true || trace.optional('employment_promotion.bfr_relaxation')?.value !== true) return [];
    if (input.unifiedInvoice === false) return [`「促進就業融資保證專案」放寬營授比（${allows}）限使用統一發票之企業；您表示未使用統一發票，不適用`];
    return [`若使用統一發票，依「促進就業融資保證專案」${allows}`];
  }

  function reduced(limit: number, label: string): RatioResult {
    if (relaxation) {
      return finish({ decision: 'relaxed', threshold: limit, authorisedAllowed: true, projectAllowed: true, reasons: [`營授比 ${shown} 超過${label} ${formatRatio(limit)}、未超過 ${formatRatio(max)}；使用統一發票企業不受授權送保成數最高五成之限制（促進就業融資保證專案）`] });
    }
    const reducedRatio = trace.percent('business_finance_ratio.reduced_authorised_ratio');
    return finish({
      decision: 'reduced_ratio',
      threshold: limit,
      authorisedAllowed: true,
      maxAuthorisedRatio: reducedRatio,
      projectAllowed: true,
      reasons: [
        `營授比 ${shown} 超過${label} ${formatRatio(limit)}（未超過 ${formatRatio(max)}）：可採專案方式送保，或採授權方式送保但保證成數最高 ${formatRatio(reducedRatio)}`,
        ...unknownInvoice('不受授權送保成數最高五成之限制'),
      ],
    });
  }
}

/** One 營授比 line as a balance: the percent of the revenue, and the balance it comes to. */
export interface BalanceLine {
  percent: number;
  balance: number;
  formula: string;
}

export interface BalanceLimits {
  revenue: number;
  /** 營授比 100%: above it the short and medium-term working capital is not guaranteed. */
  max: BalanceLine;
  /** Above these (生產事業 70%, 一般事業 50%) an authorised submission is guaranteed at most the reduced ratio. */
  thresholds: Array<{ industry: Industry; line: BalanceLine }>;
  reducedRatio: number;
  trace: TraceStep[];
}

/**
 * 「營業額8,000萬，週轉授信總餘額要控制在多少以內」: the 營授比 limits as balances for a revenue, exactly (revenue × percent),
 * for the industry stated or for both when it is not. Pure.
 */
export function balanceLimits(view: ParameterView, revenue: number, industry?: Industry): BalanceLimits {
  const { annualRevenue } = validateFacts({ annualRevenue: revenue });
  const trace = new TraceRecorder(view);
  const line = (percent: number): BalanceLine => {
    const balance = productRoundedHalfUp([annualRevenue as number, percent], [100]);
    const formula = `${formatAmount(annualRevenue as number)} × ${formatRatio(percent)} = ${formatAmount(balance)}`;
    trace.arithmetic(formula, balance);
    return { percent, balance, formula };
  };
  const max = line(trace.percent('business_finance_ratio.max'));
  const industries: Industry[] = industry ? [industry] : ['production', 'general'];
  const thresholds = industries.map((i) => ({ industry: i, line: line(trace.percent(`business_finance_ratio.${i}_threshold`)) }));
  const reducedRatio = trace.percent('business_finance_ratio.reduced_authorised_ratio');
  return { revenue: annualRevenue as number, max, thresholds, reducedRatio, trace: trace.steps };
}

export function industryLabel(industry: Industry | undefined): string {
  return industry === 'production' ? '生產事業' : industry === 'general' ? '一般事業' : '';
}
