import { describe, expect, it } from 'vitest';
import { parseVocabulary, STOP_WORDS, SYNONYM_GROUPS } from '../../knowledge/vocabulary.ts';

describe('the search vocabulary (knowledge/vocabulary.yaml)', () => {
  it('is read from the file staff edit, in normal form', () => {
    expect(SYNONYM_GROUPS).toContainEqual(expect.arrayContaining(['批次保證', '批保']));
    expect(SYNONYM_GROUPS).toContainEqual(['電話', 'tel']);
    expect(STOP_WORDS.has('請問')).toBe(true);
    expect(parseVocabulary('v.yaml', 'synonyms: [[批次保证, 批保]]\nterms: []\nstop_words: [FEE]\n')).toEqual({
      synonyms: [['批次保證', '批保']],
      terms: [],
      stop_words: ['fee'],
      named: [],
    });
    expect(parseVocabulary('v.yaml', 'synonyms: []\nterms: []\nstop_words: []\nnamed: [[台风, 风灾]]\n').named).toEqual([['颱風', '風災']]);
  });

  it('a mistake names the file and the field', () => {
    expect(() => parseVocabulary('knowledge/vocabulary.yaml', 'synonyms: [[批保]]\nterms: []\nstop_words: []\n')).toThrow(
      /knowledge\/vocabulary\.yaml[\s\S]*synonyms\.0/,
    );
  });
});
