/** Characters as people count them: a code point each, so an emoji or a rare CJK character counts once. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
