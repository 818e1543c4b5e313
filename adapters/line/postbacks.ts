import { POSTBACK_DATA_MAX } from './feedback-postback.ts';

/**
 * Postback data of the adapter's own buttons, besides 👍/👎: `details=<answerId>` asks for the folded part of an
 * answer (notes, history, sources); `ask=<question>` is a rich-menu button asking a question the bot answers well
 * while the chat shows the button's own words.
 */
export type AdapterPostback = { kind: 'details'; answerId: string } | { kind: 'ask'; question: string };

export function detailsPostbackData(answerId: string): string | undefined {
  const data = new URLSearchParams({ details: answerId }).toString();
  return data.length <= POSTBACK_DATA_MAX ? data : undefined;
}

export function askPostbackData(question: string): string {
  const data = new URLSearchParams({ ask: question }).toString();
  if (data.length > POSTBACK_DATA_MAX) throw new RangeError(`postback question over ${POSTBACK_DATA_MAX} characters: ${question}`);
  return data;
}

export function parseAdapterPostback(data: string): AdapterPostback | undefined {
  const params = new URLSearchParams(data);
  const answerId = params.get('details');
  if (answerId) return { kind: 'details', answerId };
  const question = params.get('ask')?.trim();
  return question ? { kind: 'ask', question } : undefined;
}
