import { InvalidInputError, MissingFactsError, ParameterNotInForceError, RateNotDeterminedError } from '../../rules/errors.ts';
import type { ParameterReading } from '../../rules/at.ts';
import type { FactFlags, Facts } from '../../rules/facts.ts';
import { feeAtQuotedRate, guaranteeFee, type FeeResult, type QuotedFeeResult } from '../../rules/fees.ts';
import type { FeeInput } from '../../rules/inputs.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { productRoundedHalfUp } from '../../rules/exact.ts';
import { maxRatioOf } from '../../rules/max-ratio.ts';
import { quotedRateNote, rateSource, selectFeeRate } from '../../rules/fee-rate.ts';
import { businessFinanceRatio, ratioInputOf, ratioLimitsSubmission } from '../../rules/business-finance-ratio.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { TraceRecorder } from '../../rules/trace.ts';
import { PROGRAMMES } from '../../rules/programmes.ts';
import { eligibility } from '../../rules/eligibility/index.ts';
import { amountSpoken, formatAmount, formatRate, formatCheng, formatPercent, formatRocDate } from '../compose/format.ts';
import { otherVersions, versionLine } from '../compose/parameter-text.ts';
import { isSourcesLine, reply, sourcesLine } from '../compose/reply.ts';
import { dedupeCitations } from '../compose/citations.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import type { Citation, ResultCard } from '../types.ts';
import { questionFor } from '../dialogue/questions.ts';
import { askFor } from './ask-for.ts';
import { unheldYearLine } from './announced.ts';
import { alike, combinedAnswer } from './several-programmes.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { cannotQuote, invalidInput } from './problems.ts';
import { statedRateMatches } from './reverse-lookup.ts';

/** The note saying which group's rate a fee was read at (rules/fee-rate.ts), when every group is shown side by side. */
const ONE_GROUP = /依風險組群 [ABC] 計收/u;

/**
 * 「鳳凰貸款 我老公43歲要申請 借一百萬 手續費一年多少」: a fee computed for a case whose facts told fail the programme's
 * conditions says so first, with the conditions failed: the figure is only what it would cost.
 */
export function withCaseNotEligible(ctx: FlowContext, result: FlowResult): FlowResult {
  const programme = ctx.merged.programme;
  const [head, ...others] = result.replies;
  if (!programme || !head || result.outcome !== 'answered') return result;
  const decided = failedByCase(ctx);
  // (「…男生能辦嗎」 asked with the fee of a case meeting the programme's conditions: the verdict, with why, comes first.)
  const met = decided ? undefined : asksOfCaseMet(ctx);
  if (met) return { ...result, grounding: [...(result.grounding ?? []), met], replies: [{ ...head, text: `${met}\n${head.text}` }, ...others] };
  if (!decided) return result;
  const line = `注意：依您提供的資料，不符合「${PROGRAMMES[programme].name}」的條件（${decided.failures.join('；')}）；以下試算僅供參考，可申請的項目請洽承貸金融機構或信保基金：${serviceLinesText(ctx.service)}。`;
  return { ...result, grounding: [...(result.grounding ?? []), line], replies: [{ ...head, text: `${line}\n${head.text}` }, ...others] };
}

/** The programme the user named, decided for the facts told, when they fail its conditions. */
function failedByCase(ctx: FlowContext): { failures: string[] } | undefined {
  const programme = ctx.merged.programme;
  if (!programme || ctx.merged.programmeUnnamed || ctx.merged.programmeFromPurpose) return undefined;
  try {
    const decided = eligibility(programme, ctx.merged.facts, ctx.view);
    return decided.status === 'not_eligible' && decided.failures.length > 0 ? decided : undefined;
  } catch {
    return undefined;
  }
}

