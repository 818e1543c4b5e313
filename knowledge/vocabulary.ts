import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { normalizeText } from './normalize.ts';

/**
 * The fund's vocabulary for search, in `vocabulary.yaml` beside this file so fund staff can read and extend it:
 * synonym groups, terms kept whole, and words that carry no topic. Entries are put in normal form here
 * (normalizeText: Simplified → Traditional, full-width, case); the variant-character folding (臺→台) is the
 * tokenizer's, applied to both sides.
 */
export const VOCABULARY_FILE = path.join(import.meta.dirname, 'vocabulary.yaml');

const word = z.string().trim().min(1, { error: '不可為空白' });
const vocabularySchema = z.strictObject({
  synonyms: z.array(z.array(word).min(2, { error: '同義詞組至少要有兩個字詞' })),
  terms: z.array(word),
  stop_words: z.array(word),
  named: z.array(z.array(word).min(1, { error: '每一類至少要有一個稱呼' })).default([]),
});

export type Vocabulary = z.infer<typeof vocabularySchema>;

/** Reads and checks the vocabulary; a problem names the file and the field, and stops start-up. */
export function parseVocabulary(file: string, content: string): Vocabulary {
  const parsed = vocabularySchema.safeParse(parse(content));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '（整個檔案）'}：${issue.message}`);
    throw new Error(`${file} 有錯誤：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const normal = (words: string[]) => words.map((w) => normalizeText(w));
  return { synonyms: parsed.data.synonyms.map(normal), terms: normal(parsed.data.terms), stop_words: normal(parsed.data.stop_words), named: parsed.data.named.map(normal) };
}

const vocabulary = parseVocabulary(VOCABULARY_FILE, readFileSync(VOCABULARY_FILE, 'utf8'));

/**
 * Groups of words that mean the same to a user; the first word of a group is the token every
 * member also emits, so a query in one wording finds a section written in another.
 */
export const SYNONYM_GROUPS: ReadonlyArray<ReadonlyArray<string>> = vocabulary.synonyms;

/**
 * Terms that must stay whole in search, because the word segmenter splits or misreads them,
 * or because the whole term says more than its parts. Synonym group members are added too.
 */
export const DOMAIN_TERMS: ReadonlyArray<string> = vocabulary.terms;

/**
 * Kinds of thing that have names of their own (颱風, 地震, 信用保證基金), each with the words a question calls them by:
 * a thing of such a kind named by a name the documents never give one (「凡那比颱風」) is not in them.
 */
export const NAMED_KINDS: ReadonlyArray<ReadonlyArray<string>> = vocabulary.named;

/** Words that carry no topic in a question. Applied to segmenter words only. */
export const STOP_WORDS: ReadonlySet<string> = new Set(vocabulary.stop_words);
