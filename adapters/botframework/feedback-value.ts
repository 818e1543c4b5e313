/** The data of the 👍/👎 Action.Submit buttons on answer cards, sent back as the activity's value. */

export type Rating = 'up' | 'down';

export interface FeedbackValue {
  feedback: Rating;
  answerId: string;
}

export function feedbackValue(answerId: string, rating: Rating): FeedbackValue {
  return { feedback: rating, answerId };
}

export function parseFeedbackValue(value: unknown): { answerId: string; rating: Rating } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { feedback, answerId } = value as Record<string, unknown>;
  if ((feedback !== 'up' && feedback !== 'down') || typeof answerId !== 'string' || answerId === '') return undefined;
  return { answerId, rating: feedback };
}