/** 「依您提供的資料，符合「微型創業鳳凰貸款」的條件（年齡 55 歲，符合中高齡國民 45 歲至 65 歲…）」 when the message asks it. */
function asksOfCaseMet(ctx: FlowContext): string | undefined {
  const programme = ctx.merged.programme;
  if (!programme || !ctx.understanding.asksEligibility || ctx.merged.programmeUnnamed || ctx.merged.programmeFromPurpose) return undefined;
  try {
    const decided = eligibility(programme, ctx.merged.facts, ctx.view);
    return decided.status === 'eligible' ? `依您提供的資料，符合「${PROGRAMMES[programme].name}」的條件（${decided.reasons.join('；')}）。` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the facts told fail the conditions of the programme the user named. */
export function notEligibleForNamed(ctx: FlowContext): boolean {
  return failedByCase(ctx) !== undefined;
}

/** 「借500萬保8成一年手續費多少？」: computes the fee with the calculator, shows the formula and cites each figure. */
export function feeFlow(ctx: FlowContext): FlowResult {
  // 「借一千萬 批保保9成 跟 一般貸款A組保8成 一年 哪個便宜」: each programme named is computed with its own figures.
  const named = ctx.understanding.programmesByName;
  if (named.length >= 2 && ctx.merged.variants === undefined) return severalFees(ctx, named);
  return oneFee(ctx);
}

/** Each programme's fee on its own, then which costs less and by how much. */
function severalFees(ctx: FlowContext, programmes: ProgrammeId[]): FlowResult {
  const sides = ctx.understanding.perProgramme ?? [];
  const own = new Map(sides.map((side) => [side.programme, side.facts]));
  // A ratio or risk group said of one side is that side's alone.
  const sideKeys = new Set(sides.flatMap((side) => Object.keys(side.facts))) as Set<'guaranteeRatio' | 'riskGroup'>;
  const shared = { ...ctx.merged.facts };
  for (const key of sideKeys) delete shared[key];
  // (So is a rate quoted for one side: 「青創費率0.75% 一般貸款是B組」.)
  const ownRates = new Map(sides.flatMap((side) => (side.statedRate !== undefined ? [[side.programme, side.statedRate] as const] : [])));
  type Part = { programme: ProgrammeId; fee?: number; ratio?: number; low?: number; high?: number; result: FlowResult };
  const parts = programmes.map((programme): Part => {
    const facts = { ...shared, ...own.get(programme) };
    const { statedRate: _whole, ...rest } = ctx.merged;
    const rate = ownRates.size > 0 ? ownRates.get(programme) : ctx.merged.statedRate;
    const merged = { ...rest, programme, facts, ...(rate !== undefined ? { statedRate: rate } : {}) };
    const side = computeFee({ ...ctx, merged });
    // A side whose rate waits on the risk group comes back shown for every group: its fees run from the lowest group's
    // to the highest's (「借50萬 青創跟鳳凰哪個手續費比較便宜」 still compares).
    if ('fee' in side) return { programme, fee: side.fee.fee, ratio: side.fee.ratio, result: feeAnswer({ ...ctx, merged }, side.fee) };
    return { programme, ...groupRange(ctx, merged), result: side.reply };
  });
  const computed = parts.flatMap((p) => (p.fee !== undefined ? [{ ...p, low: p.fee, high: p.fee }] : p.low !== undefined && p.high !== undefined ? [{ ...p, low: p.low, high: p.high }] : []));
  const shown = parts.filter((p) => p.result.outcome !== 'unanswered');
  // Without two fees to set side by side, each side is still answered with its own figures when they were given apart.
  if (computed.length < 2 && (sides.length === 0 || shown.length < 2)) return oneFee(ctx);
  const feeText = (p: (typeof computed)[number]) => (p.low === p.high ? `${formatAmount(p.low)} 元` : `${formatAmount(p.low)}～${formatAmount(p.high)} 元（依風險組群）`);
  const listed = computed.map((p) => `${PROGRAMMES[p.programme].name} ${feeText(p)}`).join('、');
  const sorted = [...computed].sort((a, b) => a.high - b.high || a.low - b.low);
  const [least, most] = [sorted[0]!, sorted[sorted.length - 1]!];
  // (A range overlapping another is no answer to which is cheaper: the risk group decides.)
  const clear = sorted.slice(1).every((p) => p.low >= least.high);
  const exact = computed.every((p) => p.low === p.high);
  const comparison =
    computed.length < 2
      ? undefined
      : exact && least.low === most.low
      ? `比較：${listed}，${alike(computed.length)}。`
      : computed.every((p) => p.low === least.low && p.high === least.high)
      ? `比較：${listed}；同一風險組群下金額相同。`
      : !clear
      ? `比較：${listed}；哪一項較少依風險組群而定。`
      : exact
      ? `比較：${listed}；${PROGRAMMES[least.programme].name}較少，${computed.length === 2 ? '相差' : '最多相差'} ${formatAmount(most.low - least.low)} 元。`
      : `比較：${listed}；${PROGRAMMES[least.programme].name}較少。`;
  // (「哪個保比較多成」 asked with it: the ratio each fee was computed at, highest first.)
  const ratios = ctx.merged.asks.includes('max_ratio') ? parts.flatMap((p) => (p.ratio !== undefined ? [{ programme: p.programme, ratio: p.ratio }] : [])) : [];
  const ratioLine = ratios.length >= 2 ? `比較保證成數（由高到低）：${[...ratios].sort((a, b) => b.ratio - a.ratio).map((r) => `${PROGRAMMES[r.programme].name} ${formatCheng(r.ratio)}`).join('、')}` : undefined;
  const lead = [comparison, ratioLine].filter((line): line is string => line !== undefined).join('\n') || undefined;
  return combinedAnswer('fee_calculation', lead, shown.map((p) => p.result), ['重新開始'], {
    task: 'fee_calculation',
    asks: ctx.merged.asks,
    programme: programmes[0]!,
    facts: ctx.merged.facts,
  });
}

/** A fee waiting on the risk group: its lowest and highest over the groups, and the ratio it is computed at. */
function groupRange(ctx: FlowContext, merged: FlowContext['merged']): { low?: number; high?: number; ratio?: number } {
  if (merged.facts.riskGroup !== undefined) return {};
  const fees = (['A', 'B', 'C'] as const).flatMap((riskGroup) => {
    const periodMonths = merged.facts.periodMonths ?? (merged.facts.periodDays === undefined ? ONE_YEAR : undefined);
    const side = computeFee({ ...ctx, merged: { ...merged, facts: { ...merged.facts, riskGroup, ...(periodMonths !== undefined ? { periodMonths } : {}) } } });
    return 'fee' in side ? [side.fee] : [];
  });
  if (fees.length === 0) return {};
  return { low: Math.min(...fees.map((f) => f.fee)), high: Math.max(...fees.map((f) => f.fee)), ratio: fees[0]!.ratio };
}

function oneFee(ctx: FlowContext): FlowResult {
  const computed = computeFee(ctx);
  return 'fee' in computed ? feeAnswer(ctx, computed.fee, computed.asking) : computed.reply;
}

/**
 * 「促進就業那個專案…差不多四百 保8成 一年要繳多少」: a circumstance that names this programme and was not said (the 具結書)
 * changes its fee; the fee with it is given beside, in one line when it is the same for every risk group left open.
 */
function circumstanceFeeLine(ctx: FlowContext, programme: ProgrammeId, facts: Facts): { line: string; trace: TraceStep[] } | undefined {
  const open = ctx.domain.facts.flags.filter(({ flag }) => ctx.domain.facts.namingProgramme.flags[flag] === programme && facts.flags?.[flag] === undefined);
  const groups = facts.riskGroup ? [facts.riskGroup] : (['A', 'B', 'C'] as const);
  for (const { flag, label } of open) {
    const feeOf = (on: boolean, riskGroup: (typeof groups)[number]) => {
      try {
        return guaranteeFee(ctx.view, { ...facts, programme, riskGroup, flags: { ...facts.flags, [flag]: on } });
      } catch {
        return undefined;
      }
    };
    const withIt = groups.map((g) => feeOf(true, g));
    const without = groups.map((g) => feeOf(false, g)?.fee);
    const first = withIt[0];
    if (first === undefined || withIt.some((r) => r?.fee !== first.fee) || without.every((fee) => fee === first.fee)) continue;
    return { line: `若已有「${label}」：保證手續費為 ${formatAmount(first.fee)} 元（年費率 ${formatRate(first.rate)}${groups.length > 1 ? '，不論風險組群' : ''}）。`, trace: first.trace };
  }
  return undefined;
}

/**
 * The highest ratio an authorised submission of this case may have under the 營授比 limit (5成 over the threshold), when
 * the case gives the ratio or its figures, is not a project submission, and the limit is lower than the programme's.
 */
export function ratioUnderFinanceRatioLimit(ctx: FlowContext, programme: ProgrammeId, facts: Facts, highest: number): { ratio: number; reason: string; trace: TraceStep[] } | undefined {
  if (!ratioLimitsSubmission(programme, facts)) return undefined;
  try {
    const result = businessFinanceRatio(ctx.view, ratioInputOf(facts));
    const limit = result.maxAuthorisedRatio;
    if (limit === undefined || limit >= highest) return undefined;
    return { ratio: limit, reason: `營授比 ${result.shown} 超過門檻${result.threshold !== undefined ? ` ${formatPercent(result.threshold)}` : ''}，授權送保成數最高 ${formatCheng(limit)}`, trace: result.trace };
  } catch {
    return undefined;
  }
}

/**
 * The answer for a programme whose fee is waived, with no loan figures needed: nothing is charged, whatever the amount
 * and period, with the rule that waives it (and its highest ratio, when that is asked too). Undefined otherwise.
 */
function waivedFee(ctx: FlowContext, programme: ProgrammeId, caseFacts: Facts): FlowResult | undefined {
  const trace = new TraceRecorder(ctx.view);
  let waived = false;
  try {
    waived = selectFeeRate(programme, { riskGroup: caseFacts.riskGroup, flags: caseFacts.flags, lender: caseFacts.lender }, trace).waived;
  } catch {
    return undefined;
  }
  if (!waived) return undefined;
  const name = PROGRAMMES[programme].name;
  const worth = waivedRate(ctx, programme);
  const citations = [...ctx.cite.forTrace(trace.steps), ...(worth ? [worth.citation] : [])];
  const lines = [
    `${name}：保證手續費免收，不論貸款金額與期間，應繳 0 元${worth ? `；${worth.text}` : ''}。`,
    ...ratioAsked(ctx, programme, caseFacts, trace),
    ...[planEnded(ctx, programme)].filter((line): line is string => line !== undefined),
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fee_calculation', lines, citations, quickReplies: ['重新開始'] },
    { task: 'fee_calculation', programme, facts: ctx.merged.facts, asks: ctx.merged.asks },
  );
}

/**
 * The ratio of the item a measure is applied to, when the measure has none of its own and sets its rate from the
 * authorised items' risk groups (促進就業融資保證專案): the highest ratio of the item a question naming none is answered
 * for (programmes.yaml unnamed, 一般貸款), with the note saying so and the trace citing it.
 */
function itemRatio(ctx: FlowContext, programme: ProgrammeId, facts: Omit<Facts, 'programme'>): { ratio: number; note: string; trace: TraceStep[] } | undefined {
  const item = ctx.domain.programmes.unnamed?.programme;
  if (!item || item === programme || PROGRAMMES[programme].channel === 'authorised' || rateSource(programme).kind !== 'risk_group') return undefined;
  const trace = new TraceRecorder(ctx.view);
  const ratio = maxRatioOf(item, facts, trace);
  if (ratio === undefined) return undefined;
  const note = `您未提供保證成數：${PROGRAMMES[programme].name}的成數依送保的項目而定，以${PROGRAMMES[item].name}最高保證成數 ${formatCheng(ratio)} 試算；項目或成數不同請告訴我（例如「保7成」）。`;
  return { ratio, note, trace: trace.steps };
}

/** One year, the period a fee waiting only on its period is shown for (the annual fee), before the period is asked. */
const ONE_YEAR = 12;
const ONE_YEAR_NOTE = '您未提供保證期間，先以一年（12 個月）試算，即每年的保證手續費；期間不同時依月數比例計算。';

/**
 * The longest term of the rule just discussed, 「中期週轉融資最長期間：5 年」 (a rule topic of the question before, in years),
 * or the programme's only such rule.
 */
function longestTermOf(ctx: FlowContext, programme: ProgrammeId): { months: number; years: number; description: string; trace: TraceStep[] } | undefined {
  const ofProgramme = (name: string) => name.startsWith(`${programme}.`) && name.endsWith('_max_years');
  const discussed = [...(ctx.state.parameterTopics ?? []), ...ctx.merged.parameterTopics].filter(ofProgramme);
  const all = ctx.view.names().filter(ofProgramme);
  // (Of several discussed, 「短期跟中期各可以借多久」 then 「中期的就借到最久」, the one whose description the message's words tell apart.)
  const text = ctx.understanding.text;
  const grams = (d: string) => new Set([...d].slice(0, -1).map((c, i) => c + d[i + 1]));
  const descriptions = new Map(discussed.map((n) => [n, ctx.view.find(n)?.description ?? '']));
  const own = (n: string) => [...grams(descriptions.get(n) ?? '')].some((g) => text.includes(g) && discussed.every((o) => o === n || !descriptions.get(o)?.includes(g)));
  const name = discussed.find(own) ?? discussed[0] ?? (all.length === 1 ? all[0] : undefined);
  if (!name) return undefined;
  const trace = new TraceRecorder(ctx.view);
  const reading = trace.optional(name);
  if (typeof reading?.value !== 'number') return undefined;
  return { months: reading.value * ONE_YEAR, years: reading.value, description: reading.description, trace: trace.steps };
}

/** The fee of the case under discussion, or the reply that stands in for it (a question, a range, a problem). */
function computeFee(ctx: FlowContext): { fee: FeeResult; asking?: 'periodMonths' } | { reply: FlowResult } {
  const { programme, facts } = ctx.merged;
  if (!programme && ctx.merged.statedRate !== undefined) return { reply: feeAtStatedRate(ctx, ctx.merged.statedRate) };
  if (!programme) return { reply: askFor(ctx, 'fee_calculation', ['programme'], FEE_FORMULA) };
  const { programme: _ignored, ...caseFacts } = facts;
  // Owners rarely know their ratio: take the programme's highest (what a bank usually submits) and say so.
  const onGuaranteed = caseFacts.loanAmount === undefined && caseFacts.guaranteedAmount !== undefined;
  const own = caseFacts.guaranteeRatio === undefined && !onGuaranteed ? maxRatioOf(programme, caseFacts, new TraceRecorder(ctx.view)) : undefined;
  // 「簽了促進就業具結書，借500萬」: a measure applied to the item submitted has no ratio of its own; the item a question
  // naming none is answered for (programmes.yaml unnamed) is the one computed, said so.
  const ofItem = own === undefined && caseFacts.guaranteeRatio === undefined && !onGuaranteed ? itemRatio(ctx, programme, caseFacts) : undefined;
  const highest = own ?? ofItem?.ratio;
  // 「生產事業營授比78% 用授權送保」: an authorised submission over the 營授比 threshold is guaranteed at most 5成.
  const limited = highest !== undefined ? ratioUnderFinanceRatioLimit(ctx, programme, caseFacts, highest) : undefined;
  const assumedRatio = limited?.ratio ?? highest;
  if (assumedRatio !== undefined) caseFacts.guaranteeRatio = assumedRatio;
  // 「青創…保九成」: a ratio above the programme's highest that a circumstance not yet said would allow (經青輔會推薦 → 9成)
  // is computed on that circumstance, said as an assumption, rather than refused.
  const allowing = caseFacts.guaranteeRatio !== undefined && assumedRatio === undefined ? circumstanceAllowing(ctx, programme, caseFacts) : undefined;
  if (allowing) caseFacts.flags = { ...caseFacts.flags, [allowing.flag]: true };
  // 「那就借到最長，400萬保8成…總共多少」 after 「中期周轉金最長可以借幾年」: the longest term just discussed, said so.
  const longest = ctx.understanding.modifiers.longestTerm ? longestTermOf(ctx, programme) : undefined;
  if (longest && (caseFacts.periodMonths === undefined || caseFacts.periodMonths === ONE_YEAR)) caseFacts.periodMonths = longest.months;
  // What the figures assume beyond what the user said, first to last as the answer lists them.
  const assumptions = [
    longest && caseFacts.periodMonths === longest.months ? `借到最長：依${longest.description} ${longest.years} 年，以 ${longest.months} 個月試算。` : undefined,
    ctx.merged.programmeFromPurpose ? `依您描述的用途，以${PROGRAMMES[programme].name}試算；其他項目請告訴我名稱。` : undefined,
    ctx.merged.programmeFromRiskGroup ? '風險組群適用於授權保證項目，以一般貸款試算；其他項目請告訴我名稱。' : undefined,
    ctx.merged.programmeUnnamed ? ctx.domain.programmes.unnamed?.note : undefined,
    ctx.merged.heardRatio !== undefined ? `您聽到的保證成數 ${formatCheng(ctx.merged.heardRatio)} 不是這筆核定的成數，未用於試算。` : undefined,
    limited ? `您未提供保證成數：${limited.reason}，以 ${formatCheng(limited.ratio)} 試算；成數不同請告訴我（例如「保4成」）。` : undefined,
    ofItem && !limited ? ofItem.note : undefined,
    assumedRatio !== undefined && !limited && !ofItem ? `您未提供保證成數，以本項目最高保證成數 ${formatCheng(assumedRatio)} 試算${raisedNote(ctx, programme, { ...caseFacts, guaranteeRatio: undefined })}；成數不同請告訴我（例如「保7成」）。` : undefined,
    allowing ? `假設：${allowing.label}（保證成數 ${formatCheng(caseFacts.guaranteeRatio!)} 須${allowing.label}；否則最高 ${formatCheng(allowing.without)}）` : undefined,
  ].filter((note): note is string => note !== undefined);
  const variants = variantCases(ctx.merged.variants, caseFacts);
  if (variants.length >= 2) {
    // Answer first: side by side with no period told is a year of each, said so.
    const noPeriod = variants.every((v) => v.facts.periodMonths === undefined && v.facts.periodDays === undefined && v.facts.startDate === undefined);
    const yearly = noPeriod ? variants.map((v) => ({ ...v, facts: { ...v.facts, periodMonths: ONE_YEAR } })) : variants;
    // (「青創保八成跟保九成各多少」: a ratio above the highest that a circumstance not told allows is computed on it, said so.)
    const allowed = yearly.map((v) => {
      const allows = v.facts.guaranteeRatio !== undefined && ctx.merged.variants?.ratios ? circumstanceAllowing(ctx, programme, v.facts) : undefined;
      return allows ? { ...v, label: `${v.label}（假設${allows.label}）`, facts: { ...v.facts, flags: { ...v.facts.flags, [allows.flag]: true } } } : v;
    });
    return { reply: feeVariants(ctx, programme, allowed, { assumptions: noPeriod ? [...assumptions, ONE_YEAR_NOTE] : assumptions }) };
  }
  let result: FeeResult;
  try {
    const quoted = ctx.merged.statedRate;
    result = guaranteeFee(ctx.view, { ...caseFacts, programme, ...(quoted !== undefined ? { annualRate: quoted } : {}) });
    if (quoted !== undefined) result.notes.push(...feeByRule(ctx, { ...caseFacts, programme }, result));
    const heard = ctx.merged.heardRate;
    if (heard !== undefined) result.notes.push(heard === result.rate ? `您聽到的年費率 ${formatRate(heard)} 與規定相同。` : `您聽到的年費率 ${formatRate(heard)} 與這筆依規定的年費率 ${formatRate(result.rate)} 不同，以上依規定計算。`);
    result.notes.unshift(...assumptions);
    if (limited) result.trace.push(...limited.trace);
    if (ofItem) result.trace.push(...ofItem.trace);
    if (longest) result.trace.push(...longest.trace);
    const withCircumstance = quoted === undefined ? circumstanceFeeLine(ctx, programme, caseFacts) : undefined;
    if (withCircumstance) {
      result.notes.push(withCircumstance.line);
      result.trace.push(...withCircumstance.trace);
    }
  } catch (error) {
    // Answer first. A fee waiting only on the risk group or the period is shown anyway: without a period, for one
    // year (what a year of the guarantee costs), said so; without a group, for A, B and C. Then the one thing
    // missing is asked (the group first), and its answer computes that case.
    if (error instanceof MissingFactsError && error.missing.every((m) => m === 'riskGroup' || m === 'periodMonths')) {
      const perYear = error.missing.includes('periodMonths');
      const shownFacts = perYear ? { ...caseFacts, periodMonths: ONE_YEAR } : caseFacts;
      const heard = ctx.merged.heardRate;
      const notes = [...assumptions, ...(perYear ? [ONE_YEAR_NOTE] : []), ...(heard !== undefined ? [`您聽到的年費率 ${formatRate(heard)} 未用於試算：以上依規定的年費率計算。`] : [])];
      const everyGroup = () => {
        const withCircumstance = circumstanceFeeLine(ctx, programme, shownFacts);
        return {
          reply: feeVariants(ctx, programme, variantCases({ riskGroups: ['A', 'B', 'C'] }, shownFacts), {
            assumptions: withCircumstance ? [...notes, withCircumstance.line] : notes,
            asking: 'riskGroup',
            ...(withCircumstance ? { trace: withCircumstance.trace } : {}),
          }),
        };
      };
      if (error.missing.includes('riskGroup')) return everyGroup();
      const quoted = ctx.merged.statedRate;
      try {
        const yearly = guaranteeFee(ctx.view, { ...shownFacts, programme, ...(quoted !== undefined ? { annualRate: quoted } : {}) });
        yearly.notes.unshift(...notes);
        return { fee: yearly, asking: 'periodMonths' };
      } catch (yearlyError) {
        // The period was checked first; the group may be missing too.
        if (yearlyError instanceof MissingFactsError && yearlyError.missing.every((m) => m === 'riskGroup')) return everyGroup();
        // 「火金姑 借150萬 保證費多少」: a rate decided case by case within a range gives a year's fee at both ends.
        if (yearlyError instanceof RateNotDeterminedError && yearlyError.range && perYear) return { reply: rateNotDetermined(ctx, yearlyError, shownFacts, ONE_YEAR_NOTE) };
        return { reply: askFor(ctx, 'fee_calculation', error.missing) };
      }
    }
    // 「災害復舊貸款手續費怎麼算」: a fee waived is nothing whatever the loan, so nothing needs asking.
    if (error instanceof MissingFactsError) return { reply: waivedFee(ctx, programme, caseFacts) ?? askWithRate(ctx, programme, caseFacts, error.missing) };
    if (error instanceof RateNotDeterminedError) return { reply: rateNotDetermined(ctx, error, caseFacts) };
    if (error instanceof InvalidInputError) return { reply: invalidInput(ctx, 'fee_calculation', error) };
    if (error instanceof ParameterNotInForceError) return { reply: cannotQuote(ctx, error) };
    throw error;
  }
  return { fee: result };
}

/**
 * Answer first: 「手續費怎麼算」 → 一般貸款 → A組 has what decides the rate but no loan. The rate and how the fee is
 * computed from it are said before the loan is asked for.
 */
function askWithRate(ctx: FlowContext, programme: ProgrammeId, caseFacts: Omit<Facts, 'programme'>, missing: string[]): FlowResult {
  const trace = new TraceRecorder(ctx.view);
  const rateFacts = { flags: caseFacts.flags, lender: caseFacts.lender, annualRate: ctx.merged.statedRate };
  try {
    // With no risk group, each group's rate (the group is then asked with the loan, or said by the bank).
    const source = rateSource(programme);
    const byGroup = source.kind === 'risk_group' || (source.kind === 'range' && source.byRiskGroup);
    const groups = caseFacts.riskGroup || !byGroup ? [caseFacts.riskGroup] : (['A', 'B', 'C'] as const);
    const selected = groups.map((riskGroup) => ({ riskGroup, ...selectFeeRate(programme, { ...rateFacts, riskGroup }, trace) }));
    if (selected.some((s) => s.waived)) return askFor(ctx, 'fee_calculation', missing);
    // One rate whatever the group (具結書 caps them all): said once, with how the last group's came to it.
    const same = selected.length > 1 && new Set(selected.map((s) => s.rate)).size === 1;
    const rates = same
      ? `${formatRate(selected[0]!.rate)}（不論風險組群）`
      : `${selected.map((s) => `${s.riskGroup ? `風險組群 ${s.riskGroup} ` : ''}${formatRate(s.rate)}`).join('、')}${selected.length > 1 ? '（風險組群由承貸金融機構依評分判定）' : ''}`;
    // (Otherwise what every group's rate notes alike: a note naming its own group is said by the rates line already.)
    const notes = same ? selected.at(-1)!.notes : selected[0]!.notes.filter((note) => selected.every((s) => s.notes.includes(note)));
    return askAfterRate(ctx, missing, [`${PROGRAMMES[programme].name}適用保證手續費年費率：${rates}。`, ...notes.map((note) => `・${note}`), ...ratioAsked(ctx, programme, caseFacts, trace)], trace);
  } catch (error) {
    // A rate decided case by case within a range (青創 0.75%～1.5%): the range, as the documents give it.
    if (!(error instanceof RateNotDeterminedError) || !error.range) return askFor(ctx, 'fee_calculation', missing);
    const range = `${formatRate(error.range.min)}～${formatRate(error.range.max)}`;
    return askAfterRate(ctx, missing, [`${PROGRAMMES[programme].name}保證手續費年費率 ${range}，依個案核定。`, ...ratioAsked(ctx, programme, caseFacts, trace)], trace);
  }
}

/** 「信保會保几成 手續費要多少」 with no loan yet: the highest ratio asked is said with the rate, before the loan is asked for. */
function ratioAsked(ctx: FlowContext, programme: ProgrammeId, caseFacts: Omit<Facts, 'programme'>, trace: TraceRecorder): string[] {
  const ratio = ctx.merged.asks.includes('max_ratio') ? maxRatioOf(programme, caseFacts, trace) : undefined;
  return ratio !== undefined ? [`${PROGRAMMES[programme].name}最高保證成數：${formatCheng(ratio)}`] : [];
}

/** The rate lines, how the fee is computed and their sources, then the question for what is missing. */
function askAfterRate(ctx: FlowContext, missing: string[], rateLines: string[], trace: TraceRecorder): FlowResult {
  const citations = ctx.cite.forTrace(trace.steps);
  const preface = [...rateLines, FEE_FORMULA, sourcesLine(citations)].join('\n');
  return askFor(ctx, 'fee_calculation', missing, preface, citations);
}

/** How a fee is computed, said beside a rate when the loan is not yet known. */
export const FEE_FORMULA = '保證手續費 = 貸款金額 × 保證成數 × 年費率 × 保證期間（年）。';

/** The first circumstance, not yet said, under which the programme's highest ratio reaches the ratio stated. */
export function circumstanceAllowing(ctx: FlowContext, programme: ProgrammeId, facts: Omit<Facts, 'programme'>): { flag: keyof FactFlags; label: string; without: number } | undefined {
  const stated = facts.guaranteeRatio!;
  const highest = (f: Omit<Facts, 'programme'>) => {
    try {
      return maxRatioOf(programme, f, new TraceRecorder(ctx.view));
    } catch {
      return undefined;
    }
  };
  const without = highest(facts);
  if (without === undefined || stated <= without) return undefined;
  const raising = raisingCircumstances(ctx, programme, facts, highest).find((c) => c.raised >= stated);
  return raising ? { flag: raising.flag, label: raising.label, without } : undefined;
}

/** The circumstances not yet said under which the programme's highest ratio is higher, with that ratio. */
export function raisingCircumstances(ctx: FlowContext, programme: ProgrammeId, facts: Omit<Facts, 'programme'>, highest = (f: Omit<Facts, 'programme'>) => maxRatioOf(programme, f, new TraceRecorder(ctx.view))): Array<{ flag: keyof FactFlags; label: string; raised: number }> {
  const without = highest(facts);
  const said = facts.flags ?? {};
  return ctx.domain.facts.flags.flatMap(({ flag, label }) => {
    if (said[flag] !== undefined || without === undefined) return [];
    const raised = highest({ ...facts, flags: { ...said, [flag]: true } });
    return raised !== undefined && raised > without ? [{ flag, label, raised }] : [];
  });
}

/** 「以本項目最高保證成數 8成 試算」: what a circumstance not said would raise it to (「經青輔會審議通過並推薦者最高 9成」). */
export function raisedNote(ctx: FlowContext, programme: ProgrammeId, facts: Omit<Facts, 'programme'>): string {
  try {
    const raising = raisingCircumstances(ctx, programme, facts)[0];
    return raising ? `（${raising.label}者最高 ${formatCheng(raising.raised)}）` : '';
  } catch {
    return '';
  }
}

/**
 * 「銀行說費率1.2%，借400萬保8成一年」: the rate the user was quoted decides the fee, so it is computed at once; the
 * programme is asked for only to set that rate beside the rule's.
 */
function feeAtStatedRate(ctx: FlowContext, annualRate: number): FlowResult {
  const { programme: _none, ...caseFacts } = ctx.merged.facts;
  // Answer first: 「借600萬 銀行說費率1.5% 一年保證費多少」 with no ratio is computed at the highest ratio of the item a
  // question naming none is answered for (programmes.yaml unnamed, 一般貸款), said so.
  const item = ctx.domain.programmes.unnamed?.programme;
  const ratioTrace = new TraceRecorder(ctx.view);
  const assumed = caseFacts.guaranteeRatio === undefined && caseFacts.loanAmount !== undefined && caseFacts.guaranteedAmount === undefined && item
    ? maxRatioOf(item, caseFacts, ratioTrace)
    : undefined;
  if (assumed !== undefined) caseFacts.guaranteeRatio = assumed;
  let r: QuotedFeeResult;
  try {
    r = feeAtQuotedRate({ ...caseFacts, annualRate });
  } catch (error) {
    if (error instanceof MissingFactsError) return askFor(ctx, 'fee_calculation', error.missing);
    if (error instanceof InvalidInputError) return invalidInput(ctx, 'fee_calculation', error);
    throw error;
  }
  const period = periodText(r.period);
  const card: ResultCard = {
    title: '保證手續費試算（依您提供的年費率）',
    inputs: caseInputs(r, period),
    formula: r.formula,
    result: { label: '保證手續費', value: `${formatAmount(r.fee)} 元` },
    notes: [r.rounding],
    sources: [],
  };
  const question = questionFor('programme', ctx.domain);
  const matches = statedRateMatches(ctx, r.rate);
  const lines = [
    `保證手續費：新臺幣 ${formatAmount(r.fee)} 元（依您提供的年費率 ${formatRate(r.rate)}，保證期間 ${period}）`,
    `計算：${r.formula}`,
    ...(assumed !== undefined && item ? [`您未提供保證項目與保證成數，以${PROGRAMMES[item].name}最高保證成數 ${formatCheng(assumed)} 試算；成數不同請告訴我（例如「保7成」）。`] : []),
    '年費率為您提供的數字；本基金規定的費率依保證項目（授權項目另依風險組群）而定。告訴我保證項目，我可以核對這個費率是否與規定相符。',
    ...(matches ? [matches.line, sourcesLine(matches.citations)] : []),
    ...(assumed !== undefined && !matches ? [sourcesLine(ctx.cite.forTrace(ratioTrace.steps))] : []),
    '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
  ];
  const citations = dedupeCitations([...(matches?.citations ?? []), ...(assumed !== undefined ? ctx.cite.forTrace(ratioTrace.steps) : [])]);
  return answered(
    { kind: 'calculation', intent: 'fee_calculation', lines, citations, card, quickReplies: question.quickReplies },
    { task: 'fee_calculation', pending: 'programme', facts: ctx.merged.facts, ...(ctx.merged.asks.length ? { asks: ctx.merged.asks } : {}) },
  );
}

/** 「12 個月」「73 天」, or the whole guarantee for a fee waived throughout. */
function periodText(period: { months?: number; days?: number }): string {
  return period.months !== undefined ? `${period.months} 個月` : period.days !== undefined ? `${period.days} 天` : '整個送保期間';
}

/** The figures a fee was computed from, as a result card lists them. */
function caseInputs(r: { loanAmount: number; ratio: number; rate: number; onGuaranteedAmount: boolean }, period: string): Array<{ label: string; value: string }> {
  return [
    ...(r.onGuaranteedAmount
      ? [{ label: '保證金額', value: `${formatAmount(r.loanAmount)} 元（已含保證成數）` }]
      : [
          { label: '貸款金額', value: `${formatAmount(r.loanAmount)} 元` },
          { label: '保證成數', value: `${r.ratio}%` },
        ]),
    { label: '年費率', value: formatRate(r.rate) },
    { label: '保證期間', value: period },
  ];
}

/** A quoted rate that differs from the rule: the fee by the rule too, so both figures are there to compare. */
function feeByRule(ctx: FlowContext, input: FeeInput, quoted: FeeResult): string[] {
  try {
    const byRule = guaranteeFee(ctx.view, input);
    return byRule.fee === quoted.fee ? [] : [`依規定年費率 ${formatRate(byRule.rate)} 計算則為新臺幣 ${formatAmount(byRule.fee)} 元（${byRule.formula}）`];
  } catch {
    return [];
  }
}

type CaseFacts = Omit<Facts, 'programme'>;

/** The cases a message asks to compare: one per risk group named, or a circumstance with and without. */
/** One case of several computed side by side; `atQuotedRate`: a rate the user quoted is this case's rate. */
interface FeeVariant {
  label: string;
  facts: CaseFacts;
  atQuotedRate?: boolean;
  /** The annual rate this case is computed at, told with the others (「0.5%跟0.75%哪個貴」). */
  rate?: number;
}

function variantCases(variants: FlowContext['merged']['variants'], facts: CaseFacts): FeeVariant[] {
  const earlier = variants?.earlier;
  if (earlier && Object.keys(earlier).length > 0) {
    const keys = Object.keys(earlier) as Array<keyof typeof earlier>;
    const changed = (values: CaseFacts) => keys.map((key) => caseValueText(key, values[key])).join('、');
    const atQuotedRate = !keys.includes('riskGroup');
    return [
      { label: `原本（${changed({ ...facts, ...earlier })}）`, facts: { ...facts, ...earlier }, atQuotedRate },
      { label: `改為${changed(facts)}`, facts, atQuotedRate },
    ];
  }
  if (variants?.riskGroups && variants.riskGroups.length >= 2) {
    return variants.riskGroups.map((riskGroup) => ({ label: `風險組群 ${riskGroup}`, facts: { ...facts, riskGroup } }));
  }
  // 「0.5%跟0.75%哪個貴 差多少」: the fee at each rate told.
  if (variants?.rates && variants.rates.length >= 2) return variants.rates.map((rate) => ({ label: `年費率 ${formatRate(rate)}`, facts, rate }));
  // 「保8成的話一年多少，青輔會推薦保9成的話又多少」: the fee at each ratio told.
  if (variants?.ratios && variants.ratios.length >= 2) {
    return variants.ratios.map((guaranteeRatio) => ({ label: `保證成數 ${formatCheng(guaranteeRatio)}`, facts: { ...facts, guaranteeRatio }, atQuotedRate: true }));
  }
  // 「一年要繳多少？借3年總共咧」: the fee for each period named.
  if (variants?.periods && variants.periods.length >= 2) {
    return variants.periods.map((periodMonths) => ({ label: `保證期間 ${periodMonths} 個月`, facts: { ...facts, periodMonths }, atQuotedRate: true }));
  }
  const flag = variants?.flags?.[0];
  if (flag) {
    return [true, false].map((value) => ({
      label: value ? '有' : '沒有',
      facts: { ...facts, flags: { ...facts.flags, [flag]: value } },
      atQuotedRate: !value,
    }));
  }
  return [];
}

/** One changed figure of an estimate as a label: 風險組群 C, 貸款金額 5,000,000 元, 保證成數 80%, 期間 18 個月. */
function caseValueText(key: 'loanAmount' | 'guaranteedAmount' | 'guaranteeRatio' | 'periodMonths' | 'riskGroup', value: CaseFacts[typeof key]): string {
  switch (key) {
    case 'riskGroup':
      return `風險組群 ${String(value)}`;
    case 'loanAmount':
      return `貸款金額 ${formatAmount(Number(value))} 元`;
    case 'guaranteedAmount':
      return `保證金額 ${formatAmount(Number(value))} 元`;
    case 'guaranteeRatio':
      return `保證成數 ${String(value)}%`;
    case 'periodMonths':
      return `期間 ${String(value)} 個月`;
  }
}

/** The rate the rules give a case, when they give one. */
function ruleRate(ctx: FlowContext, facts: CaseFacts, programme: ProgrammeId): number | undefined {
  try {
    return guaranteeFee(ctx.view, { ...facts, programme }).rate;
  } catch {
    return undefined;
  }
}

/** 「A組跟C組手續費差多少」: each case computed, then the difference, every figure from the same calculator. */
function feeVariants(
  ctx: FlowContext,
  programme: ProgrammeId,
  variants: FeeVariant[],
  how: { assumptions: string[]; asking?: 'riskGroup'; trace?: TraceStep[] },
): FlowResult {
  const results: Array<{ label: string; as?: string; result: FeeResult }> = [];
  // A rate the user quoted is the case's rate where the variant keeps what decides the rate (the case without the
  // circumstance, 「原本0.3%」; another amount or period). Elsewhere the rules decide, and the quoted rate stands in only
  // where they leave it to the case (a range), still capped by a circumstance such as the pledge.
  const quoted = ctx.merged.statedRate;
  // 「簽了具結書跟沒簽各多少」: without the circumstance that makes the programme (促進就業具結書 → 促進就業融資保證專案),
  // the case is an ordinary guarantee (programmes.yaml `unnamed`, 一般貸款) at its own risk group's rate.
  const circumstance = ctx.merged.variants?.flags?.[0];
  const ordinary = ctx.domain.programmes.unnamed?.programme;
  const madeByCircumstance = circumstance !== undefined && ctx.domain.facts.namingProgramme.flags[circumstance] === programme && ordinary !== undefined;
  // (Only where the ordinary guarantee takes the case: 9成 of a waived Morakot loan is beyond it, and the plan's own
  // rate is what is waived.)
  const programmeOf = (variant: FeeVariant): ProgrammeId =>
    madeByCircumstance && variant.facts.flags?.[circumstance] === false && ruleRate(ctx, variant.facts, ordinary) !== undefined ? ordinary : programme;
  // (A rate quoted as what the circumstance gives, 「簽了保證費就直接變0.5%」, is no rate of the case without it.)
  // (So is one quoted beside a programme the circumstance only lowers, 「想先簽具結書拿0.5%的優惠…一般貸款…C組」.)
  const quotesCircumstance =
    circumstance !== undefined &&
    quoted !== undefined &&
    ruleRate(ctx, { ...variants[0]!.facts, flags: { ...variants[0]!.facts.flags, [circumstance]: true } }, programme) === quoted &&
    (madeByCircumstance || ruleRate(ctx, { ...variants[0]!.facts, flags: { ...variants[0]!.facts.flags, [circumstance]: false } }, programme) !== quoted);
  const feeOf = (variant: FeeVariant, of: ProgrammeId): FeeResult => {
    if (variant.rate !== undefined) return guaranteeFee(ctx.view, { ...variant.facts, programme: of, annualRate: variant.rate });
    if (quoted !== undefined && variant.atQuotedRate && !quotesCircumstance) return guaranteeFee(ctx.view, { ...variant.facts, programme: of, annualRate: quoted });
    try {
      return guaranteeFee(ctx.view, { ...variant.facts, programme: of });
    } catch (error) {
      // The rules leave the rate to the case (a range, or a risk group not given): the rate quoted is the case's.
      const leftToCase = error instanceof RateNotDeterminedError || (error instanceof MissingFactsError && error.missing.every((m) => m === 'riskGroup'));
      if (leftToCase && quoted !== undefined) return guaranteeFee(ctx.view, { ...variant.facts, programme: of, annualRate: quoted });
      throw error;
    }
  };
  for (const variant of variants) {
    try {
      const of = programmeOf(variant);
      results.push({ label: variant.label, ...(of === programme ? {} : { as: `（以${PROGRAMMES[of].name}計）` }), result: feeOf(variant, of) });
    } catch (error) {
      // Answer first: 「一年多少？借2年總共多少？」 with no risk group is each case for each group, the group then asked.
      const groupOnly = error instanceof MissingFactsError && error.missing.every((m) => m === 'riskGroup');
      if (groupOnly && how.asking === undefined && variants.every((v) => v.facts.riskGroup === undefined)) {
        const byGroup = (['A', 'B', 'C'] as const).flatMap((riskGroup) => variants.map((v) => ({ ...v, label: `${v.label}・風險組群 ${riskGroup}`, facts: { ...v.facts, riskGroup } })));
        return feeVariants(ctx, programme, byGroup, { ...how, asking: 'riskGroup' });
      }
      if (error instanceof MissingFactsError) return askFor(ctx, 'fee_calculation', error.missing);
      // 「手續費一年最少跟最多多少？借3年下來總共呢」 with a rate decided case by case: each period at both ends of the range.
      if (error instanceof RateNotDeterminedError && error.range && variants.length >= 2 && variants.every((v) => v.facts.periodMonths !== undefined)) {
        const each = variants.map((v) => rateNotDetermined(ctx, error, v.facts));
        return combinedAnswer('fee_calculation', undefined, each, each[0]!.replies[0]?.quickReplies ?? [], each[0]!.state);
      }
      if (error instanceof RateNotDeterminedError) return rateNotDetermined(ctx, error, variant.facts);
      if (error instanceof InvalidInputError) return invalidInput(ctx, 'fee_calculation', error);
      if (error instanceof ParameterNotInForceError) return cannotQuote(ctx, error);
      throw error;
    }
  }
  const flag = ctx.merged.variants?.flags?.[0];
  const flagLabel = flag ? ctx.domain.facts.flags.find((f) => f.flag === flag)?.label ?? flag : undefined;
  const named = (label: string) => (flagLabel ? `${label}${flagLabel}` : label);
  const fees = results.map((r) => r.result.fee);
  const difference = Math.max(...fees) - Math.min(...fees);
  const citations = ctx.cite.forTrace([...results.flatMap((r) => r.result.trace), ...(how.trace ?? [])]);
  // 「有簽促進就業具結書，借100萬」: every group's rate capped alike is one fee, said once; the group decides nothing, so
  // it is not asked.
  const alike = how.asking === 'riskGroup' && results.length > 1 && new Set(results.map((r) => `${r.result.fee}/${r.result.rate}`)).size === 1;
  if (alike) return feeWhateverGroup(ctx, programme, results.map((r) => r.result), how.assumptions, citations);
  const question = how.asking ? questionFor(how.asking, ctx.domain) : undefined;
  // 「受災企業…免收的手續費一年省多少」: waived either way, what is saved is the fee at the rate the plan waives.
  const bothWaived = results.every((r) => r.result.waived) ? waivedAmount(ctx, results[0]!.result) : undefined;
  if (bothWaived) citations.push(bothWaived.citation);
  const lines = [
    bothWaived ? `${PROGRAMMES[programme].name}免收保證手續費${bothWaived.text}。` : undefined,
    `保證手續費（${PROGRAMMES[programme].name}）：${feeSummary(results.map((r) => ({ label: `${named(r.label)}${r.as ?? ''}`, fee: r.result.fee })))}${question ? '' : `；相差 ${formatAmount(difference)} 元${higherOfTwo(results.map((r) => ({ label: named(r.label), fee: r.result.fee })))}`}`,
    ...results.map((r) => `${named(r.label)}${r.as ?? ''}：${r.result.formula}（年費率 ${formatRate(r.result.rate)}）`),
    // (「信保可以保幾成？一年保證費大概要多少」: the ratio asked with the fee, the guaranteed amount every group shares.)
    guaranteedAmountAsked(ctx, results.map((r) => r.result)),
    ...how.assumptions,
    // (One note for every group, not one per group: 「費率區間 0.75%~1.5%，依風險組群計收」.)
    ...[...new Set(results.flatMap((r) => r.result.notes.map((note) => (question ? note.replace(ONE_GROUP, '依風險組群計收') : note))))],
    question ? '年費率依風險組群而定（由承貸金融機構依評分判定）；知道組別請告訴我，我只算那一組。' : undefined,
    '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fee_calculation', lines, citations, quickReplies: question ? question.quickReplies : ['重新開始'] },
    {
      task: 'fee_calculation',
      pending: how.asking,
      programme,
      facts: ctx.merged.facts,
      asks: ctx.merged.asks,
      ...(circumstance && asksDifference(ctx) ? { sideBySide: ctx.merged.variants!.flags! } : {}),
      ...(how.asking === 'riskGroup' && (ctx.merged.variants?.periods?.length ?? 0) >= 2 ? { sidePeriods: ctx.merged.variants!.periods! } : {}),
    },
  );
}

/** 「保8成改9成手續費是不是比較省」: of two cases, which costs more (「（保證成數 9成 較高）」); nothing when they cost the same. */
function higherOfTwo(cases: ReadonlyArray<{ label: string; fee: number }>): string {
  if (cases.length !== 2 || cases[0]!.fee === cases[1]!.fee) return '';
  const higher = cases[0]!.fee > cases[1]!.fee ? cases[0]! : cases[1]!;
  return `（${higher.label}較高）`;
}

/**
 * Each case's fee in one line; cases computed for each risk group (「保證期間 12 個月・風險組群 A」) are grouped by it:
 * 「風險組群 A：保證期間 12 個月 18,000 元、保證期間 24 個月 36,000 元；風險組群 B：…」.
 */
function feeSummary(cases: ReadonlyArray<{ label: string; fee: number }>): string {
  const split = cases.map((c) => ({ ...c, parts: c.label.split('・') }));
  if (!split.every((c) => c.parts.length === 2)) return cases.map((c) => `${c.label} 新臺幣 ${formatAmount(c.fee)} 元`).join('；');
  const groups = [...new Set(split.map((c) => c.parts[1]!))];
  return groups.map((group) => `${group}：${split.filter((c) => c.parts[1] === group).map((c) => `${c.parts[0]} ${formatAmount(c.fee)} 元`).join('、')}`).join('；');
}

/** 「比沒得獎少多少」: the difference the circumstance makes is what is asked (not only a rate said as it was, 「原本費率1.25%」). */
function asksDifference(ctx: FlowContext): boolean {
  return ctx.understanding.modifiers.arithmetic === 'difference' || ctx.understanding.modifiers.comparison;
}

/**
 * 「保證成數跟保費怎麼算」: the guaranteed amount of a fee asked with the ratio (or the amount), said once for fees computed
 * alike (every risk group's shares it); none for a fee computed on a guaranteed amount told.
 */
function guaranteedAmountAsked(ctx: FlowContext, results: readonly FeeResult[]): string | undefined {
  const asked = ctx.merged.asks.some((ask) => ask === 'guaranteed_amount' || ask === 'max_ratio');
  const first = results[0];
  if (!asked || !first || first.onGuaranteedAmount || results.some((r) => r.guaranteedAmount !== first.guaranteedAmount)) return undefined;
  return `保證金額：新臺幣 ${amountSpoken(first.guaranteedAmount)}；${formatAmount(first.loanAmount)} × ${first.ratio}%`;
}

/** One fee whatever the risk group (each group's rate capped to the same): the fee, its arithmetic and the notes once. */
function feeWhateverGroup(ctx: FlowContext, programme: ProgrammeId, results: FeeResult[], assumptions: string[], citations: Citation[]): FlowResult {
  const r = results[0]!;
  const lines = [
    `保證手續費（${PROGRAMMES[programme].name}）：新臺幣 ${formatAmount(r.fee)} 元（年費率 ${formatRate(r.rate)}，不論風險組群）`,
    `計算：${r.formula}`,
    ...assumptions,
    // (Each group's own note, 「年費率 0.75% 高於 0.5%」…, says how its rate came to the one fee.)
    ...new Set(results.flatMap((each) => each.notes)),
    '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fee_calculation', lines, citations, quickReplies: ['重新開始'] },
    { task: 'fee_calculation', programme, facts: ctx.merged.facts, asks: ctx.merged.asks },
  );
}

