import { Injectable } from '@nestjs/common';

/** A source of "working, but degraded" reasons, such as an open circuit breaker. */
export type DegradedSignal = () => Promise<string[]> | string[];

/** Modules add signals here; readiness reports them without failing. */
@Injectable()
export class DegradedSignals {
  private readonly signals: DegradedSignal[] = [];

  add(signal: DegradedSignal): void {
    this.signals.push(signal);
  }

  async reasons(): Promise<string[]> {
    const lists = await Promise.all(this.signals.map(async (signal) => signal()));
    return lists.flat();
  }
}
