import type { Facts } from '../../rules/facts.ts';
import type { Mention } from './mention.ts';

/**
 * Which number is which. Each figure takes its role from the nearest cue before it in the same
 * clause (「營業額800萬，週轉借款餘額1000萬」), else from a cue right after it (「800萬的營業額」),
 * else from a default (the first unlabelled amount is the loan, a 成 is the guarantee ratio).
 */
type Role =
  | 'loanAmount'
  | 'annualRevenue'
  | 'workingCapitalBalance'
  | 'guaranteeRatio'
  | 'debtRatio'
  | 'statedRate'
  | 'age'
  | 'businessAge'
  | 'period'
  | 'approvalDate'
  | 'loanStartDate'
  | 'disasterDate'
  | 'applicationDate'
  | 'startDate'
  | 'endDate'
  | 'ignore';

/** A cue, and optionally how close to the figure it must end to count (手續費4萬 states a fee, not a loan). */
type Cues = Array<[Role, RegExp, number?]>;

const AMOUNT_CUES: Cues = [
  ['annualRevenue', /營業額|營收|營業收入|銷售額|年收入|業績|營業金額|年營業/g],
  ['workingCapitalBalance', /餘額|(?:短中期|短、中期|週轉授信)\p{Script=Han}{0,6}|已借|已經借|借了|現有(?:的)?(?:借款|貸款)|目前(?:的)?(?:借款|貸款)|既有(?:借款|貸款)|已有(?:借款|貸款)|欠銀行|授信總額/gu],
  ['ignore', /手續費|保費|保證費|費用|利息|要繳|要付|繳了|付了/g, 2],
  ['ignore', /捐|資本|實收|存款|薪|租金|保證金|代償|上限|限額|總額度|計提/g],
  ['loanAmount', /借|貸|融資|申請|送保|額度|金額|資金|需要|週轉金|保證|想要|要/g],
];
const PERCENT_CUES: Cues = [
  ['statedRate', /費率|手續費|保費|保證費|利率|利息|年費|收費|費用/g],
  ['debtRatio', /負債比率?|負債率/g],
  ['ignore', /營授比|逾期|代償|計提|成長|增加|減少|稅|佔|占/g],
  ['guaranteeRatio', /成數|保|比例|擔保|比率/g],
];
const DURATION_CUES: Cues = [
  ['businessAge', /成立|設立|創立|營業(?!額|收|稅)|開業|開店|開[^\s,，。]{1,4}店|開了|經營|公司|創業|開設|登記|做了|營運/g],
  ['period', /借|貸|期間|期限|為期|保證期|年期|還款|攤還|分期|一共|總共/g],
  ['ignore', /以前|之前|前|後|以後/g],
];
const DATE_CUES: Cues = [
  ['approvalDate', /核准|核定|通過/g],
  ['loanStartDate', /授信起日|起貸|撥貸|撥款|動撥|貸款起|借款日|起日/g],
  ['disasterDate', /受災|災害|颱風|水災/g],
  ['startDate', /從|自/g],
  ['endDate', /到|至|迄|到期|截止/g],
  ['applicationDate', /申請|送保|查詢|收文|送件/g],
];

const CLAUSE_END = /[,，。;；!！?？\n]/;
const UNDER = /(?:未滿|不到|不滿|少於|低於|未達|不足)\s*$/;
const UNDER_AFTER = /^\s*(?:以內|以下|之內|內)/;
const OVER = /(?:超過|逾|多於|大於|高於)\s*$/;
const OVER_AFTER = /^\s*(?:以上|多)/;
const RANGE_BETWEEN = /^\s*[~〜～\-至到]\s*$/;

interface Context {
  before: string;
  after: string;
}

function contextOf(text: string, mentions: Mention[], i: number): Context {
  const m = mentions[i] as Mention;
  // A count (「開了一家小吃店 剛滿一年」) is part of the words before a figure, not a figure that takes them: it does not cut them off.
  let previous = i - 1;
  while (previous >= 0 && (mentions[previous] as Mention).unit === 'count') previous -= 1;
  const previousEnd = previous >= 0 ? (mentions[previous] as Mention).end : 0;
  const nextStart = i + 1 < mentions.length ? (mentions[i + 1] as Mention).index : text.length;
  let before = text.slice(previousEnd, m.index);
  const clauseBreak = Math.max(...[...before].map((c, k) => (CLAUSE_END.test(c) ? k : -1)));
  if (clauseBreak >= 0) before = before.slice(clauseBreak + 1);
  let after = text.slice(m.end, nextStart);
  const afterBreak = after.search(CLAUSE_END);
  if (afterBreak >= 0) after = after.slice(0, afterBreak);
  return { before, after: after.slice(0, 6) };
}

/** The cue ending nearest to the figure before it, else the first cue after it. */
function roleFrom(cues: Cues, { before, after }: Context): Role | undefined {
  let best: { role: Role; end: number } | undefined;
  for (const [role, pattern, maxGap] of cues) {
    for (const match of before.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (maxGap !== undefined && before.length - end > maxGap) continue;
      if (!best || end > best.end) best = { role, end };
    }
  }
  if (best) return best.role;
  let first: { role: Role; index: number } | undefined;
  for (const [role, pattern] of cues) {
    for (const match of after.matchAll(pattern)) {
      if (!first || match.index < first.index) first = { role, index: match.index };
    }
  }
  return first?.role;
}

