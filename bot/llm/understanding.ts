import { z } from 'zod';
import { Facts } from '../../rules/facts.ts';
import type { Figure } from '../understand/index.ts';
import { GroundedFigures } from './grounded-figures.ts';
import type { LlmContext } from './types.ts';

/**
 * What the model may tell us about a message the deterministic parser could not read: the same fields and
 * units as rules/facts.ts (amounts in NT$, ratios in percent, periods in months), validated strictly.
 */
export const LlmUnderstanding = Facts.pick({
  programme: true,
  loanAmount: true,
  guaranteeRatio: true,
  periodMonths: true,
  riskGroup: true,
  age: true,
  businessAgeMonths: true,
  industry: true,
  flags: true,
})
  .extend({ intent: z.string().min(1).optional() })
  .strict();

export type LlmUnderstanding = z.infer<typeof LlmUnderstanding>;

/** The numeric slots, each with the kinds of figure in the user's text that may back it. */
const NUMERIC_SLOTS = {
  loanAmount: ['amount', 'plain'],
  guaranteeRatio: ['percent'],
  periodMonths: ['months'],
  age: ['years', 'plain', 'count'],
  businessAgeMonths: ['months'],
} as const satisfies Partial<Record<keyof LlmUnderstanding, readonly Figure['kind'][]>>;

export type UnderstandingResult =
  | { ok: true; understanding: LlmUnderstanding | undefined; ungroundedSlots: string[] }
  | { ok: false; problems: string[] };

/**
 * Reads the model's JSON. Anything malformed, outside the schema or outside the context's intents and
 * programmes makes the whole output invalid. A number the user never wrote (the model guessed or computed
 * it) is dropped from the result and reported, the other slots are kept.
 */
export function readUnderstanding(content: string, context: LlmContext, userText: string): UnderstandingResult {
  let json: unknown;
  try {
    json = JSON.parse(withoutCodeFence(content));
  } catch {
    return { ok: false, problems: ['not JSON'] };
  }
  const parsed = LlmUnderstanding.safeParse(withoutNulls(json));
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const understanding = parsed.data;
  const problems: string[] = [];
  if (understanding.intent !== undefined && !context.intents.includes(understanding.intent)) {
    problems.push(`intent: ${understanding.intent} is not one of the intents`);
  }
  if (understanding.programme !== undefined && !context.programmes.includes(understanding.programme)) {
    problems.push(`programme: ${understanding.programme} is not one of the programmes`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const written = new GroundedFigures([userText]);
  const ungroundedSlots: string[] = [];
  for (const [slot, kinds] of Object.entries(NUMERIC_SLOTS) as Array<[keyof typeof NUMERIC_SLOTS, readonly Figure['kind'][]]>) {
    const value = understanding[slot];
    if (value !== undefined && !written.states(kinds, value)) {
      ungroundedSlots.push(slot);
      delete understanding[slot];
    }
  }
  if (understanding.flags !== undefined && Object.keys(understanding.flags).length === 0) delete understanding.flags;
  const empty = Object.keys(understanding).length === 0;
  return { ok: true, understanding: empty ? undefined : understanding, ungroundedSlots };
}

/** Some servers wrap JSON in a Markdown fence even in JSON mode. */
function withoutCodeFence(content: string): string {
  const fenced = /^```(?:json)?([\s\S]*)```$/i.exec(content.trim());
  return fenced?.[1]?.trim() ?? content;
}

/** Models write `"programme": null` for "not said"; that means absent, not invalid. */
function withoutNulls(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => [key, key === 'flags' ? withoutNulls(value) : value]),
  );
}
