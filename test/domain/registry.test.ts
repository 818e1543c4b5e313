/**
 * The domain registry (domain/registry/*.yaml) is complete: every fact a rule can ask for has a question and is read back
 * from each answer the bot offers or expects, and every programme has names, documents, a rate source and cases.
 * Adding a rule that asks for a new fact, or a new programme, fails here until its words are in the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { questionFor, answerToPending } from '../../bot/dialogue/questions.ts';
import { englishToChinese } from '../../bot/understand/english.ts';
import { understand } from '../../bot/understand/index.ts';
import { corrected, englishKey, shippedDomain, soundAlikeNames } from '../../domain/index.ts';
import { normalizeText } from '../../knowledge/normalize.ts';
import { FactFlags, Facts } from '../../rules/facts.ts';
import { rateSource } from '../../rules/fee-rate.ts';
import { PROGRAMME_IDS } from '../../rules/programmes.ts';

const ROOT = join(import.meta.dirname, '../..');
const domain = shippedDomain();

/** What the English word list makes of one phrase alone. */
function domainEnglish(phrase: string): string | undefined {
  return domain.english.chinese.get(englishKey(phrase));
}

function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending))
    .map((f) => join(ROOT, folder, f));
}

/** Every fact the calculator can report missing: `need('age', …)`, `MissingFactsError(['riskGroup'])`, `? ['loanAmount'] :`. */
function factsRulesAskFor(): string[] {
  const asked = new Set<string>(['programme']);
  for (const file of filesUnder('rules', '.ts')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:need\(|\? \[|MissingFactsError\(\[)'([\w.]+)'/g)) asked.add(m[1] as string);
  }
  const isFact = (name: string) => (name.startsWith('flags.') ? name.slice('flags.'.length) in FactFlags.shape : name in Facts.shape);
  return [...asked].filter(isFact).sort();
}

/** What the bot makes of a reply to its question for `fact`: the reply's own facts plus its reading as an answer. */
function readAsAnswer(fact: string, reply: string): Record<string, unknown> {
  const u = understand(reply);
  const facts: Record<string, unknown> = { ...(answerToPending(fact, u, understand) ?? u.facts) };
  if (fact.startsWith('flags.')) return (facts.flags ?? {}) as Record<string, unknown>;
  return facts;
}

describe('the domain registry', () => {
  const asked = factsRulesAskFor();

  it('finds the facts the rules ask for (the scan works)', () => {
    expect(asked).toEqual(expect.arrayContaining(['age', 'loanAmount', 'riskGroup', 'flags.sme', 'loanPurpose', 'workingCapitalBalance']));
  });

  it.each(asked)('has a question of its own for %s', (fact) => {
    const question = questionFor(fact, domain);
    expect(question.text).not.toMatch(/請再/);
    expect(question.text).toMatch(/[?？]/);
  });

  it.each(asked)('reads back every offered answer and example for %s', (fact) => {
    const field = fact.startsWith('flags.') ? fact.slice('flags.'.length) : fact;
    const { quickReplies } = questionFor(fact, domain);
    const examples = domain.facts.questions[fact as keyof typeof domain.facts.questions]?.examples ?? [];
    const replies = [...quickReplies, ...examples];
    expect(replies.length, `${fact} has no quick replies or examples in domain/registry/facts.yaml`).toBeGreaterThan(0);
    for (const reply of replies) expect(readAsAnswer(fact, reply), `「${reply}」 as an answer for ${fact}`).toHaveProperty(field);
  });

  it('offers, after facts stated alone, only questions the bot reads as questions', () => {
    const offered = [...Object.values(domain.facts.questions).flatMap((q) => q?.leadsTo ?? []), ...domain.facts.factsOnly.quickReplies];
    expect(offered.length).toBeGreaterThan(2);
    for (const question of offered) expect(understand(question).intent, `「${question}」`).not.toBe('unknown');
  });

  const flagCues = (parse(readFileSync(join(ROOT, 'domain/registry/facts.yaml'), 'utf8')) as { flags: Record<string, { cues: unknown[] }> }).flags;

  it.each(Object.keys(flagCues))('recognises each plain cue of the circumstance %s in a sentence, and its denial', (flag) => {
    const words = (flagCues[flag]?.cues ?? []).filter((cue): cue is string => typeof cue === 'string');
    for (const word of words) {
      expect(understand(`我們公司${word}，想問一下`).facts.flags?.[flag as 'sme'], word).toBe(true);
      expect(understand(`我們沒有${word}`).facts.flags?.[flag as 'sme'], `沒有${word}`).toBe(false);
    }
  });

  it.each(domain.facts.flags.map((f) => f.flag))('recognises the circumstance %s through its first cue', (flag) => {
    const first = flagCues[flag]?.cues[0];
    const word = typeof first === 'string' ? first : (first as { word?: string; first?: string[]; then?: string[] }).word ?? `${(first as { first: string[] }).first[0]}${(first as { then: string[] }).then[0]}`;
    expect(understand(`我們公司${word}，想問一下`).facts.flags?.[flag]).toBe(true);
    expect(understand(`我們沒有${word}`).facts.flags?.[flag]).toBe(false);
  });

  it.each(PROGRAMME_IDS)('gives %s names, documents, a rate source and cases', (programme) => {
    const names = domain.programmes.names.filter((n) => n.id === programme && !n.weak);
    expect(names.length).toBeGreaterThan(0);
    for (const { name } of names) expect(understand(`${name}的保證成數？`).programmes[0]).toBe(programme);
    const documents = new Set(readdirSync(join(ROOT, 'knowledge/documents')).map((f) => f.replace(/\.md$/, '')));
    for (const document of domain.programmes.documents[programme]) expect(documents.has(document), document).toBe(true);
    expect(rateSource(programme).kind).toBeDefined();
    const cases = filesUnder('rules/cases', '.yaml').map((f) => readFileSync(f, 'utf8'));
    expect(cases.some((text) => new RegExp(`programme: ${programme}\\b`).test(text)), `a case in rules/cases for ${programme}`).toBe(true);
  });

  const english = (parse(readFileSync(join(ROOT, 'domain/registry/english.yaml'), 'utf8')) as { programmes: Record<string, string[]>; words: Record<string, string[]> });

  it.each(PROGRAMME_IDS)('reads every English name of %s as that programme, with a hyphen and in the plural too', (programme) => {
    const phrases = english.programmes[programme] ?? [];
    expect(phrases.length, `${programme} has no English name in domain/registry/english.yaml`).toBeGreaterThan(0);
    for (const phrase of phrases) {
      expect(understand(`What is the guarantee ratio of ${phrase}?`).programmes[0], phrase).toBe(programme);
      expect(understand(`${phrase.replaceAll(' ', '-').toUpperCase()}S guarantee ratio`).programmes[0], `${phrase} hyphenated, plural`).toBe(programme);
    }
  });

  it('reads each English word as its Chinese, the longest phrase first', () => {
    for (const [word, phrases] of Object.entries(english.words)) {
      for (const phrase of phrases) {
        expect(domainEnglish(phrase), phrase).toBe(word);
        expect(englishToChinese(`so ${phrase} so`), phrase).toBe(`so ${word} so`);
      }
    }
  });

  it('reads English words whatever their capitals (a sentence opening 「When…」, kept as the topic of a follow-up)', () => {
    expect(englishToChinese('When Is The Briefing Session?')).toBe(englishToChinese('when is the briefing session?'));
    expect(englishToChinese('When is the briefing session?')).toContain('說明會');
  });

  const roles = parse(readFileSync(join(ROOT, 'domain/registry/roles.yaml'), 'utf8')) as Record<string, Array<{ role: string; cues: unknown[] }>>;
  const amountRole: Record<string, string | undefined> = { annualRevenue: 'annualRevenue', workingCapitalBalance: 'workingCapitalBalance', loanAmount: 'loanAmount' };

  it.each((roles.amount ?? []).filter((r) => amountRole[r.role]).flatMap((r) => r.cues.filter((c): c is string => typeof c === 'string').map((cue) => [cue, r.role] as const)))(
    'reads an amount after 「%s」 as the %s',
    (cue, role) => {
      const facts = understand(`${cue}300萬`).facts as Record<string, unknown>;
      expect(facts[role], `${cue}300萬`).toBe(3_000_000);
    },
  );
});

describe('misspellings (domain/registry/words.yaml)', () => {
  const words = parse(readFileSync(join(ROOT, 'domain/registry/words.yaml'), 'utf8')) as { misspellings: Record<string, string[]> };
  const documents = filesUnder('knowledge/documents', '.md').map((file) => readFileSync(file, 'utf8')).join('\n');

  it.each(Object.entries(words.misspellings).flatMap(([right, wrongs]) => wrongs.map((wrong) => [wrong, right] as const)))(
    'reads 「%s」 as 「%s」, a spelling no knowledge document uses',
    (wrong, right) => {
      expect(documents.includes(wrong), `${wrong} is written in a knowledge document`).toBe(false);
      expect(corrected(`請問${wrong}怎麼算`, domain)).toBe(`請問${right}怎麼算`);
    },
  );

  it('reads a programme name with one sound-alike character as the name, never a spelling the documents use', () => {
    expect(corrected('火金菇是什麼', domain)).toBe('火金姑是什麼');
    expect(corrected('莫拉科颱風受災企業', domain)).toBe('莫拉克颱風受災企業');
    expect(corrected('災害複舊貸款', domain)).toBe('災害復舊貸款');
    // (Another word, not a sound-alike, is left: 青年就業 is no 青年創業.)
    expect(corrected('青年就業貸款', domain)).toBe('青年就業貸款');
    const generated = soundAlikeNames(domain.programmes.names.map((n) => n.name), (parse(readFileSync(join(ROOT, 'domain/registry/words.yaml'), 'utf8')) as { sound_alike: string[][] }).sound_alike);
    const spellings = Object.values(generated).flat();
    expect(spellings.length).toBeGreaterThan(100);
    expect(spellings.filter((wrong) => documents.includes(wrong))).toEqual([]);
  });

  const variants = (parse(readFileSync(join(ROOT, 'domain/registry/words.yaml'), 'utf8')) as { variant_characters: Record<string, string[]> }).variant_characters;
  it.each(Object.entries(variants).flatMap(([right, forms]) => forms.map((form) => [form, right] as const)))(
    'reads the variant character 「%s」 as 「%s」, a form no knowledge document uses',
    (form, right) => {
      expect(documents.includes(form), `${form} is written in a knowledge document`).toBe(false);
      expect(corrected(`問${form}`, domain)).toBe(`問${right}`);
    },
  );

  it('reads a programme name written with variant characters as the name', () => {
    expect(understand('鳯凰貸款保幾成').programmes).toEqual(['phoenix']);
    expect(understand('靑創貸款保幾成').programmes).toEqual(['youth_startup']);
    expect(understand('火金姑専案保幾成').programmes).toEqual(['firefly']);
  });

  it('leaves a message without misspellings as it is, and reads a misspelt fee question as a fee question', () => {
    expect(corrected('週轉金貸款手續費', domain)).toBe('週轉金貸款手續費');
    const u = understand('青創帶款借200萬 借3年 保證手續廢要多少');
    expect(u.intent).toBe('fee_calculation');
    expect(u.asks).toContain('fee_amount');
  });
});

describe('registry words are written as messages read after normalising', () => {
  /** Every Chinese word of a registry file, wherever it stands (lists, cue objects, keys of word maps). */
  function chineseWords(value: unknown, into: Set<string>): Set<string> {
    if (typeof value === 'string') {
      if (/\p{Script=Han}/u.test(value)) into.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) chineseWords(item, into);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        chineseWords(key, into);
        chineseWords(item, into);
      }
    }
    return into;
  }

  // Messages are read in Taiwanese Traditional form (公布 → 公佈, 占 → 佔): a word written otherwise would never match.
  it.each(filesUnder('domain/registry', '.yaml').map((file) => [file.slice(ROOT.length + 1), file] as const))('%s', (_name, file) => {
    const words = [...chineseWords(parse(readFileSync(file, 'utf8')), new Set())];
    const unread = words.filter((word) => normalizeText(word) !== word.normalize('NFKC').toLowerCase()).map((word) => `${word} → ${normalizeText(word)}`);
    expect(unread).toEqual([]);
  });
});
