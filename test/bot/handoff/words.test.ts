import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, readDataFile } from '../../../bot/data-file.ts';
import { HandoffWords, shippedHandoffVocabulary } from '../../../bot/handoff/index.ts';

function wordsFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'handoff-words-')), 'words.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the handoff words fund staff keep in bot/handoff/words.yaml', () => {
  it('are read and checked', () => {
    const words = shippedHandoffVocabulary();
    expect(words.asksForPerson('我想找真人客服')).toBe(true);
    expect(words.asksForBot('回到機器人')).toBe(true);
    expect(words.asksForContact('聯絡客服')).toBe(true);
    expect(words.offerAfterFailures).toBe(2);
  });

  it('match after the message is normalised: Simplified, full-width and capital letters', () => {
    const words = shippedHandoffVocabulary();
    expect(words.asksForPerson('我要人工客服')).toBe(true);
    expect(words.asksForPerson('转客服')).toBe(true);
    expect(words.asksForPerson('TALK TO A HUMAN')).toBe(true);
  });

  it('refuse a file with a one-letter word, naming the line and the list', () => {
    const file = wordsFile('request: [找真人, 人]\nresume: [回到機器人]\ncontact: [聯絡客服]\noffer_after_failures: 2\n');
    expect(() => readDataFile(file, HandoffWords)).toThrow(DataFileError);
    expect(() => readDataFile(file, HandoffWords)).toThrow(/第 1 行 request\.1：request（轉真人客服）的每個詞至少兩個字/);
  });

  it('refuse a file without the number of misses before an offer', () => {
    const file = wordsFile('request: [找真人]\nresume: [回到機器人]\ncontact: [聯絡客服]\n');
    expect(() => readDataFile(file, HandoffWords)).toThrow(/offer_after_failures/);
  });
});
