export { createChatRouter, type ChatRouterDeps } from './chat-router.ts';
export { createWebPageRouter } from './page-router.ts';
export type { WebReply, WebCitation } from './to-web-reply.ts';
export type { ErrorBody } from './errors.ts';
