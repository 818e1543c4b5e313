/** Another turn of the conversation held it for longer than a turn waits; this turn goes ahead without it. */
export class ConversationBusyError extends Error {
  override readonly name = 'ConversationBusyError';
  constructor(readonly waitedMs: number) {
    super(`Another turn held the conversation for more than ${waitedMs} ms`);
  }
}