function feeAnswer(ctx: FlowContext, r: FeeResult, asking?: 'periodMonths'): FlowResult {
  const name = PROGRAMMES[r.programme].name;
  const period = periodText(r.period);
  // The waiver's worth only when asked (「如果沒有免收…會是多少？」, or a rate given to compute with: 「依計畫內0.5%的費率
  // 計算…企業實際要負擔多少」): unasked, a second figure reads like a bill.
  // (So is a follow-up changing the case after it was asked, 「那保證金額1000萬呢」.)
  const askedBefore = ctx.state.waiverWorth === true && ctx.state.task === 'fee_calculation' && ctx.understanding.asks.length === 0;
  // (A waived fee asked how much it saves, 「幫客戶省了多少保費」, is asked its worth too.)
  const worthAsked = ctx.understanding.modifiers.notWaived || ctx.understanding.modifiers.bothWays || ctx.merged.statedRate !== undefined || askedBefore;
  const waiver = r.waived && worthAsked ? waivedAmount(ctx, r) : undefined;
  const others = r.trace.flatMap((s) => {
    if (s.kind !== 'parameter') return [];
    const reading = ctx.view.find(s.name);
    return reading ? otherVersions(ctx.view, reading).map((v) => ({ v, reading })) : [];
  });
  // 「照103年公告的費率多少？111年年報講的又是多少」: another version of the rate charged, with what the case comes to at it.
  // (Only a version the question names a year of: 「依103年公告的費率」 alone asks that one, not 111's.)
  const named = (v: (typeof others)[number]['v']) => ctx.understanding.years.some((year) => `${year}-12-31` >= v.effectiveFrom && (v.effectiveTo === undefined || `${year}-01-01` <= v.effectiveTo));
  const atVersion = (v: (typeof others)[number]['v'], reading: ParameterReading): string => {
    if (r.waived || r.onGuaranteedAmount || !/fee_rate/u.test(reading.name) || typeof v.value !== 'number' || v.value === r.rate || v.unit !== reading.unit || !named(v)) return '';
    const fee = guaranteeFee(ctx.view, { ...ctx.merged.facts, programme: r.programme, loanAmount: r.loanAmount, guaranteeRatio: r.ratio, ...(r.period.months !== undefined ? { periodMonths: r.period.months } : {}), annualRate: v.value });
    return `；以該費率計為新臺幣 ${formatAmount(fee.fee)} 元（${fee.formula}），相差 ${formatAmount(Math.abs(fee.fee - r.fee))} 元`;
  };
  const versions = others.map(({ v, reading }) => versionLine(v, reading) + atVersion(v, reading));
  // (The rate of another time the answer mentions is cited too, after the one computed with.)
  const citations = dedupeCitations([...ctx.cite.forTrace(r.trace), ...(waiver ? [waiver.citation] : []), ...others.map(({ v }) => ctx.cite.forReference(v.reference, v.effectiveFrom, v.name))]);
  const ruleDate = latest(r.ruleDates);
  const question = asking ? questionFor(asking, ctx.domain) : undefined;
  const rateLine = r.waived
    ? `保證手續費：送保期間免收${r.baseRate > 0 ? `（原費率 ${formatRate(r.baseRate)}）` : ''}${waiver?.text ?? ''}`
    : `適用年費率 ${formatRate(r.rate)}${r.rate !== r.baseRate ? `（原費率 ${formatRate(r.baseRate)}）` : ''}${ctx.merged.facts.riskGroup && /fee_rate\.[abc]/.test(traceNames(r)) ? `，風險組群 ${ctx.merged.facts.riskGroup}` : ''}`;
  const card: ResultCard = {
    title: `${name} 保證手續費試算`,
    inputs: [{ label: '保證項目', value: name }, ...caseInputs(r, period)],
    formula: r.formula,
    result: { label: '保證手續費', value: `${formatAmount(r.fee)} 元` },
    ...(ruleDate ? { ruleDate: `依 ${formatRocDate(ruleDate)}起之規定` } : {}),
    notes: [...r.notes, r.rounding],
    sources: citations.map((c) => `${c.title}〈${c.section}〉`),
  };
  const amountShown = guaranteedAmountAsked(ctx, [r]);
  const lines = [
    `保證手續費：新臺幣 ${formatAmount(r.fee)} 元（${name}，${r.period.months === undefined && r.period.days === undefined ? period : `保證期間 ${period}`}）`,
    `計算：${r.formula}`,
    // (「保證成數跟保費怎麼算」: the ratio asked with the fee, the guaranteed amount it gives.)
    amountShown,
    rateLine,
    ruleDate ? `適用規定：${formatRocDate(ruleDate)}起之版本。` : undefined,
    planEnded(ctx, r.programme),
    ...r.notes,
    ...[...new Set(versions)],
    '（金額四捨五入至元；實際費用以本基金及承貸金融機構核定為準）',
    sourcesLine(citations),
    question?.text,
  ];
  return answered(
    { kind: 'calculation', intent: 'fee_calculation', lines, citations, card, quickReplies: question ? question.quickReplies : feeFollowUps(r) },
    // (Kept for a follow-up changing the case, 「改借八十萬就好」: the guaranteed amount is shown again.)
    { task: 'fee_calculation', pending: asking, programme: r.programme, facts: ctx.merged.facts, ...(waiver ? { waiverWorth: true } : {}), ...(amountShown ? { asks: ctx.merged.asks } : {}) },
  );
}

