import { raisedAmounts } from './guaranteed-amount.ts';
import { newVentureRule } from './recommend.ts';
import { balanceLimits, businessFinanceRatio, industryLabel, ratioInputOf, type RatioResult } from '../../rules/business-finance-ratio.ts';
import { eligibility, type EligibilityResult } from '../../rules/eligibility/index.ts';
import { InvalidInputError, MissingFactsError, ParameterNotInForceError } from '../../rules/errors.ts';
import type { Facts } from '../../rules/facts.ts';
import { amountSpoken, formatAmount, formatPercent, formatRate, formatCheng, formatRocDate } from '../compose/format.ts';
import { amountInWords } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Citation, ResultCard } from '../types.ts';
import { readingOf } from './channel.ts';
import { dedupeCitations } from '../compose/citations.ts';
import { questionFor } from '../dialogue/questions.ts';
import { askFor } from './ask-for.ts';
import { asOfDocumentLine } from './ended-plans.ts';
import { circumstanceAllowing, raisedNote } from './fee.ts';
import { maxRatioOf } from '../../rules/max-ratio.ts';
import { PROGRAMMES } from '../../rules/programmes.ts';
import { TraceRecorder } from '../../rules/trace.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { unnamedLookup, withLineAfterFigures } from './lookup.ts';
import { cannotQuote, invalidInput } from './problems.ts';
import { recommendFlow } from './recommend.ts';
import { combinedAnswer } from './several-programmes.ts';
import { industriesNamed } from '../understand/choices.ts';
import { retrievalAnswer } from './retrieval.ts';

const STATUS_TEXT = {
  eligible: '依您提供的資料，符合條件',
  not_eligible: '依您提供的資料，不符合條件',
  needs_information: '還需要一些資料才能判斷',
} as const;

/**
 * 「我32歲，公司設立3年，可以申請青創嗎？」: decides with the calculator, says why, and asks for the next
 * missing fact one at a time. Revenue and working-capital balance without a programme → the 營授比 check.
 */
