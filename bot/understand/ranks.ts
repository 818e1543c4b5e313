import { parseChineseNumber } from './numbers.ts';

/** 前三名, 前3家, 哪三家…最高, 第四名, 排第二, 第二、第三: places in a ranking (at most the 20th). */
const TOP = /前\s*([一二兩三四五六七八九十\d]{1,3})\s*(?:名|家|個|大|位|高|多)/gu;
const PLACE = /(?:排名?\s*)?第\s*([一二兩三四五六七八九十\d]{1,3})\s*(?=名|高|多|大|家|位|、|跟|和|與|及|呢|是|的|$)/gu;
const RANKING = /排|名|高|多|大|少|低/u;
/** 「哪三家銀行的保證餘額最高」: as many places from the top as it names. */
const WHICH_N = /哪\s*([兩三四五六七八九十\d]{1,2})\s*(家|個|間|位|名|縣市|大)/gu;

function placeNumber(raw: string): number | undefined {
  const n = /^\d+$/.test(raw) ? Number(raw) : parseChineseNumber(raw.replace('兩', '二'));
  return n !== undefined && n >= 1 && n <= 20 ? n : undefined;
}

/** The places a question asks for in a ranking of table rows, or undefined when it asks none. */
export function findRank(text: string): { from: number; to: number } | undefined {
  if (!RANKING.test(text)) return undefined;
  for (const m of [...text.matchAll(TOP), ...text.matchAll(WHICH_N)]) {
    const n = placeNumber(m[1] as string);
    if (n !== undefined && n >= 2) return { from: 1, to: n };
  }
  const places = [...text.matchAll(PLACE)].map((m) => placeNumber(m[1] as string)).filter((n): n is number => n !== undefined);
  if (places.length === 0) return undefined;
  return { from: Math.min(...places), to: Math.max(...places) };
}

/** The text without the places of a ranking it asks (「第一名」, 「前三大」): ways of asking, which match no passage's words. */
export function withoutRankPhrases(text: string): string {
  return text.replace(TOP, ' ').replace(WHICH_N, ' ').replace(PLACE, ' ');
}

/**
 * The words of a ranking asked (「哪五個縣市」 → 五個, 「前三名」 → 三名, 「第二名」): a way of asking, not a topic to look
 * for. Every run of two or more characters of each place phrase, as a segmenter may cut it anywhere.
 */
export function rankCountWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of [...text.matchAll(TOP), ...text.matchAll(WHICH_N), ...text.matchAll(PLACE)]) {
    const phrase = m[0].replace(/\s+/gu, '');
    for (let i = 0; i < phrase.length; i++) for (let j = i + 2; j <= phrase.length; j++) words.add(phrase.slice(i, j));
  }
  return [...words];
}
