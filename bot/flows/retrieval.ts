import type { Domain } from '../../domain/index.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { KnowledgeSection } from '../../knowledge/schema.ts';
import type { SearchHit } from '../../knowledge/search.ts';
import { plainText } from '../compose/citations.ts';
import { formatRocDate } from '../compose/format.ts';
import { reply, sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import { englishToChinese } from '../understand/english.ts';
import { PROGRAMMES } from '../../rules/programmes.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { canonical, coverage, matchForm } from './passage-terms.ts';
import { notInDocuments } from './problems.ts';

const MIN_CONFIDENCE = 0.34;
const MAX_PASSAGES = 3;

interface Passage {
  text: string;
  order: number;
  score: number;
}

/**
 * What the retrieval flow decided for a question: the section and passages it quotes, or that the documents
 * do not answer it. `npm run bench:search` measures this same decision.
 */
export type RetrievalChoice =
  | {
      covered: true;
      section: KnowledgeSection;
      /** The passages quoted, in the section's order (a table's unit line first when rows are quoted). */
      quoted: string[];
      /** The passage that answers best: what recall@1 measures. */
      top: string;
      /** Other sections quoted too (several things named). */
      others: SectionChoice[];
      best: SectionChoice;
      missingYears: string[];
    }
  | { covered: false; nearest?: SearchHit; missingYears?: string[]; section?: KnowledgeSection };

export function retrievalChoice(ctx: FlowContext): RetrievalChoice {
  // A follow-up (「跟110年比呢？」) is searched alone and with the question it continues; the surer reading wins.
  const readings = [searchQuery(ctx), ...(continuesTopic(ctx) ? [`${englishToChinese(ctx.state.topic!)} ${searchQuery(ctx)}`] : [])]
    .map((query) => ({ query, choices: sectionsFor(ctx, query) }))
    .sort((a, b) => (b.choices[0]?.confidence ?? 0) - (a.choices[0]?.confidence ?? 0));
  const { query, choices } = readings[0]!;
  const best = choices[0];
  if (!best || best.confidence < MIN_CONFIDENCE || !hasEvidence(ctx.domain, ctx.merged.asks, best.passages)) {
    return { covered: false, ...(best?.hit ? { nearest: best.hit } : {}) };
  }
  // 「專案保證、批次保證、直接保證分別是哪年推出的？」 names several things: quote each one's section.
  const others = ctx.understanding.modifiers.several
    ? choices.slice(1).filter((c) => c.confidence >= Math.max(MIN_CONFIDENCE, best.confidence * 0.5)).slice(0, 2)
    : [];
  const { section, passages } = best;
  const strongest = [...passages].sort((a, b) => b.score - a.score || a.order - b.order)[0];
  if (others.length > 0) return { covered: true, section, quoted: passages.map((p) => p.text), top: strongest?.text ?? '', others, best, missingYears: [] };
  const list = ctx.understanding.modifiers.list ? listItems(section.text) : [];
  const extreme = ctx.understanding.modifiers.superlative !== undefined
    ? extremeRow(section, queryGrams(query, ctx.domain), ctx.understanding.modifiers.superlative === 'least')
    : undefined;
  const rows = list.length >= 3 ? list : extreme ? [extreme] : passages.map((p) => p.text);
  const quoted = withUnit(section, rows);
  const missingYears = yearsNotCovered(ctx.understanding.years, `${section.title}${section.heading}${quoted.join('')}`);
  // 「2023年保證了幾件？」 when the documents stop at 2022: another year's figure would read as the answer.
  if (missingYears.length > 0 && missingYears.length === ctx.understanding.years.length) return { covered: false, missingYears, section };
  const top = extreme ?? strongest?.text ?? rows[0] ?? '';
  return { covered: true, section, quoted, top, others, best, missingYears };
}

/**
 * Answers from the documents: finds the best sections, then quotes the passages in them that match the
 * question best (figures stay exactly as written), with the section as citation.
 */
export function retrievalAnswer(ctx: FlowContext): FlowResult {
  const choice = retrievalChoice(ctx);
  if (!choice.covered) {
    if (choice.missingYears && choice.section) return yearsNotInDocuments(ctx, choice.missingYears, choice.section);
    return cannotAnswer(ctx, choice.nearest);
  }
  const { section, quoted, others, best, missingYears } = choice;
  if (others.length > 0) return severalSections(ctx, [best, ...others]);
  const citation = ctx.cite.forSection(section, quoted.join(' '));
  const superseded = section.supersededFrom && section.supersededFrom <= ctx.asOf;
  const ended = section.effectiveTo !== null && section.effectiveTo < ctx.asOf;
  const result = answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        missingYears.length ? `注意：目前收錄的文件沒有 ${missingYears.join('、')} 年的資料；以下是最接近的內容，如需該年度資料請洽信保基金：${serviceLinesText(ctx.service)}。` : undefined,
        // An ended plan is history: the reader learns that before reading its figures.
        ended ? `注意：本文件適用期間至${formatRocDate(section.effectiveTo!)}，已屆期；以下為當時的規定，不是現行規定。` : undefined,
        `依《${section.title}》〈${section.heading}〉：`,
        ...quoted.map((q) => `「${q}」`),
        superseded ? supersededNote(ctx, section) : undefined,
        sourcesLine([citation]),
      ],
      citations: [citation],
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
    },
    { task: 'fact_lookup', asks: ctx.merged.asks },
    [section.text],
  );
  return best.confidence < 0.5 || missingYears.length > 0 ? { ...result, outcome: 'low_confidence' } : result;
}