export function eligibilityFlow(ctx: FlowContext): FlowResult {
  const { programme, facts } = ctx.merged;
  const hasRatioFacts = facts.annualRevenue !== undefined || facts.workingCapitalBalance !== undefined || facts.businessFinanceRatio !== undefined;
  try {
    const onRatio = ctx.understanding.parameterTopics.includes('business_finance_ratio');
    if (!programme || (hasRatioFacts && (programme === 'general_loan' || onRatio))) {
      if (hasRatioFacts) {
        // (「一般事業…60%，授權送保最高幾成？如果是生產事業、同樣60%呢？」: each category said outright is decided.)
        const industries = industriesNamed(ctx.understanding.text, ctx.domain);
        if (industries.length < 2) return ratioAnswer(ctx, businessFinanceRatio(ctx.view, ratioInputOf(facts)));
        const each = industries.map((industry) => {
          const own = { ...facts, industry };
          return ratioAnswer({ ...ctx, merged: { ...ctx.merged, facts: own } }, businessFinanceRatio(ctx.view, ratioInputOf(own)));
        });
        return combinedAnswer('eligibility', undefined, each, each[0]!.replies[0]?.quickReplies ?? [], each[0]!.state);
      }
      // 「店才開沒多久 能申請信保嗎」: no programme, but a need of one's own — which programme fits it is the question.
      if (ctx.understanding.purposes.length > 0 && ctx.understanding.asks.every((ask) => ask === 'eligibility_criteria')) return recommendFlow(ctx);
      // 「送信保一般可以保到幾成」: a figure asked of no programme in particular is answered for the usual one, saying so.
      const unnamed = Object.keys(facts).length === 0 ? unnamedLookup(ctx) : undefined;
      if (unnamed) return unnamed;
      // A rule question with no programme and no case figures (「負債比超過400%還會被卡在五成嗎？」): the documents answer it.
      const found = retrievalAnswer(withCaseWords(ctx));
      // 「信用分數要幾分才能送保」: a bar the documents do not set is said so; which programme would not change that.
      if (found.outcome !== 'answered' && ctx.understanding.modifiers.threshold && Object.keys(facts).length === 0) return found;
      return found.outcome === 'answered' ? found : askFor(ctx, 'eligibility', ['programme']);
    }
    const { programme: _p, ...caseFacts } = facts;
    const result = eligibility(programme, caseFacts, ctx.view);
    if (result.status === 'needs_information' && result.missing.length > 0) {
      // Answer first: the figures the rules give whatever the missing fact turns out to be, then the one question.
      // (A programme described only as current at its document's date says so first: 「現在還可以申請嗎」 is not told by the
      // rules; 「最多借多少」 asked too is given the caps the rules already set.)
      const caps = ctx.merged.asks.includes('cap_amount') ? capLines(result) : [];
      const ratioNotes = ctx.merged.asks.includes('max_ratio') ? result.assumptions.filter((note) => note.includes('保證成數')) : [];
      // (「災害復舊貸款可以拿來買原物料嗎」: what the money may be used for is the rules' list, whatever is still asked.)
      const usageAsked = ctx.merged.asks.includes('usage');
      const uses = usageAsked ? usesOf(ctx, programme) : undefined;
      // (「青創借到的錢可以拿去還卡債嗎」: no list of uses in the rules for it is said so.)
      const usesUnknown = usageAsked && !uses && ctx.domain.asks.askNames.usage ? `目前收錄的文件未載明${result.programmeName}的${ctx.domain.asks.askNames.usage}；可否用於此用途，請洽承貸金融機構或信保基金：${serviceLinesText(ctx.service)}。` : undefined;
      const known = [asOfDocumentLine(ctx, result)?.line, usesUnknown, verdictSoFar(ctx, result), ratioAsked(ctx, caseFacts), partialVerdict(result), knownFigures(result), guaranteedLine(ctx, result), uses?.line, ...ratioNotes, ...caps].filter((line): line is string => line !== undefined).join('\n');
      return askFor(ctx, 'eligibility', result.missing, known || undefined, [...ctx.cite.forTrace(result.trace), ...(uses ? [uses.citation] : [])]);
    }
    const answer = eligibilityAnswer(ctx, result, ratioAsked(ctx, caseFacts));
    // 「青創她還能用嗎？還是有別的可以申請的？」: not eligible, and what else there is asked: the programmes that fit the case.
    // (Answer first: 「我48歲…想申請青創…可以嗎」 told of one's own case and failing the whole programme is given what else
    // fits the case too, asked or not; a measure failed alone, or a case told before, is not.)
    const toldOwnCase = result.status === 'not_eligible' && !result.failedMeasure && !ctx.understanding.asksOthers && Object.keys(ctx.understanding.facts).some((fact) => fact !== 'flags' && fact !== 'programme');
    if (toldOwnCase) {
      // (Only programmes the case is found to fit, after the verdict; the conversation stays on the programme asked about.)
      const others = recommendFlow({ ...ctx, understanding: { ...ctx.understanding, programmes: [], programmesByName: [] }, merged: { ...ctx.merged, programme: undefined } });
      const fitting = others.outcome === 'answered' ? others.replies.flatMap((r) => r.programmes ?? []).filter((card) => card.fits === true) : [];
      if (fitting.length > 0) {
        // (One line, before the sources: each programme the case fits and why; its details are a tap away.)
        const line = `其他依您提供的資料符合條件的項目：${fitting.map((card) => `${card.name}（${card.whyItFits}）`).join('；')}`;
        const withOthers = withLineAfterFigures(answer, line);
        const taps = [...new Set([...(others.replies[0]?.quickReplies ?? []), ...(answer.replies[0]?.quickReplies ?? [])])];
        return { ...withOthers, replies: withOthers.replies.map((r, i) => (i === 0 ? { ...r, quickReplies: taps } : r)) };
      }
    }
    if (result.status === 'not_eligible' && ctx.understanding.asksOthers) {
      const others = recommendFlow({ ...ctx, understanding: { ...ctx.understanding, programmes: [], programmesByName: [] }, merged: { ...ctx.merged, programme: undefined } });
      // (Asked after the verdict was given, 「那有沒有我這個年紀可以申請的」, naming nothing: only the others are new.)
      const told = ctx.understanding.programmes.length === 0 && ctx.state.programme === programme && ctx.state.task === 'eligibility';
      if (others.outcome !== 'unanswered' && told) return others;
      if (others.outcome !== 'unanswered') return combinedAnswer('eligibility', undefined, [answer, others], others.replies[0]?.quickReplies ?? [], others.state);
    }
    return answer;
  } catch (error) {
    if (error instanceof MissingFactsError) return askFor(ctx, 'eligibility', error.missing);
    if (error instanceof InvalidInputError) return invalidInput(ctx, 'eligibility', error);
    if (error instanceof ParameterNotInForceError) return cannotQuote(ctx, error);
    throw error;
  }
}

