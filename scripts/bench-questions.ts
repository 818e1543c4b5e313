/**
 * Questions for `npm run bench`: the repeated mix (a few questions asked again and again, as real traffic repeats
 * itself, so most answers come from the bot's memo) and never-repeated questions (every one different, so each is
 * understood, answered and formatted afresh: what an unseen question costs).
 */

/** One cycle per connection: a fresh conversation, then facts, calculations and a three-turn conversation. */
export const REPEATED_QUESTIONS: Array<{ kind: 'fact' | 'calculation' | 'multi-turn'; text: string }> = [
  { kind: 'fact', text: '批次保證的保證手續費年費率是多少？' },
  { kind: 'fact', text: '青年創業貸款最高可以保證幾成？' },
  { kind: 'calculation', text: '一般貸款 500 萬，保證成數 8 成，期間一年，保證手續費多少？' },
  { kind: 'fact', text: '微型創業鳳凰貸款的保證手續費怎麼算' },
  { kind: 'multi-turn', text: '我想試算保證手續費' },
  { kind: 'multi-turn', text: '批次保證' },
  { kind: 'multi-turn', text: '貸款 300 萬，保證九成，兩年' },
  { kind: 'calculation', text: '批保貸款1200萬保證8成一年半手續費？' },
];

const GROUPS = ['A', 'B', 'C'];
const SHOPS = ['早餐店', '咖啡店', '機械加工廠', '設計工作室', '水電行', '手搖飲料店', '電商', '烘焙坊'];

/**
 * The `n`-th never-repeated question: fee calculations (general, batch, Phoenix, comparisons of risk groups),
 * eligibility, the business-finance ratio, programme facts and the programme finder, in turn. The amount (in 元)
 * differs for every `n`, so no two are the same text: neither the understanding nor the answer memo can help.
 */
export function distinctQuestion(n: number): string {
  const k = Math.floor(n / 8);
  // Distinct for every k up to about 10^7 (NT$ 1 億 at most, within what the fund guarantees).
  const amount = 100_000 + k * 9;
  const ratio = 5 + (k % 4);
  const months = 1 + (k % 36);
  const group = GROUPS[k % 3]!;
  switch (n % 8) {
    case 0:
      return `一般貸款${amount}元保${ratio}成${group}組${months}個月手續費多少？`;
    case 1:
      return `批保${amount}元保${ratio + 1}成${1 + (k % 3)}年手續費？`;
    case 2:
      return `鳳凰貸款借${amount}元保9成${months}個月要付多少保證手續費`;
    case 3:
      return `我${20 + (k % 26)}歲，公司設立${1 + (k % 5)}年，想借${amount}元，可以申請青創嗎？`;
    case 4:
      return `營業額${amount * 3}元、週轉借款${amount}元，保證成數可以多少？`;
    case 5:
      return `一般貸款${amount}元保8成一年，A組跟C組差多少`;
    case 6:
      return `青年創業貸款借${amount}元最高可以保證幾成？`;
    default:
      return `我開${SHOPS[k % SHOPS.length]}${1 + (k % 9)}年，想借${amount}元週轉，信保可以幫忙嗎？`;
  }
}