/** The sections worth quoting for one reading of the question, best first. */
function sectionsFor(ctx: FlowContext, query: string): SectionChoice[] {
  const defining = ctx.merged.asks.includes('definition');
  const ranking = ctx.understanding.modifiers.superlative !== undefined;
  // 「莫拉克…計畫（核定本）的總經費？」 names a document: look inside it for the rest of the question.
  const named = namedDocument(ctx, query);
  if (named) {
    const inside = sectionsWithin(ctx, named.documentId, named.rest, defining, ranking);
    if (inside.length > 0 && inside[0]!.confidence >= MIN_CONFIDENCE) return inside;
  }
  return sectionsWithin(ctx, undefined, query, defining, ranking);
}

function sectionsWithin(ctx: FlowContext, documentId: string | undefined, query: string, defining: boolean, ranking: boolean): SectionChoice[] {
  const grams = queryGrams(query, ctx.domain);
  // A figure alone (「保120%」) matches any passage that happens to hold it; words must match too.
  if (![...grams].some((g) => /\p{Script=Han}/u.test(g))) return [];
  // A definition sits in the section headed by the term, and a ranking in a table; either can sit below the top 3.
  const limit = documentId ? 10 : defining || ranking ? 8 : 3;
  const hits = ctx.sources.index
    .search(query, { limit: documentId ? 40 : limit, asOf: ctx.asOf, includeHistory: true })
    .filter((hit) => !documentId || hit.documentId === documentId)
    .slice(0, limit);
  return rankSections(ctx, hits, grams, askedGrams(ctx, query), {
    wantsContact: ctx.merged.asks.includes('contact'),
    ...(defining ? { term: definedTerm(query, ctx.domain) } : {}),
    wantsTable: ranking,
  });
}

/**
 * A document the question names by (most of) its title, and the question without the title's words.
 * Titles are matched in canonical form, so 「修正批次信用保證要點那份函」 names 修正「批次信用保證要點」函.
 */
function namedDocument(ctx: FlowContext, query: string): { documentId: string; rest: string } | undefined {
  const text = canonical(query);
  for (const { documentId, titleGrams } of titlesOf(ctx.sources.knowledge)) {
    const present = [...titleGrams].filter((g) => text.includes(g)).length;
    if (present / titleGrams.size < 0.7) continue;
    // Drop each character of the question that begins or ends a pair of the title.
    const chars = [...text];
    const keep = chars.map((_, i) => !titleGrams.has(chars.slice(i, i + 2).join('')) && !titleGrams.has(chars.slice(i - 1, i + 1).join('')));
    const rest = chars.filter((_, i) => keep[i]).join('');
    if (/\p{Script=Han}{2}/u.test(rest)) return { documentId, rest };
  }
  return undefined;
}

const titleCache = new WeakMap<KnowledgeBase, Array<{ documentId: string; titleGrams: Set<string> }>>();

/** Each document's title as pairs of its canonical form, worked out once per knowledge version. */
function titlesOf(knowledge: KnowledgeBase): Array<{ documentId: string; titleGrams: Set<string> }> {
  let titles = titleCache.get(knowledge);
  if (!titles) {
    titles = knowledge.documents
      .map((doc) => ({ documentId: doc.meta.id, titleGrams: gramsOf(canonical(doc.meta.title).replace(/[「」《》（）()\s]/g, '')) }))
      .filter((t) => t.titleGrams.size >= 4);
    titleCache.set(knowledge, titles);
  }
  return titles;
}

