import { shippedDomain, type Domain, type RoleCue, type RoleWords } from '../../domain/index.ts';
import type { Facts } from '../../rules/facts.ts';
import type { Mention } from './mention.ts';
import { isRetracted } from './negation.ts';
import { NUMERAL, parseChineseNumber } from './numbers.ts';
import { findYears } from './years.ts';

/** A run of digits as long as an id's (身分證 8 after the letter and its first digit; 統編 8), written bare. */
const IDENTIFIER_DIGITS = /^\d{6,}$/u;
/** What an id's digits are joined to: a Latin letter, or a masked digit (x, *). */
const ID_EDGE = /[A-Za-z*＊○]/u;

/**
 * Which number is which. Each figure takes its role from the nearest cue before it in the same
 * clause (「營業額800萬，週轉借款餘額1000萬」), else from a cue right after it (「800萬的營業額」),
 * else from a default (the first unlabelled amount is the loan, a 成 is the guarantee ratio). The cues are data:
 * domain/registry/roles.yaml.
 */

const CLAUSE_END = /[,，。;；!！?？\n]/;
const RANGE_BETWEEN = /^\s*[~〜～\-至到]\s*$/;
/** Between two dates of one period: 至, 到, or 借到, 起至, 開始到 (「114年7月1日借到115年7月1日」). */
const DATES_BETWEEN = /^\s*(?:(?:起保|起算|起|開始|借款|借|貸|保)\s*)?[~〜～\-至到]\s*(?:(?:隔年|次年|翌年|明年)\s*)?$/;

/** Years counted this high are a year of the Republic (98年), not a loan period. */
const MIN_YEAR_NOT_PERIOD = 60;

interface Context {
  before: string;
  after: string;
}

function contextOf(text: string, clauseEnds: Int32Array, mentions: Mention[], i: number, ignored: ReadonlySet<number>): Context {
  const m = mentions[i] as Mention;
  // A count (「開了一家小吃店 剛滿一年」) is part of the words before a figure, not a figure that takes them: it does not cut them
  // off; nor does a figure read as no fact (「營收一年大概兩千」: the year of the revenue).
  let previous = i - 1;
  while (previous >= 0 && ((mentions[previous] as Mention).unit === 'count' || ignored.has(previous))) previous -= 1;
  const previousEnd = previous >= 0 ? (mentions[previous] as Mention).end : 0;
  const nextStart = i + 1 < mentions.length ? (mentions[i + 1] as Mention).index : text.length;
  const clauseBreak = lastClauseEnd(clauseEnds, previousEnd, m.index);
  const before = text.slice(clauseBreak >= 0 ? clauseBreak + 1 : previousEnd, m.index);
  let after = text.slice(m.end, nextStart);
  const afterBreak = after.search(CLAUSE_END);
  if (afterBreak >= 0) after = after.slice(0, afterBreak);
  return { before, after: after.slice(0, 6) };
}

/** Where the last clause-ending mark in text[from, to) stands, or -1, read from the message's table of clause ends. */
function lastClauseEnd(clauseEnds: Int32Array, from: number, to: number): number {
  const at = clauseEnds[to]!;
  return at >= from ? at : -1;
}

/** For each index of the text, the last clause-ending mark before it (-1 if none): made once per message. */
function clauseEndsOf(text: string): Int32Array {
  const before = new Int32Array(text.length + 1);
  let last = -1;
  for (let k = 0; k <= text.length; k += 1) {
    before[k] = last;
    if (k < text.length && CLAUSE_END.test(text[k]!)) last = k;
  }
  return before;
}

const PARTICLES = new Set(['的', '了', '啦', '喔', '耶']);

/** Where each position's sentence starts (after the last 。！？ or line break before it), worked out once per message. */
function sentenceStarts(text: string): Int32Array {
  const starts = new Int32Array(text.length + 1);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    starts[i] = start;
    if (i < text.length && '。！？!?\n'.includes(text[i]!)) start = i + 1;
  }
  return starts;
}

/** The last few characters of the clause before the one a figure stands in (where a founding word may end it). */
function clauseBefore(text: string, clauseEnds: Int32Array, index: number): string {
  const end = lastClauseEnd(clauseEnds, 0, index);
  if (end < 0) return '';
  // Only the clause's last words, and only when they end it: 「登記的，」 counts, 「登記的那年借了錢，」 does not.
  let tail = text.slice(Math.max(0, end - 6), end);
  while (tail.length > 0 && PARTICLES.has(tail.at(-1)!)) tail = tail.slice(0, -1);
  return tail;
}

