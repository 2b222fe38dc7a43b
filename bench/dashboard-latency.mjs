#!/usr/bin/env node
// Latency of every dashboard endpoint against a running app: a few warm-up calls,
// then N sequential calls each, reporting P50 and P95 in milliseconds and the app's
// resident memory afterwards (from /metrics). Prints a Markdown table.
//
// Usage: node bench/dashboard-latency.mjs --url http://127.0.0.1:3000 --key krn_...
//          [--runs 30] [--segment <segment id>]
// Not part of the test suite.

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) => {
    if (value.startsWith('--')) pairs.push([value.slice(2), all[index + 1]]);
    return pairs;
  }, []),
);
const baseUrl = args.url ?? 'http://127.0.0.1:3000';
const key = args.key ?? process.env.KAIREON_KEY;
const runs = Number(args.runs ?? 30);
if (!key) {
  throw new Error('Pass --key krn_... (or set KAIREON_KEY)');
}

const TYPES = [
  'summary',
  'acceptance_rate',
  'offer_performance',
  'offer_performance_grouped',
  'channel_effectiveness',
  'daily_trend',
  'revenue_trend',
  'funnel',
];
const endpoints = [];
for (const days of [7, 30, 90, 365]) {
  for (const type of TYPES) {
    endpoints.push(`/api/v1/dashboard-data?type=${type}&days=${days}`);
  }
}
if (args.segment) {
  for (const days of [7, 30, 90]) {
    for (const type of TYPES.filter((type) => type !== 'offer_performance_grouped')) {
      endpoints.push(`/api/v1/dashboard-data?type=${type}&days=${days}&segmentId=${args.segment}`);
    }
  }
}
endpoints.push(
  '/api/v1/dashboards/operations/summary?days=7',
  '/api/v1/dashboards/operations/summary?days=365',
  '/api/v1/dashboards/decision-pipeline?windowHours=24',
  '/api/v1/dashboards/decision-pipeline?windowHours=168',
  '/api/v1/decision-traces?limit=50',
  '/api/v1/decision-traces?limit=50&stage=contactPolicy&ruleId=frequency_cap',
  '/api/v1/dashboards/operations/dlq?days=7',
  '/api/v1/dashboards/operations/circuit-breakers?days=7',
);

async function call(path) {
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return performance.now() - startedAt;
}

function percentile(sorted, fraction) {
  const rank = (sorted.length - 1) * fraction;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

console.log(`| endpoint | P50 ms | P95 ms |`);
console.log(`|---|---:|---:|`);
let worstP95 = 0;
for (const path of endpoints) {
  for (let warmUp = 0; warmUp < 3; warmUp++) {
    await call(path);
  }
  const timings = [];
  for (let run = 0; run < runs; run++) {
    timings.push(await call(path));
  }
  timings.sort((a, b) => a - b);
  const p95 = percentile(timings, 0.95);
  worstP95 = Math.max(worstP95, p95);
  console.log(
    `| \`${path.replace(args.segment ?? '\u0000', '<segment>')}\` | ${percentile(timings, 0.5).toFixed(1)} | ${p95.toFixed(1)} |`,
  );
}
const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
const rss = /kaireon_process_resident_memory_bytes (\d+)/.exec(metrics)?.[1];
console.log(
  `\nWorst P95: ${worstP95.toFixed(1)} ms. App resident memory after the run: ${rss ? (Number(rss) / 2 ** 20).toFixed(0) : '?'} MiB.`,
);