function isInRange(text: string, mentions: Mention[], i: number): boolean {
  const m = mentions[i] as Mention;
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  // Two dates joined by 至 are a start and an end, not a range of possible values.
  const joined = (a: Mention, b: Mention) => a.unit === b.unit && a.unit !== 'date' && RANGE_BETWEEN.test(text.slice(a.end, b.index));
  return (prev !== undefined && joined(prev, m)) || (next !== undefined && joined(m, next));
}

export interface Roles {
  facts: Facts;
  statedRate?: number;
  approximate: Array<keyof Facts>;
}

function bound(ctx: Context): 'under' | 'over' | undefined {
  if (UNDER.test(ctx.before) || UNDER_AFTER.test(ctx.after)) return 'under';
  if (OVER.test(ctx.before) || OVER_AFTER.test(ctx.after)) return 'over';
  return undefined;
}

/** Assigns the figures of a normalised message to the fields of Facts. */
export function assignRoles(text: string, mentions: Mention[]): Roles {
  const facts: Facts = {};
  const approximate: Array<keyof Facts> = [];
  let statedRate: number | undefined;
  const set = <K extends keyof Facts>(key: K, value: Facts[K], approx = false) => {
    if (facts[key] !== undefined) return;
    facts[key] = value;
    if (approx) approximate.push(key);
  };
  const amountRole = (ctx: Context): Role => roleFrom(AMOUNT_CUES, ctx) ?? 'loanAmount';

  mentions.forEach((m, i) => {
    const ctx = contextOf(text, mentions, i);
    if (isInRange(text, mentions, i)) return;
    switch (m.unit) {
      case 'amount':
      case 'plain': {
        if (m.unit === 'plain') {
          if (/(?:今年|年齡|年紀|年滿)\s*$/.test(ctx.before) && m.value >= 16 && m.value <= 100) return set('age', m.value);
          if (m.value < 1000 || roleFrom(AMOUNT_CUES, { before: ctx.before.slice(-6), after: '' }) === undefined) return;
        }
        const role = amountRole(ctx);
        if (role === 'loanAmount' || role === 'annualRevenue' || role === 'workingCapitalBalance') set(role, m.value);
        return;
      }
      case 'percent':
      case 'ratio': {
        const role = roleFrom(PERCENT_CUES, ctx) ?? (m.unit === 'ratio' || m.value >= 5 ? 'guaranteeRatio' : 'statedRate');
        if (role === 'statedRate') statedRate ??= m.value;
        else if (role === 'debtRatio') set('debtRatio', m.value);
        else if (role === 'guaranteeRatio' && m.value <= 100) set('guaranteeRatio', m.value);
        return;
      }
      case 'age': {
        const limit = bound(ctx);
        const age = Math.floor(m.value) + (limit === 'under' ? -1 : limit === 'over' ? 1 : 0);
        if (age >= 0 && age <= 130) set('age', age, limit !== undefined);
        return;
      }
      case 'years':
      case 'months':
      case 'days': {
        const role = roleFrom(DURATION_CUES, ctx) ?? 'period';
        if (role === 'ignore') return;
        if (m.unit === 'days') return role === 'period' && Number.isInteger(m.value) && m.value > 0 ? set('periodDays', m.value) : undefined;
        const months = m.unit === 'years' ? m.value * 12 : m.value;
        const limit = bound(ctx);
        const value = months + (limit === 'under' ? -1 : limit === 'over' ? 1 : 0);
        if (role === 'businessAge') set('businessAgeMonths', Math.max(0, value), limit !== undefined);
        else if (months > 0) set('periodMonths', months);
        return;
      }
      case 'date': {
        if (!m.iso) return;
        // 「113年1月1日至113年6月30日」: two full dates joined by 至 are the period's start and end.
        const prev = mentions[i - 1];
        const next = mentions[i + 1];
        const joined = (a: Mention | undefined, b: Mention | undefined) =>
          a?.unit === 'date' && b?.unit === 'date' && a.iso !== undefined && b.iso !== undefined && RANGE_BETWEEN.test(text.slice(a.end, b.index));
        if (joined(m, next)) return set('startDate', m.iso);
        if (joined(prev, m)) return set('endDate', m.iso);
        const role = roleFrom(DATE_CUES, ctx) ?? 'applicationDate';
        if (role === 'approvalDate' || role === 'loanStartDate' || role === 'disasterDate' || role === 'applicationDate' || role === 'startDate' || role === 'endDate') {
          set(role, m.iso);
        }
        return;
      }
      default:
        return;
    }
  });
  // 「營業額600萬，週轉借款420萬」: beside a revenue, a 週轉 borrowing is the balance the 營授比 divides.
  if (facts.annualRevenue !== undefined && facts.workingCapitalBalance === undefined && facts.loanAmount !== undefined && /週轉(?:借款|貸款|授信|金)/.test(text)) {
    facts.workingCapitalBalance = facts.loanAmount;
    delete facts.loanAmount;
  }
  return { facts, approximate, ...(statedRate !== undefined ? { statedRate } : {}) };
}
