import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';

/**
 * Tunables of the reporting module. The export limit comes from EXPORTS_PER_MINUTE; the others
 * are not environment settings yet, so tests that need short delays change the instance from
 * `app.get(ReportingSettings)`.
 */
@Injectable()
export class ReportingSettings {
  /** Exports and previews one tenant may start per minute; more get a 429 response. */
  exportsPerMinute: number;
  /** Maximum time of one PDF or PNG render, from opening the page to the finished file. */
  renderTimeoutMs = 30_000;
  /** Pages rendered at the same time in the shared browser; others wait for a free slot. */
  maxConcurrentRenders = 2;
  /** Attempts per delivery before it is recorded as failed and dead-lettered. */
  deliveryAttempts = 3;
  /** Wait before the second attempt; it doubles before each later one. */
  deliveryBackoffMs = 2_000;
  /** Maximum time of one outbound delivery request (SMTP, webhook, Slack). */
  deliveryTimeoutMs = 20_000;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.exportsPerMinute = config.exportsPerMinute;
  }
}
