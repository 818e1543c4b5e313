import { amountInWords, formatAmount } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { passageCatalogue } from '../../knowledge/passages.ts';
import { readableQuote } from '../../knowledge/quote.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';

/** The units a table's figures are written in, as a message names them (單位百萬元, 千元), and their size in NT$. */
const UNITS: ReadonlyArray<readonly [string, number]> = [['百萬元', 1e6], ['百萬', 1e6], ['千元', 1e3], ['億元', 1e8], ['萬元', 1e4]];

/** A figure as a table writes it, with thousands separators or decimals (「176,766.89」). */
const FIGURE = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+\.\d+(?![\d.])/u;

/**
 * 「台中市保證餘額寫176,766.89(單位百萬元)，換成「億」大概是多少」: a figure the message states, in the unit it names, said in
 * 億 (or 萬) as people say it. Arithmetic over the user's own figure: no document is quoted for it.
 */
export function convertFlow(ctx: FlowContext): FlowResult | undefined {
  const text = ctx.understanding.text.normalize('NFKC');
  if (!ctx.domain.intents.convertUnits?.test(text)) return undefined;
  const figure = FIGURE.exec(text)?.[0];
  const unit = UNITS.find(([name]) => text.includes(name));
  if (!figure || !unit) return undefined;
  const value = Number(figure.replace(/,/gu, '')) * unit[1];
  const rounded = Math.round(value);
  // (The figure as the documents write it, when they do: quoted and cited, so the reader sees where it stands.)
  const passage = passageCatalogue(ctx.sources.knowledge).all.find((p) => p.text.includes(figure));
  const citations = passage ? [ctx.cite.forSection(passage.section, passage.text)] : [];
  return answered(
    {
      kind: 'answer',
      intent: 'fact_lookup',
      lines: [
        ...(passage ? [`《${passage.section.title}》〈${passage.section.heading}〉：「${readableQuote(ctx.sources.knowledge, passage.section.id, passage.text)}」`] : []),
        `依您提供的數字換算：${figure} ${unit[0]} ＝ ${formatAmount(rounded)} 元（${amountInWords(rounded)}${rounded >= 1e8 ? `，約 ${Number((rounded / 1e8).toFixed(2)).toLocaleString('en-US')}億元` : ''}）。`,
        ...(citations.length > 0 ? [sourcesLine(citations)] : []),
      ],
      citations,
      quickReplies: [],
    },
    { task: 'fact_lookup', asks: ctx.merged.asks },
  );
}
