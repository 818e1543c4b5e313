import { z } from 'zod';

/** zod's own messages do not say whether a field was missing or mistyped; these do. */
const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).min(1, { error: 'must not be empty' });

const requiredObject = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.looseObject(shape, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') });

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const ChannelAccount = requiredObject({ id: requiredString(), aadObjectId: z.string({ error: 'must be a string' }).nullish() });

/** toTurn and TurnContext.removeRecipientMention read `mentioned.id` of every mention. */
const Entity = z
  .looseObject({ type: requiredString(), mentioned: requiredObject({ id: requiredString() }).optional() })
  .refine((entity) => entity.type.toLowerCase() !== 'mention' || entity.mentioned !== undefined, {
    error: 'is required on a mention',
    path: ['mentioned'],
  });

/**
 * The fields of an incoming Activity that CloudAdapter and toTurn rely on. Other fields pass through untouched.
 * The serviceUrl is where CloudAdapter posts the replies, so an activity without a usable one is refused before
 * anything is sent anywhere.
 */
export const IncomingActivity = z.looseObject({
  type: requiredString(),
  channelId: requiredString(),
  serviceUrl: requiredString().refine(isHttpUrl, { error: 'must be an http(s) URL' }),
  conversation: requiredObject({ id: requiredString() }),
  from: ChannelAccount,
  recipient: requiredObject({ id: requiredString() }).nullish(),
  // Some channels send null for a message without text, e.g. a card button press.
  text: z.string({ error: 'must be a string' }).nullish(),
  membersAdded: z.array(ChannelAccount, { error: 'must be an array' }).nullish(),
  entities: z.array(Entity, { error: 'must be an array' }).nullish(),
});

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  return field === '' ? 'request body must be a JSON object' : `${field}: ${issue.message}`;
}

/** Each problem of the activity as "field: what is wrong", or an empty list when CloudAdapter may have it. */
export function activityIssues(body: unknown): string[] {
  const result = IncomingActivity.safeParse(body);
  return result.success ? [] : result.error.issues.map(describe);
}
