import { InvalidInputError, MissingFactsError, RateNotDeterminedError } from './errors.ts';
import type { FactFlags, RiskGroup } from './facts.ts';
import { amountInWords, formatRate } from './display.ts';
import { PROGRAMMES } from './programmes.ts';
import type { ProgrammeId } from './programmes.ts';
import type { TraceRecorder } from './trace.ts';

export interface RateFacts {
  riskGroup?: RiskGroup | undefined;
  flags?: FactFlags | undefined;
  annualRate?: number | undefined;
  lender?: string | undefined;
}

export interface SelectedRate {
  /** The annual rate charged, percent. */
  rate: number;
  /** The programme's rate before the 促進就業具結書 cap or a waiver. */
  baseRate: number;
  waived: boolean;
  notes: string[];
}

/** Where a programme's base fee rate comes from. */
export type RateSource =
  | { kind: 'risk_group' }
  | { kind: 'fixed'; parameter: string }
  | { kind: 'range'; parameter: string; byRiskGroup: boolean }
  | { kind: 'batch' }
  | { kind: 'waived'; parameter: string }
  | { kind: 'unknown' };

const RATE_SOURCES: Partial<Record<ProgrammeId, RateSource>> = {
  own_brand: { kind: 'fixed', parameter: 'own_brand.fee_rate' },
  youth_startup: { kind: 'range', parameter: 'youth_startup.fee_rate_range', byRiskGroup: true },
  firefly: { kind: 'range', parameter: 'firefly.fee_rate_range', byRiskGroup: false },
  patent_litigation: { kind: 'range', parameter: 'patent_litigation.fee_rate_range', byRiskGroup: false },
  phoenix: { kind: 'fixed', parameter: 'phoenix.fee_rate' },
  digital_content: { kind: 'fixed', parameter: 'digital_content.fee_rate' },
  youth_dream: { kind: 'unknown' },
  labour_pension: { kind: 'unknown' },
  direct: { kind: 'unknown' },
  batch: { kind: 'batch' },
  // 促進就業融資保證專案 applies to authorised items: their risk-group rate, then the pledge cap.
  employment_promotion: { kind: 'risk_group' },
  morakot_recovery: { kind: 'waived', parameter: 'morakot_recovery.fee_waived' },
  morakot_disaster_restoration: { kind: 'waived', parameter: 'morakot_disaster_restoration.fee_waived' },
};

/** Where a programme's fee rate comes from; `unknown` where the documents state none (the bot then says so). */
export function rateSource(programme: ProgrammeId): RateSource {
  return RATE_SOURCES[programme] ?? (PROGRAMMES[programme].channel === 'authorised' ? { kind: 'risk_group' } : { kind: 'unknown' });
}

const RISK_GROUP_PARAMETER: Record<RiskGroup, string> = {
  A: 'authorised.fee_rate.a',
  B: 'authorised.fee_rate.b',
  C: 'authorised.fee_rate.c',
};

/** The rate by risk group (風險組群 A/B/C → 0.75% / 1.00% / 1.5%). */
export function riskGroupRate(riskGroup: RiskGroup | undefined, trace: TraceRecorder): number {
  if (!riskGroup) throw new MissingFactsError(['riskGroup'], '保證手續費率依風險組群 A、B、C 而定；請提供風險組群');
  return trace.percent(RISK_GROUP_PARAMETER[riskGroup]);
}

/**
 * The annual fee rate for a programme, risk group, date (the trace's view) and flags.
 * Order: the programme's base rate; 批保卓越獎 for batch; the 促進就業具結書 cap (authorised and project
 * submissions); a Morakot waiver last, since a waived fee is not charged at any rate.
 */
