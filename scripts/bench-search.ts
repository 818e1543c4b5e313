/**
 * Retrieval quality and speed, measured on the passage the bot finally quotes.
 *
 * Over test/knowledge/passage-queries.yaml (the tuning slice) and every passage-queries-heldout*.yaml (never fixed
 * against), reported separately:
 *   - passage recall@1: the retrieval flow's own choice (bot/flows/retrieval.ts retrievalChoice, through
 *     probeRetrieval) quotes, as its strongest passage, the labelled passage of the labelled section;
 *   - section recall@3: the labelled section is among the first three sections search returns;
 *   - "not covered" precision and recall: the flow says the documents do not answer exactly when they do not;
 *   - search latency p50/p99 (one search call, snippets included) and the whole choice's latency;
 *   - on the real knowledge, the same asked of the whole bot (`answer`): what the user finally sees, whichever flow
 *     answers (a rule parameter's line cites the section its figure comes from). A hit cites the labelled section
 *     first and shows the labelled passage (a table row: each of its cells) in the reply or the first citation's
 *     excerpt; "not covered" is a fallback reply, one citing nothing, or one saying the documents do not give it.
 * The same on a knowledge base 100 times larger: the real documents plus distinct generated ones (their own
 * titles, headings, tables, lists and figures, in the fund's vocabulary), so the real passages must win
 * against many plausible distractors. Prints figures; asserts nothing.
 *
 *   npm run bench:search [-- --misses] [-- --real-only]
 */
import { performance } from 'node:perf_hooks';
import { choiceAnswers, probeRetrieval } from '../bot/flows/retrieval-probe.ts';
import { createBot } from '../bot/index.ts';
import type { Sources } from '../bot/sources.ts';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.ts';
import { loadPassageQuerySlices, quoteForm, type PassageQuery } from '../knowledge/retrieval-quality.ts';
import type { KnowledgeDocument, KnowledgeSection } from '../knowledge/schema.ts';
import { createSearchIndex } from '../knowledge/search.ts';
import { loadParameters } from '../rules/load.ts';

const SCALE = 100;
const PROGRAMME_KINDS = ['貸款', '專案貸款', '優惠保證措施', '融資保證', '信用保證專案', '紓困貸款'];
const ISSUERS = ['財團法人中小企業信用保證基金', '經濟部中小企業處', '行政院', '金融監督管理委員會', '經濟部'];
const DOCUMENT_KINDS = ['作業要點', '實施要點', '修正函', '公告', '計畫（核定本）', '說明'];
const CONNECTIVES = ['應', '得', '以', '不得超過', '最高', '由', '依', '合計', '調整為'];
const TABLE_KEYS = ['項目', '年度', '單位', '類別', '地區'];
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const LATENCY_ROUNDS = 5;
const AS_OF = '2026-11-22';
const showMisses = process.argv.includes('--misses');
const realOnly = process.argv.includes('--real-only');

const [knowledge, rules] = await Promise.all([loadKnowledge('knowledge/documents'), loadParameters('rules/parameters')]);
const slices = await loadPassageQuerySlices('test/knowledge', knowledge.sections);
console.log(
  `${Object.entries(slices).map(([name, queries]) => `${queries.length} ${name}`).join(' + ')} queries; real knowledge: ${knowledge.documents.length} documents, ${knowledge.sections.length} sections\n`,
);

await report('real', knowledge);
if (!realOnly) await report(`synthetic ×${SCALE}`, syntheticKnowledge(knowledge, SCALE));

async function report(name: string, base: KnowledgeBase): Promise<void> {
  const started = performance.now();
  const index = createSearchIndex(base);
  const buildMs = performance.now() - started;
  const sources: Sources = { knowledge: base, index, rules, version: name };
  console.log(`== ${name}: ${base.documents.length} documents, ${base.sections.length} sections; index build ${buildMs.toFixed(0)} ms`);
  for (const [slice, queries] of Object.entries(slices)) {
    const quality = measure(sources, queries);
    console.log(`  [${slice}] ${queries.length} queries`);
    console.log(`    passage recall@1      ${percent(quality.passageHits, quality.covered)}  (${quality.passageHits}/${quality.covered})`);
    console.log(`    section recall@3      ${percent(quality.sectionHits, quality.covered)}  (${quality.sectionHits}/${quality.covered})`);
    console.log(`    not covered precision ${percent(quality.truePositives, quality.saidNotCovered)}  (${quality.truePositives}/${quality.saidNotCovered})`);
    console.log(`    not covered recall    ${percent(quality.truePositives, quality.notCovered)}  (${quality.truePositives}/${quality.notCovered})`);
    if (showMisses) for (const miss of quality.misses) console.log(`      ✗ ${miss}`);
    if (name !== 'real') continue;
    const answers = await measureAnswers(sources, queries);
    console.log(`    answer: passage shown ${percent(answers.passageHits, answers.covered)}  (${answers.passageHits}/${answers.covered}); not covered precision ${percent(answers.truePositives, answers.saidNotCovered)}  (${answers.truePositives}/${answers.saidNotCovered}), recall ${percent(answers.truePositives, answers.notCovered)}  (${answers.truePositives}/${answers.notCovered})`);
    if (showMisses) for (const miss of answers.misses) console.log(`      ✗ answer: ${miss}`);
  }
  const all = Object.values(slices).flat();
  const search = timings(all, (query) => index.search(searchText(query)));
  const choice = timings(all, (query) => probeRetrieval(sources, query.q, { asOf: AS_OF, ...(query.context ? { context: query.context } : {}) }), 1);
  console.log(`  search p50 / p99       ${quantile(search, 0.5).toFixed(2)} / ${quantile(search, 0.99).toFixed(2)} ms  (${search.length} searches, limit 5, snippets included)`);
  console.log(`  whole choice p50 / p99 ${quantile(choice, 0.5).toFixed(2)} / ${quantile(choice, 0.99).toFixed(2)} ms  (reading the question, searching, choosing the passage)\n`);
}

