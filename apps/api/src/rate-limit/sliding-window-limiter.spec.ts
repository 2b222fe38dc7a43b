import { SlidingWindowLimiter } from './sliding-window-limiter.js';

describe('SlidingWindowLimiter', () => {
  it('allows the limit and rejects the next event', () => {
    const limiter = new SlidingWindowLimiter(3);
    expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('a', 1000)).toBeNull();
    expect(limiter.take('a', 2000)).toBeNull();
    expect(limiter.take('a', 3000)).toBe(57);
  });

  it('frees a slot when the oldest event leaves the window', () => {
    const limiter = new SlidingWindowLimiter(1);
    expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('a', 59_999)).toBe(1);
    expect(limiter.take('a', 60_001)).toBeNull();
  });

  it('counts keys apart', () => {
    const limiter = new SlidingWindowLimiter(1);
    expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('b', 0)).toBeNull();
    expect(limiter.take('a', 10)).toBe(60);
  });
});
