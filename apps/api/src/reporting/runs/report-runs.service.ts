import { Injectable } from '@nestjs/common';

import { AuditService } from '../../auth/audit.service.js';
import { InvalidParameterError, NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { type Page, toPage } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import { ReportExportService } from '../export/report-export.service.js';
import type { ReportFormat } from '../render/report-document.js';
import type { RenderedReport } from '../render/report-renderer.js';
import { ReportSchedulesRepository } from '../schedules/report-schedules.repository.js';
import { ReportTemplatesService } from '../templates/report-templates.service.js';
import { ReportRunExecutor } from './report-run-executor.js';
import type { ReportRunRow } from './report-run.types.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import { pendingDelivery } from './run-files.js';

/** Run history, Run Now and previews of templates. */
@Injectable()
export class ReportRunsService {
  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly templates: ReportTemplatesService,
    private readonly schedules: ReportSchedulesRepository,
    private readonly exports: ReportExportService,
    private readonly executor: ReportRunExecutor,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<ReportRunRow> {
    const row = await this.runs.findById(tenantId, id);
    if (!row) {
      throw new NotFoundError('Report run', id);
    }
    return row;
  }

  async list(params: {
    tenantId: string;
    templateId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<ReportRunRow>> {
    const decoded = decodeCursor(params.cursor);
    const after = decoded
      ? { createdAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const templateId = params.templateId?.toLowerCase();
    const [rows, total] = await Promise.all([
      this.runs.list({ tenantId: params.tenantId, templateId, limit: params.limit, after }),
      this.runs.count(params.tenantId, templateId),
    ]);
    return toPage(rows, params.limit, total, (row) => row.createdAt.toISOString());
  }

  /**
   * Queues a run of the template and starts it in the background. It delivers to the given
   * schedule's destinations, or to those of every enabled schedule of the template.
   */
  async runNow(params: {
    tenantId: string;
    actor: string;
    templateId: string;
    scheduleId?: string;
  }): Promise<ReportRunRow> {
    const template = await this.templates.get(params.tenantId, params.templateId);
    const destinations = await this.destinationsFor(params);
    const run = await this.runs.insert({
      tenantId: params.tenantId,
      templateId: template.id,
      scheduleId: params.scheduleId?.toLowerCase() ?? null,
      trigger: 'run_now',
      scheduledFor: null,
      status: 'queued',
      deliveries: destinations.map(pendingDelivery),
      createdAt: this.clock.now(),
    });
    if (!run) {
      throw new Error('inserting a Run Now run returned no row');
    }
    await this.audit.record({
      tenantId: params.tenantId,
      actor: params.actor,
      action: 'report_run.run_now',
      targetType: 'report_template',
      targetId: template.id,
      details: { runId: run.id, scheduleId: run.scheduleId },
    });
    this.executor.startInBackground(params.tenantId, run.id);
    return run;
  }

  /** Renders the template now in one format, without storing or sending anything. */
  async preview(params: {
    tenantId: string;
    templateId: string;
    format?: ReportFormat;
  }): Promise<RenderedReport> {
    const template = await this.templates.get(params.tenantId, params.templateId);
    const now = this.clock.now();
    return this.exports.export({
      tenantId: params.tenantId,
      dashboard: template.dashboard,
      format: params.format ?? template.formats[0],
      filters: template.filters,
      timeZone: template.timeZone,
      asOf: now,
      generatedAt: now,
    });
  }

  private async destinationsFor(params: {
    tenantId: string;
    templateId: string;
    scheduleId?: string;
  }): Promise<StoredDestination[]> {
    if (!params.scheduleId) {
      const schedules = await this.schedules.listByTemplate(params.tenantId, params.templateId);
      return schedules
        .filter((schedule) => schedule.enabled)
        .flatMap((schedule) => schedule.destinations);
    }
    const schedule = await this.schedules.findById(
      params.tenantId,
      params.scheduleId.toLowerCase(),
    );
    if (!schedule || schedule.templateId !== params.templateId) {
      throw InvalidParameterError.forField(
        'scheduleId',
        params.scheduleId,
        'is not a schedule of this template',
      );
    }
    return schedule.destinations;
  }
}
