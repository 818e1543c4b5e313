/** Marks of a question in Chinese (after English has been rewritten): ？, 嗎, 幾, 多少, 怎麼 … */
export const QUESTION = /[?？]|嗎|呢|幾|多少|多久|什麼|何|怎|如何|哪|誰|啥|是否|有沒有|可不可以|能不能|請問|想問|想知道/;

/** Asking whether an applicant qualifies: 可以申請嗎, 符合嗎, 能不能送保, 想申請 … */
export const ELIGIBILITY_QUESTION =
  /想申請|打算申請|準備申請|可以申請|能申請|能不能申請|可不可以申請|可否申請|申請得到|有資格|符合(?:資格|條件|申請)?嗎|符不符合|能不能送保|(?:可以|能|可否)送信保|可不可以送保|可以送保|能送保|可否送保|適用嗎|可以用嗎|能用嗎|可以貸嗎|能貸嗎|能不能貸|貸得到|借得到|可以辦嗎|能辦嗎|合格嗎|資格嗎|夠資格/;
