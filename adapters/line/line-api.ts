import { messagingApi } from '@line/bot-sdk';
import { LineApiError } from './errors.ts';

/** The two Messaging API calls the adapter makes. Failures arrive as LineApiError. */
export interface LineMessagingApi {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
  /** Shows the "…" typing animation in a one-to-one chat until the reply arrives (or the seconds run out). */
  showLoading(chatId: string, seconds: number): Promise<void>;
}

export interface LineMessagingApiOptions {
  channelAccessToken: string;
  /** Defaults to https://api.line.me; tests point it at a fake LINE server on loopback. */
  apiBaseUrl?: string;
}

export function createLineMessagingApi(options: LineMessagingApiOptions): LineMessagingApi {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    ...(options.apiBaseUrl ? { baseURL: options.apiBaseUrl } : {}),
  });
  return {
    async reply(replyToken, messages) {
      try {
        await client.replyMessage({ replyToken, messages });
      } catch (error) {
        throw LineApiError.from('reply', error);
      }
    },
    async showLoading(chatId, seconds) {
      try {
        await client.showLoadingAnimation({ chatId, loadingSeconds: seconds });
      } catch (error) {
        throw LineApiError.from('loading', error);
      }
    },
  };
}