interface Quality {
  covered: number;
  passageHits: number;
  sectionHits: number;
  notCovered: number;
  saidNotCovered: number;
  truePositives: number;
  misses: string[];
}

function measure(sources: Sources, queries: PassageQuery[]): Quality {
  const q: Quality = { covered: 0, passageHits: 0, sectionHits: 0, notCovered: 0, saidNotCovered: 0, truePositives: 0, misses: [] };
  for (const query of queries) {
    const choice = probeRetrieval(sources, query.q, { asOf: AS_OF, ...(query.context ? { context: query.context } : {}) });
    const asked = query.context ? `${query.context} → ${query.q}` : query.q;
    if (!choice.covered) q.saidNotCovered++;
    if (query.notCovered) {
      q.notCovered++;
      if (!choice.covered) q.truePositives++;
      else q.misses.push(`${asked}: should be not covered, quoted ${choice.section.id} 「${choice.top.slice(0, 60)}」`);
      continue;
    }
    q.covered++;
    const sections = sources.index.search(searchText(query), { limit: 3 }).map((hit) => hit.sectionId);
    if (sections.includes(query.section!)) q.sectionHits++;
    const hit = choiceAnswers(choice, query);
    if (hit) q.passageHits++;
    else if (!choice.covered) q.misses.push(`${asked}: said not covered; wanted ${query.section} 「${query.passage}」`);
    else q.misses.push(`${asked}: quoted ${choice.section.id} 「${choice.top.slice(0, 60)}」; wanted ${query.section} 「${query.passage}」`);
  }
  return q;
}

/** The whole bot asked each query (after its context, in one conversation), judged on the reply the user sees. */
async function measureAnswers(sources: Sources, queries: PassageQuery[]): Promise<Quality> {
  const bot = createBot({ sources: () => sources, now: () => new Date(`${AS_OF}T12:00:00+08:00`) });
  const q: Quality = { covered: 0, passageHits: 0, sectionHits: 0, notCovered: 0, saidNotCovered: 0, truePositives: 0, misses: [] };
  let conversation = 0;
  for (const query of queries) {
    const conversationId = `bench-${++conversation}`;
    const ask = (text: string) => bot.handle({ conversationId, channel: 'web', event: { type: 'message', text } });
    if (query.context) await ask(query.context);
    const replies = await ask(query.q);
    const citations = replies.flatMap((r) => r.citations);
    const shown = quoteForm(`${replies.map((r) => r.text).join('')}${citations[0]?.excerpt ?? ''}`);
    const asked = query.context ? `${query.context} → ${query.q}` : query.q;
    const first = replies[0]?.text.replace(/\s+/g, ' ').slice(0, 70) ?? '';
    // (A reply saying the documents do not answer cites the service lines it points to.)
    const saidNotCovered = citations.length === 0 || replies[0]?.kind === 'fallback' || replies[0]?.notInDocuments === true;
    if (saidNotCovered) q.saidNotCovered++;
    if (query.notCovered) {
      q.notCovered++;
      if (saidNotCovered) q.truePositives++;
      else q.misses.push(`${asked}: should be not covered, cited ${citations[0]!.sectionId ?? citations[0]!.section} 「${first}」`);
      continue;
    }
    q.covered++;
    const cells = query.passage!.split('|').map(quoteForm).filter((c) => c.length > 0);
    if (!saidNotCovered && citations[0]?.sectionId === query.section && cells.every((c) => shown.includes(c))) q.passageHits++;
    else q.misses.push(`${asked}: ${saidNotCovered ? 'said not covered' : `cited ${citations[0]!.sectionId ?? citations[0]!.section}`} 「${first}」; wanted ${query.section} 「${query.passage}」`);
  }
  return q;
}

