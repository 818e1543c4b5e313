import { formatAmount, formatPercent } from '../compose/format.ts';
import { sourcesLine } from '../compose/reply.ts';
import { serviceLinesText } from '../compose/service-lines.ts';
import { projectOnlyList } from './channel.ts';
import { answered, type FlowContext, type FlowResult } from './context.ts';
import { circled } from '../../rules/display.ts';

/** Words of collateral and its sale (knowledge/vocabulary.yaml groups 擔保品 and 處分 write the same). */
const COLLATERAL = /擔保品|押品|抵押|押了|押一|押的|拍賣|拍掉|法拍|處分/u;

/**
 * 「利害關係人…保8成，另外那兩成我們有押一塊地，逾期後土地拍掉收回250萬，可以先全部抵我們沒保的部分嗎？信保要分多少」:
 * the list of cases that must go through 專案申請 says, of loans to a bank's related parties, that collateral taken for the
 * part not guaranteed secures the whole loan and what its sale recovers is applied by the guarantee ratio. The amount
 * recovered is split so, with that item quoted; for any other case the documents do not say, which the answer says.
 */
export function recoveryFlow(ctx: FlowContext): FlowResult | undefined {
  const recovered = ctx.understanding.facts.recoveredAmount;
  // (Only of collateral: 「收回款12億」 read in a report is no case.)
  if (recovered === undefined || !COLLATERAL.test(ctx.understanding.text)) return undefined;
  const { items, citations } = projectOnlyList(ctx);
  const at = items.findIndex((item) => item.includes('沖償'));
  if (at < 0) return undefined;
  const rule = `依授權保證之限制 ${circled(at + 1)}：「${items[at]!.replace(/。$/u, '')}」`;
  const related = ctx.merged.facts.flags?.relatedParty === true;
  const ratio = ctx.merged.facts.guaranteeRatio;
  const lines = related
    ? [
        ratio === undefined
          ? `收回款 ${formatAmount(recovered)} 元應按保證比率沖償，不能先全數抵銀行未獲保證的部分；告訴我保證成數，我可以算出各自沖償的金額。`
          : `收回款按保證比率沖償：${formatAmount(recovered)} × ${formatPercent(ratio)} ＝ ${formatAmount(Math.round((recovered * ratio) / 100))} 元沖償本基金保證的部分，其餘 ${formatAmount(recovered - Math.round((recovered * ratio) / 100))} 元沖償銀行未獲保證的部分；不能先全數抵銀行未獲保證的部分。`,
        rule,
      ]
    : [
        `目前收錄的文件只就銀行法第33條之1利害關係者的案件規定擔保品處分收回款「按保證比率沖償」（見下）；其他案件的收回款如何分配，文件未載明，請洽信保基金：${serviceLinesText(ctx.service)}。`,
        rule,
      ];
  return answered(
    { kind: 'answer', intent: 'fact_lookup', lines: [...lines, sourcesLine(citations)], citations, quickReplies: ['手續費要多少？', '保證成數幾成？'] },
    { task: 'fact_lookup', asks: ctx.merged.asks },
  );
}
