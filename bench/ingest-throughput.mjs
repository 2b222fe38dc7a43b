#!/usr/bin/env node
// Throughput of batch ingestion through the HTTP API: posts batches of interactions
// (recommendations, impressions and responses) to a running app's /api/v1/interactions
// with a few requests in flight, and prints interactions per second. Summaries and
// rollups are kept current on every write, so they are part of the measured cost.
//
// Usage: node bench/ingest-throughput.mjs --url http://127.0.0.1:3000 --key krn_...
//          [--batches 20] [--batch-size 10000] [--concurrency 2]
// Not part of the test suite.

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) => {
    if (value.startsWith('--')) pairs.push([value.slice(2), all[index + 1]]);
    return pairs;
  }, []),
);
const baseUrl = args.url ?? 'http://127.0.0.1:3000';
const key = args.key ?? process.env.KAIREON_KEY;
const batches = Number(args.batches ?? 20);
const batchSize = Number(args['batch-size'] ?? 10_000);
const concurrency = Number(args.concurrency ?? 2);
const run = Date.now().toString(36);

function batch(index) {
  const now = Date.now();
  return Array.from({ length: batchSize }, (_, item) => {
    const n = index * batchSize + item;
    const kind = n % 3 === 0 ? 'recommendation' : n % 3 === 1 ? 'impression' : 'response';
    return {
      kind,
      customerId: `tp-${n % 50_000}`,
      offerKey: `offer_${1 + (n % 40)}`,
      channelKey: `channel_${1 + (n % 8)}`,
      ...(kind === 'recommendation' ? { recommendationId: `tp-${run}-${n}` } : {}),
      ...(kind === 'response' ? { outcome: n % 7 === 0 ? 'conversion' : 'click' } : {}),
      occurredAt: new Date(now - (n % 86_400) * 1000).toISOString(),
    };
  });
}

const bodies = Array.from({ length: batches }, (_, index) => JSON.stringify(batch(index)));
let next = 0;
let accepted = 0;
const startedAt = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${baseUrl}/api/v1/interactions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body,
      });
      const answer = await response.json();
      if (response.status !== 200) {
        throw new Error(
          `batch answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`,
        );
      }
      accepted += answer.accepted;
    }
  }),
);
const seconds = (performance.now() - startedAt) / 1000;
console.log(
  `${accepted} interactions in ${seconds.toFixed(1)} s: ${Math.round(accepted / seconds)} per second ` +
    `(${batches} batches of ${batchSize}, ${concurrency} in flight)`,
);
