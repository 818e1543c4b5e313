import type { Facts } from '../../rules/facts.ts';
import type { ProgrammeId } from '../../rules/programmes.ts';
import { ELIGIBILITY_QUESTION, QUESTION } from './question.ts';
import type { Ask, Intent } from './types.ts';

const RESET = /重新開始|重來|從頭開始|清除|清空|重置|重新來過|重新問|reset/;
const FEEDBACK_THANKS = /謝謝|感謝|多謝|感恩|很有幫助|有幫助|幫了大忙|讚|太棒|很棒|了解了|懂了|👍/;
const FEEDBACK_COMPLAINT = /答錯|回答錯|錯了|不對|不正確|有誤|沒幫助|沒有幫助|看不懂|沒用|亂講|👎/;
const HELP = /你能做什麼|你會做什麼|你會什麼|可以問什麼|能問什麼|怎麼用|如何使用|使用說明|功能|幫助|說明書|選單|help|你是誰/;
const GREETING = /^(?:你好|您好|哈囉|哈啰|嗨|安安|早安|午安|晚安|hello|hi|hey|在嗎|有人嗎)/;
const OUT_OF_SCOPE =
  /天氣|氣溫|下雨|颱風天|颱風假|股票|股價|股市|台積電|臺積電|大盤|匯率|比特幣|加密貨幣|虛擬貨幣|樂透|彩券|星座|運勢|算命|笑話|電影|球賽|棒球|籃球|nba|吃什麼|午餐|晚餐|餐廳推薦|信用卡|房貸|車貸|定存|保險|旅遊|機票|選舉|總統|寫詩|寫程式|唱歌|講故事|遊戲|新聞|食譜|男朋友|女朋友/;
/** Words that keep a message about credit guarantees even when it also mentions something else. */
const DOMAIN = /信保|信用保證|保證|送保|手續費|保費|代償|營授比|貸款|融資|授信|中小企業|成數|承貸|週轉|具結書/;

/** Facts about the applicant: with them, 「保幾成」 asks what this applicant gets. */
const PERSONAL: Array<keyof Facts> = ['age', 'businessAgeMonths', 'gender', 'industry', 'annualRevenue', 'workingCapitalBalance', 'debtRatio'];
/** Circumstances are the applicant's own only when said of oneself (受災企業 may just name a programme's target). */
const FIRST_PERSON = /我|本公司|敝公司|咱們/;

export interface IntentContext {
  programmes: ProgrammeId[];
  facts: Facts;
  asks: Ask[];
  isFollowUp: boolean;
}

/**
 * The intent of one message. A follow-up that asks nothing of its own (那C組呢) gets 'unknown': it
 * continues the previous turn's intent, which only the dialogue knows. Facts without a question
 * (「47歲」 answering the bot) are 'unknown' too, for the same reason.
 */
export function classifyIntent(text: string, { programmes, facts, asks, isFollowUp }: IntentContext): Intent {
  if (RESET.test(text)) return 'reset';
  const stated = Object.keys(facts).some((key) => key !== 'programme');
  const onTopic = programmes.length > 0 || DOMAIN.test(text);
  const substance = onTopic || asks.length > 0 || stated;
  if (FEEDBACK_COMPLAINT.test(text) && programmes.length === 0 && asks.length === 0) return 'feedback';
  if (OUT_OF_SCOPE.test(text) && !onTopic) return 'out_of_scope';
  if (!substance) {
    if (FEEDBACK_THANKS.test(text)) return 'feedback';
    if (HELP.test(text)) return 'help';
    if (GREETING.test(text)) return 'greeting';
    return 'unknown';
  }
  if (asks.includes('fee_amount')) return 'fee_calculation';
  const personal = PERSONAL.some((key) => facts[key] !== undefined) || (facts.flags !== undefined && FIRST_PERSON.test(text));
  if (ELIGIBILITY_QUESTION.test(text)) return 'eligibility';
  if (personal && (asks.includes('max_ratio') || asks.includes('eligibility_criteria'))) return 'eligibility';
  if (asks.length > 0) return 'fact_lookup';
  if (isFollowUp) return 'unknown';
  if (onTopic && (QUESTION.test(text) || !stated)) return 'fact_lookup';
  if (HELP.test(text) && !stated) return 'help';
  return 'unknown';
}