/** 「跟110年比起來呢？」 after a fact question continues its topic; a question naming its own programme does not. */
function continuesTopic(ctx: FlowContext): boolean {
  const u = ctx.understanding;
  return ctx.state.topic !== undefined && u.programmes.length === 0 && (u.isFollowUp || u.modifiers.continuing);
}

/** The question plus what the conversation knows (the programme's name), so 「那保幾成？」 searches the right topic. */
function searchQuery(ctx: FlowContext): string {
  const text = englishToChinese(ctx.understanding.text);
  const programme = ctx.merged.programme;
  if (!programme || ctx.understanding.programmes.length > 0) return text;
  return `${text} ${programmeName(programme)}`;
}

function programmeName(id: string): string {
  return id.replace(/_/g, ' ');
}

export interface SectionChoice {
  hit: SearchHit;
  section: KnowledgeSection;
  passages: Passage[];
  confidence: number;
}

const PHONE_OR_ADDRESS = /\(?0\d{1,3}\)?[\d-]{6,}|TEL|地址|[市縣][^，。]{1,6}[路街]/;

/**
 * The part of the question that is not a programme's name: what is asked about it (「資格」, 「文件」).
 * A passage about the right programme that says nothing of that does not answer the question.
 */
function askedGrams(ctx: FlowContext, query: string): Set<string> {
  const names = [...ctx.understanding.programmes, ...(ctx.merged.programme ? [ctx.merged.programme] : [])]
    .map((id) => canonical(PROGRAMMES[id].name))
    .join(' ');
  // The canonical form turns an alias (青創) into the official name, so the name's pairs drop out whole.
  return new Set([...gramsOf(canonical(query.replace(ctx.domain.words.queryFiller, ' ')))].filter((g) => !names.includes(g)));
}

/** Words that show a passage speaks of what was asked: a rate question needs a rate in the answer. */
/** Every ask with evidence words (domain/registry/asks.yaml) must find one in the passages quoted. */
function hasEvidence(domain: Domain, asks: string[], passages: Passage[]): boolean {
  const patterns = asks.map((a) => domain.asks.evidence[a]).filter((p): p is RegExp => p !== undefined);
  if (patterns.length === 0 || patterns.length < asks.length) return true;
  const text = passages.map((p) => p.text).join('\n');
  return patterns.some((p) => p.test(text));
}


/** One answer quoting the best passages of several sections, each cited. */
function severalSections(ctx: FlowContext, choices: SectionChoice[]): FlowResult {
  const parts = choices.map((c) => ({ choice: c, citation: ctx.cite.forSection(c.section, c.passages.map((p) => p.text).join(' ')) }));
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        ...parts.flatMap(({ choice }) => [`依《${choice.section.title}》〈${choice.section.heading}〉：`, ...choice.passages.map((p) => `「${p.text}」`)]),
        sourcesLine(parts.map((p) => p.citation)),
      ],
      citations: parts.map((p) => p.citation),
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
    },
    { task: 'fact_lookup', asks: ctx.merged.asks },
    choices.map((c) => c.section.text),
  );
}

