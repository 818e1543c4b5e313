import { listedNames, organisationsNamed, placeForm, placesNamed } from '../../knowledge/answer-kinds.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import { passageCatalogue, type KnowledgePassage } from '../../knowledge/passages.ts';
import { readableQuote } from '../../knowledge/quote.ts';
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
  // (What brackets add, 「董事（不含董事長跟常務董事）有幾個人」, is not the thing counted.)
  const text = placeForm(ctx.understanding.text).replace(/\s+/gu, '').replace(/[（(][^（）()]*[)）]/gu, '');
  const asking = [...counting.askedBy].sort((a, b) => b.length - a.length).map((word) => ({ word, at: text.indexOf(word) })).filter((w) => w.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!asking) return undefined;
  const before = withoutFillers(text.slice(0, asking.at), counting.fillers);
  const after = text.slice(asking.at + asking.word.length).split(/[？?。！!，,；;]/u)[0] ?? '';
  const unit = /[人位名]$/u.test(asking.word) ? '位' : asking.word.slice(-1);
  return postsCounted(ctx, before, unit) ?? itemsCounted(ctx, text, before, after, unit);
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

/** 「常務董事有幾位」: the rows whose first cell is the post asked, and those whose post ends with it, in one table. */
function postsCounted(ctx: FlowContext, before: string, unit: string): FlowResult | undefined {
  const rows = firstCells(ctx.sources.knowledge);
  const post = [...rows.keys()].filter((label) => [...label].length >= 2 && before.endsWith(label)).sort((a, b) => b.length - a.length)[0];
  if (!post) return undefined;
  const exact = rows.get(post)!;
  const sectionId = exact[0]!.section.id;
  const own = exact.filter((p) => p.section.id === sectionId);
  // (「監察人」: the 常務監察人 of the same table are monitors too, told apart.)
  const longer = [...rows.entries()].filter(([label]) => label !== post && label.endsWith(post)).flatMap(([, passages]) => passages.filter((p) => p.section.id === sectionId));
  if (own.length + longer.length < 2) return undefined;
  const named = (passages: KnowledgePassage[]) => passages.map((p) => p.cells?.row[1]?.trim()).filter((name): name is string => !!name).join('、');
  const byPost = new Map<string, KnowledgePassage[]>();
  for (const p of longer) byPost.set(p.cells!.row[0]!.trim(), [...(byPost.get(p.cells!.row[0]!.trim()) ?? []), p]);
  const others = [...byPost].map(([label, passages]) => `${label} ${passages.length} ${unit}（${named(passages)}）`);
  const total = own.length + longer.length;
  const line = `${own[0]!.cells!.row[0]!.trim()} ${own.length} ${unit}（${named(own)}）${others.length > 0 ? `；另有${others.join('、')}，合計 ${total} ${unit}` : ''}。`;
  return countAnswer(ctx, [...own, ...longer], line);
}

/** 「合作金庫拿了幾個獎」: the items of one list naming the organisation asked and the thing asked. */
function itemsCounted(ctx: FlowContext, text: string, before: string, after: string, unit: string): FlowResult | undefined {
  const kinds = ctx.sources.knowledge.answerKinds;
  if (!kinds) return undefined;
  // (「信保績優獎項總共拿了幾個？」: the thing said before the asking word.)
  // (A measure word after the thing, 「獎項」, is not what the list writes: 「…獎」.)
  const thing = (after.replace(/[嗎呢啊阿啦吧]+$/u, '') || before).replace(/[嗎呢啊阿啦吧]+$/u, '').replace(/(?<=.)[項個座種類]$/u, '');
  if (thing === '') return undefined;
  const listed = listedOrganisations(ctx.sources.knowledge, kinds.organisations);
  // (A name the lists write whole, 「臺灣銀行」, is read whole, not by its first two characters, 臺灣 of 臺灣中小企業銀行.)
  const whole = (core: string) => [...listed].filter((name) => name.startsWith(core) && text.includes(name)).sort((a, b) => b.length - a.length)[0] ?? core;
  const groups = [...placesNamed(text, kinds.organisationNames), ...organisationsNamed(text, listed, kinds.organisations).map((group) => group.map(whole))];
  // (One organisation, however many of its names the question matched: 「第一銀行」 is 第一商銀 and 第一. Each group must
  // share a name with the first, or hold one inside another; a name inside another, 臺灣 of 臺灣企銀, is not read alone.)
  const first = groups[0] ?? [];
  const related = (group: readonly string[]) => group.some((a) => first.some((b) => a.includes(b) || b.includes(a)));
  if (first.length === 0 || !groups.every(related)) return undefined;
  const all = [...new Set(groups.flat())];
  const names = all.filter((name) => !all.some((other) => other !== name && other.includes(name)));
  let best: { passages: KnowledgePassage[]; thing: string; name: string } | undefined;
  for (const section of passageCatalogue(ctx.sources.knowledge).sections.values()) {
    const items = section.passages.filter((p) => p.kind !== 'row');
    const withLead = (p: KnowledgePassage) => placeForm(`${p.lead !== undefined ? (items.find((q) => q.order === p.lead)?.text ?? '') : ''}${p.text}`);
    if (!items.some((p) => names.some((name) => withLead(p).includes(name)))) continue;
    // (The thing asked as its end says it, 「信保的獎」 → 獎: the longest end every counted item writes.)
    for (let length = Math.min(thing.length, 4); length >= 1; length -= 1) {
      const end = thing.slice(-length);
      const counted = items.filter((p) => names.some((name) => withLead(p).includes(name)) && withLead(p).includes(end));
      const ofThing = items.filter((p) => withLead(p).includes(end));
      if (counted.length === 0 || ofThing.length < 3) continue;
      if (!best || counted.length > best.passages.length) best = { passages: counted, thing: end, name: names[0]! };
      break;
    }
  }
  if (!best) return undefined;
  const heads = best.passages.map((p) => p.text.trim().split(/\s+/u)[0]!);
  // (Named as the list writes it, 玉山商業銀行, when it does.)
  const written = [...listed].filter((name) => names.some((n) => name.includes(n)) && placeForm(best!.passages[0]!.text).includes(name)).sort((a, b) => b.length - a.length)[0];
  const line = `${written ?? best.name}：列名 ${best.passages.length} ${unit === '位' ? '個' : unit}${best.thing}（${heads.join('、')}）。`;
  return countAnswer(ctx, best.passages, line);
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
