import { createHmac, randomUUID } from 'node:crypto';

/** Builders for LINE webhook bodies as the platform sends them, and their X-Line-Signature. */

export const USER_ID = 'U4af4980629bf2c0f1d0d3b1a2c3d4e5f';
export const OTHER_USER_ID = 'U99999999999999999999999999999999';
export const BOT_USER_ID = 'Ubot0000000000000000000000000000b';
export const GROUP_ID = 'Ca56f94637cc4347f90a25382909b24b9';

type Source =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId?: string }
  | { type: 'room'; roomId: string; userId?: string };

export interface EventOptions {
  source?: Source;
  replyToken?: string;
  webhookEventId?: string;
  isRedelivery?: boolean;
}

function base(type: string, options: EventOptions) {
  return {
    type,
    mode: 'active',
    timestamp: 1_735_689_600_000,
    source: options.source ?? { type: 'user', userId: USER_ID },
    webhookEventId: options.webhookEventId ?? `01J${randomUUID().replaceAll('-', '').slice(0, 23).toUpperCase()}`,
    deliveryContext: { isRedelivery: options.isRedelivery ?? false },
    replyToken: options.replyToken ?? randomUUID().replaceAll('-', ''),
  };
}

export function textEvent(
  text: string,
  options: EventOptions & { mentionees?: Array<Record<string, unknown>> } = {},
) {
  const message: Record<string, unknown> = { type: 'text', id: '468789577898262530', quoteToken: 'q', text };
  if (options.mentionees) message.mention = { mentionees: options.mentionees };
  return { ...base('message', options), message };
}

export function stickerEvent(options: EventOptions = {}) {
  return {
    ...base('message', options),
    message: { type: 'sticker', id: '1', quoteToken: 'q', packageId: '446', stickerId: '1988', stickerResourceType: 'STATIC' },
  };
}

export function followEvent(options: EventOptions = {}) {
  return { ...base('follow', options), follow: { isUnblocked: false } };
}

export function postbackEvent(data: string, options: EventOptions = {}) {
  return { ...base('postback', options), postback: { data } };
}

export function webhookBody(...events: unknown[]) {
  return JSON.stringify({ destination: BOT_USER_ID, events });
}

export function sign(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
