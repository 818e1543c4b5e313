import { z } from 'zod';
import { InvalidRequestError } from './errors.ts';

/** zod's own messages do not say whether a field was missing or mistyped; these do. */
const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });

const conversationId = requiredString()
  .min(1, { error: 'must not be empty' })
  .max(128, { error: 'must be at most 128 characters' });

/** `POST /api/chat`. The text's length is checked after trimming by the router, which answers politely. */
export const ChatRequest = z.strictObject({
  conversationId,
  text: requiredString(),
  /**
   * How many exchanges of this conversation the page still shows (it restores them after a reload), so the bot
   * can tell when it has lost a context the person can still see.
   */
  turnsShown: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must not be negative' })
    .max(100_000, { error: 'must be at most 100000' })
    .optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

/** `POST /api/feedback`: 👍/👎 on an earlier answer, identified by the answerId that answer carried. */
export const FeedbackRequest = z.strictObject({
  conversationId,
  answerId: requiredString()
    .min(1, { error: 'must not be empty' })
    .max(128, { error: 'must be at most 128 characters' }),
  rating: z.enum(['up', 'down'], {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be "up" or "down"'),
  }),
  comment: z.string({ error: 'must be a string' }).max(1000, { error: 'must be at most 1000 characters' }).optional(),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key}: unknown field`).join('; ');
  const field = issue.path.join('.');
  if (field === '') return 'request body must be a JSON object';
  return `${field}: ${issue.message}`;
}

/** Parses a body against a schema, or throws an InvalidRequestError whose issues each name their field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new InvalidRequestError(result.error.issues.map(describe));
  return result.data;
}
