import { DemoRandom } from './demo-random.js';

describe('DemoRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new DemoRandom(42);
    const b = new DemoRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
  });

  it('differs between seeds', () => {
    expect(new DemoRandom(1).next()).not.toBe(new DemoRandom(2).next());
  });

  it('keeps integers within bounds and reaches both ends', () => {
    const random = new DemoRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('gives a log-normal median near the asked one', () => {
    const random = new DemoRandom(11);
    const samples = Array.from({ length: 20001 }, () => random.logNormal(40, 0.5)).sort(
      (x, y) => x - y,
    );
    const median = samples[10000];
    expect(median).toBeGreaterThan(38);
    expect(median).toBeLessThan(42);
  });

  it('gives unrelated streams for neighbouring seeds of one part', () => {
    const first = (seed: number) =>
      Array.from({ length: 3 }, (_, part) => DemoRandom.forPart(seed, part).next());
    const seedOne = first(1);
    const seedTwo = first(2);
    for (const value of seedOne) {
      expect(seedTwo).not.toContain(value);
    }
  });
});
