import { FixedClock } from '../core/clock.js';
import { type BreakerTransition, CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';

const START = new Date('2026-12-04T10:00:00.000Z');

function setup(
  options: {
    failureThreshold?: number;
    coolDownMs?: number;
    isFailure?: (error: unknown) => boolean;
  } = {},
) {
  const clock = new FixedClock(START);
  const transitions: BreakerTransition[] = [];
  const breaker = new CircuitBreaker(
    'report-delivery:webhook',
    { failureThreshold: 3, coolDownMs: 30_000, ...options },
    { clock, onTransition: (transition) => void transitions.push(transition) },
  );
  return { clock, transitions, breaker };
}

const succeed = () => Promise.resolve('ok');
const fail = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9'));

async function failTimes(breaker: CircuitBreaker, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt++) {
    await expect(breaker.execute(fail)).rejects.toThrow('ECONNREFUSED');
  }
}

/** Creates a call that stays in flight until the test settles it; `started` resolves once it runs. */
function pendingCall() {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  let markStarted!: () => void;
  const promise = new Promise<string>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  const started = new Promise<void>((onStarted) => {
    markStarted = onStarted;
  });
  const work = () => {
    markStarted();
    return promise;
  };
  return { work, resolve, reject, started };
}

describe('CircuitBreaker', () => {
  it('starts closed and passes results through', async () => {
    const { breaker, transitions } = setup();
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual([]);
  });

  it('opens after the threshold of consecutive failures', async () => {
    const { breaker, transitions } = setup();
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(transitions).toEqual([
      {
        name: 'report-delivery:webhook',
        from: 'closed',
        to: 'open',
        reason: '3 consecutive failures; last: connect ECONNREFUSED 127.0.0.1:9',
        at: START,
      },
    ]);
  });

  it('resets the failure count on a success', async () => {
    const { breaker } = setup();
    await failTimes(breaker, 2);
    await breaker.execute(succeed);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('rejects fast while open without calling the work', async () => {
    const { breaker, clock } = setup();
    await failTimes(breaker, 3);
    clock.advanceMs(29_999);
    const work = jest.fn(succeed);
    const error = await breaker.execute(work).catch((caught: unknown) => caught);
    expect(work).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAt).toEqual(new Date('2026-12-04T10:00:30.000Z'));
    expect((error as CircuitOpenError).message).toBe(
      'circuit breaker report-delivery:webhook is open after repeated failures; calls are rejected until 2026-12-04T10:00:30.000Z',
    );
  });

  it('closes after a successful trial once the cool-down passed', async () => {
    const { breaker, clock, transitions } = setup();
    await failTimes(breaker, 3);
    clock.advanceMs(30_000);
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(transitions.map(({ from, to, at }) => ({ from, to, at: at.toISOString() }))).toEqual([
      { from: 'closed', to: 'open', at: '2026-12-04T10:00:00.000Z' },
      { from: 'open', to: 'half_open', at: '2026-12-04T10:00:30.000Z' },
      { from: 'half_open', to: 'closed', at: '2026-12-04T10:00:30.000Z' },
    ]);
  });

  it('opens again when the trial fails, with a new cool-down', async () => {
    const { breaker, clock, transitions } = setup();
    await failTimes(breaker, 3);
    clock.advanceMs(45_000);
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
    expect(transitions[2]).toMatchObject({
      from: 'half_open',
      to: 'open',
      reason: 'trial call failed: connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(breaker.retryAt).toEqual(new Date('2026-12-04T10:01:15.000Z'));
    clock.advanceMs(29_000);
    await expect(breaker.execute(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('lets only one trial call through at a time', async () => {
    const { breaker, clock } = setup();
    await failTimes(breaker, 3);
    clock.advanceMs(30_000);
    const trial = pendingCall();
    const trialResult = breaker.execute(trial.work);
    await trial.started;
    await expect(breaker.execute(succeed)).rejects.toThrow(
      'half open and a trial call is in flight',
    );
    trial.resolve('done');
    await expect(trialResult).resolves.toBe('done');
    expect(breaker.state).toBe('closed');
  });

  it('counts errors that are not failures as successes', async () => {
    const { breaker, clock } = setup({
      isFailure: (error) => !(error as Error).message.startsWith('400'),
    });
    await failTimes(breaker, 3);
    clock.advanceMs(30_000);
    await expect(
      breaker.execute(() => Promise.reject(new Error('400 bad request'))),
    ).rejects.toThrow('400');
    expect(breaker.state).toBe('closed');
  });

  it('ignores the result of a call that started before a transition', async () => {
    const { breaker, clock } = setup({ failureThreshold: 1 });
    const slow = pendingCall();
    const slowResult = breaker.execute(slow.work);
    await slow.started;
    await failTimes(breaker, 1);
    clock.advanceMs(30_000);
    const trial = pendingCall();
    const trialResult = breaker.execute(trial.work);
    await trial.started;
    expect(breaker.state).toBe('half_open');

    // The slow call began while closed; its failure must not reopen the half-open breaker.
    slow.reject(new Error('timed out'));
    await expect(slowResult).rejects.toThrow('timed out');
    expect(breaker.state).toBe('half_open');
    trial.resolve('done');
    await trialResult;
    expect(breaker.state).toBe('closed');
  });

  it('restores an open state from a snapshot', async () => {
    const clock = new FixedClock(START);
    const breaker = new CircuitBreaker(
      'connector-probe',
      { coolDownMs: 60_000 },
      {
        clock,
        loadSnapshot: () =>
          Promise.resolve({ state: 'open', since: new Date('2026-12-04T09:59:30.000Z') }),
      },
    );
    await expect(breaker.execute(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    clock.advanceMs(30_000);
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('starts closed when the snapshot cannot be loaded', async () => {
    const clock = new FixedClock(START);
    const breaker = new CircuitBreaker(
      'probe',
      {},
      { clock, loadSnapshot: () => Promise.reject(new Error('down')) },
    );
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
  });

  it('rejects invalid options', () => {
    const clock = new FixedClock(START);
    expect(() => new CircuitBreaker('x', { failureThreshold: 0 }, { clock })).toThrow(
      'failureThreshold 0',
    );
    expect(() => new CircuitBreaker('x', { coolDownMs: -1 }, { clock })).toThrow('coolDownMs -1');
  });
});
