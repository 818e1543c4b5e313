/**
 * Dates in the Republic of China (民國) calendar, as the fund's announcements write them: 115/11/20,
 * 115.11.20, 115-11-20, 民國115年11月20日. The files keep ISO dates; these turn a 民國 date someone typed
 * into the ISO date it means, so a message (or the console) can say which date to write.
 */

const ROC_OFFSET = 1911;
const ROC_DATE = /^(?:民國)?\s*(\d{2,3})\s*(?:[/.-]|年)\s*(\d{1,2})\s*(?:[/.-]|月)\s*(\d{1,2})\s*日?$/;

/** The ISO date a 民國 date means, or undefined when `text` is not one (or names no real day). */
export function rocDateToIso(text: string): string | undefined {
  const match = ROC_DATE.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]) + ROC_OFFSET, Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** 「；若是民國日期，即民國115年11月20日 = 2026-11-20（民國年 + 1911），請寫成 2026-11-20」, or '' when `text` is not one. */
export function rocDateHint(text: string): string {
  const iso = rocDateToIso(text);
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `；若是民國日期，即民國${year - ROC_OFFSET}年${month}月${day}日 = ${iso}（民國年 + 1911），請寫成 ${iso}`;
}
