import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';

import { ApiKeysService } from '../auth/api-keys.service.js';
import { CliApiClient } from '../cli/api-client.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { ReadinessState } from '../core/readiness.js';
import { type DemoCustomer, generateCustomers } from './demo-customers.js';
import { DemoHistoryRepository } from './demo-history.repository.js';
import { DemoRandom } from './demo-random.js';
import { DEMO_CUSTOMER_COUNT, type DemoProgress, seedCatalog, seedTelemetry } from './demo-seed.js';
import { readDemoState, writeDemoState } from './demo-state.js';
import { seedStory, storyDeadLetterDepth } from './demo-story.js';
import { demoTimeline, type DemoTimeline } from './demo-timeline.js';
import { DemoWriter } from './demo-writer.js';

/** Decisions per hour relative to the generator's base rate; sized for a 120 s first start on 2 cores. */
export const DEMO_HISTORY_SCALE = 2;
const TRICKLE_INTERVAL_MS = 10_000;

export interface DemoStatus {
  running: boolean;
  progress: DemoProgress | null;
  lastError: string | null;
  finishedAt: string | null;
}

/**
 * Seeds the demo workload through the app's own HTTP API, then keeps a live
 * trickle going so auto-refresh shows movement.
 */
@Injectable()
export class DemoSeedService implements OnApplicationShutdown {
  private readonly status: DemoStatus = {
    running: false,
    progress: null,
    lastError: null,
    finishedAt: null,
  };
  private trickleTimer: NodeJS.Timeout | null = null;
  private trickle: {
    writer: DemoWriter;
    customers: DemoCustomer[];
    timeline: DemoTimeline;
    lastAt: Date;
  } | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly apiKeys: ApiKeysService,
    private readonly history: DemoHistoryRepository,
    private readonly readiness: ReadinessState,
    private readonly clock: Clock,
  ) {}

  currentStatus(): DemoStatus {
    return { ...this.status };
  }

  /** On start: seeds a new embedded database (or finishes an interrupted seed), then trickles. */
  startOnBoot(params: {
    baseUrl: string;
    adminKey: string | null;
    tenantId: string | null;
    createdNow: boolean;
  }): void {
    if (!this.config.demo || !params.adminKey || !params.tenantId) {
      return;
    }
    const state = readDemoState(this.config.dataDir);
    const mustSeed = params.createdNow || state?.status === 'seeding';
    if (!mustSeed && state?.status !== 'done') {
      return;
    }
    const client = new CliApiClient(params.baseUrl, params.adminKey);
    if (!mustSeed) {
      this.startTrickle(client, this.config.demoSeed);
      return;
    }
    this.readiness.expect('demo-seed');
    void this.seed({
      client,
      seed: this.config.demoSeed,
      temporaryKeyId: null,
      tenantId: params.tenantId,
    }).finally(() => this.readiness.complete('demo-seed'));
  }

  /** Seeds a tenant on request (`npm run demo`), with a temporary admin key revoked afterwards. */
  async startForTenant(params: {
    baseUrl: string;
    tenantId: string;
    seed: number;
    actor: string;
  }): Promise<boolean> {
    if (this.status.running) {
      return false;
    }
    const created = await this.apiKeys.create({
      tenantId: params.tenantId,
      name: 'demo-seeder',
      role: 'admin',
      expiresAt: new Date(this.clock.now().getTime() + 3_600_000),
      actor: params.actor,
    });
    const client = new CliApiClient(params.baseUrl, created.key);
    void this.seed({
      client,
      seed: params.seed,
      temporaryKeyId: created.row.id,
      tenantId: params.tenantId,
    });
    return true;
  }

  onApplicationShutdown(): void {
    if (this.trickleTimer) {
      clearInterval(this.trickleTimer);
    }
  }

  private async seed(params: {
    client: CliApiClient;
    seed: number;
    temporaryKeyId: string | null;
    tenantId: string;
  }): Promise<void> {
    const startedAt = this.clock.now();
    this.status.running = true;
    this.status.lastError = null;
    writeDemoState(this.config.dataDir, {
      status: 'seeding',
      seed: params.seed,
      startedAt: startedAt.toISOString(),
    });
    logger.info(
      { action: 'demo.seed.started', seed: params.seed, tenantId: params.tenantId },
      'demo seed started',
    );
    try {
      const writer = new DemoWriter(params.client);
      const timeline = demoTimeline(startedAt);
      const onProgress = (progress: DemoProgress) => this.reportProgress(progress);
      const customers = await seedCatalog({
        writer,
        random: new DemoRandom(params.seed),
        timeline,
        onProgress,
      });
      await seedStory(writer, timeline);
      await this.history.insertDepthSamples(
        params.tenantId,
        'interaction_events',
        storyDeadLetterDepth(timeline),
      );
      const totals = await seedTelemetry({
        writer,
        seed: params.seed,
        timeline,
        customers,
        from: timeline.historyStart,
        to: startedAt,
        scale: DEMO_HISTORY_SCALE,
        onProgress,
      });
      const rejections = writer.rejections();
      if (rejections.count > 0) {
        logger.warn(
          { action: 'demo.seed.rejections', ...rejections },
          'the API rejected some demo items',
        );
      }
      const durationMs = this.clock.now().getTime() - startedAt.getTime();
      writeDemoState(this.config.dataDir, {
        status: 'done',
        seed: params.seed,
        startedAt: startedAt.toISOString(),
        finishedAt: this.clock.now().toISOString(),
      });
      this.status.finishedAt = this.clock.now().toISOString();
      logger.info({ action: 'demo.seed.done', durationMs, ...totals }, 'demo seed done');
      this.trickle = { writer, customers, timeline, lastAt: startedAt };
      this.scheduleTrickle(params.seed);
    } catch (error) {
      this.status.lastError = (error as Error).message;
      writeDemoState(this.config.dataDir, {
        status: 'failed',
        seed: params.seed,
        startedAt: startedAt.toISOString(),
        error: (error as Error).message,
      });
      logger.error({ action: 'demo.seed.failed', err: error }, 'demo seed failed');
    } finally {
      this.status.running = false;
      if (params.temporaryKeyId) {
        await this.apiKeys
          .revoke({ tenantId: params.tenantId, id: params.temporaryKeyId, actor: 'demo-seeder' })
          .catch((error: unknown) =>
            logger.error({ action: 'demo.key_revoke_failed', err: error }, 'revoke failed'),
          );
      }
    }
  }

  private startTrickle(client: CliApiClient, seed: number): void {
    // Regenerates the customer list (deterministic for the seed) without writing it again.
    const state = readDemoState(this.config.dataDir);
    const timeline = demoTimeline(new Date(state?.startedAt ?? this.clock.now().toISOString()));
    const customers = generateCustomers(
      new DemoRandom(seed),
      DEMO_CUSTOMER_COUNT,
      timeline.anchorDay,
    );
    this.trickle = {
      writer: new DemoWriter(client),
      customers,
      timeline,
      lastAt: this.clock.now(),
    };
    this.scheduleTrickle(seed);
  }

  private scheduleTrickle(seed: number): void {
    if (this.trickleTimer || !this.config.demo) {
      return;
    }
    this.trickleTimer = setInterval(() => void this.trickleOnce(seed), TRICKLE_INTERVAL_MS);
    this.trickleTimer.unref();
  }

  private async trickleOnce(seed: number): Promise<void> {
    const trickle = this.trickle;
    if (!trickle || this.status.running) {
      return;
    }
    const now = this.clock.now();
    try {
      await seedTelemetry({
        ...trickle,
        seed,
        from: trickle.lastAt,
        to: now,
        scale: DEMO_HISTORY_SCALE,
      });
      trickle.lastAt = now;
    } catch (error) {
      logger.warn(
        { action: 'demo.trickle.failed', err: error },
        'demo trickle failed; retrying next interval',
      );
    }
  }

  private reportProgress(progress: DemoProgress): void {
    this.status.progress = progress;
    logger.info(
      { action: 'demo.seed.progress', ...progress },
      `demo seed: ${progress.step} ${progress.done}/${progress.total}`,
    );
  }
}
