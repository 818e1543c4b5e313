/**
 * English questions are rewritten into the Chinese words the rest of understanding knows
 * ("guarantee fee" → 保證手續費, "5 million" → 5000000元, "47 years old" → 47歲), so one set of rules
 * serves both languages. The words are data (domain/registry/english.yaml); figures are read here. Input is
 * already lower-case.
 */
import { englishKey, shippedDomain, type Domain, type EnglishWords } from '../../domain/index.ts';

type Rewrite = [RegExp, string | ((...groups: string[]) => string)];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30, 'thirty-six': 36,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12,
};

function money(digits: string, scale: string): string {
  const value = Number(digits.replaceAll(',', '')) * (SCALES[scale] ?? 1);
  return `${Number(value.toPrecision(15))}元`;
}

/** 1e6 → 1000000, 2.5e3 → 2500: written out, so amounts parse it (and refuse 1e308 as too large, not as 308). */
function scientific(mantissa: string, exponent: string): string {
  const [whole = '', fraction = ''] = mantissa.split('.');
  const shift = Number(exponent) - fraction.length;
  const digits = `${whole}${fraction}`;
  const written = shift >= 0 ? digits + '0'.repeat(shift) : `${digits.slice(0, shift)}.${digits.slice(shift)}`;
  return written.replace(/^0+(?=\d)/, '');
}

/** Numbers, amounts, ages and durations: grammar with values, so code rather than the word list. */
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3)) + 1;
}

