import { listedNames, organisationsNamed, placeForm, placesNamed } from '../../knowledge/answer-kinds.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import { passageCatalogue, type KnowledgePassage } from '../../knowledge/passages.ts';
import { readableQuote } from '../../knowledge/quote.ts';
import { englishToChinese } from '../understand/english.ts';
import { sourcesLine } from '../compose/reply.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';

/**
 * 「第16屆監察人總共幾位？」「合作金庫拿了幾個獎？」: how many of something the documents list without counting it.
 * - A table whose first column names posts (職別): the rows of the post asked are counted, with the posts ending in it
 *   said apart (「監察人 4 位；另有常務監察人 1 位，合計 5 位」), and each row's next cell (the name) listed.
 * - A list naming organisations (an award's winners): the items of one section naming the organisation asked and the
 *   thing asked (獎) are counted, each by its heading.
 * The words are in knowledge/documents/answer-kinds.yaml `counting`. Undefined when the question asks no count, or
 * nothing listed answers it (the usual search then decides).
 */
export function countedAnswer(ctx: FlowContext): FlowResult | undefined {
  const counting = ctx.sources.knowledge.answerKinds?.counting;
  if (!counting || counting.askedBy.length === 0) return undefined;
  const text = placeForm(englishToChinese(ctx.understanding.text)).replace(/\s+/gu, '');
  const askedBy = [...counting.askedBy].sort((a, b) => b.length - a.length);
  // Each sentence asking a count is counted: 「董事一共幾個人？裡面常董有幾位」.
  // (「幾個百分點」「幾個月」 ask a size, not a count: answer-kinds `counting.not_before`.)
  // (Nor 「排第幾名」: a place in a ranking, `counting.not_after`.)
  const counts = (sentence: string) => askingEnds(sentence, askedBy, counting.notBefore, counting.notAfter).length > 0;
  // (A bracket is part of its sentence: 「董事總共幾位(董事長跟常董都算進去)？」.)
  // (「董事(含董事長)幾位、監察人幾位？」: each asking word closes a question of its own.)
  const sentences = sentencesOf(text).filter(counts).flatMap((sentence) => byAskingWord(sentence, askedBy, counting.notBefore, counting.notAfter));
  if (sentences.length === 0) return undefined;
  const posts: PostsCount[] = [];
  for (const sentence of sentences) {
    // (Posts are held by people: counted in 位, however asked.)
    const counted = postsCounted(ctx, sentence, '位', posts.at(-1));
    if (counted) posts.push(counted);
  }
  if (posts.length > 0) return countAnswer(ctx, [...new Set(posts.flatMap((p) => p.rows))], posts.map((p) => p.line).join('\n'));
  const first = sentences[0]!;
  const asking = askedBy.map((word) => ({ word, at: first.indexOf(word) })).filter((w) => w.at >= 0).sort((a, b) => a.at - b.at)[0]!;
  const before = withoutFillers(first.slice(0, asking.at), counting.fillers);
  const after = first.slice(asking.at + asking.word.length).split(/[？?。！!，,；;]/u)[0] ?? '';
  const unit = /[人位名]$/u.test(asking.word) ? '位' : asking.word.slice(-1);
  return itemsCounted(ctx, text, before, after, unit);
}

/** A sentence cut after each asking word but the last (「董事幾位、監察人幾位」 → 「董事幾位」「、監察人幾位」). */
function byAskingWord(sentence: string, askedBy: readonly string[], notBefore: readonly string[], notAfter: readonly string[]): string[] {
  const ends = askingEnds(sentence, askedBy, notBefore, notAfter);
  if (ends.length < 2) return [sentence];
  const cuts = ends.slice(0, -1);
  return [...cuts.map((end, k) => sentence.slice(k === 0 ? 0 : cuts[k - 1], end)), sentence.slice(cuts.at(-1))];
}

/** Where each asking word that asks a count ends (not 「幾個百分點」 nor 「第幾名」). */
function askingEnds(sentence: string, askedBy: readonly string[], notBefore: readonly string[], notAfter: readonly string[]): number[] {
  const ordered = [...askedBy].sort((a, b) => b.length - a.length);
  const ends: number[] = [];
  for (let i = 0; i < sentence.length; ) {
    const word = ordered.find((w) => sentence.startsWith(w, i) && !notBefore.some((unit) => sentence.startsWith(unit, i + w.length)) && !notAfter.some((w2) => sentence.slice(0, i).endsWith(w2)));
    if (word) {
      ends.push(i + word.length);
      i += word.length;
    } else i += 1;
  }
  return ends;
}

