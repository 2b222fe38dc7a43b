/**
 * The latency histogram of the hourly decision-run rollups. Buckets are log-spaced, so every
 * bucket is the same relative width and a percentile read from the histogram has a bounded
 * relative error whatever the latency scale.
 */

/** Ratio between consecutive bucket bounds. */
export const LATENCY_BUCKET_FACTOR = 1.25;

/** The smallest bucket bound, in milliseconds. */
export const LATENCY_BUCKET_FIRST_BOUND_MS = 0.5;

/** Latency the finite buckets must cover, in milliseconds (60 s). */
const LATENCY_BUCKET_COVERAGE_MS = 60_000;

/**
 * Upper bounds of the latency buckets in milliseconds: 0.5 * 1.25^i for i = 0..53, from 0.5 ms
 * to 68,422.8 ms, the first bound at or above 60 s. Bucket 0 counts latencies from 0 to 0.5 ms,
 * bucket i (1-53) counts latencies above bound i-1 and at most bound i, and bucket 54 counts
 * latencies above the last bound. The rollup column `histogram` stores the 55 counts in this
 * order. Changing these bounds invalidates every stored histogram.
 */
export const LATENCY_BUCKET_BOUNDS_MS: readonly number[] = Object.freeze(buildBounds());

/** Number of counts in a histogram: one per bound plus the overflow bucket. */
export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

/**
 * Largest relative error of `estimateLatencyPercentile` for latencies from 0.5 ms to the last
 * bound: sqrt(1.25) - 1, about 0.118 (11.8 %). Each sample is estimated by the geometric middle
 * of its bucket, which is within a factor sqrt(1.25) of any value in the bucket, and
 * interpolating between two such estimates keeps that factor. Below 0.5 ms the absolute error
 * is at most 0.25 ms; above the last bound the estimate is the recorded maximum.
 */
export const LATENCY_PERCENTILE_RELATIVE_ERROR = Math.sqrt(LATENCY_BUCKET_FACTOR) - 1;

function buildBounds(): number[] {
  const bounds: number[] = [];
  for (let bound = LATENCY_BUCKET_FIRST_BOUND_MS; ; bound *= LATENCY_BUCKET_FACTOR) {
    bounds.push(bound);
    if (bound >= LATENCY_BUCKET_COVERAGE_MS) {
      return bounds;
    }
  }
}

/** Returns the index of the bucket that counts a latency (binary search over the bounds). */
export function latencyBucketIndex(latencyMs: number): number {
  let low = 0;
  let high = LATENCY_BUCKET_BOUNDS_MS.length;
  // Finds the first bound at or above the latency; `high` stays at the overflow bucket if none is.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (LATENCY_BUCKET_BOUNDS_MS[middle] >= latencyMs) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

/** Returns a histogram with every count at zero. */
export function emptyLatencyHistogram(): number[] {
  return new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
}

/** Adds `source` into `target` bucket by bucket; a shorter array counts as zeros. */
export function addLatencyHistograms(target: number[], source: readonly number[]): number[] {
  for (let index = 0; index < source.length; index++) {
    target[index] = (target[index] ?? 0) + (source[index] ?? 0);
  }
  return target;
}

/**
 * Estimates a latency percentile from a histogram, interpolating between the closest ranks as
 * PostgreSQL's `percentile_cont` does on raw samples. Returns null for an empty histogram. The
 * error bound is `LATENCY_PERCENTILE_RELATIVE_ERROR`.
 *
 * @param quantile the percentile as a fraction, from 0 to 1 (0.95 for P95).
 * @param maxMs the largest latency recorded in the histogram's rows; estimates never exceed it.
 */
export function estimateLatencyPercentile(params: {
  histogram: readonly number[];
  maxMs: number;
  quantile: number;
}): number | null {
  const { histogram, maxMs, quantile } = params;
  if (!(quantile >= 0 && quantile <= 1)) {
    throw new RangeError(`quantile ${quantile} is out of range 0-1`);
  }
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return null;
  }

  const rank = quantile * (total - 1);
  const lower = sampleEstimate(histogram, Math.floor(rank), maxMs);
  const upper = sampleEstimate(histogram, Math.ceil(rank), maxMs);
  return lower + (rank - Math.floor(rank)) * (upper - lower);
}

/** Estimates the sample of 0-based rank `rank` from the bucket that contains it. */
function sampleEstimate(histogram: readonly number[], rank: number, maxMs: number): number {
  let seen = 0;
  let bucket = 0;
  for (; bucket < histogram.length; bucket++) {
    seen += histogram[bucket];
    if (seen > rank) {
      break;
    }
  }
  return Math.min(bucketMiddle(bucket, maxMs), maxMs);
}

function bucketMiddle(bucket: number, maxMs: number): number {
  if (bucket === 0) {
    return LATENCY_BUCKET_FIRST_BOUND_MS / 2;
  }
  if (bucket >= LATENCY_BUCKET_BOUNDS_MS.length) {
    return maxMs;
  }
  return LATENCY_BUCKET_BOUNDS_MS[bucket - 1] * Math.sqrt(LATENCY_BUCKET_FACTOR);
}
