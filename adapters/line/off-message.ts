// Apart from router.ts so that the composition root can say LINE is off without loading the LINE SDK.

export const LINE_WEBHOOK_PATH = '/webhooks/line';

/** The one start-up log line the composition root writes when the LINE credentials are not set. */
export const LINE_OFF_MESSAGE = `LINE is off: set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN to answer on ${LINE_WEBHOOK_PATH}`;
