/**
 * Stops calling a failing model for a while, so a broken or overloaded server costs users no latency.
 * Closed: calls go through. After `failureThreshold` consecutive failures it opens for `coolDownMs`;
 * then one trial call is let through (half-open): success closes it, failure opens it again.
 * A 429 with Retry-After opens it at least until the time the server asked for.
 */
export interface CircuitBreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  now: () => number;
}

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Whether a call may be made now; in half-open state only one caller gets `true` until it reports back. */
  tryAcquire(): boolean {
    if (this.options.now() < this.openUntil) return false;
    if (this.isTripped()) {
      if (this.trialInFlight) return false;
      this.trialInFlight = true;
    }
    return true;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openUntil = 0;
    this.trialInFlight = false;
  }

  recordFailure(retryAfterMs = 0): void {
    this.consecutiveFailures += 1;
    const now = this.options.now();
    const coolDown = this.isTripped() ? this.options.coolDownMs : 0;
    this.openUntil = Math.max(this.openUntil, now + Math.max(coolDown, retryAfterMs));
    this.trialInFlight = false;
  }

  get state(): 'closed' | 'open' | 'half_open' {
    if (this.options.now() < this.openUntil) return 'open';
    return this.isTripped() ? 'half_open' : 'closed';
  }

  private isTripped(): boolean {
    return this.consecutiveFailures >= this.options.failureThreshold;
  }
}
