import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../bot/llm/circuit-breaker.ts';

function breakerAt(clock: { now: number }) {
  return new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000, now: () => clock.now });
}

describe('CircuitBreaker', () => {
  it('stays closed below the failure threshold and forgets failures after a success', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens after the threshold, lets one trial through after the cool-down, and closes on its success', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);

    clock.now = 59_999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 60_000;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens again for a full cool-down when the trial call fails', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock.now = 60_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.now = 119_999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 120_000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('waits as long as a Retry-After asks, even below the threshold', () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.recordFailure(5_000);
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 5_000;
    expect(breaker.tryAcquire()).toBe(true);
  });
});
