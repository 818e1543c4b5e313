import path from 'node:path';
import { z } from 'zod';
import { normalizeText } from '../../knowledge/normalize.ts';
import { readDataFile } from '../data-file.ts';

const wordList = (what: string) =>
  z.array(z.string().trim().min(2, { error: `${what}的每個詞至少兩個字` }), { error: `${what}須為清單` }).min(1, { error: `${what}至少要有一個詞` });

export const HandoffWords = z.strictObject({
  request: wordList('request（轉真人客服）'),
  resume: wordList('resume（回到智慧客服）'),
  contact: wordList('contact（聯絡客服）'),
  offer_after_failures: z.number({ error: 'offer_after_failures 須為數字' }).int().min(1).max(10),
});
export type HandoffWords = z.infer<typeof HandoffWords>;

/** What a message says about people and bots, read with the words in words.yaml. */
export interface HandoffVocabulary {
  /** 「找真人」「轉客服」「人工客服」: the person wants a person. */
  asksForPerson(text: string): boolean;
  /** 「回到機器人」: the person wants the bot back. */
  asksForBot(text: string): boolean;
  /** 「聯絡客服」: the person wants the fund's contact details. */
  asksForContact(text: string): boolean;
  /** Answers missed in a row before a person is offered. */
  offerAfterFailures: number;
}

export function handoffVocabulary(words: HandoffWords): HandoffVocabulary {
  const says = (list: string[]) => {
    const forms = list.map(normalizeText);
    return (text: string) => {
      const normal = normalizeText(text);
      return forms.some((word) => normal.includes(word));
    };
  };
  return {
    asksForPerson: says(words.request),
    asksForBot: says(words.resume),
    asksForContact: says(words.contact),
    offerAfterFailures: words.offer_after_failures,
  };
}

let shipped: HandoffVocabulary | undefined;

/** bot/handoff/words.yaml, read and checked once. */
export function shippedHandoffVocabulary(): HandoffVocabulary {
  shipped ??= handoffVocabulary(readDataFile(path.join(import.meta.dirname, 'words.yaml'), HandoffWords));
  return shipped;
}