export function selectFeeRate(programme: ProgrammeId, facts: RateFacts, trace: TraceRecorder): SelectedRate {
  const notes: string[] = [];
  const source = rateSource(programme);
  const baseRate = baseRateOf(programme, source, facts, trace, notes);
  let rate = baseRate;

  const channel = PROGRAMMES[programme].channel;
  if (facts.flags?.employmentPledge && (channel === 'authorised' || channel === 'project' || programme === 'employment_promotion')) {
    const cap = trace.optional('employment_promotion.pledge_fee_cap');
    if (!cap) {
      notes.push('「促進就業具結書」費率上限於此日期無生效中的規定，未調降');
    } else if (rate > (cap.value as number)) {
      const capRate = cap.value as number;
      notes.push(`已簽署「促進就業具結書」：年費率 ${formatRate(rate)} 高於 ${formatRate(capRate)}，調降為固定 ${formatRate(capRate)}`);
      rate = trace.arithmetic(`min(${formatRate(rate)}, ${formatRate(capRate)})`, capRate);
    } else {
      notes.push(`已簽署「促進就業具結書」：年費率 ${formatRate(rate)} 未高於 ${formatRate(cap.value as number)}，維持原費率（不會再降低）`);
    }
  } else if (facts.flags?.employmentPledge) {
    // (The cap is for cases sent by authorisation or 專案: 批次保證 asked with the pledge keeps its own rate, and says why.)
    const cap = trace.optional('employment_promotion.pledge_fee_cap');
    if (cap) notes.push(`「促進就業具結書」年費率上限 ${formatRate(cap.value as number)} 限以授權或專案方式送保者；${PROGRAMMES[programme].name}不適用，維持原費率`);
  }

  const waiver = source.kind === 'waived' ? source.parameter : facts.flags?.typhoonAffected ? 'morakot_recovery.fee_waived' : undefined;
  // (A Morakot-affected business's other loans were waived for guarantees sent within the plan's period only: after it
  // ended, a new guarantee is charged the programme's own rate.)
  const period = source.kind !== 'waived' && waiver ? trace.optional('morakot_recovery.plan_period') : undefined;
  const ended = period && typeof period.value === 'object' && period.value !== null && 'to' in period.value && trace.view.asOf > String(period.value.to);
  if (waiver && ended) {
    notes.push(`莫拉克颱風受災企業免收保證手續費，限計畫期程（至 ${String((period.value as { to: string }).to)}）內送保者；此日期已屆期，未減免`);
    return { rate, baseRate, waived: false, notes };
  }
  if (waiver) {
    const waived = trace.optional(waiver);
    if (waived?.value === true) {
      notes.push('莫拉克颱風受災企業：送保期間保證手續費免計收');
      return { rate: 0, baseRate, waived: true, notes };
    }
    notes.push('莫拉克颱風受災企業免收保證手續費之規定於此日期未生效，未減免');
  }
  return { rate, baseRate, waived: false, notes };
}

/**
 * A rate the bank or the fund quoted for this case is what the fee is computed with; the note says how it compares
 * with the rule in force (the same, a risk group's rate, or different), so the reader sees both.
 */
function quotedAgainstRule(programme: ProgrammeId, source: RateSource, quoted: number, facts: RateFacts, trace: TraceRecorder, notes: string[]): number {
  if (source.kind === 'risk_group' && !facts.riskGroup) {
    const groups = (['A', 'B', 'C'] as const).map((group) => ({ group, rate: trace.percent(RISK_GROUP_PARAMETER[group]) }));
    const same = groups.find((g) => g.rate === quoted);
    const listed = groups.map((g) => `${g.group} 組 ${formatRate(g.rate)}`).join('、');
    notes.push(
      same
        ? `您提供的年費率 ${formatRate(quoted)} 即風險組群 ${same.group} 的費率（規定：${listed}）`
        : `您提供的年費率 ${formatRate(quoted)} 與規定的風險組群費率（${listed}）都不同；以您提供的費率試算，實際以本基金核定為準`,
    );
    return quoted;
  }
  // (What the rule says of the lender stays with the rate quoted: 「上海商銀…是不是就可以從0.3%降到0.2%」 is told that its
  // 批保金質獎 gives more quota, not a lower rate.)
  const ruleNotes: string[] = [];
  const rule = baseRateOf(programme, source, { ...facts, annualRate: undefined }, trace, ruleNotes);
  if (source.kind === 'batch' && facts.lender !== undefined) notes.push(...ruleNotes);
  notes.push(
    rule === quoted
      ? `您提供的年費率 ${formatRate(quoted)} 與規定相同`
      : `您提供的年費率 ${formatRate(quoted)} 與目前規定的 ${formatRate(rule)} 不同；以您提供的費率試算，實際以本基金核定為準`,
  );
  return quoted;
}

