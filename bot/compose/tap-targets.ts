/**
 * What a phone can act on in an answer: phone numbers to call, web addresses to open, e-mail addresses to write to.
 * Channels turn them into tel:/https:/mailto: links (web), URI actions (LINE) and links (Bot Framework).
 */
export interface TapTarget {
  kind: 'tel' | 'url' | 'email';
  /** As written in the answer, so a channel can link that text. */
  text: string;
  href: string;
  /** What the number is, from the words before it (「企業客服」); the text itself when none. */
  label: string;
}

/** Taiwanese numbers as the documents write them: 0800-089-921, (02)2397-3557, 02-2397-3557, 0912-345-678. */
const PHONE = /\(0\d{1,2}\)\s?\d{3,4}-\d{4}|(?<![\d-])0\d{1,3}-\d{3,4}-\d{3,4}(?![\d-])/g;
const WEB_ADDRESS = /https?:\/\/[\w.-]+(?:\/[\w\-./?%&=#~+]*)?|(?<![\w./@-])www\.[\w-]+(?:\.[\w-]+)+/g;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** The name just before a number: 「企業客服專線：」「規章諮詢 」「TEL：」. */
const NAME_BEFORE = /([\p{Script=Han}A-Za-z]{2,8})[\s:：]*$/u;
/** A fax number is a number too, but not one to call. */
const FAX = /傳真[\s:：]*$/;

export function tapTargets(text: string): TapTarget[] {
  const found = new Map<string, TapTarget>();
  const add = (target: TapTarget) => {
    if (!found.has(target.href)) found.set(target.href, target);
  };
  for (const m of text.matchAll(PHONE)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (FAX.test(before)) continue;
    const name = NAME_BEFORE.exec(before)?.[1];
    add({ kind: 'tel', text: m[0], href: `tel:${m[0].replace(/\D/g, '')}`, label: name && !/^tel$/i.test(name) ? name : m[0] });
  }
  for (const m of text.matchAll(WEB_ADDRESS)) {
    const address = withoutClosingPunctuation(m[0]);
    add({ kind: 'url', text: address, href: address.startsWith('http') ? address : `https://${address}`, label: address });
  }
  for (const m of text.matchAll(EMAIL)) add({ kind: 'email', text: m[0], href: `mailto:${m[0]}`, label: m[0] });
  return [...found.values()];
}

/** 「請見 www.smeg.org.tw。」: the full stop ends the sentence, not the address. */
function withoutClosingPunctuation(address: string): string {
  let end = address.length;
  while (end > 0 && (address[end - 1] === '.' || address[end - 1] === ',')) end -= 1;
  return address.slice(0, end);
}
