import type { ParameterReading } from '../../rules/at.ts';
import { circled } from '../../rules/display.ts';
import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { sourcesLine } from '../compose/reply.ts';
import type { Citation } from '../types.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';

/** The rule listing the cases that may not be submitted on the authorised basis. */
const PROJECT_ONLY = 'authorised.project_only_cases';

/**
 * 「火金姑可以用授權送保嗎」「青創要走專案嗎」: how a programme is submitted, from the rules — an item of the list of cases
 * that must go through 專案申請 naming the programme, else the programme's own kind (授權 or 專案 item), cited by the
 * table that lists it. Undefined for programmes submitted some other way (批次, plans), which the documents answer.
 */
export function channelLines(ctx: FlowContext, programme: ProgrammeId): { lines: string[]; citations: Citation[] } | undefined {
  const { name, channel } = PROGRAMMES[programme];
  const { items, citations: listCitation } = projectOnlyList(ctx);
  const aliases = ctx.domain.programmes.names.filter((n) => n.id === programme && !n.weak).map((n) => n.name);
  const named = projectOnlyLine(items, name, aliases);
  if (named) return { lines: [named], citations: listCitation };
  if (channel !== 'project' && channel !== 'authorised') return undefined;
  // The table that lists the programme (授權 or 專案 items) is where its highest ratio is read from.
  const table = readingOf(ctx, `${programme}.max_ratio`);
  const tableCitation = table ? [ctx.cite.forReference(table.reference, table.effectiveFrom, table.name)] : [];
  if (channel === 'project') {
    return { lines: [`${name}屬專案保證項目：須以專案方式向本基金申請，不得以授權方式送保。`], citations: tableCitation };
  }
  if (items.length > 0) {
    return {
      lines: [
        `${name}屬授權保證項目：承貸金融機構可以授權方式送保；但有不得以授權方式送保、應以專案申請之情形（共 ${items.length} 項），例如 ① ${items[0]}`,
      ],
      citations: [...tableCitation, ...listCitation],
    };
  }
  return undefined;
}

/**
 * 「客戶負責人是我們行董事的弟弟，這案可以走授權送保嗎」: a circumstance told (facts.yaml flags) that an item of the list of
 * cases that must go through 專案申請 names, by the circumstance's label or the words the documents use for it.
 */
export function circumstanceChannelLines(ctx: FlowContext): { lines: string[]; citations: Citation[] } | undefined {
  const { items, citations } = projectOnlyList(ctx);
  // (Told in this message: 「那錄音室出租業呢」 after 不動產經營業 asks of the exception, not of the circumstance told before.)
  const told = ctx.domain.facts.flags.filter(({ flag }) => ctx.understanding.facts.flags?.[flag] === true);
  const lines = told.flatMap(({ label, documentsSay }) => projectOnlyLine(items, label, [label, ...(documentsSay ?? [])]) ?? []);
  return lines.length > 0 ? { lines, citations } : undefined;
}

/** The list of cases that must go through 專案申請, and its citation (none when the rules have no such list). */
export function projectOnlyList(ctx: FlowContext): { items: string[]; citations: Citation[] } {
  const list = readingOf(ctx, PROJECT_ONLY);
  const items = Array.isArray(list?.value) ? (list.value as string[]) : [];
  return { items, citations: list ? [ctx.cite.forReference(list.reference, list.effectiveFrom, list.name)] : [] };
}

/** 「X：不得以授權方式送保，應以專案申請（⑥ …）」 for the first item of the list any of `words` names, if one does. */
function projectOnlyLine(items: readonly string[], subject: string, words: readonly string[]): string | undefined {
  const at = items.findIndex((item) => words.some((w) => item.includes(w)));
  return at < 0 ? undefined : `${subject}：不得以授權方式送保，應以專案申請（${circled(at + 1)} ${items[at]!.replace(/。$/u, '')}）。`;
}

/** A rule's reading, or undefined when the rules have no such parameter (youth_dream has no ratio of its own). */
export function readingOf(ctx: FlowContext, name: string): ParameterReading | undefined {
  try {
    return ctx.view.find(name);
  } catch {
    return undefined;
  }
}

/** The channel answer on its own, when it is all the message asks. */
export function channelAnswer(ctx: FlowContext, programme: ProgrammeId | undefined, channel: { lines: string[]; citations: Citation[] }): FlowResult {
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines: [...channel.lines, sourcesLine(channel.citations)], citations: channel.citations, quickReplies: ['手續費要多少？', '保證成數幾成？'] },
    { task: 'fact_lookup', asks: ctx.merged.asks, ...(programme ? { programme } : {}) },
  );
}