/** The documents give no fee rate for this programme: say so, and where to ask, rather than compute with a guess. */
function rateNotInSources(ctx: FlowContext, name: string): FlowResult {
  return {
    outcome: 'unanswered',
    replies: [
      reply({
        kind: 'fallback',
        intent: 'fee_calculation',
        lines: [
          `抱歉，目前收錄的文件未載明${name}的保證手續費年費率，我無法試算，以免提供錯誤的數字。`,
          `如已知核定的年費率，可告訴我（例如「年費率0.5%」）；或洽信保基金：${serviceLinesText(ctx.service)}`,
        ],
        citations: ctx.service.citation ? [ctx.service.citation] : [],
        quickReplies: ['重新開始'],
      }),
    ],
    state: { task: 'fee_calculation', programme: ctx.merged.programme, facts: ctx.merged.facts },
  };
}


/**
 * What the waiver is worth where the plan states the rate it covers (Morakot: 「免計收之保證手續費 0.5% 由捐助專款支應」):
 * 「；若未免收，依計畫所列 0.5% 計為 337,500 元（25,000,000 × 90% × 0.5% × 36/12）」.
 */
function waivedAmount(ctx: FlowContext, r: FeeResult): { text: string; citation: Citation } | undefined {
  const waived = waivedFeeRate(ctx, r.programme);
  if (!waived) return undefined;
  const [numerator, denominator] = r.period.fraction.split('/').map(Number) as [number, number];
  // (Waived for the whole period with no length told, 「送保期間」: no amount to put on it.)
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return undefined;
  const amount = productRoundedHalfUp([r.loanAmount, r.ratio, waived.rate, numerator], [100, 100, denominator]);
  const formula = `${formatAmount(r.loanAmount)} × ${r.ratio}% × ${formatRate(waived.rate)} × ${r.period.fraction} = ${formatAmount(amount)}`;
  return { text: `；若未免收，依計畫所列 ${formatRate(waived.rate)} 計為 ${formatAmount(amount)} 元（${formula}），由計畫經費支應`, citation: waived.citation };
}

