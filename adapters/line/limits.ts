/** Messaging API limits that shape what the adapter sends. */

/** Messages in one reply call. */
export const MESSAGES_PER_REPLY = 5;
/** Characters in one text message. */
export const TEXT_MAX = 5000;
/** Items in one quick reply. */
export const QUICK_REPLY_ITEMS_MAX = 13;
/** Characters in a quick reply button label. */
export const QUICK_REPLY_LABEL_MAX = 20;
/** Characters in the text a message action sends. */
export const MESSAGE_ACTION_TEXT_MAX = 300;
/** Characters a clipboard action copies. */
export const CLIPBOARD_TEXT_MAX = 1000;

/**
 * Shortens text to at most `max` UTF-16 units (how LINE counts), ending with an ellipsis; a character outside
 * the Basic Multilingual Plane (an emoji, a rare CJK ideograph) is never cut in half.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}
