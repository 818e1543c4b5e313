import type { InteractionEvent, InteractionSink } from '../../bot/types.ts';

/** One sink that hands each event to several (the interaction store and the metrics). */
export function fanOutSink(...sinks: InteractionSink[]): InteractionSink {
  return {
    record(event: InteractionEvent) {
      for (const sink of sinks) sink.record(event);
    },
  };
}
