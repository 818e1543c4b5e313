import * as OpenCC from 'opencc-js';
import { configs } from 'opencc-js/preset';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simplifiedToTaiwanese } from '../../knowledge/simplified-to-traditional.ts';

/** Every source and target string of the s2tw tables: each alone, and four at a time glued together. */
function tableTexts(): string[] {
  const config = configs.s2tw as unknown as { segmentation: string[]; conversionChain: string[][] };
  const words: string[] = [];
  for (const dict of [...config.segmentation, ...config.conversionChain.flat()]) {
    for (const line of dict.split('|')) words.push(...line.split(' '));
  }
  const glued: string[] = [];
  for (let i = 0; i + 3 < words.length; i += 4) glued.push(words.slice(i, i + 4).join(''));
  return [...words, ...glued];
}

describe('simplifiedToTaiwanese', () => {
  const ours = simplifiedToTaiwanese();
  const library = OpenCC.Converter({ from: 'cn', to: 'tw' });

  it('converts exactly as OpenCC cn → tw does: the knowledge documents, the tables, and odd characters', () => {
    const dir = 'knowledge/documents';
    const documents = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const odd = ['⿰氵⿱亠口', '⿲', '𠀀发', '\u{2F800}后', '\uFA0E里面', '台湾银行', 'ABC 简体 123', ''];
    const differing = [...documents, ...odd, ...tableTexts()].filter((text) => ours(text) !== library(text));
    expect(differing.slice(0, 5)).toEqual([]);
  }, 60_000);
});