/** A follow-up is searched with the question it follows (as the flow's second reading of it is). */
function searchText(query: PassageQuery): string {
  return query.context ? `${query.context} ${query.q}` : query.q;
}

function timings(queries: PassageQuery[], run: (query: PassageQuery) => unknown, rounds = LATENCY_ROUNDS): number[] {
  for (const query of queries) run(query);
  const measured: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      run(query);
      measured.push(performance.now() - started);
    }
  }
  return measured;
}

/**
 * The real documents plus generated ones until there are `scale` times as many sections. Each generated
 * document is new text, not a copy: its title, headings, sentences, tables and lists are composed from the
 * fund's vocabulary (phrases cut from the real documents), generated programme and place names and random
 * figures and dates, so it looks like the fund's documents to search without repeating any of them.
 */
function syntheticKnowledge(real: KnowledgeBase, scale: number): KnowledgeBase {
  const random = seededRandom(20141215);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const phrases = vocabulary(real);
  const names = Array.from({ length: 400 }, () => `${pick(phrases).slice(0, 2)}${pick(phrases).slice(-2)}${pick(PROGRAMME_KINDS)}`);
  const figure = () => pick([
    `${Math.ceil(random() * 9)}成`,
    `${(random() * 2).toFixed(2)}%`,
    `${Math.ceil(random() * 5000).toLocaleString('en-US')}萬元`,
    `${Math.ceil(random() * 30)}億元`,
    `${Math.ceil(random() * 12)}個月`,
    `民國${90 + Math.floor(random() * 25)}年${Math.ceil(random() * 12)}月${Math.ceil(random() * 28)}日`,
    `${Math.ceil(random() * 900_000).toLocaleString('en-US')}件`,
  ]);
  const sentence = () => `${pick(phrases)}${pick(CONNECTIVES)}${pick(phrases)}${figure()}，${pick(phrases)}${pick(phrases)}。`;
  const target = real.sections.length * scale;
  const documents: KnowledgeDocument[] = [...real.documents];
  let sections = real.sections.length;
  for (let n = 1; sections < target; n++) {
    const id = `synthetic-${n}`;
    const name = pick(names);
    const year = 95 + Math.floor(random() * 20);
    const issued = `${year + 1911}-${String(Math.ceil(random() * 12)).padStart(2, '0')}-${String(Math.ceil(random() * 28)).padStart(2, '0')}`;
    const title = `${pick(ISSUERS)}${name}${pick(DOCUMENT_KINDS)}`;
    const count = Math.min(target - sections, 10 + Math.floor(random() * 30));
    const docSections: KnowledgeSection[] = Array.from({ length: count }, (_, i) => {
      const heading = `${CHINESE_NUMBERS[i % CHINESE_NUMBERS.length]}、${pick(phrases)}${pick(phrases)}（${n}-${i + 1}）`;
      const body: string[] = [];
      const kind = random();
      if (kind < 0.25) {
        const columns = [pick(phrases), pick(phrases), pick(phrases)];
        body.push(`| ${pick(TABLE_KEYS)} | ${columns.join(' | ')} |`, `|---|---|---|---|`);
        for (let r = 0; r < 3 + Math.floor(random() * 15); r++) body.push(`| ${pick(names)} | ${figure()} | ${figure()} | ${figure()} |`);
      } else if (kind < 0.45) {
        for (let r = 0; r < 2 + Math.floor(random() * 6); r++) body.push(`${r + 1}. ${sentence()}`);
      } else {
        for (let r = 0; r < 1 + Math.floor(random() * 4); r++) body.push(Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(''));
      }
      return {
        id: `${id}#${heading.replace(/\s+/g, '-')}`,
        documentId: id,
        title,
        heading,
        headingPath: [heading],
        text: body.join('\n'),
        line: 10 + i * 5,
        issued,
        effectiveFrom: issued,
        effectiveTo: null,
      };
    });
    sections += docSections.length;
    documents.push({
      meta: { id, title, issuer: pick(ISSUERS), number: null, issued, issued_note: undefined, effective: { from: issued, to: null }, source: `${id}.pdf`, supersedes: [] },
      file: `synthetic/${id}.md`,
      sections: docSections,
    } as KnowledgeDocument);
  }
  return { documents, sections: documents.flatMap((document) => document.sections), loadedAt: new Date() };
}

/** Chinese phrases of two to six characters cut from the real documents' text: the fund's vocabulary. */
function vocabulary(real: KnowledgeBase): string[] {
  const phrases = new Set<string>();
  for (const section of real.sections) {
    for (const run of section.text.match(/\p{Script=Han}{2,}/gu) ?? []) {
      for (let at = 0; at + 2 <= run.length; at += 3) phrases.add(run.slice(at, at + 2 + (at % 5)));
    }
  }
  return [...phrases].filter((p) => p.length >= 2);
}

/** mulberry32: the same synthetic base on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '  n/a' : `${((part / whole) * 100).toFixed(1)}%`;
}
