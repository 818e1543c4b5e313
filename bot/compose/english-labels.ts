import path from 'node:path';
import { z } from 'zod';
import { readDataFile } from '../data-file.ts';
import type { ResultCard } from '../types.ts';

const EnglishLabels = z.strictObject({
  labels: z.record(z.string().min(1, { error: '中文字詞不可空白' }), z.string({ error: '英文須為文字' })),
});

const pairs = Object.entries(readDataFile(path.join(import.meta.dirname, 'english-labels.yaml'), EnglishLabels).labels).sort(
  ([a], [b]) => b.length - a.length,
);

/**
 * Quoted passages and document titles are the sources' own words: they stay as written (a quotation holding a quoted
 * name of its own, 「…導入智慧客服「保哥」…」, whole).
 */
const SOURCE_WORDS = /「(?:[^「」\n]|「[^「」\n]*」)*」|《[^《》\n]*》|〈(?:[^〈〉\n]|〈[^〈〉\n]*〉)*〉/g;
/** 「民國103年12月15日」 (or 「103年12月15日」 after one): a reader of English reads the Western date. */
const ROC_DATE = /(?:民國)?(?<!\d)(\d{2,3})年(\d{1,2})月(\d{1,2})日/g;
/** 「新臺幣 40,000 元」, 「5,000,000 元」 → 「NT$ 40,000」, 「NT$ 5,000,000」; a number is read from its first digit only. */
const AMOUNT = /(?:新臺幣\s?)?(?<![\d,.])(\d[\d,.]*)\s?元/g;

/**
 * The answer's labels in English (english-labels.yaml), for a question asked in English; figures, formulas,
 * programme names, quotations and titles stay as they are.
 */
export function englishLabels(text: string): string {
  let result = '';
  let from = 0;
  for (const quoted of text.matchAll(SOURCE_WORDS)) {
    result += labelsOf(text.slice(from, quoted.index)) + quoted[0];
    from = quoted.index + quoted[0].length;
  }
  return result + labelsOf(text.slice(from));
}

function labelsOf(text: string): string {
  let result = text.replace(AMOUNT, 'NT$ $1').replace(ROC_DATE, (_date, year: string, month: string, day: string) => isoDate(year, month, day));
  for (const [chinese, english] of pairs) result = result.replaceAll(chinese, english);
  return result.replace(/ {2,}/g, ' ');
}

function isoDate(rocYear: string, month: string, day: string): string {
  return `${Number(rocYear) + 1911}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A result card with its labels in English. */
export function cardInEnglish(card: ResultCard): ResultCard {
  return {
    ...card,
    title: englishLabels(card.title),
    inputs: card.inputs.map((input) => ({ label: englishLabels(input.label), value: englishLabels(input.value) })),
    result: { label: englishLabels(card.result.label), value: englishLabels(card.result.value) },
    ...(card.ruleDate ? { ruleDate: englishLabels(card.ruleDate) } : {}),
    ...(card.notes ? { notes: card.notes.map(englishLabels) } : {}),
  };
}
