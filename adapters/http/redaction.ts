import { createHmac } from 'node:crypto';

/**
 * Removes personal data from text before it is stored for staff review. Amounts stay readable
 * (an 8-digit figure followed by 元/萬 or preceded by NT$ is a loan amount, not a business number),
 * because unanswered questions about amounts are exactly what staff need to see.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** LINE user, group and room ids: U/C/R followed by 32 hex digits. */
const LINE_ID = /\b[UCR][0-9a-f]{32}\b/g;

/** ROC national ID and resident certificate numbers: a letter, then 1/2 (or 8/9, A–D for residents), then 8 digits. */
const NATIONAL_ID = /(?<![A-Za-z0-9])[A-Za-z][1289ABCDabcd]\d{8}(?!\d)/g;

const SEPARATOR = String.raw`[-\s.]?`;
/** Mobile 09xx-xxx-xxx, +886 9xx…, landlines with an area code (02-2345-6789, (04)2345-6789), 0800 numbers. */
const PHONE = new RegExp(
  [
    String.raw`(?:\+886${SEPARATOR}|0)9\d{2}${SEPARATOR}\d{3}${SEPARATOR}\d{3}`,
    String.raw`0800${SEPARATOR}\d{3}${SEPARATOR}\d{3}`,
    String.raw`(?:\+886${SEPARATOR}\(?[2-8]\d{0,2}\)?|\(0[2-8]\d{0,2}\)|0[2-8]\d{0,2})${SEPARATOR}\d{3,4}${SEPARATOR}\d{4}`,
  ]
    .map((pattern) => String.raw`(?<![\d+])${pattern}(?!\d)`)
    .join('|'),
  'g',
);

/** Eight digits standing alone, unless a currency sign or unit says it is an amount. */
const BUSINESS_NUMBER = /(?<![\d,.$＄])(?<!NT\$\s?)\d{8}(?![\d,.])(?!\s?(?:元|塊|萬|億|千|仟|%|％|成|年|月|日))/g;

export const REDACTED = {
  email: '[電子郵件]',
  lineId: '[LINE用戶]',
  nationalId: '[身分證號]',
  phone: '[電話]',
  businessNumber: '[統一編號]',
} as const;

const DIGIT = /\d/;

export function redactPersonalData(text: string): string {
  // The cheap checks first: most questions have no @ and few digits, and the patterns run on every turn.
  let redacted = text.includes('@') ? text.replace(EMAIL, REDACTED.email) : text;
  redacted = redacted.replace(LINE_ID, REDACTED.lineId);
  if (!DIGIT.test(redacted)) return redacted;
  return redacted
    .replace(NATIONAL_ID, REDACTED.nationalId)
    .replace(PHONE, REDACTED.phone)
    .replace(BUSINESS_NUMBER, REDACTED.businessNumber);
}

/** A keyed hash, so the same user links across records without the id itself being stored. */
export function saltedHash(value: string, salt: string): string {
  return createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}
