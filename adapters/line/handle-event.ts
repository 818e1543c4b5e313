import type { messagingApi, webhook } from '@line/bot-sdk';
import type { HandoffVocabulary } from '../../bot/handoff/index.ts';
import type { Bot } from '../../bot/types.ts';
import type { Logger } from '../http/logger.ts';
import { lineCaptions } from './captions.ts';
import { LineApiError } from './errors.ts';
import type { FoldedAnswers } from './folded-answers.ts';
import type { HandoffPauses } from './handoff-pauses.ts';
import type { LineMessagingApi } from './line-api.ts';
import type { RecentEventIds } from './recent-event-ids.ts';
import { toLineDecision, type LineDecision } from './to-turn.ts';
import { toLineMessages } from './to-line.ts';

/** Said when someone sends a sticker, photo, voice message, file or location. */
export const TEXT_ONLY_NOTICE =
  '謝謝您的訊息！目前我只看得懂文字喔。請直接輸入您的問題，例如「一般貸款500萬保8成，保證手續費多少？」';

/** Said when the bot fails unexpectedly; the details go to the log, not to the user. */
export const APOLOGY =
  '抱歉，系統暫時無法回答這個問題，請稍後再試一次。如需立即協助，請洽信保基金客服專線。';

/** A reply is usually ready well within this; the animation stops by itself as soon as the reply arrives. */
const LOADING_SECONDS = 20;

/** `standing_aside`: a person handed to staff wrote again; staff answer in LINE's own chat, the bot stays silent. */
export type EventOutcome = 'replied' | 'declined' | 'apologised' | 'ignored' | 'duplicate' | 'failed' | 'standing_aside';

/** How the bot hands a one-to-one chat to staff: for how long it stands aside, where that is kept, what ends it. */
export interface LineHandoff {
  minutes: number;
  pauses: HandoffPauses;
  words: HandoffVocabulary;
  now: () => Date;
}

export interface LineEventContext {
  bot: Bot;
  api: LineMessagingApi;
  logger: Logger;
  recentEventIds: RecentEventIds;
  botUserId?: string;
  handoff: LineHandoff;
  foldedAnswers: FoldedAnswers;
}

/**
 * Handles one webhook event from start to finish and never throws: each event succeeds or fails on its own,
 * and every event ends with one "line event handled" log line carrying its outcome.
 */
export async function handleLineEvent(event: webhook.Event, context: LineEventContext): Promise<EventOutcome> {
  const log = context.logger.child({ webhookEventId: event.webhookEventId, eventType: event.type });
  const outcome = await outcomeOf(event, context, log);
  log.info({ outcome, redelivery: event.deliveryContext?.isRedelivery === true }, 'line event handled');
  return outcome;
}

async function outcomeOf(event: webhook.Event, context: LineEventContext, log: Logger): Promise<EventOutcome> {
  if (event.webhookEventId && !context.recentEventIds.claim(event.webhookEventId)) return 'duplicate';

  let decision: LineDecision;
  try {
    decision = toLineDecision(event, context.botUserId === undefined ? {} : { botUserId: context.botUserId });
  } catch (error) {
    log.error({ err: error }, 'line event could not be read');
    return 'failed';
  }

  switch (decision.action) {
    case 'ignore':
      log.debug({ reason: decision.reason }, 'line event ignored');
      return 'ignored';
    case 'decline':
      return (await sendReply(context, decision.replyToken, [{ type: 'text', text: TEXT_ONLY_NOTICE }], log))
        ? 'declined'
        : 'failed';
    case 'details': {
      if (decision.oneToOne && (await standingAside(context, decision.conversationId, log))) return 'standing_aside';
      const text = context.foldedAnswers.textOf(decision.answerId) ?? lineCaptions(undefined).expired;
      return (await sendReply(context, decision.replyToken, [{ type: 'text', text }], log)) ? 'replied' : 'failed';
    }
    case 'answer':
      return answer(decision, context, log);
  }
}

async function answer(decision: Extract<LineDecision, { action: 'answer' }>, context: LineEventContext, log: Logger): Promise<EventOutcome> {
  const { turn } = decision;
  if (decision.oneToOne && (await standingAside(context, turn.conversationId, log))) {
    // Only 「回到機器人」 brings the bot back before the time is up; anything else is for staff.
    if (turn.event.type !== 'message' || !context.handoff.words.asksForBot(turn.event.text)) return 'standing_aside';
    await tolerant(() => context.handoff.pauses.resume(turn.conversationId), log);
  }
  const loading = decision.loadingChatId ? showLoading(context, decision.loadingChatId, log) : Promise.resolve();
  let messages: messagingApi.Message[];
  let outcome: EventOutcome = 'replied';
  try {
    const replies = await context.bot.handle(turn);
    const handedOff = decision.oneToOne && replies.some((r) => r.kind === 'handoff') && (await standAside(context, turn.conversationId, log));
    messages = toLineMessages(replies, handedOff ? { standingAsideMinutes: context.handoff.minutes } : {});
    context.foldedAnswers.remember(replies);
  } catch (error) {
    log.error({ err: error }, 'bot failed on a LINE turn');
    messages = [{ type: 'text', text: APOLOGY }];
    outcome = 'apologised';
  }
  // The animation request goes first so that it cannot arrive after, and linger over, the reply.
  await loading;
  if (messages.length === 0) return 'ignored';
  return (await sendReply(context, decision.replyToken, messages, log)) ? outcome : 'failed';
}

/** Whether the bot stands aside in this chat now; if the store cannot tell, the person is answered rather than ignored. */
async function standingAside(context: LineEventContext, chatId: string, log: Logger): Promise<boolean> {
  return (await tolerant(() => context.handoff.pauses.standingAsideUntil(chatId, context.handoff.now()), log)) !== undefined;
}

/** Stands aside for the configured minutes; false when that could not be stored (the reply then promises no pause). */
async function standAside(context: LineEventContext, chatId: string, log: Logger): Promise<boolean> {
  const until = new Date(context.handoff.now().getTime() + context.handoff.minutes * 60_000);
  try {
    await context.handoff.pauses.standAside(chatId, until);
    return true;
  } catch (error) {
    log.warn({ err: error }, 'handoff pause store failed');
    return false;
  }
}

async function tolerant<T>(run: () => Promise<T>, log: Logger): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    log.warn({ err: error }, 'handoff pause store failed');
    return undefined;
  }
}

async function showLoading(context: LineEventContext, chatId: string, log: Logger): Promise<void> {
  try {
    await context.api.showLoading(chatId, LOADING_SECONDS);
  } catch (error) {
    logApiError(error, log);
  }
}

async function sendReply(
  context: LineEventContext,
  replyToken: string,
  messages: messagingApi.Message[],
  log: Logger,
): Promise<boolean> {
  try {
    await context.api.reply(replyToken, messages);
    return true;
  } catch (error) {
    logApiError(error, log);
    return false;
  }
}

/** 429 and 5xx are LINE's side (warn); other 4xx mean a bug or an expired reply token on ours (error). */
function logApiError(error: unknown, log: Logger): void {
  const apiError = error instanceof LineApiError ? error : LineApiError.from('reply', error);
  const fields = {
    operation: apiError.operation,
    status: apiError.status,
    requestId: apiError.requestId,
    detail: apiError.detail,
  };
  if (apiError.retryable) log.warn(fields, 'LINE API call failed');
  else log.error(fields, 'LINE API call failed');
}