const FIGURES: Rewrite[] = [
  [/(?<![\w.])(\d+(?:\.\d+)?)e\+?(\d{1,3})\b/g, (_match, mantissa, exponent) => scientific(mantissa as string, exponent as string)],
  [new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b(?=(?:\\s*|-)(?:years?|months?|days?|million|billion|trillion|thousand))`, 'g'), (word) => String(NUMBER_WORDS[word as string])],
  [/(?:(?:nt\$|ntd|twd|\$)\s*)?(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|mn|bn|tn|k|m)\b/g, (_match, digits, scale) => money(digits as string, scale as string)],
  [/(?<![\d.])(\d+(?:\.\d+)?)\s*percent\b/g, '$1%'],
  // 「in the 2014 revision」「since 2011」: a year written alone after a word that places it in time is a year (2014年).
  [/\b(in|of|since|from|during|before|after|until|by)(?:\s+the)?\s+((?:19[5-9]|20[0-4])\d)\b(?![\d,.%年])/g, '$1 $2年'],
  // 「500w」: w is how 萬 is typed in chat, and 「2kw」 is 千萬 (k 千 before w 萬).
  [/(?<![\d.,])(\d+(?:\.\d+)?)\s*kw\b/g, '$1千萬'],
  [/(?<![\d.,])(\d+(?:\.\d+)?)\s*w\b/g, '$1萬'],
  // 「3千w」「五百w」: after a numeral written with Chinese digits or units, w is 萬 too.
  [/(?<=[\d零〇一二三四五六七八九十兩两拾百佰千仟])\s*w(?![a-z])/g, '萬'],
  // 「4.5e保證專款」「1e」: e is how 億 is typed in chat (never before a digit: 1e6 is written out above).
  [/(?<![\w.,])(\d+(?:\.\d+)?)e(?![a-z\d+-])/g, '$1億'],
  // 「my company is 2 years old」「the shop has been open for 3 years」: the business's age, not the owner's.
  [/\b(?:company|business|firm|shop|store|startup|studio)\s+(?:is|has been (?:open|running|operating)(?: for)?)\s+(\d+(?:\.\d+)?)[\s-]*(?:years?|yrs?)(?:[\s-]*old)?\b/g, '公司成立$1年'],
  // 「20 January 2015」「January 20, 2015」: a date, as the documents' readers write it (2015年1月20日).
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+(\\d{4})\\b`, 'g'), (_match, day, month, year) => `${year}年${monthNumber(month as string)}月${day}日`],
  [new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'), (_match, month, day, year) => `${year}年${monthNumber(month as string)}月${day}日`],
  // 「ROC year 103」「the 103rd year of the Republic」: a year of the calendar the documents date by.
  [/\b(?:roc|minguo|republic of china)\s+year\s+(\d{2,3})\b(?:\s*\(\d{4}\))?/g, '民國$1年'],
  // 「between Jan and Jun of ROC year 100」: a month named alone is that month (not 「may」, which is mostly a verb).
  [new RegExp(`\\b(${MONTHS.split('|').filter((m) => m !== 'may').join('|')})\\b\\.?(?!\\s*\\d)`, 'g'), (month) => `${monthNumber(month as string)}月`],
  [/(?<![\d.])(\d+)[\s-]*(?:years?|yrs?)[\s-]*old\b/g, '$1歲'],
  // 「46 y/o」「46yo」: years old, as chat abbreviates it.
  [/(?<![\d.])(\d{1,3})\s*y\/?o\b/g, '$1歲'],
  [/\b(?:i am|i'm|im|aged?)\s+(\d{2})\b(?!\s*(?:years?|months?|%|million))/g, '$1歲'],
  // 「a 2-year term」「18-month loan」: a hyphen joins the figure to its unit.
  [/(?<![\d.])(\d+(?:\.\d+)?)(?:\s*|-)(?:years?|yrs?|y)\b/g, '$1年'],
  [/(?<![\d.])(\d+)(?:\s*|-)months?\b/g, '$1個月'],
  [/(?<![\d.])(\d+)(?:\s*|-)days?\b/g, '$1天'],
];

/** Words that carry a letter or number of their own: 「group b」 → 「b組」, 「article 12-3」 → 「第12條之3」. */
const LABELLED: Rewrite[] = [
  [/\bgroup\s*([abc])\b/g, '$1組'],
  [/\barticle\s+(\d+)-(\d+)\b/g, '第$1條之$2'],
  // 「NT$45 million in revenue」「NT$52 million of 短中期 working capital loans」: English puts what the figure is after it;
  // the Chinese word goes before it, where the roles of figures are read from.
  [/(?<![\d,.])(\d[\d,.]*[元萬億])\s+(?:in|of)\s+((?:[a-z]+[\s-]+){0,3})(\p{Script=Han}+)/gu, '$2$3$1'],
  // "Taipei's guarantee balance", "the financial institutions' donation": the possessive of a name read in Chinese is the name.
  [/(\p{Script=Han})['’](?:s\b)?/gu, '$1'],
  // "between New Taipei and Taichung", "Taipei's … than Kaohsiung's": two things set against each other (跟, 比), as the
  // Chinese sides of a comparison are read.
  [/\bbetween\s+(?=\p{Script=Han})/gu, ''],
  [/(\p{Script=Han})\s+and\s+(?=\p{Script=Han})/gu, '$1跟'],
  [/(?<!\s)\s+than\s+(?:the\s+)?(?=\p{Script=Han})/gu, '比'],
  // "How much does the batch guarantee cover?": how much of the loan is covered, the guarantee ratio.
  [/多少 (?:does|do|will|would|can|could) ([^?\s][^?]{0,59}?) cover(?![a-z])/gu, '$1 保幾成'],
];

/** In an English sentence, the articles left over (「a 47歲 女性」) are not the risk group a. */
const ARTICLES = /(?<![a-z0-9])(?:an?|the)\s+(?=[a-z0-9\u4e00-\u9fff])/gi;
const ENGLISH_WORD = /[a-z]{2,}/;

function applied(text: string, rewrites: Rewrite[]): string {
  let result = text;
  for (const [pattern, replacement] of rewrites) {
    result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement as (...args: string[]) => string);
  }
  return result;
}

/** The Chinese for an English phrase as matched ("Start-ups" → the word listed for "start up"). */
function chineseFor(matched: string, english: EnglishWords): string {
  const key = englishKey(matched);
  return english.chinese.get(key) ?? english.chinese.get(key.replace(/es$/, '')) ?? english.chinese.get(key.replace(/s$/, '')) ?? matched;
}

/** 「6mo」「18mths」 are months. */
const MONTH_ABBREVIATION = /(?<![\d.,])(\d{1,3})\s*(?:mo|mos|mth|mths)\b/g;
/** 「6m」 beside an amount written in full (「6000000 0.8 C 6m」) is a period: the amount is already given. */
const SHORT_M = /(?<![\d.,])(\d{1,2})\s*m\b/g;
const FULL_AMOUNT = /(?<![\d.,])\d{5,}(?![\d.])|\d[\d,]{5,}|\d(?:\.\d+)?\s*(?:million|mn|萬|億)/;

function monthsBesideAmount(text: string): string {
  const months = text.replace(MONTH_ABBREVIATION, '$1個月');
  if (!FULL_AMOUNT.test(months.replace(SHORT_M, ''))) return months;
  return months.replace(SHORT_M, (whole, n: string) => (Number(n) <= 60 ? `${n}個月` : whole));
}

/**
 * English rewritten into the words understanding knows: figures by the grammar above, then every phrase of
 * domain/registry/english.yaml in one pass (longest first at each place), then the labelled words.
 */
export function englishToChinese(written: string, domain: Domain = shippedDomain()): string {
  // (As written, 「When is the briefing…」 kept as the topic of a follow-up: its words are read whatever their case.)
  const text = written.toLowerCase();
  if (!/[a-z]/.test(text)) return written;
  // A turn reads its message and the topic before it in several places: each is rewritten once.
  let rewritten = REWRITTEN.get(domain);
  if (rewritten === undefined) REWRITTEN.set(domain, (rewritten = new Map()));
  const known = rewritten.get(written);
  if (known !== undefined) return known;
  if (rewritten.size >= REWRITTEN_KEPT) rewritten.clear();
  const result = rewrittenInChinese(text, domain);
  rewritten.set(written, result);
  return result;
}

/** The last messages rewritten, per vocabulary (a new knowledge version brings a new domain, so nothing stale is read). */
const REWRITTEN = new WeakMap<Domain, Map<string, string>>();
const REWRITTEN_KEPT = 64;

function rewrittenInChinese(text: string, domain: Domain): string {
  const figures = applied(monthsBesideAmount(text), FIGURES);
  const worded = figures.replace(domain.english.pattern, (matched) => chineseFor(matched, domain.english));
  const labelled = applied(worded, LABELLED);
  const read = ENGLISH_WORD.test(text) ? labelled.replace(ARTICLES, '') : labelled;
  // "Does the fund guarantee…?", "Can I still apply?": a question opening with an auxiliary verb asks yes or no (嗎).
  return YES_NO_OPENING.test(text) ? read.replace(/\?\s*$/u, '嗎?') : read;
}

const YES_NO_OPENING = /^\s*(?:does|do|did|can|could|is|are|was|were|will|would|may|might|should|has|have|had|must)\b[^?]*\?\s*$/u;