/** The sections worth quoting, best first. */
function rankSections(
  ctx: FlowContext,
  hits: SearchHit[],
  grams: Set<string>,
  asked: Set<string>,
  wants: { wantsContact: boolean; term?: string | undefined; wantsTable: boolean },
): SectionChoice[] {
  const { wantsContact, term, wantsTable } = wants;
  const choices: SectionChoice[] = [];
  const newest = ctx.understanding.modifiers.current ? newestIssued(ctx) : undefined;
  for (const [rank, hit] of hits.entries()) {
    const section = ctx.sources.knowledge.sections.find((s) => s.id === hit.sectionId);
    if (!section) continue;
    const passages = bestPassages(section, grams, wantsContact);
    const heading = matchForm(section.heading);
    const quoted = matchForm(passages.map((p) => p.text).join('\n'));
    const headingCover = coverage(heading, grams);
    const passageCover = coverage(quoted, grams);
    // Staff attached this question to the section as an example: it answers it, whatever words they share.
    const attached = hit.example !== undefined ? 1 : 0;
    if (!attached && asked.size > 0 && coverage(`${heading}${quoted}`, asked) === 0) continue;
    // Search rank leads; passage and heading coverage decide how sure the answer is.
    const contactBonus = wantsContact && passages.some((p) => PHONE_OR_ADDRESS.test(p.text)) ? 0.2 : 0;
    // A section a later rule replaced answers only when no current one does as well.
    const supersededPenalty = isHistory(section, ctx.asOf) ? 0.1 : 0;
    const headedByTerm = term !== undefined && headingTopic(section.heading).startsWith(term) ? 0.5 : 0;
    const definesTerm = term !== undefined && passages.some((p) => defines(p.text, term)) ? 0.3 : 0;
    const rankPenalty = rank * (term === undefined && !wantsTable ? 0.05 : 0.02);
    const tableBonus = wantsTable && rankedColumn(section, grams) !== undefined ? 0.2 : 0;
    // 「現任董事長是誰？」: today's state is in the newest document, not in an older one that happens to match as well.
    const newestBonus = newest !== undefined && section.issued === newest ? 0.3 : 0;
    const confidence =
      Math.max(passageCover, (passageCover + headingCover) / 1.5) - rankPenalty + contactBonus - supersededPenalty + headedByTerm + definesTerm + tableBonus + attached + newestBonus;
    choices.push({ hit, section, passages, confidence });
  }
  return choices.sort((a, b) => b.confidence - a.confidence);
}

/** 「什麼是批次保證？」 → 「批次保證」: the question without its question words, in canonical form. */
function definedTerm(query: string, domain: Domain): string | undefined {
  const term = canonical(query.replace(domain.words.queryFiller, '').replace(/[\s？?。！!，,：:]/g, ''));
  return term.length >= 2 ? term : undefined;
}

/** 「營授比（Business Finance Ratio）：授信總餘額除以…」, 「新創事業（…）…係指」: a passage that defines the term. */
function defines(passage: string, term: string): boolean {
  const text = canonical(passage);
  const at = text.indexOf(term);
  if (at < 0) return false;
  const after = text.slice(at + term.length, at + term.length + 40);
  return /^\s*(?:[（(][^）)]{0,30}[）)]\s*)?[：:]/.test(after) || /^.{0,12}(?:係指|是指|指的是|係)/.test(after);
}

/** A heading without its numbering: 「3. 批次保證(民國92年推出)」 → 「批次保證(民國92年推出)」. */
function headingTopic(heading: string): string {
  return canonical(heading.replace(/^[\s\d.、()（）一二三四五六七八九十壹貳參肆伍陸①-⑳]+/, ''));
}

/** Character bigrams of the question's Chinese runs, and its numbers and Latin words whole. */
/** The question's grams for matching passages, without the words that carry no topic (domain/registry/words.yaml). */
export function queryGrams(query: string, domain: Domain): Set<string> {
  return gramsOf(matchForm(query.replace(domain.words.queryFiller, ' ')));
}

function gramsOf(cleaned: string): Set<string> {
  const grams = new Set<string>();
  for (const run of cleaned.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i += 1) grams.add(run.slice(i, i + 2));
  }
  const words = cleaned.match(/[a-z0-9][a-z0-9.]*/g) ?? [];
  // In an English question the words that matter were already rewritten in Chinese; the rest are filler the
  // documents do not contain. A Latin word or two in a Chinese question (AI, LINE) is a real term.
  const english = words.filter((w) => /^[a-z.]+$/.test(w)).length > 3;
  for (const word of words) if (!english || /\d/.test(word)) grams.add(word);
  return grams;
}

/** Splits a section into sentences, list items and table rows, and keeps the ones that match best, in order. */
function bestPassages(section: KnowledgeSection, grams: Set<string>, wantsContact = false): Passage[] {
  const { units, canonicalUnits } = passagesOf(section);
  const weights = gramWeights(canonicalUnits, grams);
  const scored = units.map((text, order) => {
    const base = score(canonicalUnits[order]!, weights);
    return { text, order, score: wantsContact && PHONE_OR_ADDRESS.test(text) ? base * 1.5 : base };
  });
  const top = [...scored].sort((a, b) => b.score - a.score || a.order - b.order).filter((p) => p.score > 0);
  if (top.length === 0) return scored.slice(0, 1);
  const cutoff = top[0]!.score * 0.3;
  return top
    .filter((p) => p.score >= cutoff)
    .slice(0, MAX_PASSAGES)
    .sort((a, b) => a.order - b.order);
}

