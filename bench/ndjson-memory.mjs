#!/usr/bin/env node
// Memory check of the NDJSON import: streams generated lines to a running app's
// POST /api/v1/ingest and samples the app's resident memory from its /metrics
// while the import runs. The lines are generated on the fly, so this script
// keeps no more than one chunk of the body in memory.
//
// Usage: node bench/ndjson-memory.mjs [--url http://127.0.0.1:3000] [--key krn_...]
//          [--lines 1000000] [--respond-share 0.1] [--key-share 0.1] [--sample-ms 500]
// The key defaults to $KAIREON_KEY, then to $DATA_DIR/admin-key (DATA_DIR defaults
// to .data at the repository root). Not part of the test suite.
//
// Node's HTTP server ends a request whose body is still arriving after
// server.requestTimeout (300 s by default in Node 20). With back-pressure the
// body of a long import arrives as fast as it is recorded, so main.ts raises
// that limit to an hour for the app.

import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv) {
  const options = {
    url: `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    key: process.env.KAIREON_KEY ?? null,
    lines: 1_000_000,
    respondShare: 0.1,
    keyShare: 0.1,
    sampleMs: 500,
  };
  for (let index = 0; index < argv.length; index += 2) {
    const [name, value] = [argv[index], argv[index + 1]];
    if (value === undefined) {
      throw new Error(`${name} needs a value`);
    }
    switch (name) {
      case '--url':
        options.url = value;
        break;
      case '--key':
        options.key = value;
        break;
      case '--lines':
        options.lines = Number(value);
        break;
      case '--respond-share':
        options.respondShare = Number(value);
        break;
      case '--key-share':
        options.keyShare = Number(value);
        break;
      case '--sample-ms':
        options.sampleMs = Number(value);
        break;
      default:
        throw new Error(`Unknown option ${name}`);
    }
  }
  if (!options.key) {
    const dataDir = process.env.DATA_DIR ?? path.join(root, '.data');
    options.key = fs.readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();
  }
  return options;
}

/**
 * Yields NDJSON lines: recommendations, impressions and responses through the
 * `interaction` type, and a share of `respond` outcomes that refer to a
 * recommendation sent earlier in the same stream. Times spread over the last
 * 3 days, so several day partitions are written.
 */
function* generateLines(options) {
  const offers = ['card', 'loan', 'savings', 'insurance'];
  const channels = ['email', 'sms', 'web', 'push'];
  const outcomes = ['click', 'conversion', 'dismiss', 'defer'];
  const start = Date.now();
  let recommendations = 0;
  for (let index = 0; index < options.lines; index++) {
    const occurredAt = new Date(start - (index % 259_200) * 1_000).toISOString();
    const customerId = `bench-c${index % 50_000}`;
    const offerKey = offers[index % offers.length];
    const channelKey = channels[(index >> 2) % channels.length];
    const keyed = (index * 7919) % 1000 < options.keyShare * 1000;
    const idempotencyKey = keyed ? `bench-${start}-${index}` : undefined;
    if (recommendations > 0 && (index * 104_729) % 1000 < options.respondShare * 1000) {
      const target = (index * 31) % recommendations;
      const data = {
        customerId: `bench-c${target % 50_000}`,
        recommendationId: `bench-${start}-rec-${target}`,
        outcome: outcomes[index % outcomes.length],
        idempotencyKey: `bench-${start}-respond-${index}`,
      };
      yield `${JSON.stringify({ type: 'respond', data })}\n`;
      continue;
    }
    const kind = ['recommendation', 'impression', 'response'][index % 3];
    const data = { kind, customerId, offerKey, channelKey, occurredAt, idempotencyKey };
    if (kind === 'recommendation') {
      // Recommendation n goes to customer n % 50,000, which the respond lines above rely on.
      data.customerId = `bench-c${recommendations % 50_000}`;
      data.recommendationId = `bench-${start}-rec-${recommendations}`;
      data.rank = 1;
      data.score = (index % 100) / 100;
      recommendations += 1;
    }
    if (kind === 'response') {
      data.outcome = outcomes[index % outcomes.length];
      data.conversionValue = data.outcome === 'conversion' ? (index % 10_000) / 100 : undefined;
    }
    yield `${JSON.stringify({ type: 'interaction', data })}\n`;
  }
}

/** Groups lines into chunks of about 64 KiB, so the socket gets writes of a sensible size. */
function* chunked(lines) {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) {
    yield buffer;
  }
}

async function readMemory(url) {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const read = (name) => {
    const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  return {
    rssBytes: read('kaireon_process_resident_memory_bytes'),
    heapUsedBytes: read('kaireon_nodejs_heap_size_used_bytes'),
  };
}

function postStream(options, body) {
  const target = new URL('/api/v1/ingest', options.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.key}`, 'Content-Type': 'application/x-ndjson' },
      },
      (response) => {
        const parts = [];
        response.on('data', (part) => parts.push(part));
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(parts).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    pipeline(body, request).catch(reject);
  });
}

const megabytes = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1_048_576).toFixed(0)} MiB`);

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const baseline = await readMemory(options.url);
  const samples = [];
  let sentBytes = 0;
  const body = Readable.from(chunked(generateLines(options)));
  body.on('data', (chunk) => {
    sentBytes += Buffer.byteLength(chunk);
  });

  const startedAt = Date.now();
  const sampler = setInterval(() => {
    readMemory(options.url)
      .then((memory) => samples.push({ atMs: Date.now() - startedAt, sentBytes, ...memory }))
      .catch(() => undefined);
  }, options.sampleMs);
  const answer = await postStream(options, body);
  clearInterval(sampler);
  const after = await readMemory(options.url);
  const elapsedSeconds = (Date.now() - startedAt) / 1000;

  const rss = samples
    .map((sample) => sample.rssBytes)
    .filter((value) => value !== null)
    .sort((a, b) => a - b);
  const heap = samples.map((sample) => sample.heapUsedBytes).filter((value) => value !== null);
  const summary = (() => {
    try {
      const parsed = JSON.parse(answer.body);
      return {
        accepted: parsed.accepted,
        rejectedCount: parsed.rejectedCount,
        lines: parsed.lines,
        error: parsed.error?.message,
      };
    } catch {
      return { body: answer.body.slice(0, 500) };
    }
  })();

  console.log(
    `NDJSON import of ${options.lines} lines (${megabytes(sentBytes)} sent) to ${options.url}`,
  );
  console.log(`response: HTTP ${answer.status} ${JSON.stringify(summary)}`);
  console.log(
    `elapsed: ${elapsedSeconds.toFixed(1)} s, ${(options.lines / elapsedSeconds).toFixed(0)} lines/s`,
  );
  console.log(
    `app RSS: before ${megabytes(baseline.rssBytes)}, during min ${megabytes(rss[0] ?? null)} / median ${megabytes(rss[Math.floor(rss.length / 2)] ?? null)} / max ${megabytes(rss[rss.length - 1] ?? null)}, after ${megabytes(after.rssBytes)}`,
  );
  console.log(
    `app heap used: before ${megabytes(baseline.heapUsedBytes)}, max during ${megabytes(heap.length ? Math.max(...heap) : null)}`,
  );
  const tenths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
    (tenth) => samples[Math.min(samples.length - 1, Math.floor((samples.length * tenth) / 10) - 1)],
  );
  console.log('RSS by progress (sent MiB -> RSS):');
  for (const sample of tenths.filter(Boolean)) {
    console.log(`  ${megabytes(sample.sentBytes).padStart(9)} -> ${megabytes(sample.rssBytes)}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
