import type { Domain } from '../../domain/index.ts';
import type { Understanding } from './types.ts';
import { understand } from './understand.ts';

/** A question of fewer Han characters than this, naming no programme, leans on the first question for its subject. */
const OWN_SUBJECT = 12;
const HAN = /\p{Script=Han}/gu;

/** One question of several in a message: read on its own, and, when short and naming no programme, also with the first. */
export interface QuestionPart {
  own: Understanding;
  withFirst?: Understanding;
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
  const texts = u.text
    .split(/[？?；;]/u)
    // 「…的地址，還有中部服務中心的電話」: a comma and a joining word start another question.
    .flatMap((part) => splitAtJoiners(part, domain.followUp.joiners))
    .map((part) => part.trim())
    .filter((part) => (part.match(HAN)?.length ?? 0) >= 4);
  const parts =
    texts.length < 2 || texts.length > 3
      ? []
      : texts.map((text, i) => {
          const own = understand(text, domain);
          const short = i > 0 && own.programmes.length === 0 && (text.match(HAN)?.length ?? 0) < OWN_SUBJECT;
          return short ? { own, withFirst: understand(`${texts[0]} ${text}`, domain) } : { own };
        });
  partsCache.set(u, parts);
  return parts;
}

/** 「…的地址，還有中部服務中心的電話」: the message cut at each comma a joining word follows (spaces aside). */
function splitAtJoiners(text: string, joiners: readonly string[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const comma of text.matchAll(/[，,]/gu)) {
    let at = comma.index + 1;
    while (at < text.length && /\s/u.test(text[at]!)) at++;
    if (!joiners.some((word) => text.startsWith(word, at))) continue;
    parts.push(text.slice(start, comma.index));
    start = comma.index + 1;
  }
  return [...parts, text.slice(start)];
}