function baseRateOf(programme: ProgrammeId, source: RateSource, facts: RateFacts, trace: TraceRecorder, notes: string[]): number {
  if (facts.annualRate !== undefined && (source.kind === 'risk_group' || source.kind === 'fixed' || source.kind === 'batch')) {
    return quotedAgainstRule(programme, source, facts.annualRate, facts, trace, notes);
  }
  switch (source.kind) {
    case 'risk_group':
      return riskGroupRate(facts.riskGroup, trace);
    case 'fixed':
      return trace.percent(source.parameter);
    case 'range': {
      const range = trace.percentRange(source.parameter);
      if (facts.annualRate !== undefined) return quotedRate(programme, facts.annualRate, range, notes);
      if (source.byRiskGroup && facts.riskGroup) {
        notes.push(`費率區間 ${formatRate(range.min)}~${formatRate(range.max)}，依風險組群 ${facts.riskGroup} 計收`);
        return riskGroupRate(facts.riskGroup, trace);
      }
      if (source.byRiskGroup) throw new MissingFactsError(['riskGroup'], `費率區間 ${formatRate(range.min)}~${formatRate(range.max)} 依風險組群而定；請提供風險組群`);
      throw new RateNotDeterminedError(programme, range);
    }
    case 'batch': {
      // 「我在玉山辦批保」: a lender named, with nothing said of the award, is looked up in the award list the documents
      // give (111年度's).
      const listed = facts.flags?.batchExcellenceAward === undefined && facts.lender !== undefined ? lenderListed(trace, facts.lender) : undefined;
      if (listed && !listed.won) notes.push(...notOnAwardList(trace, facts.lender!, listed.year));
      if (facts.flags?.batchExcellenceAward || listed?.won) {
        const award = trace.optional('batch.fee_rate_excellence_award');
        if (award) {
          const who = listed?.won ? `${facts.lender}為${listed.year}年度「批保卓越獎」得獎金融機構（收錄文件所載最近一年度的名單）` : '承貸金融機構獲「批保卓越獎」';
          notes.push(`${who}：年費率 ${formatRate(award.value as number)}`);
          return award.value as number;
        }
        if (!listed) notes.push('「批保卓越獎」優惠費率於此日期無生效中的規定，以一般批次保證費率計算');
      }
      return trace.percent('batch.fee_rate');
    }
    case 'waived':
      return 0;
    case 'unknown':
      if (facts.annualRate !== undefined) return quotedRate(programme, facts.annualRate, undefined, notes);
      throw new RateNotDeterminedError(programme, undefined);
  }
}

function quotedRate(programme: ProgrammeId, rate: number, range: { min: number; max: number } | undefined, notes: string[]): number {
  if (range && (rate < range.min || rate > range.max)) {
    throw new InvalidInputError('annualRate', `${PROGRAMMES[programme].name}的年費率須介於 ${formatRate(range.min)}~${formatRate(range.max)}，收到 ${formatRate(rate)}`);
  }
  // (With the rule's range beside it: 「費率區間是多少？假設核定年費率0.75%…」 asks both.)
  notes.push(`${quotedRateNote(rate)}${range ? `（${PROGRAMMES[programme].name}年費率 ${formatRate(range.min)}～${formatRate(range.max)}，依個案核定）` : ''}`);
  return rate;
}

/** The start of the note saying a fee was computed at the rate given: left out where the rate is an end of the rule's own range. */
export function quotedRateNote(rate: number): string {
  return `以提供之核定年費率 ${formatRate(rate)} 計算`;
}

/**
 * A batch lender not on the 批保卓越獎 list: said so, at the ordinary rate; and when it won the 批保金質獎 instead
 * (「上海商銀」), what that gives (more batch quota for its borrowers, not a lower rate). Read through the trace, so cited.
 */
export function notOnAwardList(trace: TraceRecorder, lender: string, year: number): string[] {
  const gold = lenderListed(trace, lender, 'batch.gold_award_banks');
  const quota = gold?.won ? trace.optional('batch.gold_award_extra_quota') : undefined;
  return [
    `${lender}不在${year}年度「批保卓越獎」得獎名單（收錄文件所載最近一年度的名單），以一般批次保證費率計算`,
    ...(gold?.won && quota ? [`${lender}為${gold.year}年度「批保金質獎」得獎金融機構：其移送保證的企業額外最高批次保證融資額度 ${amountInWords(quota.value as number)}；保證手續費率不因此調降`] : []),
  ];
}

/** Whether a lender is on an award's list (the 批保卓越獎's unless named), read through the trace (so cited), with the list's ROC year. */
export function lenderListed(trace: TraceRecorder, lender: string, award = 'batch.excellence_award_banks'): { won: boolean; year: number } | undefined {
  const list = trace.optional(award);
  return list && Array.isArray(list.value) ? { won: onAwardList(list.value as string[], lender), year: rocYear(list.effectiveFrom) } : undefined;
}

function onAwardList(names: readonly string[], lender: string): boolean {
  // (Names compared as the registry writes them: 台 and 臺 are one character, 「台新」 in the annual report is 臺新.)
  const same = (name: string) => name.replaceAll('台', '臺');
  return names.some((name) => same(name) === same(lender));
}

function rocYear(iso: string): number {
  return Number(iso.slice(0, 4)) - 1911;
}
