/**
 * Counts events per key over a sliding one-minute window. In-process only: with
 * N replicas behind a load balancer a key may reach up to N times the limit.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records one event for the key; returns the seconds to wait when over the limit, else null. */
  take(key: string, nowMs: number): number | null {
    const since = nowMs - this.windowMs;
    const recent = (this.events.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.limitPerMinute) {
      this.events.set(key, recent);
      const oldest = recent[0] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
    }
    recent.push(nowMs);
    this.events.set(key, recent);
    return null;
  }
}
