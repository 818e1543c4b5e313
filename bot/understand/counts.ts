import { matchesOf, mention, type Mention } from './mention.ts';
import { ARABIC, NUMERAL, SMALL_NUMERAL, parseChineseNumber } from './numbers.ts';

/**
 * Counts and ordinals: 第13屆, 第6206627號, 324,206件, 3家, 20倍; and every other Arabic number as plain.
 * Chinese numerals count only with a strong classifier, so 一般 or 統一發票 yield nothing.
 */
const ORDINAL = new RegExp(`第\\s*(${NUMERAL})\\s*(?:屆|届|次|條|条|項|项|款|號|号|名|季|批|期|梯|章|頁|页|版|組|组)?`, 'g');
const ARABIC_COUNT = new RegExp(`(?<![\\d.,])(${ARABIC})\\s*(?:件|家|筆|笔|人|位|名|次|屆|届|倍|條|条|項|项|批|間|间|戶|户|張|张|個|个)(?!月)`, 'g');
const CHINESE_COUNT = new RegExp(`(?<![\\d.,])(${SMALL_NUMERAL})\\s*(?:件|家|筆|笔|倍|屆|届)`, 'g');
const PLAIN = new RegExp(`(?<![\\d.,])(?:${ARABIC})(?:\\s?[千仟百佰萬万億亿兆](?:${ARABIC})?)*(?![\\d])`, 'g');

export function findCounts(text: string): Mention[] {
  const found: Mention[] = [];
  for (const pattern of [ORDINAL, ARABIC_COUNT, CHINESE_COUNT]) {
    for (const m of matchesOf(pattern, text)) {
      const value = parseChineseNumber(m[1] as string);
      if (value !== undefined) found.push(mention('count', 'count', value, m[0], m.index));
    }
  }
  return found;
}

export function findPlainNumbers(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of matchesOf(PLAIN, text)) {
    const value = parseChineseNumber(m[0]);
    if (value !== undefined) found.push(mention('plain', 'plain', value, m[0], m.index));
  }
  return found;
}
