import type { Domain } from '../../domain/index.ts';
import { subjectsOf, withoutSubjects } from '../../knowledge/retrieve.ts';
import type { Understanding } from './types.ts';
import { understand } from './understand.ts';

/** A question of fewer Han characters (or English words, each counting one and a half) than this, naming no programme, leans on the first question for its subject. */
const OWN_SUBJECT = 12;
/** A message of more questions than this is read whole (a list of conditions, not of questions). */
const MOST_PARTS = 5;
/** A part shorter than this (in the same measure) is not a question of its own. */
const OWN_QUESTION = 4;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z'-]*/gu;

/** Whether a clause is long enough to be a question of its own (「差多少」 going on from the one before is not). */
export function isOwnQuestion(text: string): boolean {
  return questionSize(text) >= OWN_QUESTION;
}

/** How long a question is: its Han characters, an English word counting one and a half. */
function questionSize(text: string): number {
  return (text.match(HAN)?.length ?? 0) + 1.5 * (text.match(LATIN_WORD)?.length ?? 0);
}

/** One question of several in a message: read on its own, and, when short and naming no programme or asking nothing of its own, also with the first. */
export interface QuestionPart {
  own: Understanding;
  withFirst?: Understanding;
  /** The reading with the first is the first's question asked of another thing this one names (「專案保證呢」). */
  ofAnother?: boolean;
}

const partsCache = new WeakMap<Understanding, QuestionPart[]>();

/**
 * 「莫拉克颱風讓多少個鄉鎮受災？這個計畫期程從什麼時候到什麼時候？」: the separate questions of one message, each read on
 * its own; a short one naming no programme (「保證金額多少？」 or 「董事長是誰？」) is also read with the first question, for the
 * subject it may lean on. Empty when the message asks one question. Read once per message.
 */
export function questionParts(u: Understanding, domain: Domain): QuestionPart[] {
  const known = partsCache.get(u);
  if (known) return known;
  const clauses = u.text
    .split(/[？?；;]/u)
    // 「…的地址，還有中部服務中心的電話」: a comma and a joining word start another question.
    // (「想問兩件事 1.…地址在哪 2.…核准了沒」: items numbered one after another are questions of their own.)
    .flatMap(splitAtNumbers)
    .flatMap((part) => splitAtJoiners(part, domain.followUp.joiners))
    // 「批次保證保幾成，103年增列了哪些不得移送保證的事項」: clauses that each ask something are questions of their own.
    .flatMap((part) => splitAskingClauses(part, domain))
    .map((part) => part.trim());
  // (A shorter one asking a thing of its own, 「…現在還是這個數字嗎？成數呢」, is one too: read only when a message has few
  // clauses, so a long run of tiny ones is never read one by one.)
  const fewClauses = clauses.filter((part) => questionSize(part) >= 2).length <= MOST_PARTS;
  const texts = clauses.filter((part) => questionSize(part) >= OWN_QUESTION || (fewClauses && questionSize(part) >= 2 && understand(part, domain).asks.length > 0));
  const parts =
    texts.length < 2 || texts.length > MOST_PARTS
      ? []
      : texts.map((text, i) => {
          const own = understand(text, domain);
          // (「批次保證呢？」 names a programme but asks nothing of its own: it too asks what the first asked.)
          const short = i > 0 && (own.programmes.length === 0 || own.asks.length === 0) && questionSize(text) < OWN_SUBJECT;
          if (!short) return { own };
          const another = own.asks.length === 0 ? askedOf(texts[0]!, text) : undefined;
          if (another) return { own, withFirst: understand(another, domain), ofAnother: true };
          return { own, withFirst: understand(`${texts[0]} ${text}`, domain) };
        });
  partsCache.set(u, parts);
  return parts;
}

/**
 * A short question asking nothing of its own: 「直接保證是哪一年推出的？專案保證呢？」 asks the first question of 專案保證,
 * so a thing it names takes the place of those the first one names. Undefined when it names none (or the same); then
 * it is read with the first whole, as one asking of its own is (「保證成數多少」: its subject is the first's).
 */
function askedOf(first: string, text: string): string | undefined {
  const own = subjectsOf(text);
  const before = subjectsOf(first);
  if (own.length === 0 || before.length === 0 || own.some((subject) => before.includes(subject))) return undefined;
  return `${own.join(' ')} ${withoutSubjects(first)} ${withoutSubjects(text)}`;
}

/** An item's number opening it: 「1.」「2、」「(3)」「１．」 after the start or white space, no digit after it (1.5億 is a figure). */
const ITEM_NUMBER = /(?<=^|\s)[(（]?([1-9１-９])[.、．)）](?![\d０-９])/gu;

/** 「1.…地址在哪 2.…核准了沒」: the text cut before each numbered item, when it numbers two or more one after another. */
function splitAtNumbers(text: string): string[] {
  const items = [...text.matchAll(ITEM_NUMBER)];
  const numbers = items.map((m) => Number(m[1]!.normalize('NFKC')));
  // (From any number: a message cut at 「？」 may hold 「2.…3.…」 after its first question.)
  if (items.length < 2 || numbers.some((n, i) => n !== numbers[0]! + i)) return [text];
  // (The words before the first, 「想問兩件事」, introduce it.)
  const each = items.map((m, i) => text.slice(m.index + m[0].length, items[i + 1]?.index ?? text.length));
  return [`${text.slice(0, items[0]!.index)}${each[0]!}`, ...each.slice(1)];
}

/**
 * 「…的地址，還有中部服務中心的電話」 (or 「…, and what is…」, 「…地址在哪 另外可以…」): the message cut at each comma or
 * space a joining word follows (spaces and case aside).
 */
function splitAtJoiners(text: string, joiners: readonly string[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const comma of text.matchAll(/[，,]|(?<=\S)\s+(?=\S)/gu)) {
    let at = comma.index + 1;
    while (at < text.length && /\s/u.test(text[at]!)) at++;
    const rest = text.slice(at, at + 24).toLowerCase();
    if (!joiners.some((word) => rest.startsWith(word))) continue;
    parts.push(text.slice(start, comma.index));
    start = comma.index + 1;
  }
  return [...parts, text.slice(start)];
}

/**
 * A text cut at its commas when every clause between them asks something of its own, none what another asks
 * (「批次保證保幾成，103年增列了哪些不得移送保證的事項」); else whole (「專款有多少，預估能撐起多少融資」 asks one thing twice).
 */
function splitAskingClauses(text: string, domain: Domain): string[] {
  const clauses = text.split(/[，,]/u);
  if (clauses.length < 2 || !clauses.every((clause) => domain.intents.question.test(clause) && questionSize(clause) >= OWN_QUESTION)) return [text];
  const asked = clauses.map((clause) => understand(clause, domain).asks);
  const apart = asked.every((asks, i) => asks.length > 0 && asked.every((others, j) => j === i || !asks.some((a) => others.includes(a))));
  return apart ? clauses : [text];
}
