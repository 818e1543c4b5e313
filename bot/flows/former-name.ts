import { normalizeText } from '../../knowledge/normalize.ts';
import type { KnowledgeSection } from '../../knowledge/schema.ts';
import { PROGRAMMES } from '../../rules/programmes.ts';
import { formerNameIn } from '../understand/programmes.ts';
import type { FlowContext, FlowResult } from './context.ts';

/**
 * 「創業鳳凰婦女小額貸款現在還有嗎」: a programme asked of by a name it went by before it was renamed (programmes.yaml
 * `former_names`) is told so first, in the documents' own sentence that renames it, and the answer is of the programme
 * under its name today. A follow-up naming no programme (「那個還有在辦嗎」) after such a question is told it too.
 * The documents' sentence names both names; without one, nothing is said.
 */
export function withFormerName(ctx: FlowContext, result: FlowResult): FlowResult {
  const u = ctx.understanding;
  const before = u.programmes.length === 0 && ctx.state.topic !== undefined ? formerNameIn(normalizeText(ctx.state.topic), ctx.domain) : undefined;
  const former = u.formerName ?? (before && (ctx.merged.programme ?? before.id) === before.id ? before : undefined);
  const [first, ...rest] = result.replies;
  if (former === undefined || first === undefined) return result;
  const current = PROGRAMMES[former.id].name;
  const renaming = renamingSentence(ctx.sources.knowledge.sections, former.name, current);
  if (!renaming || first.text.includes(renaming.sentence)) return result;
  // (What follows is of today's programme only when the answer is about it: 「微型企業創業貸款111年保證餘額」 is the old
  // name's own row of the annual report.)
  const about = ctx.merged.programme === former.id ? `以下是「${current}」的說明。` : '';
  const line = `「${former.name}」是舊名稱，依《${renaming.section.title}》〈${renaming.section.heading}〉：「${renaming.sentence}」${about}`;
  const citation = ctx.cite.forSection(renaming.section, renaming.sentence);
  const cited = first.citations.some((c) => c.sectionId === citation.sectionId) ? first.citations : [citation, ...first.citations];
  return {
    ...result,
    ...(result.grounding ? { grounding: [line, ...result.grounding] } : {}),
    replies: [{ ...first, text: `${line}\n${first.text}`, citations: cited }, ...rest],
  };
}

/** The sentence (or table cell) of the documents that names both the former name and today's: the one renaming it. */
function renamingSentence(sections: readonly KnowledgeSection[], former: string, current: string): { section: KnowledgeSection; sentence: string } | undefined {
  for (const section of sections) {
    if (!section.text.includes(former)) continue;
    for (const piece of section.text.split(/(?<=。)|[\n|]/u)) {
      // (A table cell, 「微型創業鳳凰貸款 *2009年2月…更名為…」: the note after its mark.)
      const sentence = piece.slice(piece.search(/[*＊]/u) + 1).trim();
      if (sentence.includes(former) && sentence.includes(current)) return { section, sentence };
    }
  }
  return undefined;
}