/** The rate a waiver covers where the plan states it (「免計收之保證手續費 0.5%」), said beside 「免收」. */
function waivedRate(ctx: FlowContext, programme: string): { text: string; citation: Citation } | undefined {
  const waived = waivedFeeRate(ctx, programme);
  return waived ? { text: `免計收之保證手續費年費率 ${formatRate(waived.rate)} 由計畫經費支應`, citation: waived.citation } : undefined;
}

/** The fee rate a programme's waiver covers (parameter `waived_fee_rate`), with its source; undefined where none is stated. */
function waivedFeeRate(ctx: FlowContext, programme: string): { rate: number; citation: Citation } | undefined {
  const waived = findIfKnown(ctx, `${programme}.waived_fee_rate`);
  if (typeof waived?.value !== 'number') return undefined;
  return { rate: waived.value, citation: ctx.cite.forReference(waived.reference, waived.effectiveFrom, waived.name) };
}

/** Next questions that change one fact: another period, a lower ratio. */
function feeFollowUps(r: FeeResult): string[] {
  const months = r.period.months ?? 12;
  const otherPeriod = months === 24 ? '換成1年呢？' : '換成2年呢？';
  const lowerRatio = r.ratio > 50 ? [`保${Math.floor((r.ratio - 10) / 10)}成呢？`] : [];
  return [otherPeriod, ...lowerRatio, '重新開始'];
}

