import { shippedDomain, type Domain } from '../../domain/index.ts';
import { normalizeText } from './normalize.ts';

/**
 * Elliptical follow-ups lean on the previous turn: 那C組呢？ 如果是B組 那兩年呢 換成青創呢 保9成呢 (openings in
 * domain/registry/intents.yaml). 「那」 and 「換成」 openings always lean on it; 「如果」 only when the rest is not a whole
 * question; a short message ending in 呢 does too.
 */
const SHORT = 20;

/** What ends a clause: white space and clause or sentence punctuation. */
const CLAUSE_BREAK = /[\s，,。？?！!；;]+/u;

/** A message's clauses, in order (white space and punctuation between them dropped). */
export function clausesOf(text: string): string[] {
  return text.split(CLAUSE_BREAK).filter((clause) => clause.length > 0);
}

/** Whether a clause asks: a question word (asks.yaml interrogative) or a yes-or-no question (intents.yaml yes_no). */
export function clauseAsks(clause: string, domain: Domain = shippedDomain()): boolean {
  return domain.asks.interrogative.test(clause) || domain.modifiers.yesNo.test(clause);
}

/** A clause opening as a follow-up does (「那…」), not as another question joined to the message (「還有…」). */
export function opensAsFollowUp(clause: string, domain: Domain = shippedDomain()): boolean {
  return domain.followUp.leaning.test(clause) && !domain.followUp.joiners.some((word) => clause.startsWith(word));
}

export interface FollowUpContext {
  /** The message names a programme and asks something of its own (an attribute, or whether one qualifies). */
  isWholeQuestion: boolean;
  /** The message names a programme, states a fact or asks something of its own. */
  hasSubject?: boolean;
  /** Whether it names a programme or states a fact (asks aside). */
  namesSomething?: boolean;
}

export function isFollowUp(text: string, { isWholeQuestion, hasSubject = true, namesSomething = true }: FollowUpContext, domain: Domain = shippedDomain()): boolean {
  const { leaning, conditional, opening, alone } = domain.followUp;
  const trimmed = text.trim().replace(opening, '');
  if (leaning.test(trimmed)) return true;
  // 「它的總額度怎麼算」: a message opening with a pronoun is about what was just discussed.
  if (domain.followUp.pronoun.test(trimmed)) return true;
  // 「疫情那時候不是有調高嗎 調到多少」: a message with no subject of its own (no programme, fact or ask), ending in a
  // clause that leans on what was said before.
  const clauses = clausesOf(trimmed);
  // (So is one whose last clause ends asking 「多少」 of it: 「聽說疫情那陣子有放寬 拉高到多少」.)
  const last = clauses.at(-1) ?? '';
  if (!hasSubject && clauses.length > 1 && (leaning.test(last) || [...alone].some((word) => word.length > 1 && last.endsWith(word)))) return true;
  // (A message that only asks, naming nothing of its own, leans the same way: 「聽說以前只有1億，什麼時候調高的？後來又調到多少」.)
  // (Not a clause joined as another question of the same message: 「…地址在哪，還有客服專線是幾號？」.)
  if (!namesSomething && clauses.length > 1 && opensAsFollowUp(last, domain)) return true;
  // 「比110年少了幾%？」: a comparison naming nothing of its own compares what was just said.
  if (!hasSubject && domain.followUp.comparing.test(trimmed)) return true;
  // 「多少？」「幾成」 alone: asked of what was just discussed.
  if (alone.has(trimmed.replace(/[\s?？!！。.,，~～]+/g, ''))) return true;
  if (conditional.test(trimmed)) return !isWholeQuestion;
  // (「批次信用保證呢 哪個多」「那合庫咧 兩家差多少」: a short first clause ending in 呢, then what is asked of both.)
  if (!isWholeQuestion && clauses.length > 1 && [...clauses[0]!].length <= SHORT && domain.followUp.ending.test(clauses[0]!)) return true;
  // (Not a whole question followed by another about something else: 「批次保證是哪一年推出的？專案保證呢？」.)
  const sentences = trimmed.split(/[？?。！!；;]+/u).filter((sentence) => sentence.trim().length > 0);
  return domain.followUp.ending.test(trimmed) && [...trimmed].length <= SHORT && !(isWholeQuestion && sentences.length > 1);
}

/**
 * 「它佔全部多少%」 after an answer that gave one row of a table (臺灣企銀): the message with that row's name in place of the
 * word pointing at it (domain/registry/intents.yaml `follow_up.row_pointers`), 「臺灣企銀佔全部多少%」; none without one.
 */
export function withRowPointedAt(text: string, row: string, domain: Domain = shippedDomain()): string | undefined {
  // (Read as the registry's words are, in the normal form: 「该行」 is 該行.)
  const normal = normalizeText(text);
  const m = domain.followUp.rowPointer.exec(normal);
  return m ? `${normal.slice(0, m.index)}${row}${normal.slice(m.index + m[0].length)}` : undefined;
}