/** Each cue pattern's own copy, so that searching from every position leaves the shared pattern's state alone. */
const OWN_COPY = new WeakMap<RegExp, RegExp>();

/**
 * Every match, including those starting inside another (「貸款已借」: 「貸款已」 and 「已借」), so that the cue ending
 * nearest the figure is found whichever cue began first.
 */
function overlapping(text: string, pattern: RegExp): RegExpExecArray[] {
  let re = OWN_COPY.get(pattern);
  if (!re) OWN_COPY.set(pattern, (re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    matches.push(match);
    re.lastIndex = match.index + 1;
  }
  return matches;
}

/** The cue ending nearest to the figure before it, else the first cue after it. */
function roleFrom<R extends string>(cues: ReadonlyArray<RoleCue<R>>, context: Context): R | undefined {
  return roleCueFrom(cues, context)?.role;
}

/** The cue saying what the figure is: the nearest before it, else the first just after it. */
function roleCueFrom<R extends string>(cues: ReadonlyArray<RoleCue<R>>, { before, after }: Context): RoleCue<R> | undefined {
  // (A cue that counts only right after the figure says what it is whatever came before: 「信保額度1.2億已經用滿了」 is
  // used, though 額度 before it would make it a loan.)
  const right = cues.find((entry) => entry.afterOnly && entry.within !== undefined && [...after.matchAll(entry.cue)].some((match) => match.index <= entry.within!));
  if (right) return right;
  let best: { entry: RoleCue<R>; end: number } | undefined;
  for (const entry of cues) {
    const { cue, within, afterOnly } = entry;
    if (afterOnly) continue;
    for (const match of overlapping(before, cue)) {
      const end = match.index + match[0].length;
      if (within !== undefined && before.length - end > within) continue;
      if (!best || end > best.end) best = { entry, end };
    }
  }
  if (best) return best.entry;
  let first: { entry: RoleCue<R>; index: number } | undefined;
  for (const entry of cues) {
    for (const match of after.matchAll(entry.cue)) {
      if (entry.within !== undefined && match.index > entry.within) continue;
      if (!first || match.index < first.index) first = { entry, index: match.index };
    }
  }
  return first?.entry;
}

function isInRange(text: string, mentions: Mention[], i: number): boolean {
  const m = mentions[i] as Mention;
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  // Two dates joined by 至 are a start and an end, not a range of possible values.
  const joined = (a: Mention, b: Mention) => a.unit === b.unit && a.unit !== 'date' && RANGE_BETWEEN.test(text.slice(a.end, b.index));
  return (prev !== undefined && joined(prev, m)) || (next !== undefined && joined(m, next));
}

/**
 * The length of a period from one day to another, both given as month and day (mmdd) with no year: whole months when it
 * runs from a month's first day to a month's last, else days counted inclusively (into the next year when the end comes
 * first; February of a common year).
 */
function spanOfDays(from: number, to: number): { months: number } | { days: number } {
  const day = (mmdd: number, year: number) => Date.UTC(year, Math.floor(mmdd / 100) - 1, mmdd % 100);
  const start = day(from, 2001);
  const end = day(to, to >= from ? 2001 : 2002);
  const next = new Date(end + 86_400_000);
  if (from % 100 === 1 && next.getUTCDate() === 1) {
    const months = (next.getUTCFullYear() - 2001) * 12 + next.getUTCMonth() - (Math.floor(from / 100) - 1);
    if (months > 0) return { months };
  }
  return { days: Math.round((end - start) / 86_400_000) + 1 };
}

/** 0.8, 0.95, 1.0: a share written with a decimal point, in steps of 5%. */
function isShare(m: Mention): boolean {
  const hundredths = m.value * 100;
  return m.raw.includes('.') && m.value > 0 && m.value <= 1 && Math.abs(hundredths - Math.round(hundredths)) < 1e-9 && Math.round(hundredths) % 5 === 0;
}

export interface Roles {
  facts: Facts;
  statedRate?: number;
  /** Every rate named, when more than one (「0.35%還是0.3%」). */
  rates?: number[];
  /** The stated rate was told as heard (「聽說鳳凰手續費是1%」), not quoted by the lender (intents.yaml hearsay). */
  rateHeard?: boolean;
  /** The guarantee ratio was told as heard (「聽說青創可以保九成」), not as the case's (intents.yaml hearsay). */
  ratioHeard?: boolean;
  approximate: Array<keyof Facts>;
  /** 「颱風是8月7號來的」: a disaster or application day said without its year, as MM-DD. */
  yearlessDates?: Partial<Record<'disasterDate' | 'applicationDate' | 'approvalDate', string>>;
  /** 「一年多少？借3年總共」: every loan period named, in months, when more than one. */
  periods?: number[];
  /** 「保8成的話多少，保9成的話又多少」: every guarantee ratio told as the case's, when more than one. */
  ratios?: number[];
  /** 「9成以上」「超過八成」: the ratio stated is a bound, not a value (inclusive: 以上 includes it, 超過 does not). */
  ratioBound?: { side: 'over' | 'under'; inclusive: boolean };
  /** The loan amount was read as one only for want of any word saying what the amount is (「改成三千萬呢」). */
  loanByDefault?: boolean;
  /** 「是45歲不是44」「是6年前不是4年前」: each figure taken back (after 不是), with the figure of its kind said instead. */
  corrections?: Correction[];
  /** 「是6年前」: a time before now said with no founding word near it (a correction of the business's age, in context). */
  monthsAgoUncued?: number;
  /** 「受災後已經過了5個月」: how long ago the disaster was, in months (the dialogue dates the disaster from it). */
  sinceDisasterMonths?: number;
}

/** The kinds of figure a correction sets against each other: money, a plain number (an age), a ratio, a length in months. */
export type CorrectionKind = 'amount' | 'number' | 'ratio' | 'months';

/** A figure taken back (「不是2000萬」) and the one of its kind said instead, if any (「是3000萬」). */
export interface Correction {
  kind: CorrectionKind;
  instead: number;
  told?: number;
}

/** The kind of figure a mention is, as a correction sets it against another; none for dates, counts and phones. */
function correctionKind(m: Mention): CorrectionKind | undefined {
  switch (m.unit) {
    case 'amount':
      return 'amount';
    case 'plain':
      return m.value >= 1000 ? 'amount' : 'number';
    case 'age':
      return 'number';
    case 'percent':
    case 'ratio':
      return 'ratio';
    case 'years':
    case 'months':
      return 'months';
    default:
      return undefined;
  }
}

/** A mention's value in the unit its kind is compared in (a length in months). */
function correctionValue(m: Mention): number {
  return m.unit === 'years' ? m.value * 12 : m.value;
}

/** The day before an ISO date (「2014-12-15」 → 「2014-12-14」). */
function dayBefore(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

function bound(ctx: Context, words: RoleWords): 'under' | 'over' | undefined {
  if (words.underBefore.test(ctx.before) || words.underAfter.test(ctx.after)) return 'under';
  if (words.overBefore.test(ctx.before) || words.overAfter.test(ctx.after)) return 'over';
  return undefined;
}

/** Assigns the figures of a normalised message to the fields of Facts, by the cues of domain/registry/roles.yaml. */
/** The largest 營授比 read when written as a fraction or times the revenue (「1.2」「1.1倍」): 3 is 300%. */
const FRACTION_RATIO_MAX = 3;

export function assignRoles(text: string, mentions: Mention[], domain: Domain = shippedDomain()): Roles {
  const words = domain.roles;
  const { amount, percent, duration, date } = words.cues;
  const facts: Facts = {};
  const approximate: Array<keyof Facts> = [];
  const rates = new Set<number>();
  let rateHeard = false;
  /** The ratio read, when it was told as heard (「聽說青創可以保九成」) and no other ratio was told. */
  let ratioHeard: number | undefined;
  const hearsay = domain.intents.hearsay;
  /** Whether the figure at this place is told as heard: hearsay words in its clause, and no word naming the lender. */
  const heardAt = (at: number) => {
    if (!hearsay) return false;
    const clause = text.slice(lastClauseEnd(clauseEnds, 0, at) + 1, at);
    return hearsay.heard.test(clause) && !hearsay.quoted.test(clause);
  };
  /** Whether the figure at this place is feared (「很怕銀行跟我說信保只能保五成」): no figure of the case, whoever would say it. */
  const fearedAt = (at: number) => {
    if (!hearsay?.feared) return false;
    return hearsay.feared.test(text.slice(lastClauseEnd(clauseEnds, 0, at) + 1, at));
  };
  const set = <K extends keyof Facts>(key: K, value: Facts[K], approx = false) => {
    if (facts[key] !== undefined) return;
    facts[key] = value;
    if (approx) approximate.push(key);
  };
  const bareNumbers: number[] = [];
  /** The last amount and ratio read, with their roles: a correction after them (「不對 是1500w」) replaces them. */
  const said: Partial<Record<'amount' | 'ratio', { key: keyof Facts; end: number }>> = {};
  const corrected = (kind: 'amount' | 'ratio', m: Mention): keyof Facts | undefined => {
    const before = said[kind];
    if (!before) return undefined;
    const between = text.slice(before.end, m.index);
    const at = between.search(words.corrections);
    // (The figure corrects only when nothing after the correction word says what it is: 「不對 營業額是…」 is another.)
    if (at < 0 || roleFrom(amount, { before: between.slice(at), after: '' }) !== undefined) return undefined;
    return before.key;
  };
  let loanByDefault = false;
  let sinceDisaster: number | undefined;
  const yearless: NonNullable<Roles['yearlessDates']> = {};
  /** Every loan period named, in order (「一年多少？借3年總共」 names two). */
  const periods: number[] = [];
  const ratios: number[] = [];
  let ratioBound: Roles['ratioBound'];
  const sentences = sentenceStarts(text);
  const amountRole = (ctx: Context, at: number) => {
    // (A cue reaching across a comma, 「復工要重買設備跟原料，大概需要」, says what the figure right after it is.)
    const reached = ctx.before.length < at ? roleFrom(words.reaching, { before: text.slice(sentences[at]!, at).trimEnd(), after: '' }) : undefined;
    const entry = reached === undefined ? roleCueFrom(amount, ctx) : undefined;
    const cued = reached ?? (entry?.byDefault ? undefined : entry?.role);
    if (cued === undefined && facts.loanAmount === undefined) loanByDefault = true;
    return cued ?? entry?.role ?? 'loanAmount';
  };

  /** Durations read as no fact (「營收一年」), by index. */
  const ignoredDurations = new Set<number>();
  const clauseEnds = clauseEndsOf(text);
  /** Mentions taken back (after 不是), by index: never a fact of the case. */
  const retracted = new Set<number>();
  mentions.forEach((m, i) => {
    if (correctionKind(m) !== undefined && isRetracted(text, m.index)) retracted.add(i);
  });
  mentions.forEach((m, i) => {
    if (retracted.has(i)) return;
    const ctx = contextOf(text, clauseEnds, mentions, i, ignoredDurations);
    if (isInRange(text, mentions, i)) return;
    // 「借款餘額是去年營業額的1.1倍」: the 營授比 said as times the revenue.
    if (m.unit === 'count' && m.raw.endsWith('倍') && m.value < FRACTION_RATIO_MAX && roleFrom(percent, ctx) === 'businessFinanceRatio') return set('businessFinanceRatio', Math.round(m.value * 100));
    switch (m.unit) {
      case 'amount':
      case 'plain': {
        if (m.unit === 'plain') {
          // 「客戶王小明(A12345678x)」「統編5312xxxx」: a long run of digits joined to a letter or a mask is an id, no figure.
          if (IDENTIFIER_DIGITS.test(m.raw) && (ID_EDGE.test(text.slice(Math.max(0, m.index - 1), m.index)) || ID_EDGE.test(text.slice(m.end, m.end + 1)))) return;
          // 「5000000 0.8 B 1y」: a decimal fraction in steps of 5% is a guarantee ratio written as a share.
          if (isShare(m)) {
            const role = roleFrom(percent, ctx);
            if (role === undefined || role === 'guaranteeRatio') return set('guaranteeRatio', Math.round(m.value * 100));
            // (「短中期餘額除以營收是0.65」「營授比0.9」: the 營授比 written as a fraction.)
            if (role === 'businessFinanceRatio') return set('businessFinanceRatio', Math.round(m.value * 100));
            return;
          }
          // (「餘額 ÷ 去年報稅營業額 = 1.2」: one above 1, too.)
          if (m.value < FRACTION_RATIO_MAX && !Number.isInteger(m.value) && roleFrom(percent, ctx) === 'businessFinanceRatio') return set('businessFinanceRatio', Math.round(m.value * 100));
          if (words.ageBefore.test(ctx.before) && m.value >= 16 && m.value <= 100 && !words.ageNotAfter.test(text.slice(m.end))) return set('age', m.value);
          if (m.value < 1000) return;
          // "balance in 2022": a bare four-digit number that reads as a year names the year, never an amount of money.
          if (findYears(m.raw).length > 0) return;
          if (roleFrom(amount, { before: ctx.before.slice(-6), after: '' }) === undefined) {
            if (m.value >= 10_000 && Number.isInteger(m.value)) bareNumbers.push(m.value);
            return;
          }
        }
        // 「最多可以保到多少 是1億嗎」: a guess of the answer, not an amount of the case.
        // (Unless the message goes on about the amount guessed, 「信保保的部分就是135萬對吧，這135萬一年手續費怎麼算」:
        // confirmed, it is the case's, in the role its words give it.)
        const guessed = words.guess !== undefined && words.guess.before.test(ctx.before) && words.guess.after.test(text.slice(m.end));
        const spokenOfAgain = guessed && mentions.some((o, k) => k > i && o.unit === m.unit && o.value === m.value);
        if (guessed && !spokenOfAgain) return;
        // (Nor are amounts heard, asked which is right: 「有人說1億有人說1.2億…到底哪個對」.)
        if (words.guess?.whichRight?.test(text) && heardAt(m.index)) return;
        const fixed = corrected('amount', m);
        if (fixed) return void (facts[fixed] = m.value as never);
        const role = amountRole(ctx, m.index);
        // 「今年在本行計提15萬，台中分行那邊也幫他提了20萬」: a second amount used, said with 也, adds to the first.
        if (role === 'usedAmount' && facts.usedAmount !== undefined && /也/u.test(ctx.before.slice(-12))) {
          facts.usedAmount += m.value;
          said.amount = { key: role, end: m.end };
          return;
        }
        // 「短期週轉3kw、中期週轉2kw」: balances told one after another add up to the total the 營授比 divides.
        if (role === 'workingCapitalBalance' && facts.workingCapitalBalance !== undefined && said.amount?.key === 'workingCapitalBalance') {
          facts.workingCapitalBalance += m.value;
          said.amount = { key: role, end: m.end };
          return;
        }
        if (role !== undefined && role !== 'ignore') {
          set(role, m.value);
          said.amount = { key: role, end: m.end };
        }
        return;
      }
      case 'percent':
      case 'ratio': {
        const cued = roleFrom(percent, ctx);
        // A fee rate is a few percent, never written in 成: 「八成 手續費多少」 states the ratio, then asks the fee.
        const notARate = m.unit === 'ratio' || m.value >= 5;
        // (「年報上寫18.41%的那一項」: a share written to two decimals, with nothing calling it a ratio, is a statistic read
        // off a table, not the case's guarantee ratio.)
        if (cued === undefined && notARate && m.unit !== 'ratio' && !Number.isInteger(Math.round(m.value * 1000) / 100)) return;
        // (Nor is a guarantee ratio a few percent: 「我現在是1.5% 信保保400萬」 states the rate, whatever 保 follows it.)
        const fewPercent = cued === 'guaranteeRatio' && m.unit !== 'ratio' && m.value < FEW_PERCENT && !RATIO_NAMED.test(ctx.before.slice(-RATIO_NAME_REACH));
        const role = (cued === 'statedRate' && notARate) ? 'guaranteeRatio' : fewPercent ? 'statedRate' : (cued ?? (notARate ? 'guaranteeRatio' : 'statedRate'));
        if (role === 'statedRate') {
          rates.add(m.value);
          // 「朋友說青創手續費固定1.5%」: a rate heard, in a clause the lender is not named in.
          if (rates.size === 1 && heardAt(m.index)) rateHeard = true;
        }
        else if (role === 'debtRatio') set('debtRatio', m.value);
        else if (role === 'businessFinanceRatio') {
          set('businessFinanceRatio', m.value);
          // 「超過70%」: a figure the 營授比 exceeds (「70%以上」 includes 70%: it is read as the figure).
          if (facts.businessFinanceRatio === m.value && words.overBefore.test(ctx.before)) facts.businessFinanceRatioAbove = true;
        }
        else if (role === 'guaranteeRatio' && m.value <= 100) {
          if (corrected('ratio', m)) return void (facts.guaranteeRatio = m.value);
          if (fearedAt(m.index)) return;
          // 「朋友說都嘛保九成，行員說只保8成」: a ratio heard gives way to one told after it that was not.
          const heard = heardAt(m.index);
          if (ratioHeard !== undefined && !heard && facts.guaranteeRatio === ratioHeard) delete facts.guaranteeRatio;
          // (So is the same ratio doubted after it, 「…就是全包十成…現在批保真的是保十成嗎」: it was heard, too.)
          if (heard && (facts.guaranteeRatio === undefined || facts.guaranteeRatio === m.value)) ratioHeard = m.value;
          set('guaranteeRatio', m.value);
          if (!heard && !ratios.includes(m.value)) ratios.push(m.value);
          said.ratio = { key: 'guaranteeRatio', end: m.end };
          const side = bound(ctx, words);
          if (side && facts.guaranteeRatio === m.value) ratioBound ??= { side, inclusive: words.overAfter.test(ctx.after) || words.underAfter.test(ctx.after) };
        }
        return;
      }
      case 'age': {
        const limit = bound(ctx, words);
        const age = Math.floor(m.value) + (limit === 'under' ? -1 : limit === 'over' ? 1 : 0);
        if (age >= 0 && age <= 130) set('age', age, limit !== undefined);
        return;
      }
      case 'years':
      case 'months':
      case 'days': {
        // 「去年秋天才登記的，算一算差不多八個月了」: a duration with no word of its own in its clause takes a founding
        // word ending the clause before it.
        const cued = roleFrom(duration, ctx);
        // (A time said to have passed is since the disaster only in a message speaking of one: 「開店已經過了兩年」 is the business's age.)
        const other = cued === 'sinceDisaster' && !words.disasterWords.test(text) ? roleFrom(duration.filter((entry) => entry.role !== 'sinceDisaster'), ctx) : cued;
        const role = other ?? (roleFrom(duration, { before: clauseBefore(text, clauseEnds, m.index), after: '' }) === 'businessAge' ? 'businessAge' : 'period');
        if (role === 'ignore') {
          ignoredDurations.add(i);
          return;
        }
        if (m.unit === 'days') return role === 'period' && Number.isInteger(m.value) && m.value > 0 ? set('periodDays', m.value) : undefined;
        // 「98年那時景氣超差」: sixty years and more is no loan's period but a year of the Republic.
        if (role === 'period' && m.unit === 'years' && m.value >= MIN_YEAR_NOT_PERIOD) return;
        const months = m.unit === 'years' ? m.value * 12 : m.value;
        const limit = bound(ctx, words);
        const value = months + (limit === 'under' ? -1 : limit === 'over' ? 1 : 0);
        if (role === 'businessAge') set('businessAgeMonths', Math.max(0, value), limit !== undefined);
        else if (role === 'sinceDisaster') sinceDisaster ??= Math.max(0, value);
        else if (months > 0) {
          set('periodMonths', months);
          if (!periods.includes(months)) periods.push(months);
        }
        return;
      }
      case 'date': {
        // 「核准日104年3月」「104年核准」: a month or a year without its day stands for its first day, noted as approximate.
        const month = Math.floor(m.value / 100) % 100;
        // A year's end (「103年底」) is a day, but said like a year: like a year alone, it is a date of the case only with its word.
        const yearOnly = m.iso !== undefined && !/[月\-/.]/u.test(m.raw);
        // (So is a part of a month, 「111年8月中旬」: a date of the case only with its word, 「8月中旬核准的」.)
        const monthPart = m.iso !== undefined && /月(?:份的?)?(?:上旬|中旬|下旬|初|底|末)$/u.test(m.raw);
        const partial = (!m.iso && m.value % 100 === 0 && m.value >= 1_000_00_00) || yearOnly || monthPart;
        const iso = m.iso ?? (partial ? `${String(Math.floor(m.value / 10_000)).padStart(4, '0')}-${String(Math.max(month, 1)).padStart(2, '0')}-01` : undefined);
        // 「颱風是8月7號來的 我12月10號才要申請」: a day of no year named, said as the disaster's or the application's, is
        // kept as a month and day; the dialogue gives it a year (the application's, or the one before it).
        const yearlessRole = !iso && m.value < 10_000 ? roleFrom(date, ctx) : undefined;
        if (yearlessRole === 'disasterDate' || yearlessRole === 'applicationDate' || yearlessRole === 'approvalDate') {
          yearless[yearlessRole] ??= `${String(Math.floor(m.value / 100)).padStart(2, '0')}-${String(m.value % 100).padStart(2, '0')}`;
        }
        // 「7月1日起保到12月31日」: two days of no year named, joined by 至, are a period of that length.
        const after = mentions[i + 1];
        if (!iso && m.value < 10_000 && after?.unit === 'date' && after.value < 10_000 && DATES_BETWEEN.test(text.slice(m.end, after.index))) {
          const span = spanOfDays(m.value, after.value);
          if ('months' in span) set('periodMonths', span.months);
          else set('periodDays', span.days);
          return;
        }
        if (!iso) return;
        // 「113年1月1日至113年6月30日」: two full dates joined by 至 are the period's start and end.
        const prev = mentions[i - 1];
        const next = mentions[i + 1];
        const joined = (a: Mention | undefined, b: Mention | undefined) =>
          a?.unit === 'date' && b?.unit === 'date' && a.iso !== undefined && b.iso !== undefined && DATES_BETWEEN.test(text.slice(a.end, b.index));
        if (joined(m, next)) return set('startDate', iso, partial);
        if (joined(prev, m)) return set('endDate', iso, partial);
        const cued = roleFrom(date, ctx);
        // A month or year alone is a date of the case only with its word (核准日、申請): 「111年8月增設」 tells history.
        if (partial && cued === undefined) return;
        const role = cued ?? 'applicationDate';
        // (A day said with 以前 after it is the day before it: 「103年12月15日以前就核准額度的案子」 is one approved by 12月14日.)
        const before = !partial && words.beforeDay?.test(ctx.after) === true;
        if (role !== 'ignore') set(role, before ? dayBefore(iso) : iso, partial || before);
        return;
      }
      default:
        return;
    }
  });
  // 「5000000 0.8 B 1y」: a line of fee parameters; its one large bare number is the loan.
  if (facts.loanAmount === undefined && bareNumbers.length === 1 && (facts.guaranteeRatio !== undefined || facts.periodMonths !== undefined)) {
    facts.loanAmount = bareNumbers[0] as number;
  }
  // 「其中3000萬是承攬公共工程用的額外額度」: an amount said to be the part of what is used that is on the extra quota.
  const extra = words.extraQuotaUsed;
  if (extra) {
    for (const m of mentions) {
      if (m.unit !== 'amount' || !extra.partOf.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      const rest = text.slice(m.end).split(/[。！!？?\n]/u)[0] ?? '';
      if (!extra.quota.test(rest)) continue;
      facts.extraUsedAmount = m.value;
      for (const key of ['loanAmount', 'usedAmount', 'workingCapitalBalance'] as const) if (facts[key] === m.value) delete facts[key];
      // (「那1.1億裡面有2500萬是…」: the amount it is part of is what is used in all.)
      const whole = mentions.filter((o) => o.unit === 'amount' && o.end <= m.index && extra.partOf.test(text.slice(o.end, m.index))).at(-1);
      if (whole) {
        for (const key of ['loanAmount', 'workingCapitalBalance'] as const) if (facts[key] === whole.value) delete facts[key];
        facts.usedAmount = whole.value;
      }
      break;
    }
  }
  // 「餘額2600萬，這次想再借四百萬週轉，加起來3000萬」: an amount that is the balance and the added loan summed is their
  // total, no loan of its own.
  if (facts.workingCapitalBalance !== undefined && facts.addedAmount !== undefined && facts.loanAmount === facts.workingCapitalBalance + facts.addedAmount) delete facts.loanAmount;
  // 「週轉餘額含這筆共700萬」「總共欠銀行600w(含這次要借的200w)」: the balance told already counts the loan told with it.
  if (facts.workingCapitalBalance !== undefined && facts.loanAmount !== undefined && words.balanceIncludesLoan.test(text)) facts.balanceIncludesLoan = true;
  // 「營業額600萬，週轉借款420萬」: beside a revenue, a 週轉 borrowing is the balance the 營授比 divides.
  if (facts.annualRevenue !== undefined && facts.workingCapitalBalance === undefined && facts.loanAmount !== undefined && words.balanceBesideRevenue.test(text)) {
    facts.workingCapitalBalance = facts.loanAmount;
    delete facts.loanAmount;
  }
  // 「承擔的金額（已乘保證成數）為315萬」: an amount said to have the ratio applied is the guaranteed amount.
  if (facts.loanAmount !== undefined && facts.guaranteedAmount === undefined && words.guaranteedMarkers?.test(text)) {
    facts.guaranteedAmount = facts.loanAmount;
    delete facts.loanAmount;
  }
  // 「送保金額260萬，成數八成」: with a ratio for the case, the amount is the loan the ratio applies to.
  if (facts.guaranteedAmount !== undefined && facts.loanAmount === undefined && facts.guaranteeRatio !== undefined && !words.guaranteedMarkers?.test(text)) {
    facts.loanAmount = facts.guaranteedAmount;
    delete facts.guaranteedAmount;
  }
  // 「公司去年才開」「半年前開了咖啡店」: a founding time said relative to now gives the business's age, as an estimate.
  const ago = facts.businessAgeMonths === undefined && facts.foundedDate === undefined ? monthsAgoIn(text, words) : undefined;
  if (ago?.months !== undefined) set('businessAgeMonths', ago.months, true);
  const corrections = correctionsOf(mentions, retracted);
  const statedRate = [...rates][0];
  return { facts, approximate, ...(corrections.length > 0 ? { corrections } : {}), ...(ago?.uncued !== undefined ? { monthsAgoUncued: ago.uncued } : {}), ...(sinceDisaster !== undefined ? { sinceDisasterMonths: sinceDisaster } : {}), ...(Object.keys(yearless).length > 0 ? { yearlessDates: yearless } : {}), ...(periods.length > 1 ? { periods } : {}), ...(ratios.length > 1 ? { ratios } : {}), ...(ratioBound ? { ratioBound } : {}), ...(loanByDefault && facts.loanAmount !== undefined ? { loanByDefault } : {}), ...(statedRate !== undefined ? { statedRate } : {}), ...(rateHeard ? { rateHeard } : {}), ...(ratioHeard !== undefined && facts.guaranteeRatio === ratioHeard ? { ratioHeard: true } : {}), ...(rates.size > 1 ? { rates: [...rates] } : {}) };
}

/** Each figure taken back, with the nearest figure of its kind not taken back (the one said instead). */
function correctionsOf(mentions: Mention[], retracted: ReadonlySet<number>): Correction[] {
  return [...retracted].map((i) => {
    const m = mentions[i]!;
    const kind = correctionKind(m)!;
    const told = mentions
      .map((o, j) => ({ o, j }))
      .filter(({ o, j }) => !retracted.has(j) && correctionKind(o) === kind)
      .sort((a, b) => Math.abs(a.j - i) - Math.abs(b.j - i))[0]?.o;
    return { kind, instead: correctionValue(m), ...(told ? { told: correctionValue(told) } : {}) };
  });
}

/**
 * 「去年才開」「三個月前開的」: the months ago a word or a time before 前 says, when a founding word is within the set distance;
 * else (uncued) the first time before 前 said with none near, not taken back.
 */
function monthsAgoIn(text: string, roles: RoleWords): { months?: number; uncued?: number } | undefined {
  const words = roles.yearsAgo;
  if (!words) return undefined;
  const cues = [...text.matchAll(words.cue)].map((c) => ({ start: c.index, end: c.index + c[0].length }));
  // (A cue holding the word itself, 「店剛開」's 剛開, is as near as can be.)
  const near = (start: number, end: number) =>
    cues.some((c) => (c.start >= end && c.start - end <= words.within) || (c.end <= start && start - c.end <= words.within) || (c.start <= start && c.end >= end));
  const found: Array<{ at: number; months: number }> = [];
  for (const match of text.matchAll(words.word)) {
    const years = words.years.get(match[0]);
    if (years !== undefined && near(match.index, match.index + match[0].length)) found.push({ at: match.index, months: years * 12 });
  }
  // 「六年前就登記了」「3年前成立」「一年半前」「半年前」「三個月前開的」: a time before 前, with a founding word as near.
  // (A counted time says more than a word: 「我剛翻營業登記 公司其實是7年前就設立了」 is seven years, not 剛.)
  const counted: typeof found = [];
  let uncued: number | undefined;
  for (const match of text.matchAll(TIME_BEFORE)) {
    const [, years, half, months, halfYear] = match;
    const count = parseChineseNumber((years ?? months ?? '0') as string);
    const total = halfYear !== undefined ? 6 : months !== undefined ? count : count === undefined ? undefined : count * 12 + (half ? 6 : 0);
    if (total === undefined || isRetracted(text, match.index)) continue;
    if (near(match.index, match.index + match[0].length)) counted.push({ at: match.index, months: total });
    else uncued ??= total;
  }
  // (Of times alike, the first said is the time: 「兩個月前剛登記」 is two months, not the 剛 after it.)
  const months = (counted.length > 0 ? counted : found).sort((a, b) => a.at - b.at)[0]?.months;
  return months !== undefined ? { months } : uncued !== undefined ? { uncued } : undefined;
}

/** Below this a percentage is a fee rate, not a guarantee ratio, unless the ratio is named right before it (「成數1%」). */
const FEW_PERCENT = 5;
const RATIO_NAME_REACH = 6;
const RATIO_NAMED = /成數|比率|比例/u;

const TIME_BEFORE = new RegExp(`(?:(${NUMERAL})\\s*年(半)?(?:多)?|(${NUMERAL})\\s*個?多?月(?:多)?|(半)年(?:多)?)(?:以前|之前|前)`, 'g');
