import {
  addLatencyHistograms,
  emptyLatencyHistogram,
  estimateLatencyPercentile,
  LATENCY_BUCKET_BOUNDS_MS,
  LATENCY_BUCKET_COUNT,
  LATENCY_PERCENTILE_RELATIVE_ERROR,
  latencyBucketIndex,
} from './latency-histogram.js';

/** A histogram with the given counts at the given bucket indexes. */
function histogramWith(counts: Record<number, number>): number[] {
  const histogram = emptyLatencyHistogram();
  for (const [bucket, count] of Object.entries(counts)) {
    histogram[Number(bucket)] = count;
  }
  return histogram;
}

describe('latency bucket bounds', () => {
  it('starts at 0.5 ms and grows by 1.25', () => {
    // 0.5 * 1.25^i, computed by hand for the first six.
    expect(LATENCY_BUCKET_BOUNDS_MS.slice(0, 6)).toEqual([
      0.5, 0.625, 0.78125, 0.9765625, 1.220703125, 1.52587890625,
    ]);
  });

  it('ends at the first bound at or above 60 s', () => {
    // 0.5 * 1.25^52 = 54,738.2 ms is below 60 s; 0.5 * 1.25^53 = 68,422.8 ms is not.
    expect(LATENCY_BUCKET_BOUNDS_MS).toHaveLength(54);
    expect(LATENCY_BUCKET_BOUNDS_MS[52]).toBeCloseTo(54_738.22, 1);
    expect(LATENCY_BUCKET_BOUNDS_MS[53]).toBeCloseTo(68_422.78, 1);
    expect(LATENCY_BUCKET_COUNT).toBe(55);
  });

  it('documents an error bound of sqrt(1.25) - 1', () => {
    expect(LATENCY_PERCENTILE_RELATIVE_ERROR).toBeCloseTo(0.118034, 6);
  });
});

describe('latencyBucketIndex', () => {
  it.each([
    [0, 0],
    [0.25, 0],
    [0.5, 0],
    [0.5000001, 1],
    [0.625, 1],
    [0.7, 2],
    [0.78125, 2],
    [1, 4],
    [2.5, 8],
    [54_738, 52],
    [60_000, 53],
    [68_422, 53],
    [68_423, 54],
    [3_600_000, 54],
  ])('puts %p ms into bucket %p', (latencyMs, bucket) => {
    expect(latencyBucketIndex(latencyMs)).toBe(bucket);
  });
});

describe('addLatencyHistograms', () => {
  it('adds bucket by bucket', () => {
    const target = histogramWith({ 1: 2, 4: 1 });
    addLatencyHistograms(target, histogramWith({ 4: 3, 54: 1 }));
    expect(target[1]).toBe(2);
    expect(target[4]).toBe(4);
    expect(target[54]).toBe(1);
    expect(target.reduce((sum, count) => sum + count, 0)).toBe(7);
  });
});

describe('estimateLatencyPercentile', () => {
  it('returns null for an empty histogram', () => {
    expect(
      estimateLatencyPercentile({ histogram: emptyLatencyHistogram(), maxMs: 0, quantile: 0.5 }),
    ).toBeNull();
  });

  it('uses the geometric middle of the bucket', () => {
    // Three samples in bucket 4 (0.9765625, 1.220703125]: middle 0.9765625 * sqrt(1.25).
    const histogram = histogramWith({ 4: 3, 8: 1 });
    const estimate = estimateLatencyPercentile({ histogram, maxMs: 10, quantile: 0.5 });
    expect(estimate).toBeCloseTo(1.09183007, 7);
  });

  it('interpolates between ranks like percentile_cont', () => {
    // Four samples: ranks 0-2 in bucket 4 (estimate 1.09183007), rank 3 in bucket 8
    // (2.384185791015625 * sqrt(1.25) = 2.66560075). P90: rank 2.7, so
    // 1.09183007 + 0.7 * (2.66560075 - 1.09183007) = 2.19346955.
    const histogram = histogramWith({ 4: 3, 8: 1 });
    const estimate = estimateLatencyPercentile({ histogram, maxMs: 10, quantile: 0.9 });
    expect(estimate).toBeCloseTo(2.19346955, 7);
  });

  it('never exceeds the recorded maximum', () => {
    const histogram = histogramWith({ 4: 3, 8: 1 });
    expect(estimateLatencyPercentile({ histogram, maxMs: 2.5, quantile: 1 })).toBe(2.5);
  });

  it('estimates the underflow bucket at 0.25 ms', () => {
    const histogram = histogramWith({ 0: 5 });
    expect(estimateLatencyPercentile({ histogram, maxMs: 0.4, quantile: 0.5 })).toBe(0.25);
  });

  it('estimates the overflow bucket at the maximum', () => {
    const histogram = histogramWith({ 54: 2 });
    expect(estimateLatencyPercentile({ histogram, maxMs: 90_000, quantile: 0.99 })).toBe(90_000);
  });

  it('stays within the error bound of exact percentiles', () => {
    const samples = Array.from({ length: 1000 }, (_, index) => 0.6 + index * index * 0.05);
    const histogram = emptyLatencyHistogram();
    for (const sample of samples) {
      histogram[latencyBucketIndex(sample)] += 1;
    }
    const maxMs = samples[samples.length - 1];
    for (const quantile of [0.01, 0.5, 0.9, 0.95, 0.99]) {
      const rank = quantile * (samples.length - 1);
      const low = samples[Math.floor(rank)];
      const high = samples[Math.ceil(rank)];
      const exact = low + (rank - Math.floor(rank)) * (high - low);
      const estimate = estimateLatencyPercentile({ histogram, maxMs, quantile })!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(
        LATENCY_PERCENTILE_RELATIVE_ERROR + 1e-12,
      );
    }
  });

  it('rejects a quantile outside 0-1', () => {
    expect(() =>
      estimateLatencyPercentile({ histogram: histogramWith({ 1: 1 }), maxMs: 1, quantile: 95 }),
    ).toThrow(RangeError);
  });
});
