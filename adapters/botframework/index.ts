/** The Bot Framework channel (Teams, Azure Web Chat, the Emulator): POST /api/messages through CloudAdapter. */
export {
  createBotFrameworkRouter,
  BOT_FRAMEWORK_PATH,
  type BotFrameworkCredentials,
  type BotFrameworkRouterDeps,
} from './router.ts';
export { isLoopbackAddress } from './loopback.ts';