/** Words that appear in every row of a table (「銀行」 in a bank list) tell rows apart less than rare ones. */
function gramWeights(units: string[], grams: Set<string>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const g of grams) {
    const df = units.filter((u) => u.includes(g)).length;
    // Near zero for a pair in every passage (a table's header repeated on each row), high for a rare one.
    weights.set(g, g.length * Math.log((units.length + 1) / (df + 0.5)));
  }
  return weights;
}

function score(text: string, weights: Map<string, number>): number {
  let s = 0;
  for (const [g, w] of weights) if (text.includes(g)) s += w;
  return s / Math.sqrt(Math.max(20, text.length) / 20);
}


interface Table {
  header: string[];
  rows: string[][];
}

/** The Markdown tables of a section, as cells. */
function tablesOf(markdown: string): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  for (const raw of markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\|?\s*:?-{3,}/.test(line)) continue;
    const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => plainText(c).trim());
    if (!current) tables.push((current = { header: cells, rows: [] }));
    else current.rows.push(cells);
  }
  return tables;
}

const TOTAL_ROW = /合\s*計|總\s*計|小\s*計|總額|total/i;

/**
 * 「哪個行業的保證餘額最多？」: the row with the largest (or smallest) figure in the column the question names,
 * as 「header：row」 like any other table passage. Totals are not candidates.
 */
function extremeRow(section: KnowledgeSection, grams: Set<string>, smallest: boolean): string | undefined {
  const found = rankedColumn(section, grams);
  if (!found) return undefined;
  const { table, column } = found;
  const candidates = table.rows.filter((r) => !TOTAL_ROW.test(r[0] ?? '') && parseCell(r[column]) !== undefined);
  if (candidates.length < 2) return undefined;
  const pick = candidates.reduce((a, b) => {
    const [x, y] = [parseCell(a[column])!, parseCell(b[column])!];
    return (smallest ? y < x : y > x) ? b : a;
  });
  return `${table.header.join(' ')}：${pick.join(' ')}`;
}

/** A table column of figures whose header the question names (「保證餘額」, 「結構比」): what a ranking ranks. */
function rankedColumn(section: KnowledgeSection, grams: Set<string>): { table: Table; column: number } | undefined {
  for (const table of tablesOf(section.text)) {
    const column = table.header.findIndex(
      (title, i) => i > 0 && table.rows.some((r) => parseCell(r[i]) !== undefined) && [...grams].some((g) => g.length > 1 && matchForm(title).includes(g)),
    );
    if (column > 0) return { table, column };
  }
  return undefined;
}

function parseCell(cell: string | undefined): number | undefined {
  const m = /^-?[\d,]+(?:\.\d+)?%?$/.exec((cell ?? '').replace(/\s+/g, ''));
  return m ? Number(m[0].replace(/[,%]/g, '')) : undefined;
}

/** Table rows read with the table's unit (「金額單位：新臺幣百萬元」), which the rows themselves do not carry. */
function withUnit(section: KnowledgeSection, quoted: string[]): string[] {
  if (!quoted.some((q) => /：[^：\n\r\u2028\u2029]*\d/.test(q) && tablesOf(section.text).length > 0)) return quoted;
  const unit = section.text.split('\n').map((l) => plainText(l).trim()).find((l) => /單位/.test(l) && l.length <= 60);
  return unit && !quoted.includes(unit) ? [unit, ...quoted] : quoted;
}

/** Years the question names (民國113年, 2025) that the answer's text does not mention in either calendar. */
function yearsNotCovered(years: number[], answerText: string): string[] {
  const text = answerText.replace(/\s+/g, '');
  return years
    .filter((ad) => !text.includes(`${ad - 1911}年`) && !text.includes(String(ad)))
    .map((ad) => `民國${ad - 1911}（${ad}）`);
}

function listItems(markdown: string): string[] {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^([-*]\s|[①-⑳]|\d+[.、]|[A-Z][.．])/.test(l))
    .map((l) => plainText(l));
}

const LONG_LINE = 160;

/** 「高屏服務中心」, 「臺北本部」: a few characters with no punctuation or figures. */
function isLabel(text: string): boolean {
  return text.length <= 12 && !/[\d，。：:、；（）()]/.test(text);
}

const passageCache = new WeakMap<KnowledgeSection, { units: string[]; canonicalUnits: string[] }>();

