/**
 * Whatever a message contains, reading it costs little: every exported function of bot/understand (found by
 * listing the folder, so a new one is covered the day it is written), the text helpers of dialogue, search and
 * redaction, and whole turns of the real bot are fed generated pathological messages up to the message-length
 * limit (runs of each digit, numeral, unit, punctuation, white-space kind and letter, alternations of them) and
 * must each finish within a budget of CPU time. Super-linear work shows as seconds at these lengths, so the
 * budgets are far above normal cost and far below a stall; a call over budget is measured again before it fails,
 * so a garbage collection in the middle does not count.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerToPending } from '../../../bot/dialogue/questions.ts';
import { redactPersonalData } from '../../../bot/redaction.ts';
import type { Bot } from '../../../bot/types.ts';
import { classifyIntent } from '../../../bot/understand/intent.ts';
import { understand } from '../../../bot/understand/understand.ts';
import { scanMentions } from '../../../bot/understand/figures.ts';
import { shippedDomain } from '../../../domain/index.ts';
import { tokenize } from '../../../knowledge/tokenizer.ts';
import { createTestBot, shippedSources } from '../../support/bot.ts';
import { pathologicalInputs } from '../../support/pathological-inputs.ts';

const MAX_MESSAGE_LENGTH = 1000;
/** CPU for one understanding function on one message. */
const FUNCTION_BUDGET_MS = 25;
/** understand() and the answer reader run every function above together: they get a whole turn's budget. */
const wholeReading = (name: string) => name === 'understand' || name.startsWith('answerToPending');
/** CPU for a whole turn: understanding, flows, search and the answer (the budget is "well under 50 ms"). */
const TURN_BUDGET_MS = 50;

const inputs = pathologicalInputs(MAX_MESSAGE_LENGTH, [41, MAX_MESSAGE_LENGTH]);

function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The smallest of up to three measurements, taken again only while over budget. */
function cost(run: () => unknown, budget: number): number {
  let best = cpuMs(run);
  for (let retry = 0; retry < 4 && best > budget; retry++) best = Math.min(best, cpuMs(run));
  return best;
}

type TextFunction = (text: string) => unknown;

/** Exported functions that take more than the text: how to call them with a message. */
const WITH_CONTEXT: Record<string, (fn: (...args: never[]) => unknown) => TextFunction> = {
  findAsks: (fn) => (text) => (fn as (t: string, c: object) => unknown)(text, { mentions: scanMentions(text), hasAmount: true }),
  isFollowUp: (fn) => (text) => (fn as (t: string, c: object) => unknown)(text, { isWholeQuestion: false }),
  classifyIntent: (fn) => (text) =>
    (fn as typeof classifyIntent)(text, { programmes: [], facts: { loanAmount: 5_000_000 }, asks: [], isFollowUp: true }),
  extractKeywords: (fn) => (text) => (fn as (t: string, m: unknown) => unknown)(text, scanMentions(text)),
  assignRoles: (fn) => (text) => (fn as (t: string, m: unknown) => unknown)(text, scanMentions(text)),
  isDenied: (fn) => (text) => (fn as (t: string, i: number) => unknown)(text, text.length - 1),
  isRetracted: (fn) => (text) => (fn as (t: string, i: number) => unknown)(text, text.length - 1),
  flagsByVerb: (fn) => (text) => (fn as (t: string, f: object) => unknown)(text, {}),
  textAbout: (fn) => (text) => (fn as (t: string, p: string) => unknown)(text, 'batch'),
  withOfficialName: (fn) => (text) => (fn as (t: string, p?: string) => unknown)(text),
  withRowPointedAt: (fn) => (text) => (fn as (t: string, r: string) => unknown)(text, '臺灣企銀'),
  withRelativeYear: (fn) => (text) => (fn as (u: object, t: string) => unknown)({ years: [], relativeYear: -1 }, text),
  withYearRelativeInMessage: (fn) => (text) => (fn as (t: string, y: number[], r: object, c: boolean) => unknown)(text, [2022], { word: '前一年', offset: -1 }, true),
  asksIfApplicantQualifies: (fn) => (text) => (fn as (u: object) => unknown)({ programmes: ['youth_startup'], facts: { age: 30 }, text }),
  withApplicantOf: (fn) => (text) => (fn as (p: object, w: object) => unknown)({ text, facts: {} }, { facts: { age: 30, flags: { employmentPledge: true } } }),
  topicNamesFlag: (fn) => (text) => (fn as (t: string, f: string) => unknown)(text, 'publicConstruction'),
  withSpokenAges: (fn) => (text) => (fn as (t: string, m: unknown, r: RegExp) => unknown)(text, scanMentions(text), shippedDomain().roles.ageBefore),
  matchesOf: (fn) => (text) => (fn as (p: RegExp, t: string) => unknown)(/\d+/, text),
  findPurposes: (fn) => (text) => (fn as (t: string, f: object) => unknown)(text, { donorRecommended: true }),
  isRecommendation: (fn) => (text) =>
    (fn as (t: string, c: object) => unknown)(text, {
      intent: 'unknown',
      programmes: [],
      programmesByName: [],
      purposes: ['start_up'],
      comparison: true,
      aboutApplicant: true,
      asks: [],
      parameterTopics: [],
      firstPerson: true,
      yesNo: true,
      statesLoan: true,
    }),
  withUnitOmittedAmounts: (fn) => (text) =>
    (fn as (t: string, m: unknown, r: unknown) => unknown)(text, scanMentions(text), shippedDomain().roles.unitOmitted),
  // Reads a message already understood: the understanding is made once per message, outside what is timed after it.
  questionParts: (fn) => {
    const understood = new Map<string, ReturnType<typeof understand>>();
    return (text) => {
      let question = understood.get(text);
      if (!question) understood.set(text, (question = understand(text)));
      return (fn as (u: unknown, d: unknown) => unknown)(question, shippedDomain());
    };
  },
  findHowToApply: (fn) => (text) => (fn as (t: string, a: string[], p: string[]) => unknown)(text, ['procedure'], []),
};
/** Exported functions that do not read text. */
const NOT_TEXT = new Set(['tidy', 'mention', 'sameFigure']);

