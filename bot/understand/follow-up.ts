/**
 * Elliptical follow-ups lean on the previous turn: 那C組呢？ 如果是B組 那兩年呢 換成青創呢 保9成呢.
 * 「那」 and 「換成」 openings always lean on it; 「如果」 only when the rest is not a whole question;
 * a short message ending in 呢 does too.
 */
const LEANING_OPENING = /^(?:那(?!個|些|裡|邊|時|麼多|樣)|那麼|換成|換作|改成|改為|改用|換|再來|還有|另外)/;
const CONDITIONAL_OPENING = /^(?:如果|若是|若|假如|假設|要是|萬一)/;
const ENDS_WITH_NE = /呢\s*[?？!！。.]*$/;
const SHORT = 20;

export interface FollowUpContext {
  /** The message names a programme and asks something of its own (an attribute, or whether one qualifies). */
  isWholeQuestion: boolean;
}

export function isFollowUp(text: string, { isWholeQuestion }: FollowUpContext): boolean {
  const trimmed = text.trim().replace(/^(?:請問|請教|好的?|ok|嗯|喔|哦)[,，、\s]*/, '');
  if (LEANING_OPENING.test(trimmed)) return true;
  if (CONDITIONAL_OPENING.test(trimmed)) return !isWholeQuestion;
  return ENDS_WITH_NE.test(trimmed) && [...trimmed].length <= SHORT;
}