/**
 * 「這樣成數會被卡在五成嗎」 after the case was described: the documents are searched with the case's own words too (the
 * labels of its facts and circumstances, 負債比率, 使用統一發票, 原額度內續約), since the message itself says only 「這樣」.
 */
function withCaseWords(ctx: FlowContext): FlowContext {
  if (!ctx.understanding.isFollowUp) return ctx;
  const { facts } = ctx.merged;
  const factLabels = (Object.keys(facts) as Array<keyof typeof facts>)
    .filter((key) => key !== 'flags' && key !== 'programme' && ctx.understanding.facts[key] === undefined)
    .flatMap((key) => ctx.domain.facts.questions[key]?.label ?? []);
  const flagLabels = ctx.domain.facts.flags.filter(({ flag }) => facts.flags?.[flag] === true).map(({ label }) => label);
  const words = [...factLabels, ...flagLabels].filter((label) => !ctx.understanding.text.includes(label));
  return words.length === 0 ? ctx : { ...ctx, understanding: { ...ctx.understanding, text: `${words.join(' ')} ${ctx.understanding.text}` } };
}

/** The ratio and fee rate already decided while a fact is still missing (鳳凰 is 9.5成 and 0.5% whatever the age). */
function knownFigures(result: EligibilityResult): string | undefined {
  const ratio = result.maxRatio !== undefined ? `保證成數最高 ${formatCheng(result.maxRatio)}` : undefined;
  const said = shownReasons(result).join('；');
  const lines = [ratio && !said.includes('保證成數') ? ratio : undefined, rateText(result)].filter((line): line is string => line !== undefined);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** What is already clear before the next question (e.g. a failed condition is reported even if facts are missing). */
/**
 * Answer first: nothing said so far rules the case out (a failed condition would make it 不符合), so the reply says so
 * before what it still needs: 「就您提供的資料，促進就業融資保證專案已知的條件都符合；還需要確認貸款用途。」
 */
function verdictSoFar(ctx: FlowContext, result: EligibilityResult): string | undefined {
  const fact = result.missing[0];
  if (!fact) return undefined;
  const label = fact.startsWith('flags.')
    ? ctx.domain.facts.flags.find((f) => `flags.${f.flag}` === fact)?.label
    : ctx.domain.facts.questions[fact as keyof typeof ctx.domain.facts.questions]?.label;
  return label ? `就您提供的資料，${result.programmeName}已知的條件都符合；還需要確認${label}。` : undefined;
}

/** The reasons a reply still waiting for a fact shows (the first two). */
function shownReasons(result: EligibilityResult): string[] {
  return result.reasons.filter((r) => r.length > 0).slice(0, 2);
}

function partialVerdict(result: EligibilityResult): string | undefined {
  const passed = shownReasons(result);
  if (passed.length === 0) return undefined;
  // (A reason that names its programme already, 「微型創業鳳凰貸款：婦女 20~65 歲…」, is not named twice.)
  const named = passed[0]!.startsWith(`${result.programmeName}：`);
  return `${named ? '' : `${result.programmeName}：`}${passed.join('；')}`;
}

/**
 * 「20歲公司剛設立 可以保九成嗎」: a ratio asked above the programme's highest that a circumstance not yet said allows
 * (經青輔會推薦 → 9成) is said to need it.
 */
function ratioAsked(ctx: FlowContext, facts: Omit<Facts, 'programme'>): string | undefined {
  const programme = ctx.merged.programme;
  if (!programme || facts.guaranteeRatio === undefined) return undefined;
  const allowing = circumstanceAllowing(ctx, programme, facts);
  return allowing ? `保證成數 ${formatCheng(facts.guaranteeRatio)}：須${allowing.label}；否則最高 ${formatCheng(allowing.without)}。` : undefined;
}

function eligibilityAnswer(ctx: FlowContext, r: EligibilityResult, ratioLine?: string): FlowResult {
  // (「店才開4個月(一般事業) 一般貸款…營業未滿一年可以送保嗎」: a business younger than the usual operating period hears the
  // new-venture rule that lets it be guaranteed, with what it limits.)
  const young = r.programme === ctx.domain.programmes.unnamed?.programme ? newVentureRule(ctx) : undefined;
  const citations = [...ctx.cite.forTrace(r.trace), ...(young?.citations ?? [])];
  const rates = rateText(r);
  const caps = capLines(r);
  // (Failed only by one of the programme's measures, 「協助中小企業增加國內投資」: that measure does not apply, not the programme.)
  const lines = [
    r.failedMeasure ? `依您提供的資料，不適用「${r.failedMeasure}」（${r.programmeName}）。` : `${STATUS_TEXT[r.status]}（${r.programmeName}）。`,
    asOfDocumentLine(ctx, r)?.line,
    young?.line,
    r.status !== 'not_eligible' ? ratioLine : undefined,
    r.status !== 'not_eligible' && r.maxRatio !== undefined ? `保證成數最高 ${formatCheng(r.maxRatio)}` : undefined,
    r.status !== 'not_eligible' ? guaranteedLine(ctx, r) : undefined,
    r.status !== 'not_eligible' ? rates : undefined,
    r.requiresProjectApplication ? '須以專案方式向本基金申請（不得以授權方式送保）。' : undefined,
    '判斷依據：',
    ...r.reasons.map((reason) => `・${reason}`),
    ...r.assumptions.map((a) => `・假設：${a}`),
    ...(r.status !== 'not_eligible' ? caps : []),
    `（依 ${formatRocDate(r.ruleDate)}適用之規定；最終以本基金及承貸金融機構審核為準）`,
    sourcesLine(citations),
  ];
  const card: ResultCard = {
    title: `${r.programmeName} 資格判斷`,
    inputs: factInputs(ctx),
    result: { label: '結果', value: STATUS_TEXT[r.status] },
    ...(r.maxRatio !== undefined ? { formula: `保證成數最高 ${formatCheng(r.maxRatio)}` } : {}),
    ruleDate: `依 ${formatRocDate(r.ruleDate)}適用之規定`,
    notes: r.reasons,
    sources: citations.map((c) => `${c.title}〈${c.section}〉`),
  };
  return answered(
    {
      kind: 'eligibility',
      intent: 'eligibility',
      lines,
      citations,
      card,
      quickReplies: r.status === 'eligible' ? ['手續費要多少？', '重新開始'] : ['還有哪些保證項目？', '重新開始'],
    },
    { task: 'eligibility', pending: undefined, programme: r.programme, facts: ctx.merged.facts, asks: ctx.merged.asks },
  );
}

/**
 * 「標到公共工程需要週轉八千萬…最多可以保多少$」: with the loan told and the ratio decided, the most the fund guarantees of it
 * (8,000萬 × 90% = 7,200萬), when the ratio or the amount guaranteed is asked.
 */
function guaranteedLine(ctx: FlowContext, r: EligibilityResult): string | undefined {
  const loan = ctx.merged.facts.loanAmount;
  const asked = ctx.merged.asks.some((ask) => ask === 'guaranteed_amount' || ask === 'max_ratio');
  if (loan === undefined || r.maxRatio === undefined || !asked) return undefined;
  const guaranteed = Math.round((loan * r.maxRatio) / 100);
  // (「32歲…青創二百萬…保多少錢」: and what a circumstance not told would raise it to, 「若經青輔會推薦…180萬元」.)
  const raised = raisedAmounts(ctx, r.programme, ctx.merged.facts, loan);
  return [`這筆 ${formatAmount(loan)} 元保證金額最高 ${amountInWords(guaranteed)}（${formatAmount(loan)} × ${formatPercent(r.maxRatio)}）`, ...raised].join('；');
}

/** The caps the rules set for the case, a line each (「每一申貸企業貸款餘額上限：3,000萬元」). */
function capLines(r: EligibilityResult): string[] {
  return r.caps.map((c) => `${c.label}：${c.unit === 'amount_twd' ? amountInWords(c.value) : c.value}`);
}

export function rateText(r: EligibilityResult): string | undefined {
  const f = r.feeRate;
  if (f.waived) return '保證手續費：免收';
  if (f.applicable !== undefined) return `保證手續費年費率 ${formatRate(f.applicable)}${f.everyGroup ? '（不論風險組群）' : ''}`;
  if (f.byRiskGroup) return `保證手續費年費率依風險組群：A ${formatRate(f.byRiskGroup.A)}、B ${formatRate(f.byRiskGroup.B)}、C ${formatRate(f.byRiskGroup.C)}`;
  if (f.min !== undefined && f.max !== undefined) return `保證手續費年費率 ${formatRate(f.min)}～${formatRate(f.max)}`;
  return undefined;
}

function factInputs(ctx: FlowContext): ResultCard['inputs'] {
  const f = ctx.merged.facts;
  const rows: ResultCard['inputs'] = [];
  if (f.age !== undefined) rows.push({ label: '年齡', value: `${f.age} 歲` });
  if (f.businessAgeMonths !== undefined) rows.push({ label: '設立期間', value: `${f.businessAgeMonths} 個月` });
  if (f.industry) rows.push({ label: '行業', value: f.industry === 'production' ? '生產事業' : '一般事業' });
  if (f.gender) rows.push({ label: '性別', value: f.gender === 'female' ? '女性' : '男性' });
  if (f.loanAmount !== undefined) rows.push({ label: '貸款金額', value: `${formatAmount(f.loanAmount)} 元` });
  return rows;
}

const RATIO_DECISION_TEXT: Record<RatioResult['decision'], string> = {
  within_limit: '未超過限制，可依一般規定送保',
  reduced_ratio: '超過門檻：以授權方式送保時保證成數最高五成，或改以專案方式送保',
  relaxed: '超過門檻，但使用統一發票者依促進就業專案不受授權送保最高五成之限制',
  over_limit: '超過 100% 上限，短、中期週轉融資不得送保',
  project_only: '超過 100%，使用統一發票者得以專案方式申請',
  exempt_renewal: '使用統一發票之原授權額度內續約案件，不受營授比限制',
  needs_industry: '結果取決於行業別',
};

/**
 * 「最多還能增加多少週轉授信」: with the revenue and the balance known, how much more the balance may grow before each
 * limit of the 營授比 (the industry's threshold, then the 100% cap), exactly; none past them.
 */
function roomLines(ctx: FlowContext): string[] {
  const { annualRevenue: revenue, industry } = ctx.merged.facts;
  // (After the new loan told, 「還要再借600萬」: the room left beside it.)
  const { workingCapitalBalance: before, newLoan } = ratioInputOf(ctx.merged.facts);
  const balance = before === undefined ? undefined : before + (newLoan ?? 0);
  if (revenue === undefined || balance === undefined || revenue <= 0) return [];
  const limits = balanceLimits(ctx.view, revenue, industry);
  const lines = [...limits.thresholds.map((t) => ({ label: `${industryLabel(t.industry)}門檻`, line: t.line })), { label: '上限', line: limits.max }];
  /** The room from a balance to a limit: 「・{what} 500萬元（5,000,000 元）以內，營授比{stays}{label} 50%（…）」. */
  const room = (what: string, stays: string, { label, line }: (typeof lines)[number], from: number) =>
    `・${what} ${amountSpoken(line.balance - from)}以內，營授比${stays}${label} ${formatPercent(line.percent)}（${line.formula}；${formatAmount(line.balance)} − ${formatAmount(from)} = ${formatAmount(line.balance - from)}）`;
  // (「想再借150萬…不行的話最多能借多少」: a limit the new loan crosses, the most it may be for.)
  const crossed = newLoan !== undefined && before !== undefined ? lines.filter(({ line }) => line.balance > before && line.balance < balance).map((l) => room('這筆借款在', '才不超過', l, before)) : [];
  return [...crossed, ...lines.filter(({ line }) => line.balance > balance).map((l) => room('週轉授信總餘額再增加', '不超過', l, balance))];
}

/**
 * The 營授比 decision for the case told, when it gives the ratio or its two figures (and the business category the
 * decision needs is known or not needed); undefined otherwise.
 */
export function caseRatioDecision(ctx: FlowContext): FlowResult | undefined {
  const { facts } = ctx.merged;
  const told = facts.businessFinanceRatio !== undefined || (facts.annualRevenue !== undefined && facts.workingCapitalBalance !== undefined);
  if (!told) return undefined;
  const r = businessFinanceRatio(ctx.view, ratioInputOf(facts));
  return r.decision === 'needs_industry' ? undefined : ratioAnswer(ctx, r);
}

/**
 * The highest ratio an authorised submission gets under the case's 營授比 (「…營授比76%…用授權送最高保幾成…這800萬一年保費多少」:
 * 5成), when the case tells its 營授比 and it limits the ratio; undefined otherwise.
 */
export function authorisedRatioCap(ctx: FlowContext): number | undefined {
  const { facts } = ctx.merged;
  if (facts.businessFinanceRatio === undefined && (facts.annualRevenue === undefined || facts.workingCapitalBalance === undefined)) return undefined;
  if (facts.loanPurpose === 'capital_expenditure') return undefined;
  const r = businessFinanceRatio(ctx.view, ratioInputOf(facts));
  return r.decision === 'needs_industry' ? undefined : r.maxAuthorisedRatio;
}

function ratioAnswer(ctx: FlowContext, r: RatioResult): FlowResult {
  const general = ctx.view.find('general_loan.max_ratio');
  if (r.decision === 'needs_industry') return byIndustryAnswer(ctx, r, general?.value);
  const citations = [
    ...ctx.cite.forTrace(r.trace),
    ...(r.decision === 'within_limit' && general ? [ctx.cite.forReference(general.reference, general.effectiveFrom, general.name)] : []),
  ];
  const lines = [
    `營授比 ${r.shown}：${RATIO_DECISION_TEXT[r.decision]}。`,
    `計算：${r.formula}`,
    channelLine(ctx, r),
    // (Of a programme sent as a project, the authorised figures are not the case's: its line above says its ratio.)
    ...purposeLines(ctx, r),
    ...(sentAsProject(ctx) || ctx.merged.facts.loanPurpose === 'capital_expenditure'
      ? []
      : [
          r.maxAuthorisedRatio !== undefined ? `授權送保保證成數最高 ${formatCheng(r.maxAuthorisedRatio)}` : undefined,
          r.decision === 'within_limit' && general ? `授權送保保證成數依一般規定：${general.description} ${formatCheng(general.value as number)}` : undefined,
          ratioLoanLine(ctx, r, general?.value),
        ]),
    ...r.reasons.map((reason) => `・${reason}`),
    ...roomLines(ctx),
    `（依 ${formatRocDate(r.ruleDate)}適用之規定）`,
    sourcesLine(citations),
  ];
  return answered(
    {
      kind: 'eligibility',
      intent: 'eligibility',
      lines,
      citations,
      card: {
          title: '營授比試算',
          inputs: ratioInputs(ctx.merged.facts),
          formula: r.formula,
          result: { label: '營授比', value: r.shown },
          ruleDate: `依 ${formatRocDate(r.ruleDate)}適用之規定`,
          notes: r.reasons,
          sources: citations.map((c) => `${c.title}〈${c.section}〉`),
        },
        quickReplies: ['營授比是什麼？', '重新開始'],
    },
    { task: 'eligibility', pending: undefined, facts: ctx.merged.facts },
  );
}

/**
 * The 營授比 weighs short- and medium-term working capital only. A new loan for equipment (資本性支出) is not added to the
 * balance nor held to the ratio's 5成; one said to be for either, when counting it or not changes the outcome, is said
 * both ways (「可能拿來週轉也可能買一台新的烤爐」: 112.5% with it, 87.5% without).
 * A loan whose use is not told at all is working capital, as most are.
 */
function purposeLines(ctx: FlowContext, r: RatioResult): string[] {
  const { facts } = ctx.merged;
  if (facts.loanAmount === undefined || facts.workingCapitalBalance === undefined || facts.annualRevenue === undefined || facts.balanceIncludesLoan) return [];
  if (facts.loanPurpose === 'capital_expenditure') {
    return [`・這筆 ${formatAmount(facts.loanAmount)} 元是購置機器、設備等資本性支出融資，不計入短、中期週轉授信總餘額；營授比之限制是短、中期週轉融資送保的規定，不限制這筆的保證成數`];
  }
  if (facts.loanPurpose !== undefined || !ctx.understanding.purposeUndecided) return [];
  const without = businessFinanceRatio(ctx.view, { ...ratioInputOf(facts), newLoan: undefined });
  if (without.decision === r.decision) return [];
  return [`・若這筆 ${formatAmount(facts.loanAmount)} 元是購置機器、設備等資本性支出融資，不計入短、中期週轉授信總餘額：營授比 ${without.shown}（${without.formula}），${RATIO_DECISION_TEXT[without.decision]}`];
}

/** The case's programme is one sent to the fund as a project (專案保證: 青創, 鳳凰). */
function sentAsProject(ctx: FlowContext): boolean {
  const programme = ctx.merged.programme;
  return programme !== undefined && PROGRAMMES[programme].channel === 'project';
}

/**
 * The 營授比 limits are rules of authorised submissions (一般貸款). A programme sent as a project (青創, 鳳凰) is not held to
 * their 5成 (「青創…營授比100%…是不是只剩五成」: 8成, 9成 with the 青輔會's recommendation); of one sent another way (批次)
 * the documents do not say.
 */
function channelLine(ctx: FlowContext, r: RatioResult): string | undefined {
  const programme = ctx.merged.programme;
  if (!programme || PROGRAMMES[programme].channel === 'authorised') return undefined;
  const { name, channel } = PROGRAMMES[programme];
  // (A plan applied to an item, 促進就業融資保證專案, is sent the item's way: the item's rules apply.)
  if (channel === 'batch' || channel === 'direct') return `・營授比之限制是授權送保短、中期週轉融資的規定；文件未載明是否適用於${name}。`;
  if (channel !== 'project') return undefined;
  if (r.decision === 'within_limit' || r.decision === 'over_limit' || r.decision === 'project_only' || r.decision === 'exempt_renewal') return undefined;
  const { programme: _p, ...facts } = ctx.merged.facts;
  const highest = maxRatioOf(programme, facts, new TraceRecorder(ctx.view));
  return highest === undefined
    ? `・${name}以專案方式送保，不受「授權送保保證成數最高五成」之限制。`
    : `・${name}以專案方式送保，不受「授權送保保證成數最高五成」之限制：保證成數最高 ${formatCheng(highest)}${raisedNote(ctx, programme, facts)}。`;
}

/**
 * Answer first: 「熱炒店…營授比62.5%…還可以保8成嗎」 with the business category not told, each category's outcome (生產事業
 * under its 70%, 一般事業 over its 50%), then the category asked; its answer gives that one alone.
 */
function byIndustryAnswer(ctx: FlowContext, r: RatioResult, generalRatio: unknown): FlowResult {
  const each = (['production', 'general'] as const).map((industry) => {
    const facts = { ...ctx.merged.facts, industry };
    return { facts, result: businessFinanceRatio(ctx.view, ratioInputOf(facts)) };
  });
  const citations = dedupeCitations(each.flatMap(({ result }) => ctx.cite.forTrace(result.trace)));
  const question = questionFor('industry', ctx.domain);
  const lines = [
    `營授比 ${r.shown}：結果依行業別而定。`,
    `計算：${r.formula}`,
    channelLine(ctx, r),
    ...each.flatMap(({ facts, result }) => {
      const loan = sentAsProject(ctx) ? undefined : ratioLoanLine({ ...ctx, merged: { ...ctx.merged, facts } }, result, generalRatio);
      return [`・${industryLabel(facts.industry)}（門檻 ${formatPercent(result.threshold ?? 0)}）：${RATIO_DECISION_TEXT[result.decision]}${loan ? `；${loan}` : ''}`];
    }),
    ...[...new Set(each.flatMap(({ result }) => result.reasons.slice(1)))].map((reason) => `・${reason}`),
    `（依 ${formatRocDate(r.ruleDate)}適用之規定）`,
    sourcesLine(citations),
    question.text,
  ];
  return answered(
    { kind: 'eligibility', intent: 'eligibility', lines, citations, quickReplies: question.quickReplies },
    { task: 'eligibility', pending: 'industry', facts: ctx.merged.facts },
  );
}

/**
 * 「授權送保一般貸款700萬…可以保多少」「那貸款改成900萬呢」: with the loan told, the most the authorised submission may
 * guarantee of it at the ratio the 營授比 allows.
 */
function ratioLoanLine(ctx: FlowContext, r: RatioResult, generalRatio: unknown): string | undefined {
  const loan = ctx.merged.facts.loanAmount;
  const ratio = r.maxAuthorisedRatio ?? (r.decision === 'within_limit' && typeof generalRatio === 'number' ? generalRatio : undefined);
  if (loan === undefined || ratio === undefined) return undefined;
  const guaranteed = Math.round((loan * ratio) / 100);
  return `這筆 ${formatAmount(loan)} 元以授權送保，保證金額最高 ${amountInWords(guaranteed)}（${formatAmount(loan)} × ${formatPercent(ratio)}）`;
}

/** A programme's list of what its loans may be used for (rules/parameters/<programme>/purposes.yaml), cited. */
function usesOf(ctx: FlowContext, programme: string): { line: string; citation: Citation } | undefined {
  const reading = readingOf(ctx, `${programme}.purposes`);
  if (!reading || !Array.isArray(reading.value)) return undefined;
  return { line: `${reading.description}：${(reading.value as string[]).join('；')}`, citation: ctx.cite.forReference(reading.reference, reading.effectiveFrom, reading.name) };
}

/** The figures the 營授比 was taken from: the balance and revenue, or the ratio as the user gave it. */
function ratioInputs(facts: FlowContext['merged']['facts']): Array<{ label: string; value: string }> {
  if (facts.workingCapitalBalance === undefined || facts.annualRevenue === undefined) {
    if (facts.businessFinanceRatio !== undefined) return [{ label: '營授比（您提供）', value: `${facts.businessFinanceRatioAbove ? '超過 ' : ''}${formatPercent(facts.businessFinanceRatio)}` }];
  }
  return [
    { label: '短中期週轉授信總餘額', value: `${formatAmount(facts.workingCapitalBalance ?? 0)} 元` },
    { label: '最近一年度報稅營業額', value: `${formatAmount(facts.annualRevenue ?? 0)} 元` },
  ];
}
