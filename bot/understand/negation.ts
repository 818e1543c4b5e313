/** Whether the few characters before a phrase deny it: 沒有簽具結書, 免用統一發票, 不開發票, 還沒受災. */
const DENIAL = /(?:沒|没|未|不|無|无|免用|非)[有簽签開开用是曾算屬於符合]{0,2}$/;

export function isDenied(text: string, index: number): boolean {
  return DENIAL.test(text.slice(Math.max(0, index - 4), index));
}
