import { shippedDomain, type Domain } from '../../domain/index.ts';
import { PROGRAMMES, type ProgrammeId } from '../../rules/programmes.ts';
import { isDenied } from './negation.ts';

interface Hit {
  id: ProgrammeId;
  index: number;
  end: number;
  weak: boolean;
}

function hitsIn(text: string, domain: Domain): Hit[] {
  // (A phrase that holds a name without naming the programme competes as a name of none, id undefined.)
  const candidates: Array<Omit<Hit, 'id'> & { id: ProgrammeId | undefined }> = [];
  for (const { id, name, weak } of [...domain.programmes.names, ...domain.programmes.notNames.map((name) => ({ id: undefined, name, weak: false }))]) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      candidates.push({ id, index: at, end: at + name.length, weak });
    }
  }
  candidates.push(...halfRemembered(text, domain));
  // (「那個專門給婦女創業的貸款」: a programme described by whom it is for names it, as its name would.)
  for (const { id, pattern } of domain.programmes.described) {
    for (const m of text.matchAll(pattern)) candidates.push({ id, index: m.index, end: m.index + m[0].length, weak: false });
  }
  // The longest name wins where names overlap (促進產業研究發展貸款 is not 發展貸款).
  candidates.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const kept: typeof candidates = [];
  for (const hit of candidates) {
    if (!kept.some((k) => hit.index < k.end && k.index < hit.end)) kept.push(hit);
  }
  return kept.filter((hit): hit is Hit => hit.id !== undefined).sort((a, b) => a.index - b.index);
}

/** How many characters of a name may stand before (and after) a wildcard. */
const HALF_NAME = 3;

/**
 * 「還有一個給婦女的叫鳳什麼的」「火什麼姑那個專案」: a name half remembered, its start before a wildcard (programmes.yaml
 * name_wildcards) and after it a character of the name or a word ending the name (name_wildcard_ends: 的, 那個…), names
 * the programme when only one programme's names fit (the longest start that fits any name is read). 「是什麼」「有什麼」
 * begin no name; 「會發什麼給銀行」 ends none.
 */
function halfRemembered(text: string, domain: Domain): Hit[] {
  const hits: Hit[] = [];
  for (const wildcard of domain.programmes.nameWildcards) {
    for (let at = text.indexOf(wildcard); at >= 0; at = text.indexOf(wildcard, at + 1)) {
      const before = text.slice(Math.max(0, at - HALF_NAME), at);
      const next = text.slice(at + wildcard.length);
      const after = next.slice(0, 1);
      const ended = next === '' || /^[\s，,。？?！!]/u.test(next) || domain.programmes.nameWildcardEnds.some((end) => next.startsWith(end));
      for (let size = before.length; size >= 1; size--) {
        const start = before.slice(-size);
        if (!/^\p{Script=Han}+$/u.test(start)) continue;
        const fitting = domain.programmes.names.filter(({ name, weak }) => !weak && name.length > size && name.startsWith(start));
        if (fitting.length === 0) continue;
        const rest = fitting.filter(({ name }) => after !== '' && name.slice(size).includes(after));
        if (rest.length === 0 && !ended) break;
        const ids = new Set((rest.length > 0 ? rest : fitting).map((n) => n.id));
        const end = at + wildcard.length + (rest.length > 0 ? 1 : 0);
        if (ids.size === 1) hits.push({ id: [...ids][0]!, index: at - size, end, weak: false });
        break;
      }
    }
  }
  return hits;
}

/** 「是不是青創」: a denial word that only asks whether. */
/** Where one question (or sentence) of a message ends. */
const SENTENCE_END = /[？?；;。！!\n]/gu;

/** The sentence (up to its closing mark) around a place in the text. */
function sentenceAround(text: string, at: number): { index: number; end: number } {
  let index = 0;
  for (const mark of text.matchAll(SENTENCE_END)) {
    if (mark.index >= at) return { index, end: mark.index + 1 };
    index = mark.index + 1;
  }
  return { index, end: text.length };
}

const ASKING_WHETHER = /是不是$|是否$|是非$/;

/**
 * Programmes named in normalised text (domain/registry/programmes.yaml), in order of first mention, and those named
 * outright. A circumstance (莫拉克, 新創事業) names its programme only when nothing is named outright, so
 * 「一般貸款，有簽促進就業具結書」 is about 一般貸款. `contrasted`: those named outright only as a contrast
 * (「還是只有一般貸款才有」: every mention between the contrast words of domain/registry/intents.yaml).
 */
