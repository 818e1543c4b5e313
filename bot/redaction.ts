import { remembering } from '../knowledge/normalize.ts';

/**
 * Removes personal data from text before it is stored anywhere (conversation state, the interaction store) or
 * logged. It works on the NFKC form of the text, so full-width digits, letters and signs (０９１２－３４５－６７８,
 * Ａ１２３４５６７８９, ＠) are caught like their ASCII forms, and the redacted text is returned in that form.
 * Amounts stay readable (a figure followed by 元/萬 or preceded by NT$ is a loan amount, not a number that names
 * someone), because unanswered questions about amounts are exactly what staff need to see.
 */

export const REDACTED = {
  email: '[電子郵件]',
  lineId: '[LINE用戶]',
  nationalId: '[身分證號]',
  phone: '[電話]',
  card: '[信用卡號]',
  account: '[帳號]',
  businessNumber: '[統一編號]',
} as const;

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+\s?@\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** LINE user, group and room ids: U/C/R followed by 32 hex digits. */
const LINE_ID = /\b[UCR][0-9a-f]{32}\b/g;

/**
 * ROC national ID and resident certificate numbers: a letter, then 1/2 (or 8/9, A–D for residents), then 8 digits;
 * a space or dash may stand after the letter and between the digits (A 123456789, A-123-456-789).
 */
const NATIONAL_ID = /(?<![A-Za-z0-9])[A-Za-z][\s-]?[1289ABCDabcd](?:[\s-]?\d){8}(?![\s-]?\d)/g;

/** A masked character of an id written with its last digits hidden: 「A12345678x」「5312xxxx」「F2234567**」. */
const MASK = '[xX*＊○]';

/** A national ID with some digits masked: the letter, 1/2 (8/9, A–D), then eight digits or masks ending in a mask. */
const MASKED_ID = new RegExp(String.raw`(?<![A-Za-z0-9])[A-Za-z][\s-]?[1289ABCDabcd](?=(?:[\s-]?[\d${MASK.slice(1, -1)}]){8}(?![\s-]?[\dA-Za-z${MASK.slice(1, -1)}]))(?:[\s-]?\d){0,7}(?:[\s-]?${MASK}){1,8}`, 'g');

/** A business number (統編) with its last digits masked: eight digits or masks, 「5312xxxx」. */
const MASKED_BUSINESS_NUMBER = new RegExp(String.raw`(?<![A-Za-z0-9])(?=[\d${MASK.slice(1, -1)}]{8}(?![\dA-Za-z${MASK.slice(1, -1)}]))\d{1,7}${MASK}{1,7}`, 'g');

/** What the masked patterns cannot match without: a digit right before a mask. */
const DIGIT_THEN_MASK = new RegExp(String.raw`\d${MASK}`);

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

/** What says a number is money: a currency sign before it, or a unit after it. */
const NOT_AFTER_CURRENCY = String.raw`(?<![$＄])(?<!NT\$\s?)(?<!新[臺台]幣\s?)`;
const NO_UNIT_AFTER = String.raw`(?!\s?(?:元|塊|萬|億|千|仟|%|％|成|年|月|日|歲))`;

/**
 * Card and bank account numbers: 10 to 19 digits, whole or in groups joined by single spaces or dashes
 * (4111 1111 1111 1111, 012-345-678901). Those of 13–19 digits that pass the Luhn check are cards.
 */
const LONG_NUMBER = new RegExp(String.raw`${NOT_AFTER_CURRENCY}(?<!\d[,.]?)\d(?:[\s-]?\d){9,18}(?![\s-]?\d)(?![,.]\d)${NO_UNIT_AFTER}`, 'g');

/** Eight digits standing alone (or 4 + 4 after 統編), unless a currency sign or unit says it is an amount. */
const BUSINESS_NUMBER = new RegExp(
  String.raw`${NOT_AFTER_CURRENCY}(?<!\d[,.]?)(?:\d{8}|(?<=(?:統編|統一編號|統一編碼)[:\s]{0,3})\d{4}[\s-]\d{4})(?![,.]?\d)${NO_UNIT_AFTER}`,
  'g',
);

const DIGIT = /\d/;
/** What NATIONAL_ID and BUSINESS_NUMBER cannot match without: eight digits, a space or dash allowed between them. */
const EIGHT_DIGITS = /\d(?:[\s-]?\d){7}/;
/** What LONG_NUMBER cannot match without: ten digits, a space or dash allowed between them. */
const TEN_DIGITS = /\d(?:[\s-]?\d){9}/;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function longNumber(found: string): string {
  const digits = found.replace(/\D/g, '');
  return digits.length >= 13 && passesLuhn(digits) ? REDACTED.card : REDACTED.account;
}

/**
 * The last texts redacted and what they became: an answer from the bot's memo is stored again with every turn that
 * asks it, and its text is the same each time.
 */
export const redactPersonalData: (text: string) => string = remembering(redact, 256, 10_000);

function redact(text: string): string {
  const normal = text.normalize('NFKC');
  // The cheap checks first: most questions have no @ and few digits, and this runs on every turn.
  let redacted = normal.includes('@') ? normal.replace(EMAIL, REDACTED.email) : normal;
  redacted = redacted.replace(LINE_ID, REDACTED.lineId);
  if (!DIGIT.test(redacted)) return redacted;
  // Each pattern below needs a run of digits that answers (amounts written 5,000,000) seldom have; a text without one
  // is not scanned for it.
  if (EIGHT_DIGITS.test(redacted)) redacted = redacted.replace(NATIONAL_ID, REDACTED.nationalId);
  if (DIGIT_THEN_MASK.test(redacted)) redacted = redacted.replace(MASKED_ID, REDACTED.nationalId).replace(MASKED_BUSINESS_NUMBER, REDACTED.businessNumber);
  redacted = redacted.replace(PHONE, REDACTED.phone);
  if (TEN_DIGITS.test(redacted)) redacted = redacted.replace(LONG_NUMBER, longNumber);
  if (EIGHT_DIGITS.test(redacted)) redacted = redacted.replace(BUSINESS_NUMBER, REDACTED.businessNumber);
  return redacted;
}
