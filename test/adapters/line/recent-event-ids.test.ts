import { describe, expect, it } from 'vitest';
import { RecentEventIds } from '../../../adapters/line/recent-event-ids.ts';

describe('RecentEventIds', () => {
  it('claims an id once', () => {
    const ids = new RecentEventIds();
    expect(ids.claim('a')).toBe(true);
    expect(ids.claim('a')).toBe(false);
    expect(ids.claim('b')).toBe(true);
  });

  it('forgets an id once its time to live has passed', () => {
    let now = 0;
    const ids = new RecentEventIds({ ttlMs: 1000, now: () => now });
    ids.claim('a');
    now = 999;
    expect(ids.claim('a')).toBe(false);
    now = 1000;
    expect(ids.claim('a')).toBe(true);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', () => {
    const ids = new RecentEventIds({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) ids.claim(id);
    expect(ids.size).toBe(3);
    expect(ids.claim('d')).toBe(false);
    expect(ids.claim('a')).toBe(true);
  });
});
