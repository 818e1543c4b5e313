/** The postback data of the 👍/👎 buttons: `feedback=up&answer=<answerId>`. LINE caps postback data at 300 characters. */

export type Rating = 'up' | 'down';

export const POSTBACK_DATA_MAX = 300;

export function feedbackPostbackData(answerId: string, rating: Rating): string | undefined {
  const data = new URLSearchParams({ feedback: rating, answer: answerId }).toString();
  return data.length <= POSTBACK_DATA_MAX ? data : undefined;
}

export function parseFeedbackPostback(data: string): { answerId: string; rating: Rating } | undefined {
  const params = new URLSearchParams(data);
  const rating = params.get('feedback');
  const answerId = params.get('answer');
  if ((rating !== 'up' && rating !== 'down') || !answerId) return undefined;
  return { answerId, rating };
}
