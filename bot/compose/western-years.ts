import type { FlowResult } from '../flows/context.ts';
import { isSourcesLine } from './reply.ts';

/** The first year of the Republic is 1912: year N of the Republic is N + 1911. */
const REPUBLIC_OFFSET = 1911;
/**
 * A date of the Republic as the answer writes it (中華民國99年1月14日, 103 年 12 月 15 日, 98 年 11 月, 63 年設立, 111年底):
 * its year, and its month and day when written. Not a day's number or an amount (the year has two or three digits).
 */
const ROC_DATE = /(?:(?:中華)?民國\s*)?(?<![\d,.])(\d{2,3})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/gu;
/** The most dates converted: the ones the answer says first are the ones asked about. */
const MOST = 6;

/**
 * 「信保基金是哪一年成立的？要西元年喔」「那封函是哪一天發的？要西元」: the dates of the Republic the answer states (not those
 * of the line naming its sources, which date the documents), each in the Western calendar, on a line after the figures.
 */
export function withWesternYears(result: FlowResult): FlowResult {
  const [head, ...others] = result.replies;
  // (A passage quoted with less certainty is still what the answer says.)
  if (!head || (result.outcome !== 'answered' && result.outcome !== 'low_confidence')) return result;
  const lines = head.text.split('\n');
  const dates: string[] = [];
  for (const line of lines) {
    if (isSourcesLine(line)) continue;
    for (const m of line.matchAll(ROC_DATE)) {
      const year = Number(m[1]);
      if (year < 1 || year > 200) continue;
      const [month, day] = [m[2], m[3]];
      const roc = `民國${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
      const western = `西元${year + REPUBLIC_OFFSET}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
      const said = `${roc}＝${western}`;
      if (!dates.includes(said)) dates.push(said);
    }
  }
  if (dates.length === 0) return result;
  const converted = `西元換算：${dates.slice(0, MOST).join('；')}`;
  const sources = lines.findIndex(isSourcesLine);
  lines.splice(sources < 0 ? lines.length : sources, 0, converted);
  return { ...result, grounding: [...(result.grounding ?? []), converted], replies: [{ ...head, text: lines.join('\n') }, ...others] };
}

/**
 * The message as understanding reads it when it asks a year in the Western calendar: 「西元幾年推出」 asks the year as
 * 「民國幾年推出」 does, and 「換成西元是哪一年」「要西元年喔」 ask nothing else of their own (the answer converts the years).
 */
export function withoutWesternAsk(text: string): string {
  return text
    .replace(/(?:換成|換算成|轉成)(?:西元|公元)(?=是)/gu, '')
    .replace(/(?:西元|公元)(?=\s*(?:幾|哪))/gu, '民國')
    .replace(/(?:換成|換算成|轉成|要)(?:西元|公元)年?(?:喔|哦|噢|啦|唷)?[，,]?/gu, '');
}
