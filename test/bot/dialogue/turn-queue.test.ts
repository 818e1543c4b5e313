import { describe, expect, it } from 'vitest';
import { ConversationBusyError } from '../../../bot/dialogue/conversation-busy-error.ts';
import { TurnQueue } from '../../../bot/dialogue/turn-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('one turn at a time per conversation, in one process', () => {
  it('lets the next turn in only when the one before is done', async () => {
    const queue = new TurnQueue(1_000);
    const releaseFirst = await queue.enter('c');
    let secondIn = false;
    const second = queue.enter('c').then((release) => {
      secondIn = true;
      return release;
    });
    await tick();
    expect(secondIn).toBe(false);
    await releaseFirst();
    await (await second)();
    expect(secondIn).toBe(true);
  });

  it('does not make other conversations wait', async () => {
    const queue = new TurnQueue(1_000);
    await queue.enter('a');
    await expect(queue.enter('b')).resolves.toBeTypeOf('function');
  });

  it('lets a turn go ahead with a ConversationBusyError when the one before is late, and keeps the order after it', async () => {
    const queue = new TurnQueue(50);
    const releaseLate = await queue.enter('c');
    await expect(queue.enter('c')).rejects.toBeInstanceOf(ConversationBusyError);
    let thirdIn = false;
    const third = queue.enter('c').then((release) => {
      thirdIn = true;
      return release;
    });
    await tick();
    expect(thirdIn).toBe(false);
    await releaseLate();
    await (await third)();
    expect(thirdIn).toBe(true);
  });

  it('forgets a conversation once its last turn is done', async () => {
    const queue = new TurnQueue(1_000);
    const first = await queue.enter('c');
    const second = queue.enter('c');
    await first();
    await (await second)();
    await tick();
    expect(queue.size).toBe(0);
  });
});
