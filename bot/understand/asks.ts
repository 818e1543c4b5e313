import type { Mention, MentionUnit } from './mention.ts';
import { shippedDomain, type AskTopic, type Domain } from '../../domain/index.ts';
import type { Ask } from './types.ts';

/**
 * What a message asks about (words in domain/registry/asks.yaml). A topic word counts unless a figure follows it at once,
 * because then it states a fact instead of asking (「保證成數8成」 states a ratio; 「保證成數最高幾成」 asks one).
 * Fee questions are split here: fee_amount when there is an amount to apply them to.
 */
const CLAUSE = /[^,，。;；!！?？\n]*[,，。;；!！?？\n]?/g;

export interface AskContext {
  mentions: Mention[];
  hasAmount: boolean;
}

/** Figures that, beside a loan, make a line of a case's terms (its period or its rate). */
const TERMS_OF_A_CASE: ReadonlySet<MentionUnit> = new Set(['months', 'years', 'days', 'percent']);

/** The figures that can be a topic's value: 「手續費0.3%」 states a fee, 「手續費一年多少」 still asks one. */
const VALUE_UNITS: Partial<Record<AskTopic, ReadonlySet<MentionUnit>>> = {
  fee: new Set(['percent', 'amount']),
  max_ratio: new Set(['ratio', 'percent']),
  age_limit: new Set(['age']),
  cap_amount: new Set(['amount']),
};

/** Figures that are the value of these topics only: 「保證餘額 111年底多少」 asks the balance at a date, it states none. */
const ONLY_VALUE_OF: Partial<Record<MentionUnit, ReadonlySet<AskTopic>>> = {
  date: new Set<AskTopic>(['effective_date', 'applicable_rules', 'period_limit']),
  phone: new Set<AskTopic>(['contact']),
};

function statesAFigure(topic: AskTopic, start: number, end: number, text: string, mentions: Mention[], changedTo: RegExp): boolean {
  const fits = (m: Mention) => (ONLY_VALUE_OF[m.unit]?.has(topic) ?? true) && (!VALUE_UNITS[topic] || VALUE_UNITS[topic].has(m.unit));
  const next = mentions.find((m) => m.index >= end);
  // (「費率一樣0.75%」「成數也是9成」: the same as before is stated too; 「期限縮短成一年半」 states a new one.)
  const between = next ? text.slice(end, next.index) : '';
  if (next && fits(next) && (/^\s*(?:(?:是|為|为|:|約|大概|有|達|共|一樣是?|也是|同樣是?)\s*)?$/.test(between) || changedTo.test(between))) return true;
  // 「at a 60% 保證成數」「七成的保證成數」: a ratio said just before the word states it too (an amount or rate before
  // 「手續費」 is the loan or the rate the fee is asked of, so only the ratio reads this way).
  if (topic !== 'max_ratio') return false;
  const previous = mentions.findLast((m) => m.end <= start);
  return previous !== undefined && fits(previous) && /^(?:的|之)?$/.test(text.slice(previous.end, start).trim());
}

/** Clause spans of the text, each with whether it asks something. */
function clauses(text: string, question: RegExp): Array<{ index: number; end: number; asking: boolean }> {
  return [...text.matchAll(CLAUSE)].filter((c) => c[0].length > 0).map((c) => ({ index: c.index, end: c.index + c[0].length, asking: question.test(c[0]) }));
}

/** The doing a question of when asks about, said in a clause of its own before it. */
const DOING = /申請|提出|送達|送件/u;

/** What a question of when something is done asks (asks.yaml `asks_when_done`): how and when to do it. */
const WHEN_DONE_ASK = 'procedure';

/**
 * Where a question of when something is done is asked (asks.yaml `asks_when_done`: 「每年幾月要申請」, `cues`), and what
 * is done, which follows or comes before it in its clause (「下一年度的批號跟代償最高限額」, `done`): those words are not
 * asked, unless a question word is among them.
 */
function whenDone(text: string, domain: Domain): { cues: Array<[number, number]>; done: Array<[number, number]> } {
  const spans = clauses(text, domain.intents.question);
  const cues: Array<[number, number]> = [];
  const done: Array<[number, number]> = [];
  for (const m of text.matchAll(domain.asks.asksWhenDone)) {
    const end = m.index + m[0].length;
    cues.push([m.index, end]);
    const clause = spans.find((c) => m.index >= c.index && m.index < c.end);
    if (clause && !domain.asks.interrogative.test(text.slice(end, clause.end))) done.push([end, clause.end]);
    // (So is what is done written before it: 「下一年度的批號跟代償限額大概每年幾月要送申請」, also in the clause before,
    // when that one says the doing and asks nothing: 「要申請下一年度的批號跟代償最高限額，每年是幾月要提出」.)
    if (clause && m.index > clause.index && !domain.asks.interrogative.test(text.slice(clause.index, m.index))) done.push([clause.index, m.index]);
    const previous = clause ? spans.filter((c) => c.end <= clause.index).at(-1) : undefined;
    const said = previous ? text.slice(previous.index, previous.end) : '';
    if (previous && DOING.test(said) && !domain.asks.interrogative.test(said)) done.push([previous.index, previous.end]);
  }
  return { cues, done };
}

