/** Handing a conversation to a person: the words that ask for one, the replies, and the offer after misses. */
export { createHandoffDesk, type HandoffDesk, type HandoffDeskDeps } from './desk.ts';
export { BACK_TO_BOT } from './replies.ts';
export { shippedHandoffVocabulary, HandoffWords, type HandoffVocabulary } from './words.ts';
