/** The LINE channel: POST /webhooks/line, verified, turned into Turns, answered through the reply API. */
export { createLineRouter, LINE_OFF_MESSAGE, LINE_WEBHOOK_PATH, type LineRouterDeps } from './router.ts';
export { LineApiError, LineWebhookBodyError } from './errors.ts';
export { RedisHandoffPauses, type HandoffPauses } from './handoff-pauses.ts';