/**
 * The text with what is done after a question of when (whenDone) blanked out: it asks for no kind of thing. So is the
 * year asked with a highest or lowest (「哪一年度經費編最多」, intents.yaml `which_year`): the year is the table's column
 * where the figure is highest, and the figure is what a passage must carry, not a date.
 */
export function withoutWhatIsDone(text: string, domain: Domain = shippedDomain()): string {
  let out = text;
  for (const [start, end] of whenDone(text, domain).done) out = `${out.slice(0, start)}${' '.repeat(end - start)}${out.slice(end)}`;
  return asksExtremeYear(text, domain) ? out.replace(new RegExp(domain.modifiers.whichYear!.source, 'gu'), (year) => ' '.repeat(year.length)) : out;
}

/** 「哪一年最多」「最高跟最低是哪幾年」: a year asked together with a highest or lowest. */
export function asksExtremeYear(text: string, domain: Domain = shippedDomain()): boolean {
  return domain.modifiers.whichYear !== undefined && domain.modifiers.whichYear.test(text) && (domain.modifiers.most.test(text) || domain.modifiers.least.test(text));
}

export function findAsks(text: string, { mentions, hasAmount }: AskContext, domain: Domain = shippedDomain()): Ask[] {
  const words = domain.asks;
  const found: Array<{ ask: Ask; index: number; topic?: AskTopic }> = [];
  const spans = clauses(text, domain.intents.question);
  // 「…的手續費，也問一下計提率」: the clauses before an 「也問」 asked too.
  const alsoAt = spans.findLastIndex((c) => c.asking && words.also.test(text.slice(c.index, c.end)));
  for (let i = 0; i < alsoAt; i++) spans[i]!.asking = true;
  const asksAnything = spans.some((c) => c.asking);
  const clauseAt = (index: number) => spans.findIndex((c) => index >= c.index && index < c.end);
  const candidates = words.topics.flatMap(({ topic, cue }) =>
    [...text.matchAll(cue)]
      .filter((match) => !statesAFigure(topic, match.index, match.index + match[0].length, text, mentions, words.changedTo))
      .map((match) => ({ topic, word: match[0], index: match.index })),
  );
  // 「批次保證的保證成數上限，在新制前後各是多少？」: a clause that asks without naming what asks about what the clauses
  // just before it set out.
  // (One asking an amount to pay, 「那改五成的話一年要付多少」, asks of its own: 「授權送保只能保五成」 before it is what was told.)
  const named = new Set([...candidates.map((c) => clauseAt(c.index)), ...[...text.matchAll(words.feeAmountQuestions)].map((m) => clauseAt(m.index))]);
  const lends = (clause: number): boolean => {
    for (let next = clause + 1; next < spans.length; next++) if (spans[next]!.asking) return !named.has(next);
    return false;
  };
  // 「批次保證最高保證成數，代償上限每個批號多少」: a clause holding nothing but what is asked (and programme names, 最高…)
  // lists it for the asking clause after it, though that one names its own. (One stating a figure, 「授權送保只能保五成」,
  // or telling of the case, 「我們用授權送保」, does not.)
  const lists = (clause: number): boolean => {
    const span = spans[clause]!;
    if (!spans.slice(clause + 1).some((c) => c.asking)) return false;
    if (mentions.some((m) => m.index >= span.index && m.index < span.end)) return false;
    let rest = text.slice(span.index, span.end);
    for (const c of candidates) if (clauseAt(c.index) === clause) rest = rest.split(c.word).join(' ');
    for (const { name } of domain.programmes.names) if (name.length >= 2) rest = rest.split(name).join(' ');
    for (const word of words.listedWith) rest = rest.split(word).join(' ');
    return !/\p{Script=Han}/u.test(rest);
  };
  const inAskingClause = (index: number) => {
    if (!asksAnything) return true;
    const clause = clauseAt(index);
    return clause >= 0 && (spans[clause]!.asking || lends(clause) || lists(clause));
  };
  const amountOk = hasAmount || words.feeAmountWithFee.test(text);
  // 「授權送保 風險組群C 額度1,250萬 保證成數7成 期間15個月」: a line of a case's figures labels them; it asks nothing of the
  // channel it names.
  const labelsOnly = !asksAnything && hasAmount && mentions.some((m) => TERMS_OF_A_CASE.has(m.unit));
  // 「每年幾月要申請下一年度的批號跟代償最高限額？」 asks when; the 代償最高限額 after it is what is applied for.
  const { cues: whenCues, done } = whenDone(text, domain);
  const within = (ranges: Array<[number, number]>, index: number) => ranges.some(([start, end]) => index >= start && index < end);
  const whatIsDone = (index: number) => within(done, index);
  // (The question of when itself, 「什麼時候要提出」, asks when something is done (procedure), not when a rule took effect.)
  const insideWhenDone = (topic: AskTopic, index: number) => topic !== WHEN_DONE_ASK && within(whenCues, index);
  // 「這個額外的額度可以走授權送保嗎」: a phrase pointing back at what was discussed names it; when its clause asks something
  // else, what its words would ask is not asked. (Asked how it is worked out, 「這個利率怎麼算」, it is what is asked.)
  const pointed = referentSpans(text, words.referent);
  const asksElse = (topic: AskTopic, index: number) => candidates.some((other) => other.topic !== topic && !words.referent.askedOf.has(other.topic) && !within(pointed, other.index) && clauseAt(other.index) === clauseAt(index));
  for (const { topic, word, index } of candidates) {
    if (!words.interrogative.test(word) && !inAskingClause(index)) continue;
    if (within(pointed, index) && asksElse(topic, index)) continue;
    if (whatIsDone(index) || insideWhenDone(topic, index)) continue;
    if (labelsOnly && !words.interrogative.test(word) && words.labelsWhenStating.has(topic)) continue;
    // 「依公告的費率，手續費多少？」 with a loan asks both the rate and the amount; 「費率多少」 alone asks the rate.
    const read = hasAmount ? topic : words.withoutAmount[topic] ?? topic;
    const ask: Ask = read !== 'fee' ? read : word.endsWith('率') || !amountOk ? 'fee_rate' : 'fee_amount';
    if (!found.some((f) => f.ask === ask)) found.push({ ask, index, topic });
  }
  // 「信保手續費可以退嗎」「批保手續費是誰收的」: the fee is what a refund or a collector is asked of, not what is asked
  // (asks.yaml ask_subjects).
  const subjectOnly = (f: { topic?: AskTopic; index: number }) => {
    const clause = spans[clauseAt(f.index)];
    if (f.topic === undefined || !clause) return false;
    const words_ = text.slice(clause.index, clause.end);
    return words.askSubjects.some(({ ask, said, subjects, unless }) => {
      if (!subjects.has(f.topic!) || unless.test(words_)) return false;
      return ask !== undefined ? found.some((other) => other.topic === ask && clauseAt(other.index) === clauseAt(f.index)) : said!.test(words_);
    });
  };
  found.splice(0, found.length, ...found.filter((f) => !subjectOnly(f)));
  // 「要繳多少錢？」 asks for a fee only about a loan or a fee: 「展延預估多少錢？」 asks for a figure in the documents.
  // (So does a sum asked by the year with nothing else asked, 「那簽了具結書以後一年要繳多少」「那C組的話一年多少」: a yearly
  // payment is the fee.)
  const yearly = found.length === 0 && words.perYear.test(text);
  if (yearly && !hasAmount && /多少/u.test(text)) found.push({ ask: 'fee_amount', index: text.search(words.perYear) });
  const aboutFees = hasAmount || found.some((f) => f.ask === 'fee_rate') || yearly;
  // 「最多被保多少錢」 asks the guaranteed amount in money: 「多少錢」 there is that amount, not a fee.
  const moneyAsked = found.some((f) => f.ask === 'fee_amount' || f.ask === 'guaranteed_amount');
  if (!moneyAsked && aboutFees && words.feeAmountQuestion.test(text)) {
    found.push({ ask: 'fee_amount', index: text.search(words.feeAmountQuestion) });
  }
  // 「批保的手續費率是什麼」 asks for the rate, not a definition; 「營授比怎麼算」 asks for one.
  const isVague = (f: { ask: Ask; index: number }) =>
    f.ask === 'definition' &&
    words.vagueDefinition.test(text.slice(f.index, f.index + 4)) &&
    found.some((other) => other.ask !== 'definition' && clauseAt(other.index) === clauseAt(f.index) && !spaceApart(text, f.index, other.index));
  const kept = found.filter((f) => !isVague(f));
  return [...new Set(kept.sort((a, b) => a.index - b.index).map((f) => f.ask))];
}

/** Where phrases pointing back at what was discussed run: from 這個/那筆… to the word ending them (可以, 是, 要…), within a few characters. */
function referentSpans(text: string, referent: Domain['asks']['referent']): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const open of text.matchAll(referent.opens)) {
    const start = open.index + open[0].length;
    const rest = text.slice(start, start + referent.within + 1);
    const end = [...rest.matchAll(referent.ends)].find((m) => m.index > 0);
    if (end && !/[，,。？?！!；;\s]/.test(rest.slice(0, end.index))) spans.push([open.index, start + end.index]);
  }
  return spans;
}

/**
 * 「火金姑貸款是啥 要誰推薦才能用」: a definition asked of a subject before it, then a space and another question, is a
 * question of its own. (「是什麼 費率」, read from English, has no subject before it and stays one question.)
 */
function spaceApart(text: string, definition: number, other: number): boolean {
  if (other < definition || !/\s/.test(text.slice(definition, other))) return false;
  const segmentStart = Math.max(text.lastIndexOf(' ', definition - 1), text.lastIndexOf('\t', definition - 1)) + 1;
  return definition > segmentStart;
}
