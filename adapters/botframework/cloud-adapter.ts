import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'express';
import type { Bot } from '../../bot/types.ts';
import type { Logger } from '../http/logger.ts';
import { APOLOGY, type BotFrameworkCredentials } from './router.ts';
import { toActivity } from './to-activity.ts';
import { toTurn } from './to-turn.ts';

/** Answers one checked activity through botbuilder's CloudAdapter: authentication, the turn, the replies. */
export type ActivityProcessor = (req: Request, res: Response) => Promise<void>;

export function createActivityProcessor(bot: Bot, logger: Logger, credentials?: BotFrameworkCredentials): ActivityProcessor {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(credentials)));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'bot failed on a Bot Framework turn');
    await context.sendActivity(APOLOGY);
  };

  const logic = async (context: TurnContext): Promise<void> => {
    const turn = toTurn(context.activity);
    if (!turn) return;
    const replies = await bot.handle(turn);
    if (replies.length > 0) await context.sendActivities(replies.map(toActivity));
  };

  return (req, res) => adapter.process(req, res, logic);
}

function authOptions(credentials: BotFrameworkCredentials | undefined): ConfigurationBotFrameworkAuthenticationOptions {
  if (!credentials) return {};
  return {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  };
}