export function programmesIn(
  text: string,
  domain: Domain = shippedDomain(),
): { programmes: ProgrammeId[]; byName: ProgrammeId[]; contrasted: ProgrammeId[] } {
  // 「我不是莫拉克災區的」: a programme denied is not the one asked about (「是不是青創」 still asks about it).
  const denied = (h: Hit) => isDenied(text, h.index) && !ASKING_WHETHER.test(text.slice(Math.max(0, h.index - 3), h.index));
  // 「除了一般貸款，授權保證還有哪些項目」: a programme left out is not the one asked about.
  const excluding = domain.intents.excluding;
  const excluded = (h: Hit) => excluding !== undefined && excluding.test(text.slice(Math.max(0, h.index - 3), h.index));
  const hits = hitsIn(text, domain).filter((h) => !denied(h) && !excluded(h));
  const strong = hits.filter((h) => !h.weak);
  // 「促進就業的保證手續費率多少？鳳凰貸款費率多少？」: a circumstance that is the subject of a question of its own, which
  // names nothing outright, names its programme beside the others (「一般貸款，有簽促進就業具結書」 and 「我們是新創事業。青創…」
  // still do not).
  // (「老闆如果簽了促進就業具結書 變多少」 beside 火金姑: words of a circumstance's own cue, 促進就業具結書, are the
  // circumstance told, not its programme asked about.)
  // (Read only when a circumstance's hit would otherwise name its programme beside one named outright.)
  let flagWords: Array<[number, number, ProgrammeId]> | undefined;
  const ownQuestion = (h: Hit) => {
    flagWords ??= strong.length > 0 ? flagCueSpans(text, domain) : [];
    if (flagWords.some(([from, to, id]) => id === h.id && h.index >= from && h.end <= to)) return false;
    const sentence = sentenceAround(text, h.index);
    const words = text.slice(sentence.index, sentence.end);
    return !strong.some((s) => s.index < sentence.end && sentence.index < s.end) && domain.intents.question.test(words);
  };
  const unique = (list: Hit[]) => [...new Set(list.map((h) => h.id))];
  const byName = unique(strong);
  const words = domain.intents.contrast;
  const contrasting = (h: Hit) => words !== undefined && words.before.test(text.slice(Math.max(0, h.index - 4), h.index)) && words.after.test(text.slice(h.end, h.end + 4));
  const contrasted = byName.filter((id) => strong.filter((h) => h.id === id).every(contrasting));
  return { programmes: unique(strong.length > 0 ? hits.filter((h) => !h.weak || ownQuestion(h)) : hits), byName, contrasted };
}

/** Where the cues of circumstances that name a programme (facts.yaml `names_programme`) match: [from, to, programme]. */
function flagCueSpans(text: string, domain: Domain): Array<[number, number, ProgrammeId]> {
  return domain.facts.flags.flatMap(({ flag, cue }) => {
    const id = domain.facts.namingProgramme.flags[flag];
    return id ? [...text.matchAll(new RegExp(cue.source, 'gu'))].map((m): [number, number, ProgrammeId] => [m.index, m.index + m[0].length, id]) : [];
  });
}

/**
 * 「批保保9成 跟 一般貸款A組保8成」: the stretch of text that belongs to each programme named outright, from its first
 * mention to the next programme's (the text before the first mention belongs to all of them).
 */
export function programmeStretches(text: string, domain: Domain = shippedDomain()): Array<{ id: ProgrammeId; text: string }> {
  const firsts = hitsIn(text, domain)
    .filter((h) => !h.weak)
    .filter((h, i, all) => all.findIndex((o) => o.id === h.id) === i);
  return firsts.map((hit, i) => ({ id: hit.id, text: text.slice(hit.index, firsts[i + 1]?.index ?? text.length) }));
}

/** 「直接保證跟批次保證有什麼不同」 as about 直接保證 alone: the mentions of the other programmes named left out. */
export function textAbout(text: string, programme: ProgrammeId, domain: Domain = shippedDomain()): string {
  return withHitsReplaced(text, hitsIn(text, domain).filter((h) => !h.weak && h.id !== programme), () => '');
}

/**
 * 「那批保的呢」 with the programme (every programme, when none is given) written by its name in the documents, 「那批次信用
 * 保證的呢」: a nickname that is also part of other headings (批保卓越獎) names the programme, not them.
 */
export function withOfficialName(text: string, programme?: ProgrammeId, domain: Domain = shippedDomain()): string {
  const own = hitsIn(text, domain).filter((h) => !h.weak && (programme === undefined || h.id === programme));
  return withHitsReplaced(text, own, (hit) => PROGRAMMES[hit.id].name);
}

/** 「請問一下青創」 without the programmes it names (and former names, 「創業鳳凰婦女小額貸款」): 「請問一下」. */
export function withoutProgrammeNames(text: string, domain: Domain = shippedDomain()): string {
  const unnamed = domain.programmes.formerNames.reduce((t, { name }) => t.replaceAll(name, ' '), text);
  return withHitsReplaced(unnamed, hitsIn(unnamed, domain), () => '');
}

/** The text with each mention (in order of position) replaced by what `by` gives for it. */
function withHitsReplaced(text: string, hits: readonly Hit[], by: (hit: Hit) => string): string {
  let out = text;
  for (const hit of [...hits].reverse()) out = `${out.slice(0, hit.index)}${by(hit)}${out.slice(hit.end)}`;
  return out;
}

/** The first name a programme went by before it was renamed that the text says (programmes.yaml `former_names`). */
export function formerNameIn(text: string, domain: Domain = shippedDomain()): { id: ProgrammeId; name: string } | undefined {
  return domain.programmes.formerNames.find(({ name }) => text.includes(name));
}

export function findProgrammes(text: string, domain: Domain = shippedDomain()): ProgrammeId[] {
  return programmesIn(text, domain).programmes;
}
