import type { Clock } from '../core/clock.js';

export const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

export interface CircuitBreakerOptions {
  /** Consecutive failures that open a closed breaker; default 5. */
  failureThreshold?: number;
  /** How long an open breaker rejects calls before it lets one trial call through, in ms; default 30,000. */
  coolDownMs?: number;
  /**
   * Whether an error counts as a failure of the remote side; default every error. An error
   * that does not count (such as a 4xx response) also shows that the remote side is reachable,
   * so it counts as a success.
   */
  isFailure?: (error: unknown) => boolean;
}

export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_COOL_DOWN_MS = 30_000;

/** A change of state, passed to the breaker's listener. */
export interface BreakerTransition {
  name: string;
  from: BreakerState;
  to: BreakerState;
  reason: string;
  at: Date;
}

/** A state restored from an earlier transition, such as the last one recorded before a restart. */
export interface BreakerSnapshot {
  state: BreakerState;
  since: Date;
}

export interface CircuitBreakerHooks {
  clock: Clock;
  /** Called on every transition and awaited; it must not throw. */
  onTransition?: (transition: BreakerTransition) => Promise<void> | void;
  /**
   * Loads the state to start from, once, before the first call; null starts closed. A loader
   * that throws is treated as null, so it should log its own errors.
   */
  loadSnapshot?: () => Promise<BreakerSnapshot | null>;
}

/** Thrown by `execute` instead of calling the remote side while the breaker is open. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';

  constructor(
    readonly breakerName: string,
    readonly state: BreakerState,
    /** When the next trial call will be let through; null while a trial call is in flight. */
    readonly retryAt: Date | null,
  ) {
    super(
      retryAt
        ? `circuit breaker ${breakerName} is open after repeated failures; calls are rejected until ${retryAt.toISOString()}`
        : `circuit breaker ${breakerName} is half open and a trial call is in flight; calls are rejected until it ends`,
    );
  }
}

/** Permission for one call: the breaker generation it started in, and whether it is the trial. */
interface Permit {
  generation: number;
  trial: boolean;
}

/**
 * A circuit breaker for this service's own outbound calls. Closed, it passes calls and counts
 * consecutive failures; at `failureThreshold` it opens. Open, it rejects calls at once with
 * `CircuitOpenError` until `coolDownMs` has passed, then turns half open and lets one trial
 * call through: a success closes it, a failure opens it again. A call's result changes the
 * state only if no transition happened while it ran, so a slow call that started before the
 * breaker opened is not mistaken for the trial.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutiveFailures = 0;
  private openedAtMs = 0;
  private trialInFlight = false;
  /** Increases on every transition. */
  private generation = 0;
  private loading: Promise<void> | null = null;
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly isFailure: (error: unknown) => boolean;

  constructor(
    readonly name: string,
    options: CircuitBreakerOptions,
    private readonly hooks: CircuitBreakerHooks,
  ) {
    this.failureThreshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.coolDownMs = options.coolDownMs ?? DEFAULT_COOL_DOWN_MS;
    this.isFailure = options.isFailure ?? (() => true);
    if (!Number.isInteger(this.failureThreshold) || this.failureThreshold < 1) {
      throw new RangeError(`failureThreshold ${this.failureThreshold} must be a positive integer`);
    }
    if (!Number.isFinite(this.coolDownMs) || this.coolDownMs < 0) {
      throw new RangeError(`coolDownMs ${this.coolDownMs} must be a non-negative number`);
    }
  }

  /** The state as of the last call or transition; an open breaker turns half open on the next call. */
  get state(): BreakerState {
    return this.current;
  }

  /** When an open breaker lets the next trial call through; null unless open. */
  get retryAt(): Date | null {
    return this.current === 'open' ? new Date(this.openedAtMs + this.coolDownMs) : null;
  }

  /**
   * Runs `work` unless the breaker is open, and counts its result.
   *
   * @throws CircuitOpenError without calling `work` while open or while a trial call is in flight.
   */
  async execute<T>(work: () => Promise<T>): Promise<T> {
    await this.ensureLoaded();
    const permit = await this.acquire();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.settle(permit, !this.isFailure(error), error);
      throw error;
    }
    await this.settle(permit, true, null);
    return result;
  }

  private async acquire(): Promise<Permit> {
    if (this.current === 'open') {
      const nowMs = this.hooks.clock.now().getTime();
      if (nowMs < this.openedAtMs + this.coolDownMs) {
        throw new CircuitOpenError(this.name, 'open', this.retryAt);
      }
      await this.transition(
        'half_open',
        `cool-down of ${this.coolDownMs} ms elapsed; letting one trial call through`,
      );
    }
    if (this.current === 'half_open') {
      if (this.trialInFlight) {
        throw new CircuitOpenError(this.name, 'half_open', null);
      }
      this.trialInFlight = true;
      return { generation: this.generation, trial: true };
    }
    return { generation: this.generation, trial: false };
  }

  private async settle(permit: Permit, succeeded: boolean, error: unknown): Promise<void> {
    if (permit.trial) {
      this.trialInFlight = false;
    }
    if (permit.generation !== this.generation) {
      return;
    }
    if (succeeded) {
      this.consecutiveFailures = 0;
      if (permit.trial) {
        await this.transition('closed', 'trial call succeeded');
      }
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (permit.trial) {
      await this.transition('open', `trial call failed: ${message}`);
      return;
    }
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.failureThreshold) {
      await this.transition(
        'open',
        `${this.consecutiveFailures} consecutive failures; last: ${message}`,
      );
    }
  }

  private async transition(to: BreakerState, reason: string): Promise<void> {
    const from = this.current;
    const at = this.hooks.clock.now();
    this.current = to;
    this.generation += 1;
    this.consecutiveFailures = 0;
    if (to === 'open') {
      this.openedAtMs = at.getTime();
    }
    await this.hooks.onTransition?.({ name: this.name, from, to, reason, at });
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= this.restore();
    return this.loading;
  }

  private async restore(): Promise<void> {
    let snapshot: BreakerSnapshot | null = null;
    try {
      snapshot = (await this.hooks.loadSnapshot?.()) ?? null;
    } catch {
      // Starting closed is the safe default; the loader has logged why it failed.
    }
    // A transition made since the breaker was created is newer than the snapshot, so it wins.
    if (snapshot === null || this.generation > 0) {
      return;
    }
    this.current = snapshot.state;
    this.openedAtMs = snapshot.since.getTime();
  }
}