/** The sentences of a text, each with its end mark; a mark inside brackets ends none. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '（' || c === '(') depth += 1;
    else if ((c === '）' || c === ')') && depth > 0) depth -= 1;
    else if (depth === 0 && '？?。！!；;'.includes(c)) {
      sentences.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/** The text with the filler words at its end taken off, longest first, again and again (「的總共」). */
function withoutFillers(text: string, fillers: readonly string[]): string {
  const ordered = [...fillers].sort((a, b) => b.length - a.length);
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of ordered) {
      if (filler !== '' && rest.endsWith(filler)) {
        rest = rest.slice(0, -filler.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** Words that end a question and say nothing of the thing asked. */
const PARTICLES = '嗎呢啊阿啦吧';

/** The text without these characters at its end (「獎嗎」 → 「獎」). */
function withoutParticles(text: string, particles: string): string {
  let end = text.length;
  while (end > 0 && particles.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

interface PostsCount {
  rows: KnowledgePassage[];
  line: string;
  unit: string;
}

/** The rows of tables by their first cell, read once per knowledge version. */
const rowsByFirstCell = new WeakMap<KnowledgeBase, Map<string, KnowledgePassage[]>>();
function firstCells(knowledge: KnowledgeBase): Map<string, KnowledgePassage[]> {
  let rows = rowsByFirstCell.get(knowledge);
  if (rows) return rows;
  rows = new Map();
  for (const section of passageCatalogue(knowledge).sections.values()) {
    for (const passage of section.passages) {
      const first = passage.kind === 'row' ? passage.cells?.row[0]?.trim() : undefined;
      // (A post or kind is words, not a figure.)
      if (!first || /\d/u.test(first)) continue;
      const key = placeForm(first);
      rows.set(key, [...(rows.get(key) ?? []), passage]);
    }
  }
  rowsByFirstCell.set(knowledge, rows);
  return rows;
}

/**
 * 「常務董事有幾位」「董事連董事長算進去一共幾個人」: the rows of one table whose first cell is a post the sentence names
 * (or a word of answer-kinds `counting.names` standing for posts), or ends with one (常務董事 of 董事), counted by post;
 * not those named after a word of leaving out (`counting.excluding`: 「（不含董事長跟常務董事）」).
 * 「有幾個是大學教授」 said of them, or 「其中有幾位是…」 after them, counts those whose cells write it.
 */
function postsCounted(ctx: FlowContext, sentence: string, unit: string, before: PostsCount | undefined): PostsCount | undefined {
  const counting = ctx.sources.knowledge.answerKinds!.counting;
  const rows = firstCells(ctx.sources.knowledge);
  const words = [...[...rows.keys()].filter((label) => [...label].length >= 2).map((label) => ({ word: label, posts: [label] })), ...counting.names.map(([word, ...posts]) => ({ word: word!, posts }))].sort((a, b) => b.word.length - a.word.length);
  const postsIn = (text: string) => {
    let rest = text;
    const named: string[] = [];
    for (const { word, posts } of words) {
      if (!rest.includes(word)) continue;
      named.push(...posts.filter((post) => rows.has(post)));
      rest = rest.replaceAll(word, '\u0000');
    }
    return named;
  };
  // (What follows a word of leaving out, to the end of its clause or bracket, is left out.)
  const cut = counting.excluding.map((word) => sentence.indexOf(word)).filter((at) => at >= 0).sort((a, b) => a - b)[0];
  const leftOutText = cut === undefined ? '' : sentence.slice(cut).split(/[)），,。？?]/u)[0]!;
  const excluded = new Set(postsIn(leftOutText));
  const named = postsIn(cut === undefined ? sentence : sentence.replace(leftOutText, '')).filter((post) => !excluded.has(post));
  const asking = askingAt(sentence, counting.askedBy);
  const described = asking === undefined ? '' : sentence.slice(asking.at + asking.word.length);
  if (named.length === 0) return before && counting.within.some((word) => sentence.includes(word)) ? rowsWithin(before, described) : undefined;
  const sectionId = rows.get(named[0]!)![0]!.section.id;
  // (Only a table whose first column sorts its rows, some post written on several: not a list of places, 「新北市」.)
  const firstOfSection = [...rows.values()].flatMap((passages) => passages.filter((p) => p.section.id === sectionId).map((p) => p.cells!.row[0]!.trim()));
  if (new Set(firstOfSection).size === firstOfSection.length) return undefined;
  const counted = [...rows.entries()].filter(([label]) => !excluded.has(label) && named.some((post) => label === post || label.endsWith(post))).flatMap(([, passages]) => passages.filter((p) => p.section.id === sectionId));
  if (counted.length < 2) return undefined;
  const byPost = new Map<string, KnowledgePassage[]>();
  for (const p of counted) byPost.set(p.cells!.row[0]!.trim(), [...(byPost.get(p.cells!.row[0]!.trim()) ?? []), p]);
  const listed = [...byPost].sort((a, b) => a[1][0]!.order - b[1][0]!.order).map(([label, passages]) => `${label} ${passages.length} ${unit}（${namesOf(passages)}）`);
  const all = { rows: counted, unit, line: `${listed.join('、')}${listed.length > 1 ? `，合計 ${counted.length} ${unit}` : ''}。` };
  // (「董監事名單裡面有幾個是大學教授」: of those counted, the ones described after 是.)
  const within = described.includes('是') ? rowsWithin(all, described) : undefined;
  // (「有幾位董事是女性」: what no cell writes is not in the documents; the search says so.)
  if (!within && /是\p{Script=Han}/u.test(described)) return undefined;
  return within ? { ...within, line: `${all.line}\n${within.line}` } : all;
}

/** The first asking word of a sentence, and where it is. */
function askingAt(sentence: string, askedBy: readonly string[]): { word: string; at: number } | undefined {
  return [...askedBy].sort((a, b) => b.length - a.length).map((word) => ({ word, at: sentence.indexOf(word) })).filter((w) => w.at >= 0).sort((a, b) => a.at - b.at)[0];
}

/** Each row's name, the cell after its post (姓名). */
function namesOf(passages: readonly KnowledgePassage[]): string {
  return passages.map((p) => p.cells?.row[1]?.trim()).filter((name): name is string => !!name).join('、');
}

/**
 * 「其中有幾個是大學教授」「有幾位是銀行端的人」: of the rows counted before, those whose cells write the thing after 是: the
 * longest part of it some but not all of the rows write (教授 of 大學教授, 銀行 of 銀行端的人).
 */
function rowsWithin(before: PostsCount, described: string): PostsCount | undefined {
  const at = described.indexOf('是');
  const thing = withoutParticles(at < 0 ? '' : (described.slice(at + 1).split(/[？?。！!，,]/u)[0] ?? ''), '嗎呢啊的');
  const cellsOf = (p: KnowledgePassage) => placeForm(p.cells?.row.slice(1).join(' ') ?? p.text);
  for (let length = Math.min(thing.length, 6); length >= 2; length -= 1) {
    // (The end first: a Chinese noun ends with what it is, 教授 of 大學教授.)
    for (let start = thing.length - length; start >= 0; start -= 1) {
      const part = thing.slice(start, start + length);
      const rows = before.rows.filter((p) => cellsOf(p).includes(part));
      // (Counted in the unit the rows were counted in: people are 位.)
      if (rows.length > 0 && rows.length < before.rows.length) return { rows, unit: before.unit, line: `其中${part} ${rows.length} ${before.unit}（${namesOf(rows)}；職務寫著「${part}」）。` };
    }
  }
  return undefined;
}

/** 「合作金庫拿了幾個獎」: the items of one list naming the organisation asked and the thing asked. */
function itemsCounted(ctx: FlowContext, text: string, before: string, after: string, unit: string): FlowResult | undefined {
  const kinds = ctx.sources.knowledge.answerKinds;
  if (!kinds) return undefined;
  // (「信保績優獎項總共拿了幾個？」: the thing said before the asking word.)
  // (A measure word after the thing, 「獎項」, is not what the list writes: 「…獎」.)
  // (Or, said in a sentence of its own, 「…績優金融機構獎項，哪一家銀行拿最多個？拿了幾個」: the end of a clause before.)
  const ends = (clause: string) => withoutParticles(clause, PARTICLES).replace(/(?<=.)[項個座種類]$/u, '');
  const clauses = text.split(/[？?。！!，,；;]/u).map(ends).filter((clause) => clause !== '');
  const thing = ends(withoutParticles(after, PARTICLES) || before) || clauses[0] || '';
  if (thing === '') return undefined;
  const listed = listedOrganisations(ctx.sources.knowledge, kinds.organisations);
  // (A name the lists write whole, 「臺灣銀行」, is read whole, not by its first two characters, 臺灣 of 臺灣中小企業銀行.)
  const whole = (core: string) => [...listed].filter((name) => name.startsWith(core) && text.includes(name)).sort((a, b) => b.length - a.length)[0] ?? core;
  const groups = [...placesNamed(text, kinds.organisationNames), ...organisationsNamed(text, listed, kinds.organisations).map((group) => group.map(whole))];
  // (One organisation, however many of its names the question matched: 「第一銀行」 is 第一商銀 and 第一. Each group must
  // share a name with the first, or hold one inside another; a name inside another, 臺灣 of 臺灣企銀, is not read alone.)
  const first = groups[0] ?? [];
  const related = (group: readonly string[]) => group.some((a) => first.some((b) => a.includes(b) || b.includes(a)));
  // (「哪一家銀行拿最多個獎」: naming none, the one the list names most.)
  if (first.length === 0) return ctx.understanding.modifiers.superlative === 'most' ? mostListed(ctx, thing, listed, unit) : undefined;
  if (!groups.every(related)) return undefined;
  const all = [...new Set(groups.flat())];
  const names = all.filter((name) => !all.some((other) => other !== name && other.includes(name)));
  let best: { passages: KnowledgePassage[]; thing: string; name: string } | undefined;
  for (const section of passageCatalogue(ctx.sources.knowledge).sections.values()) {
    const items = section.passages.filter((p) => p.kind !== 'row');
    const withLead = (p: KnowledgePassage) => placeForm(`${p.lead !== undefined ? (items.find((q) => q.order === p.lead)?.text ?? '') : ''}${p.text}`);
    if (!items.some((p) => names.some((name) => withLead(p).includes(name)))) continue;
    // (The thing asked as its end says it, 「信保的獎」 → 獎: the longest end every counted item writes.)
    // (Any part of it, the longest first and the end first: 「上了幾個獎的得獎名單」 → 獎.)
    found: for (let length = Math.min(thing.length, 4); length >= 1; length -= 1) {
      for (let start = thing.length - length; start >= 0; start -= 1) {
        const end = thing.slice(start, start + length);
        // (Not a part of the organisation's own name, 「玉山」.)
        if (names.some((name) => name.includes(end) || end.includes(name))) continue;
        const counted = items.filter((p) => names.some((name) => withLead(p).includes(name)) && withLead(p).includes(end));
        const ofThing = items.filter((p) => withLead(p).includes(end));
        if (counted.length === 0 || ofThing.length < 3) continue;
        if (!best || counted.length > best.passages.length) best = { passages: counted, thing: end, name: names[0]! };
        break found;
      }
    }
  }
  if (!best) return noneListed(ctx, names, thing, listed, unit);
  const heads = best.passages.map((p) => p.text.trim().split(/\s+/u)[0]!);
  // (Named as the list writes it, 玉山商業銀行, when it does.)
  const written = [...listed].filter((name) => names.some((n) => name.includes(n)) && placeForm(best!.passages[0]!.text).includes(name)).sort((a, b) => b.length - a.length)[0];
  const line = `${written ?? best.name}：列名 ${best.passages.length} ${unit === '位' ? '個' : unit}${best.thing}（${heads.join('、')}）。`;
  return countAnswer(ctx, best.passages, line);
}

/**
 * The list of the thing asked (「獎」): the section whose items most write the thing, by the longest end of it, and name
 * organisations the documents list; at least three such items.
 */
function listOfThing(ctx: FlowContext, thing: string, listed: ReadonlySet<string>): { passages: KnowledgePassage[]; end: string } | undefined {
  let best: { passages: KnowledgePassage[]; end: string } | undefined;
  for (const section of passageCatalogue(ctx.sources.knowledge).sections.values()) {
    const items = section.passages.filter((p) => p.kind !== 'row');
    for (let length = Math.min(thing.length, 4); length >= 1; length -= 1) {
      const end = thing.slice(-length);
      const lists = items.filter((p) => placeForm(p.text).includes(end) && [...listed].some((name) => placeForm(p.text).includes(name)));
      if (lists.length < 3) continue;
      if (!best || lists.length > best.passages.length) best = { passages: lists, end };
      break;
    }
  }
  return best;
}

/**
 * 「國泰世華拿了幾個獎」: an organisation the documents know (in a table or a list) that no item of the list of the thing
 * asked names has none: said so, with the list it was looked for in (the section whose items most write the thing and
 * name organisations).
 */
function noneListed(ctx: FlowContext, names: readonly string[], thing: string, listed: ReadonlySet<string>, unit: string): FlowResult | undefined {
  if (![...listed].some((name) => names.some((n) => name.includes(n)))) return undefined;
  const best = listOfThing(ctx, thing, listed);
  if (!best) return undefined;
  const section = best.passages[0]!.section;
  const citation = ctx.cite.forSection(section, best.passages.map((p) => p.text).join(' '));
  const heads = best.passages.map((p) => p.text.trim().split(/\s+/u)[0]!);
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        `依《${section.title}》〈${section.heading}〉所列，${names[0]}：列名 0 ${unit === '位' ? '個' : unit}${best.end}，沒有出現在這份名單（${heads.join('、')}）的任何一項。`,
        sourcesLine([citation]),
      ],
      citations: [citation],
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
    },
    { task: 'fact_lookup', asks: ctx.merged.asks, quotedSections: [section.id] },
    [section.text],
  );
}

/**
 * 「哪一家銀行拿最多個獎」: in the list whose items most write the thing asked and name organisations, the organisation
 * the most items name (each tie said), with its items.
 */
function mostListed(ctx: FlowContext, thing: string, listed: ReadonlySet<string>, unit: string): FlowResult | undefined {
  const best = listOfThing(ctx, thing, listed);
  if (!best) return undefined;
  const counts = [...listed].map((name) => ({ name, passages: best!.passages.filter((p) => placeForm(p.text).includes(name)) })).filter((c) => c.passages.length > 0);
  const most = Math.max(0, ...counts.map((c) => c.passages.length));
  // (A name inside another counted, 臺灣銀行 in none but its own items, is its own; the longest of equal names is said.)
  const top = counts.filter((c) => c.passages.length === most && !counts.some((o) => o !== c && o.name.includes(c.name) && o.passages.length === most));
  if (most < 2 || top.length === 0) return undefined;
  const heads = (passages: KnowledgePassage[]) => passages.map((p) => p.text.trim().split(/\s+/u)[0]!).join('、');
  const line = `最多的是${top.map((c) => `${c.name}：列名 ${most} ${unit === '位' ? '個' : unit}${best!.end}（${heads(c.passages)}）`).join('；')}。`;
  return countAnswer(ctx, [...new Set(top.flatMap((c) => c.passages))], line);
}

/** The organisations the documents' lists and tables name, read once per knowledge version. */
const organisationsListed = new WeakMap<KnowledgeBase, Set<string>>();
function listedOrganisations(knowledge: KnowledgeBase, endings: readonly string[]): Set<string> {
  let listed = organisationsListed.get(knowledge);
  if (!listed) {
    listed = listedNames([...passageCatalogue(knowledge).sections.values()].flatMap((section) => section.passages.map((p) => p.text)), endings);
    organisationsListed.set(knowledge, listed);
  }
  return listed;
}

function countAnswer(ctx: FlowContext, passages: KnowledgePassage[], line: string): FlowResult {
  const section = passages[0]!.section;
  const quotes = passages.map((p) => `「${readableQuote(ctx.sources.knowledge, section.id, p.text)}」`);
  const citation = ctx.cite.forSection(section, passages.map((p) => p.text).join(' '));
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [`依《${section.title}》〈${section.heading}〉所列，${line}`, ...quotes, sourcesLine([citation])],
      citations: [citation],
      quickReplies: ['一般貸款手續費怎麼算？', '青創貸款的資格？', '客服電話？'],
    },
    { task: 'fact_lookup', asks: ctx.merged.asks, quotedSections: [section.id] },
    [section.text],
  );
}
