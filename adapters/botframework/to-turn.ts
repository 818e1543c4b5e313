import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Turn, TurnEvent } from '../../bot/types.ts';
import { parseFeedbackValue } from './feedback-value.ts';

/**
 * Turns an incoming Activity into a Turn for the bot, or undefined when the bot has nothing to say
 * (typing indicators, reactions, members leaving, the bot itself being added).
 */
export function toTurn(activity: Activity): Turn | undefined {
  const event = eventOf(activity);
  if (!event) return undefined;
  const turn: Turn = {
    // Conversation ids are unique per channel only, so the channel is part of the key.
    conversationId: `botframework:${activity.channelId}:${activity.conversation.id}`,
    channel: 'botframework',
    event,
  };
  const userId = activity.from?.aadObjectId ?? activity.from?.id;
  if (userId && event.type !== 'greeting') turn.userId = userId;
  return turn;
}

function eventOf(activity: Activity): TurnEvent | undefined {
  switch (activity.type) {
    case ActivityTypes.Message: {
      // A 👍/👎 button on an Adaptive Card arrives as a message whose value is the button's data.
      const feedback = parseFeedbackValue(activity.value);
      if (feedback) return { type: 'feedback', ...feedback };
      const text = textWithoutBotMention(activity);
      return text === '' ? undefined : { type: 'message', text };
    }
    case ActivityTypes.ConversationUpdate: {
      const botId = activity.recipient?.id;
      const someoneElseJoined = (activity.membersAdded ?? []).some((member) => member.id !== botId);
      return someoneElseJoined ? { type: 'greeting' } : undefined;
    }
    default:
      return undefined;
  }
}

/** In Teams channels the text starts with "<at>Bot name</at>"; the question is what follows. */
function textWithoutBotMention(activity: Activity): string {
  const text = activity.text ?? '';
  if (!activity.recipient?.id || !activity.entities?.length) return text.trim();
  return (TurnContext.removeRecipientMention({ ...activity }) ?? text).trim();
}