/** A plan with an end date that has passed (the Morakot plan ran 2009-11 to 2012-12): say so with the figures. */
function planEnded(ctx: FlowContext, programme: string): string | undefined {
  const range = endedPlanPeriod(ctx, programme);
  return range ? `注意：本計畫期程為${formatRocDate(range.from)}至${formatRocDate(range.to)}，目前已結束；以上依計畫規定試算，供參考。` : undefined;
}

/** A plan's period when it ended before the day asked about (the Morakot plan, 98年11月至101年12月). */
export function endedPlanPeriod(ctx: FlowContext, programme: string): { from: string; to: string } | undefined {
  const range = findIfKnown(ctx, `${programme}.plan_period`)?.value as { from: string; to: string } | undefined;
  return range && typeof range.to === 'string' && range.to < ctx.asOf ? range : undefined;
}

/** A programme-specific parameter that not every programme has. */
function findIfKnown(ctx: FlowContext, name: string): ParameterReading | undefined {
  return ctx.view.has(name) ? ctx.view.find(name) : undefined;
}

function traceNames(r: FeeResult): string {
  return r.trace.map((s) => (s.kind === 'parameter' ? s.name : '')).join(' ');
}

function latest(dates: string[]): string | undefined {
  const real = dates.filter((d) => d >= '1900-01-01').sort();
  return real[real.length - 1];
}