async function understandingFunctions(): Promise<Map<string, TextFunction>> {
  const folder = join(import.meta.dirname, '../../../bot/understand');
  const found = new Map<string, TextFunction>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(pathToFileURL(join(folder, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'function' || NOT_TEXT.has(name) || found.has(name)) continue;
      const withContext = WITH_CONTEXT[name];
      if (withContext) found.set(name, withContext(value as (...args: never[]) => unknown));
      else if (value.length <= 1) found.set(name, value as TextFunction);
      else throw new Error(`${file}: ${name} takes ${value.length} arguments; say in WITH_CONTEXT how to call it with a message`);
    }
  }
  return found;
}

describe('pathological messages up to the length limit', () => {
  let functions: Map<string, TextFunction>;
  let bot: Bot;

  beforeAll(async () => {
    functions = await understandingFunctions();
    for (const pending of ['loanAmount', 'gender', 'programme', 'flags.employmentPledge']) {
      functions.set(`answerToPending (${pending})`, (text) => answerToPending(pending, understand(text), understand));
    }
    functions.set('tokenize (search)', (text) => tokenize(text));
    functions.set('redactPersonalData', redactPersonalData);
    await shippedSources();
    bot = await createTestBot();
  }, 60_000);

  it('cover every understanding function and a few thousand messages', () => {
    expect(functions.has('understand')).toBe(true);
    expect(functions.has('findAmounts')).toBe(true);
    expect(functions.size).toBeGreaterThan(30);
    expect(inputs.length).toBeGreaterThan(3000);
    expect(Math.max(...inputs.map((i) => [...i.text].length))).toBe(MAX_MESSAGE_LENGTH);
  });

  it(`each understanding function reads each message within ${FUNCTION_BUDGET_MS} ms of CPU (a whole reading within ${TURN_BUDGET_MS} ms)`, async () => {
    const slow: string[] = [];
    for (const [name, fn] of functions) {
      // The test runner talks to this worker between tests: give it the event loop between functions.
      await new Promise((resolve) => setImmediate(resolve));
      // Compiled and optimised before it is timed: the compiler's threads count as this process's CPU.
      for (const input of inputs.slice(0, 50)) fn(input.text);
      for (const input of inputs) {
        const budget = wholeReading(name) ? TURN_BUDGET_MS : FUNCTION_BUDGET_MS;
        const ms = cost(() => fn(input.text), budget);
        if (ms > budget) slow.push(`${name}: ${input.label} took ${ms.toFixed(1)} ms`);
      }
    }
    expect(slow).toEqual([]);
  }, 240_000);

  it(`the bot answers each message within ${TURN_BUDGET_MS} ms of CPU`, async () => {
    const slow: string[] = [];
    let n = 0;
    const turnCpuMs = async (answering: Bot, text: string) => {
      const before = process.cpuUsage();
      const replies = await answering.handle({ conversationId: `pathological-${n++}`, channel: 'cli', event: { type: 'message', text } });
      const used = process.cpuUsage(before);
      expect(replies.length).toBeGreaterThan(0);
      return (used.user + used.system) / 1000;
    };
    for (const input of inputs) {
      let best = await turnCpuMs(bot, input.text);
      // Measured again on a new bot, since this one remembers the answer, warmed up on another message.
      for (let retry = 0; retry < 2 && best > TURN_BUDGET_MS; retry++) {
        const fresh = await createTestBot();
        await fresh.handle({ conversationId: 'warm-up', channel: 'cli', event: { type: 'message', text: '批次保證手續費' } });
        best = Math.min(best, await turnCpuMs(fresh, input.text));
      }
      if (best > TURN_BUDGET_MS) slow.push(`${input.label} took ${best.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  }, 240_000);
});