/** A section's passages and their canonical forms, computed once per section (per knowledge version). */
function passagesOf(section: KnowledgeSection): { units: string[]; canonicalUnits: string[] } {
  let cached = passageCache.get(section);
  if (!cached) {
    const units = passages(section.text);
    cached = { units, canonicalUnits: units.map(matchForm) };
    passageCache.set(section, cached);
  }
  return cached;
}

function passages(markdown: string): string[] {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  let header: string | undefined;
  let labelOpen = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('|')) {
      labelOpen = false;
      if (/^\|?\s*:?-{3,}/.test(line)) continue;
      const row = plainText(line).replace(/\s+/g, ' ').trim();
      if (header === undefined) header = row;
      else out.push(`${header}：${row}`);
      continue;
    }
    header = undefined;
    const text = plainText(line);
    // A short label line (「高屏服務中心」) belongs with the short lines under it (its address and phone).
    if (isLabel(text)) {
      labelOpen = true;
      out.push(text);
      continue;
    }
    if (labelOpen && text.length <= LONG_LINE && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]}　${text}`;
      continue;
    }
    labelOpen = false;
    // A list item or short paragraph stays whole (its second sentence often holds the figure); long ones split.
    if (text.length <= LONG_LINE) {
      if (text.length > 1) out.push(text);
      continue;
    }
    for (const sentence of text.split(/(?<=[。；])/)) {
      const s = sentence.trim();
      if (s.length > 1) out.push(s);
    }
  }
  return out;
}

/** Replaced by a later rule, or in a document whose period has ended. */
/** The issue date of the newest document in force at the date asked. */
function newestIssued(ctx: FlowContext): string | undefined {
  const dates = ctx.sources.knowledge.documents
    .map((d) => d.meta.issued)
    .filter((issued): issued is string => issued !== null && issued <= ctx.asOf);
  return dates.sort().at(-1);
}

function isHistory(section: KnowledgeSection, asOf: string): boolean {
  return (section.supersededFrom !== undefined && section.supersededFrom <= asOf) || (section.effectiveTo !== null && section.effectiveTo < asOf);
}

/** 「注意：本段部分內容自民國103年12月15日起已由《…》修正：保證成數由…改為…」, from the later document's front matter. */
function supersededNote(ctx: FlowContext, section: KnowledgeSection): string {
  for (const doc of ctx.sources.knowledge.documents) {
    for (const entry of doc.meta.supersedes) {
      if (entry.document !== section.documentId || (entry.section && entry.section !== section.heading)) continue;
      const since = entry.from ?? section.supersededFrom;
      return `注意：本段內容自${since ? formatRocDate(since) : '較新文件發布'}起已由《${doc.meta.title}》修正${entry.note ? `：${entry.note}` : ''}。`;
    }
  }
  return `注意：本段自 ${section.supersededFrom} 起已由較新的規定取代，請以新規定為準。`;
}

/** The documents have nothing for the years asked: say so, with the service lines, and quote nothing. */
function yearsNotInDocuments(ctx: FlowContext, years: string[], nearest: KnowledgeSection): FlowResult {
  return notInDocuments(ctx, {
    lines: [
      `目前收錄的文件沒有 ${years.join('、')} 年的資料，我無法提供該年度的數字，以免提供錯誤的資訊。最接近的資料在《${nearest.title}》。`,
      `如需該年度資料，請洽信保基金：${serviceLinesText(ctx.service)}`,
    ],
    quickReplies: ['111年的保證件數？', '客服電話？'],
    state: { task: 'fact_lookup', asks: ctx.merged.asks },
  });
}

/** Says plainly that the sources do not answer this, and where to ask: the service lines from the knowledge. */
export function cannotAnswer(ctx: FlowContext, nearest?: SearchHit): FlowResult {
  const service = ctx.service;
  const citations = service.citation ? [service.citation] : [];
  return {
    outcome: 'unanswered',
    replies: [
      reply({
        kind: 'fallback',
        intent: 'unknown',
        lines: [
          '抱歉，我在目前收錄的信保基金文件中找不到可以確實回答這個問題的內容，為避免提供不正確的資訊，請洽信保基金：',
          serviceLinesText(service),
          nearest ? `（最接近的資料：《${nearest.title}》〈${nearest.section}〉）` : undefined,
          '您也可以問我：保證手續費試算、保證成數、申請資格、批次保證規定等。',
        ],
        citations,
        quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '批次保證手續費率？'],
      }),
    ],
    state: {},
  };
}