/** A range such as 0.395%～0.75% decided case by case: say so, and compute both ends when the facts allow. */
function rateNotDetermined(ctx: FlowContext, error: RateNotDeterminedError, caseFacts: Omit<Facts, 'programme'>, periodNote?: string): FlowResult {
  const { programme, facts } = ctx.merged;
  const name = programme ? PROGRAMMES[programme].name : '';
  if (!programme) return askFor(ctx, 'fee_calculation', ['programme']);
  const stated = ctx.merged.statedRate;
  if (!error.range) {
    if (stated === undefined) return rateNotInSources(ctx, name);
    const quoted = guaranteeFee(ctx.view, { ...caseFacts, programme, annualRate: stated });
    quoted.notes.push(`來源文件未載明${name}的保證手續費年費率；年費率 ${formatRate(stated)} 為您提供的數字，非本基金公告費率`);
    return feeAnswer(ctx, quoted);
  }
  if (stated !== undefined && stated >= error.range.min && stated <= error.range.max) {
    const quoted = guaranteeFee(ctx.view, { ...caseFacts, programme, annualRate: stated });
    quoted.notes.push(`年費率 ${formatRate(stated)} 為您提供的核定費率，在本項目 ${formatRate(error.range.min)}～${formatRate(error.range.max)} 範圍內`);
    return feeAnswer(ctx, quoted);
  }
  // 「用最高費率算」: the end of the range asked for, said as such.
  const end = ctx.understanding.modifiers.superlative;
  // (「如果費率落在最高那級 一年差多少」: an end asked with a difference is set against the other end, below.)
  if ((end === 'most' || end === 'least') && !asksDifference(ctx)) {
    const rate = end === 'most' ? error.range.max : error.range.min;
    const atEnd = guaranteeFee(ctx.view, { ...caseFacts, programme, annualRate: rate });
    // The rate is the documents' own end of the range, not one the user was quoted.
    atEnd.notes = atEnd.notes.filter((note) => !note.startsWith(quotedRateNote(rate)));
    atEnd.notes.push(`依您要求以本項目${end === 'most' ? '最高' : '最低'}年費率 ${formatRate(rate)} 試算（年費率 ${formatRate(error.range.min)}～${formatRate(error.range.max)}，依個案核定）`);
    return feeAnswer(ctx, atEnd);
  }
  const low = guaranteeFee(ctx.view, { ...caseFacts, programme, annualRate: error.range.min });
  const high = guaranteeFee(ctx.view, { ...caseFacts, programme, annualRate: error.range.max });
  const citations = ctx.cite.forTrace([...low.trace, ...high.trace]);
  const lines = [
    `保證手續費約新臺幣 ${formatAmount(low.fee)} 元至 ${formatAmount(high.fee)} 元（${name}年費率 ${formatRate(error.range.min)}～${formatRate(error.range.max)}，依個案核定）`,
    `最低：${low.formula}`,
    `最高：${high.formula}`,
    asksDifference(ctx) ? `相差：${formatAmount(high.fee)} − ${formatAmount(low.fee)} ＝ ${formatAmount(high.fee - low.fee)} 元` : undefined,
    facts.guaranteeRatio === undefined && caseFacts.guaranteeRatio !== undefined
      ? `您未提供保證成數，以本項目最高保證成數 ${formatCheng(caseFacts.guaranteeRatio)} 試算。`
      : undefined,
    periodNote,
    '實際年費率由本基金依個案核定；告訴我核定的費率（例如「年費率0.5%」）即可精算。',
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'calculation', intent: 'fee_calculation', lines, citations, quickReplies: ['重新開始'] },
    { task: 'fee_calculation', programme, facts },
  );
}

/** Circumstances that change the rate a programme charges (the 具結書 cap, the 卓越獎 rate, the Morakot waiver). */
const RATE_FLAGS = ['employmentPledge', 'batchExcellenceAward', 'typhoonAffected'] as const;

/** Whether a fee-rate question gives what decides the rate: a quoted rate, or a circumstance that changes it. */
export function asksRateUnderRule(ctx: FlowContext): boolean {
  const { programme, facts, asks, statedRate } = ctx.merged;
  if (!programme || !asks.includes('fee_rate')) return false;
  // The programme must be the one asked about, not one a circumstance only points to (「簽了具結書，費率怎麼調整？」 asks the rule).
  const named = ctx.understanding.programmesByName.includes(programme) || ctx.state.programme === programme;
  // (A rate told of a year asked about, 「0.35%的手續費率在2023年有沒有再調整」, asks that year's figure: the lookup reads it.)
  const ofYear = statedRate !== undefined && ctx.understanding.years.length > 0 && !ctx.understanding.modifiers.current;
  // (Nor one asking until when the rule runs, 「簽具結書降費率那項 實施期限到哪天」: the lookup says whether its end is written.)
  // (Or asked how it could be lower, 「一般貸款的手續費有沒有辦法降低」: the rate with the circumstances that lower it.)
  return named && !ofYear && !ctx.understanding.modifiers.until && (statedRate !== undefined || ctx.understanding.modifiers.lower === true || RATE_FLAGS.some((flag) => facts.flags?.[flag] !== undefined));
}

/** 「一般貸款簽了具結書費率會降嗎」 with no group: the rate of A, B and C under the circumstance, one line if all agree. */
function rateByGroupUnderRule(ctx: FlowContext, programme: ProgrammeId): FlowResult | undefined {
  const { facts } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  const groups = (['A', 'B', 'C'] as const).map((riskGroup) => ({ riskGroup, selected: selectFeeRate(programme, { riskGroup, flags: facts.flags, lender: facts.lender }, trace) }));
  if (groups.some((g) => g.selected.waived)) return undefined;
  const name = PROGRAMMES[programme].name;
  const rates = new Set(groups.map((g) => g.selected.rate));
  const citations = ctx.cite.forTrace(trace.steps);
  const lines = [
    rates.size === 1
      ? `${name}適用年費率 ${formatRate(groups[0]!.selected.rate)}，不論風險組群（原費率 ${groups.map((g) => `${g.riskGroup} ${formatRate(g.selected.baseRate)}`).join('、')}）。`
      : `${name}適用年費率：${groups.map((g) => `${g.riskGroup} ${formatRate(g.selected.rate)}${g.selected.rate !== g.selected.baseRate ? `（由 ${formatRate(g.selected.baseRate)} 調整）` : ''}`).join('、')}。`,
    // One group's steps say the rule when every group ends at the same rate (the first line gives each group's own).
    ...[...new Set((rates.size === 1 ? groups.slice(-1) : groups).flatMap((g) => g.selected.notes))].map((note) => `・${note}`),
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: ['借500萬保8成一年手續費多少？', '重新開始'] },
    { task: 'fact_lookup', programme, facts, asks: ctx.merged.asks },
  );
}

/**
 * A rate decided case by case within a range, under a circumstance that caps it: each end of the range as the rules then
 * set it; said only when the circumstance changes the range (one rate when both ends end there).
 */
function rangeUnderRule(ctx: FlowContext, programme: ProgrammeId, range: { min: number; max: number }): FlowResult | undefined {
  const { facts } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  const ends = [range.min, range.max].map((annualRate) => selectFeeRate(programme, { flags: facts.flags, lender: facts.lender, annualRate }, trace));
  const [low, high] = ends as [ReturnType<typeof selectFeeRate>, ReturnType<typeof selectFeeRate>];
  if (ends.some((e) => e.waived) || (low.rate === range.min && high.rate === range.max)) return undefined;
  const name = PROGRAMMES[programme].name;
  const original = `${formatRate(range.min)}～${formatRate(range.max)}`;
  const citations = ctx.cite.forTrace(trace.steps);
  const lines = [
    low.rate === high.rate
      ? `${name}適用年費率 ${formatRate(low.rate)}（原年費率 ${original}，依個案核定）。`
      : `${name}適用年費率 ${formatRate(low.rate)}～${formatRate(high.rate)}（原年費率 ${original}，依個案核定）。`,
    ...high.notes.filter((note) => !note.startsWith(quotedRateNote(range.max))).map((note) => `・${note}`),
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: ['借500萬保8成一年手續費多少？', '重新開始'] },
    { task: 'fact_lookup', programme, facts, asks: ctx.merged.asks },
  );
}

/**
 * 「0.35%是103年定的，現在還是照這個費率收嗎？」: no circumstance changes the rate, so the question is whether the quoted
 * rate is the rule's. When it is not, the rule's rate in force leads, and the dated version that had the quoted rate
 * (if any) says when it applied. Undefined when the quoted rate is the rule's or the rule has no one rate.
 */
