import type { Mention } from './mention.ts';
import { QUESTION } from './question.ts';
import type { Ask } from './types.ts';

/**
 * What a message asks about. A topic word counts unless a figure follows it at once, because then
 * it states a fact instead of asking (「保證成數8成」 states a ratio; 「保證成數最高幾成」 asks one).
 * Fee questions are split later: fee_amount when there is an amount to apply them to.
 */
const TOPICS: Array<[Ask | 'fee', RegExp]> = [
  ['fee', /保證手續費率|手續費率|保費率|費率|保證手續費|手續費|保證費|保費|收費|費用/g],
  ['max_ratio', /保證成數|成數|幾成|保證比例|保證比率|保多少|保證多少|最高保證|保到多少|保幾%/g],
  ['age_limit', /年齡|幾歲|年紀|歲數|多大/g],
  ['business_age_limit', /(?:成立|設立|營業|開業|創立)(?:多久|幾年|幾個月|時間|年限|期間|未滿|要滿)|幾年內|新創事業|新創/g],
  ['cap_amount', /再多保|多保一些|額外(?:增加)?|再送保|額度|(?<!年齡|年紀|成數|費率|期間|期限)上限|最(?:高|多)(?:可以|能)?(?:借|貸)|限額|最高金額|(?:借|貸)多少|可以借到|能借到|總額度/g],
  ['period_limit', /期限|(?<!營業|保證手續費計算|成立|設立)期間|(?<!成立|設立|營業|開業|創立)(?:多久|幾年)|最長|年限|還款期/g],
  ['definition', /是什麼|什麼是|是啥|怎麼算|如何計算|計算方式|什麼意思|意思|定義|指的是|是指|何謂|介紹|差別|差異|區別|有什麼不同/g],
  ['procedure', /勾選|要勾|勾哪|點選|欄位|怎麼填|如何填|怎麼申請|如何申請|怎樣申請|申請流程|流程|程序|步驟|要準備|準備什麼|文件|哪裡申請|去哪|向誰申請|找誰|怎麼辦理|如何辦理|送保作業|作業方式|手續(?!費)|怎麼送保|如何送保/g],
  ['contact', /電話|聯絡|聯繫|客服|專線|地址|信箱|email|分機/g],
  ['statistics', /統計|件數|多少件|幾件|家數|多少家|保證餘額|逾期比率|逾期率|年報|累計|排名|佔比|占比|比重|總共保證|保證總額|保證金額/g],
  ['effective_date', /什麼時候|何時|哪一天|幾月幾號|幾號(?:開始|起)|生效|實施日期|開始實施|起實施|施行|上路|哪一年|從什麼時候|幾月幾日/g],
  ['exclusions', /不得|不(?:能|可|可以)(?:用|以)?[^,，。?？]{0,6}送保|不保|排除|不適用|(?<!年齡|年紀)限制|禁止|哪些不能|不良|不可以|拒絕|例外/g],
  ['subsidy', /補貼|補助|貼息|減免|免收|免繳|優惠/g],
  ['budget', /預算|經費|編列|財源/g],
  ['eligibility_criteria', /非中小企業|不是中小企業|限中小企業|資格|條件|適用對象|對象|誰可以|哪些人|什麼人|哪些企業|什麼企業|符合/g],
  ['subrogation', /代償|代位清償|計提率|代償率/g],
  ['interest_rate', /利率|利息(?!補貼)/g],
];
/** Asking for a sum of money: a fee amount even without the word 手續費. */
const FEE_AMOUNT_QUESTION = /要繳多少|要付多少|要交多少|繳多少|付多少|交多少|多少錢|幾元|多少元|試算|幫我算/;
/** With a fee word, these ask for the amount too. */
const FEE_AMOUNT_WORDS = new RegExp(`${FEE_AMOUNT_QUESTION.source}|算一下|怎麼算|計算|總共`);
/** Words that make a topic a question by themselves (幾成, 借多少); other topics need a question in their clause. */
const INTERROGATIVE = /幾|多少|多久|什麼|何|怎|如何|哪|誰|啥|多大/;
/** Definition words that, next to another topic, only ask about that topic. */
const VAGUE_DEFINITION = /^(?:是什麼|什麼是|是啥|怎麼算|如何計算)/;
const CLAUSE = /[^,，。;；!！?？\n]*[,，。;；!！?？\n]?/g;

export interface AskContext {
  mentions: Mention[];
  hasAmount: boolean;
}

function statesAFigure(end: number, text: string, mentions: Mention[]): boolean {
  const next = mentions.find((m) => m.index >= end);
  if (!next) return false;
  return /^\s*(?:(?:是|為|为|:|約|大概|有|達|共)\s*)?$/.test(text.slice(end, next.index));
}

/** Clause spans of the text, each with whether it asks something. */
function clauses(text: string): Array<{ index: number; end: number; asking: boolean }> {
  return [...text.matchAll(CLAUSE)].filter((c) => c[0].length > 0).map((c) => ({ index: c.index, end: c.index + c[0].length, asking: QUESTION.test(c[0]) }));
}

export function findAsks(text: string, { mentions, hasAmount }: AskContext): Ask[] {
  const found: Array<{ ask: Ask; index: number }> = [];
  const spans = clauses(text);
  const asksAnything = spans.some((c) => c.asking);
  const inAskingClause = (index: number) => !asksAnything || spans.some((c) => c.asking && index >= c.index && index < c.end);
  for (const [topic, pattern] of TOPICS) {
    for (const match of text.matchAll(pattern)) {
      if (statesAFigure(match.index + match[0].length, text, mentions)) continue;
      if (!INTERROGATIVE.test(match[0]) && !inAskingClause(match.index)) continue;
      const ask: Ask =
        topic !== 'fee' ? topic : match[0].endsWith('率') || !(hasAmount || FEE_AMOUNT_WORDS.test(text)) ? 'fee_rate' : 'fee_amount';
      found.push({ ask, index: match.index });
      break;
    }
  }
  if (!found.some((f) => f.ask === 'fee_amount') && FEE_AMOUNT_QUESTION.test(text)) {
    found.push({ ask: 'fee_amount', index: text.search(FEE_AMOUNT_QUESTION) });
  }
  // 「批保的手續費率是什麼」 asks for the rate, not a definition; 「營授比怎麼算」 asks for one.
  const clauseOf = (index: number) => spans.findIndex((c) => index >= c.index && index < c.end);
  const isVague = (f: { ask: Ask; index: number }) =>
    f.ask === 'definition' &&
    VAGUE_DEFINITION.test(text.slice(f.index, f.index + 4)) &&
    found.some((other) => other.ask !== 'definition' && clauseOf(other.index) === clauseOf(f.index));
  const kept = found.filter((f) => !isVague(f));
  return [...new Set(kept.sort((a, b) => a.index - b.index).map((f) => f.ask))];
}
