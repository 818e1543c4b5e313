/** Whether the few characters before a phrase deny it: 沒有簽具結書, 免用統一發票, 不開發票, 還沒受災, 不是拿來週轉, 沒有要蓋廠, 沒拿到青輔會推薦. */
// (「沒有適用促進就業那些放寬」: what the case does not use; 「不適用」 alone stays a question of exclusions.)
const DENIAL = /(?:(?:沒|没|未|不|無|无|免用|非)[有簽签開开用是曾算屬於符合]{0,2}(?:拿來|拿来|用來|用来|用於|用于|用在|為了|为了|要|打算|需要|拿到|得到|獲得|获得|取得|經過|经过|被)?|(?:沒有?|没有?|未)(?:適用|适用))$/;

export function isDenied(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 6), index);
  const denial = DENIAL.exec(before);
  if (!denial) return false;
  // (「我們是不是有拿到卓越獎」 asks; it denies nothing.)
  if (denial[0].startsWith('不是') && before.slice(0, denial.index).endsWith('是')) return false;
  // (「手續費比沒得獎少多少」「跟沒簽比」: the case without it is what the case is set against, no denial of the case.)
  return !ALTERNATIVE.test(text.slice(Math.max(0, index - before.length + denial.index - 2), index - before.length + denial.index));
}

/** Words before a denial that make it the other case compared: 比沒得獎, 跟沒簽, 還是沒有. */
const ALTERNATIVE = /(?:比|跟|和|與|与|或|還是|还是)$/u;

/** 不是 right before a figure, not in 是不是 (which asks). */
const RETRACTION = /(?<!是)不是\s*$/u;

/** 「是45歲不是44」「營業額是3000萬不是2000萬」: a figure said right after 不是 is the one taken back, not one of the case. */
export function isRetracted(text: string, index: number): boolean {
  return RETRACTION.test(text.slice(Math.max(0, index - 4), index));
}