function ruleRateAgainstStated(ctx: FlowContext, programme: ProgrammeId, statedRate: number): FlowResult | undefined {
  const { facts } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  let rule: ReturnType<typeof selectFeeRate>;
  try {
    rule = selectFeeRate(programme, { riskGroup: facts.riskGroup, flags: facts.flags, lender: facts.lender }, trace);
  } catch {
    return undefined;
  }
  if (rule.waived || rule.rate === statedRate) return undefined;
  const read = trace.steps.filter((step): step is Extract<typeof step, { kind: 'parameter' }> => step.kind === 'parameter');
  const then = read.flatMap((step) => ctx.view.history(step.name).filter((h) => h.value === statedRate && h.effectiveFrom !== step.effectiveFrom));
  const since = read.find((step) => step.value === rule.rate)?.effectiveFrom;
  const name = PROGRAMMES[programme].name;
  const citations = ctx.cite.forTrace(trace.steps);
  const lines = [
    `${name}目前適用年費率 ${formatRate(rule.rate)}${since && since >= '1900-01-01' ? `（${formatRocDate(since)}起）` : ''}，不是您提供的 ${formatRate(statedRate)}。`,
    unheldYearLine(ctx, read.map((step) => step.name)),
    ...then.map((entry) => versionLine(entry)),
    ...rule.notes.map((note) => `・${note}`),
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: ['借500萬保8成一年手續費多少？', '重新開始'] },
    { task: 'fact_lookup', programme, facts, asks: ctx.merged.asks, ...{ statedRate } },
  );
}

/**
 * 「火金姑費率0.395%，簽了具結書會變成0.5%嗎？」: the rate the rules give for this case (the quoted rate set against the
 * programme's, then the 具結書 cap or other circumstances), with each step said and cited; no loan is needed.
 */
export function rateUnderRuleFlow(ctx: FlowContext): FlowResult | undefined {
  const result = rateUnderRule(ctx);
  return result && ctx.understanding.modifiers.lower ? withLowerRates(ctx, result) : result;
}

/**
 * 「保證費可以打折嗎」「費率1.25%覺得很貴 有沒有什麼可以降」 naming no programme: the ordinary guarantee's rate (programmes.yaml
 * `unnamed`, said so) and the circumstances that would lower it, as when that programme is named.
 */
export function lowerRatesOfUnnamed(ctx: FlowContext): FlowResult | undefined {
  const unnamed = ctx.domain.programmes.unnamed;
  if (!unnamed || ctx.merged.programme || !ctx.understanding.modifiers.lower || !ctx.merged.asks.includes('fee_rate')) return undefined;
  const own: FlowContext = { ...ctx, merged: { ...ctx.merged, programme: unnamed.programme } };
  const result = rateUnderRule(own);
  if (!result || result.outcome !== 'answered') return undefined;
  const lowered = withLowerRates(own, result);
  const [head, ...others] = lowered.replies;
  return head ? { ...lowered, replies: [{ ...head, text: `${unnamed.note}\n${head.text}` }, ...others] } : lowered;
}

/**
 * 「手續費1.5%好貴 有沒有辦法降」: the circumstances the rules know that would give the case a lower rate (a 促進就業具結書
 * signed, a bank with the 批保卓越獎), each with the rate it gives and its source, after the rate that applies now.
 */
export function withLowerRates(ctx: FlowContext, result: FlowResult): FlowResult {
  const [head, ...others] = result.replies;
  const programme = ctx.merged.programme as ProgrammeId;
  const { facts, statedRate } = ctx.merged;
  if (!head || result.outcome !== 'answered') return result;
  // (A rate the user was quoted, 「行員說年費率要1.5%」, is today's; what a circumstance lowers it to is the rules' rate
  // with it, 促進就業's 0.5% with the pledge, not the quoted rate again.)
  const rateOf = (flags: FactFlags, trace: TraceRecorder, quoted = true) => {
    const annualRate = quoted ? statedRate : undefined;
    // (With no risk group told nor a rate quoted, 「保證費可以打折嗎」, the rate is read at each group and compared at the dearest.)
    const groups = facts.riskGroup !== undefined || annualRate !== undefined ? [facts.riskGroup] : (['A', 'B', 'C'] as const);
    try {
      const rates = groups.map((riskGroup) => {
        const selected = selectFeeRate(programme, { riskGroup, flags, lender: facts.lender, annualRate }, trace);
        return selected.waived ? 0 : selected.rate;
      });
      return Math.max(...rates);
    } catch {
      return undefined;
    }
  };
  const now = rateOf(facts.flags ?? {}, new TraceRecorder(ctx.view));
  if (now === undefined) return result;
  const lower = ctx.domain.facts.flags.flatMap(({ flag, label, lenderListed }) => {
    // (A bank's award, the bank named: the award list says whether it has it, 「上海商銀」 does not.)
    if (facts.flags?.[flag] !== undefined || (lenderListed && facts.lender !== undefined)) return [];
    const trace = new TraceRecorder(ctx.view);
    const rate = rateOf({ ...facts.flags, [flag]: true }, trace, false);
    return rate !== undefined && rate < now ? [{ flag, label, rate, citations: ctx.cite.forTrace(trace.steps) }] : [];
  });
  if (lower.length === 0) return result;
  // (「降完一年大概要繳多少」: the fee of the loan at each lower rate, as computed with the circumstance.)
  // (Read from the fee's own answer: one computed whatever the risk group, 促進就業's 0.5%, is answered whole, not as one fee.)
  const feeWith = (flag: keyof FactFlags): string | undefined => {
    if (facts.loanAmount === undefined) return undefined;
    const { statedRate: _quoted, ...merged } = ctx.merged;
    const fee = oneFee({ ...ctx, merged: { ...merged, facts: { ...facts, flags: { ...facts.flags, [flag]: true } } } });
    const line = fee.outcome === 'answered' ? fee.replies[0]?.text.split('\n').find((l) => l.startsWith('計算：')) : undefined;
    return line?.replace(/^計算：/u, '');
  };
  // (「這樣一年能省多少」: what each saves against the fee computed now.)
  const feeNow = computedFee(head.text.split('\n').find((l) => l.startsWith('計算：')));
  const lines = ['可以降低費率的情形：', ...lower.map(({ flag, label, rate }) => {
    const fee = feeWith(flag);
    const lowered = computedFee(fee);
    const saved = feeNow !== undefined && lowered !== undefined && lowered < feeNow ? `，比目前少繳 ${formatAmount(feeNow - lowered)} 元` : '';
    return `・若有「${label}」：年費率 ${formatRate(rate)}${fee ? `，保證手續費 ${fee} 元${saved}` : ''}`;
  })];
  const citations = [...head.citations, ...lower.flatMap((l) => l.citations).filter((c) => !head.citations.some((h) => h.sectionId === c.sectionId && h.documentId === c.documentId))];
  // (One sources line, last: the rate's and the lower rates'.)
  const own = head.text.split('\n');
  const body = isSourcesLine(own.at(-1) ?? '') ? own.slice(0, -1) : own;
  return {
    ...result,
    grounding: [...(result.grounding ?? []), ...lines],
    state: { ...result.state, offered: lower.map((l) => l.flag) },
    replies: [{ ...head, text: [...body, ...lines, sourcesLine(citations)].join('\n'), citations }, ...others],
  };
}

/** The fee a 「計算：」 line ends with (「… × 12/12 = 240,000」). */
function computedFee(line: string | undefined): number | undefined {
  const figure = line === undefined ? undefined : /=\s*([\d,]+)(?:\s*元)?$/u.exec(line)?.[1];
  return figure === undefined ? undefined : Number(figure.replace(/,/gu, ''));
}

function rateUnderRule(ctx: FlowContext): FlowResult | undefined {
  const programme = ctx.merged.programme as ProgrammeId;
  const { facts, statedRate } = ctx.merged;
  const trace = new TraceRecorder(ctx.view);
  let selected: ReturnType<typeof selectFeeRate>;
  try {
    selected = selectFeeRate(programme, { riskGroup: facts.riskGroup, flags: facts.flags, lender: facts.lender, annualRate: statedRate }, trace);
  } catch (error) {
    // A rate waiting only on the risk group, under a circumstance: each group's rate, or one line when they agree.
    if (error instanceof MissingFactsError && error.missing.every((m) => m === 'riskGroup')) return rateByGroupUnderRule(ctx, programme);
    // 「專利訴訟貸款 簽了具結書手續費會降嗎」: a range decided case by case, which the circumstance brings to one rate.
    if (error instanceof RateNotDeterminedError && error.range && statedRate === undefined) return rangeUnderRule(ctx, programme, error.range);
    // What the case leaves open (a range decided case by case): the rule itself is the answer.
    if (error instanceof MissingFactsError || error instanceof RateNotDeterminedError) return undefined;
    if (error instanceof InvalidInputError) return invalidInput(ctx, 'fact_lookup', error);
    if (error instanceof ParameterNotInForceError) return cannotQuote(ctx, error);
    throw error;
  }
  const name = PROGRAMMES[programme].name;
  const changed = !selected.waived && selected.rate !== selected.baseRate;
  if (!changed && !selected.waived && statedRate !== undefined) {
    const ruled = ruleRateAgainstStated(ctx, programme, statedRate);
    if (ruled) return ruled;
  }
  const worth = selected.waived ? waivedRate(ctx, programme) : undefined;
  const citations = [...ctx.cite.forTrace(trace.steps), ...(worth ? [worth.citation] : [])];
  const lines = [
    selected.waived
      ? `${name}：保證手續費免收（依下列規定）${worth ? `；${worth.text}` : ''}。`
      : `${name}適用年費率 ${formatRate(selected.rate)}${changed ? `（由 ${formatRate(selected.baseRate)} 調整）` : statedRate !== undefined ? '，維持不變' : ''}。`,
    unheldYearLine(ctx, trace.steps.flatMap((step) => (step.kind === 'parameter' ? [step.name] : []))),
    ...selected.notes.map((note) => `・${note}`),
    sourcesLine(citations),
  ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines, citations, quickReplies: ['借500萬保8成一年手續費多少？', '重新開始'] },
    { task: 'fact_lookup', programme, facts, asks: ctx.merged.asks, ...(statedRate !== undefined ? { statedRate } : {}) },
  );
}
