import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';

import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { DeadLetterRepository } from './dead-letter.repository.js';
import { buildDepthTrend, hourStart } from './dead-letter-depth.js';
import type { DeadLetterDepthPoint } from './dead-letter.types.js';

/** How often the gauge is reloaded from the database, so it covers other replicas' changes too. */
const GAUGE_REFRESH_MS = 60_000;

/**
 * Keeps `kaireon_dlq_depth{tenant,topic}` and the hourly depth samples
 * current. Every change syncs its tenant at once. A periodic refresh reloads
 * all tenants, which covers restarts and changes made by other replicas, and
 * writes one sample per tenant and topic when the UTC hour turns.
 */
@Injectable()
export class DeadLetterDepthService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Label pairs set on the gauge, per tenant id, so a drained topic is set back to 0. */
  private readonly knownTopics = new Map<string, { tenantKey: string; topics: Set<string> }>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private lastSampledHour: number | null = null;

  constructor(
    private readonly repository: DeadLetterRepository,
    private readonly clock: Clock,
    @InjectMetric('kaireon_dlq_depth') private readonly depthGauge: Gauge<string>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.inFlight;
  }

  /** Reloads the tenant's depth per topic into the gauge and this hour's samples. */
  async sync(tenantId: string, changedTopics: string[]): Promise<void> {
    const depths = await this.repository.depthByTopic(tenantId);
    const tenantKey = await this.tenantKey(tenantId);
    const known = this.knownTopics.get(tenantId)?.topics ?? new Set<string>();
    const current = new Map(depths.map((row) => [row.topic, row.depth]));
    const topics = new Set([...known, ...current.keys(), ...changedTopics]);
    const sampledAt = hourStart(this.clock.now());

    for (const topic of topics) {
      this.depthGauge.set({ tenant: tenantKey, topic }, current.get(topic) ?? 0);
    }
    this.knownTopics.set(tenantId, { tenantKey, topics });
    await this.repository.upsertDepthSamples(
      [...topics].map((topic) => ({ tenantId, topic, sampledAt, depth: current.get(topic) ?? 0 })),
    );
  }

  /** Hourly depth points of [from, to), the depth of hours without a sample carried forward. */
  async trend(filter: { tenantId: string; from: Date; to: Date }): Promise<DeadLetterDepthPoint[]> {
    const from = hourStart(filter.from);
    const [samples, before] = await Promise.all([
      this.repository.samplesBetween({ tenantId: filter.tenantId, from, to: filter.to }),
      this.repository.lastSamplesBefore({ tenantId: filter.tenantId, before: from }),
    ]);
    return buildDepthTrend({ from, to: filter.to, samples, before });
  }

  /** Reloads every tenant's depth; writes samples when the hour has turned since the last ones. */
  async refreshAll(): Promise<void> {
    const rows = await this.repository.depthOfAllTenants();
    const seen = new Set(rows.map((row) => `${row.tenantId}\u0000${row.topic}`));
    for (const row of rows) {
      const entry = this.knownTopics.get(row.tenantId) ?? {
        tenantKey: row.tenantKey,
        topics: new Set(),
      };
      entry.topics.add(row.topic);
      this.knownTopics.set(row.tenantId, entry);
      this.depthGauge.set({ tenant: row.tenantKey, topic: row.topic }, row.depth);
    }
    const drained: { tenantId: string; topic: string }[] = [];
    for (const [tenantId, entry] of this.knownTopics) {
      for (const topic of entry.topics) {
        if (!seen.has(`${tenantId}\u0000${topic}`)) {
          this.depthGauge.set({ tenant: entry.tenantKey, topic }, 0);
          drained.push({ tenantId, topic });
        }
      }
    }

    const hour = hourStart(this.clock.now());
    if (this.lastSampledHour !== hour.getTime()) {
      const samples = [
        ...rows.map((row) => ({
          tenantId: row.tenantId,
          topic: row.topic,
          sampledAt: hour,
          depth: row.depth,
        })),
        ...drained.map((row) => ({ ...row, sampledAt: hour, depth: 0 })),
      ];
      await this.repository.upsertDepthSamples(samples);
      this.lastSampledHour = hour.getTime();
    }
  }

  private async tenantKey(tenantId: string): Promise<string> {
    const cached = this.knownTopics.get(tenantId)?.tenantKey;
    if (cached) {
      return cached;
    }
    return (await this.repository.tenantKey(tenantId)) ?? tenantId;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.inFlight = this.refreshAll()
        .catch((error: unknown) => {
          logger.error(
            { action: 'dlq.depth_refresh_failed', err: error },
            'refreshing the DLQ depth gauge failed',
          );
        })
        .finally(() => {
          this.inFlight = null;
          if (!this.stopped) {
            this.schedule(GAUGE_REFRESH_MS);
          }
        });
    }, delayMs);
    this.timer.unref();
  }
}
