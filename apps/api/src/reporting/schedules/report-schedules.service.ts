import { Injectable } from '@nestjs/common';

import { AuditService } from '../../auth/audit.service.js';
import type { AuthContext } from '../../auth/roles.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { type Page, toPage } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { parseDestinations } from '../destinations/destination-input.js';
import { toDestinationView } from '../destinations/destination-vault.js';
import { DestinationVault } from '../destinations/destination-vault.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import type {
  ReportScheduleCreateDto,
  ReportScheduleUpdateDto,
} from '../dto/report-schedule.dto.js';
import { ReportTemplatesService } from '../templates/report-templates.service.js';
import type { ReportScheduleRow } from './report-schedule.types.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';
import { nextRunTimes, validateSchedule } from '../../scheduling/index.js';
import { nextRunAt } from './schedule-timing.js';

/** Report schedules: cron in a time zone, destinations with sealed secrets, the next run time. */
@Injectable()
export class ReportSchedulesService {
  constructor(
    private readonly repository: ReportSchedulesRepository,
    private readonly templates: ReportTemplatesService,
    private readonly vault: DestinationVault,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, body: ReportScheduleCreateDto): Promise<ReportScheduleRow> {
    const templateId = body.templateId.toLowerCase();
    await this.templates.get(auth.tenantId, templateId);
    const timeZone = body.timeZone ?? 'UTC';
    const enabled = body.enabled ?? true;
    validateSchedule({ cron: body.cron, timeZone });
    const now = this.clock.now();
    const row = await this.repository.insert({
      tenantId: auth.tenantId,
      templateId,
      cron: body.cron.trim(),
      timeZone,
      enabled,
      destinations: this.parseDestinations(auth, body.destinations ?? [], []),
      nextRunAt: nextRunAt({ cron: body.cron, timeZone, enabled, after: now }),
      createdAt: now,
    });
    await this.record(auth, 'report_schedule.created', row);
    return row;
  }

  async get(tenantId: string, id: string): Promise<ReportScheduleRow> {
    const row = await this.repository.findById(tenantId, id);
    if (!row) {
      throw new NotFoundError('Report schedule', id);
    }
    return row;
  }

  async list(params: {
    tenantId: string;
    templateId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<ReportScheduleRow>> {
    const decoded = decodeCursor(params.cursor);
    const after = decoded
      ? { createdAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const templateId = params.templateId?.toLowerCase();
    const [rows, total] = await Promise.all([
      this.repository.list({ tenantId: params.tenantId, templateId, limit: params.limit, after }),
      this.repository.count(params.tenantId, templateId),
    ]);
    return toPage(rows, params.limit, total, (row) => row.createdAt.toISOString());
  }

  /**
   * Applies a partial update and recomputes `nextRunAt`. When the cron, zone or enabled flag
   * changes, occurrences before now are neither run nor recorded as missed.
   */
  async update(
    auth: AuthContext,
    id: string,
    body: ReportScheduleUpdateDto,
  ): Promise<ReportScheduleRow> {
    const current = await this.get(auth.tenantId, id);
    const cron = body.cron?.trim() ?? current.cron;
    const timeZone = body.timeZone ?? current.timeZone;
    const enabled = body.enabled ?? current.enabled;
    validateSchedule({ cron, timeZone });
    const now = this.clock.now();
    const timingChanged =
      cron !== current.cron || timeZone !== current.timeZone || enabled !== current.enabled;
    const row = await this.repository.update({
      tenantId: auth.tenantId,
      id,
      updatedAt: now,
      values: {
        templateId: current.templateId,
        cron,
        timeZone,
        enabled,
        destinations:
          body.destinations === undefined
            ? current.destinations
            : this.parseDestinations(auth, body.destinations, current.destinations),
        nextRunAt: nextRunAt({ cron, timeZone, enabled, after: now }),
        ...(timingChanged ? { lastScheduledFor: now } : {}),
      },
    });
    if (!row) {
      throw new NotFoundError('Report schedule', id);
    }
    await this.record(auth, 'report_schedule.updated', row);
    return row;
  }

  async delete(auth: AuthContext, id: string): Promise<void> {
    const current = await this.get(auth.tenantId, id);
    if (!(await this.repository.delete(auth.tenantId, id))) {
      throw new NotFoundError('Report schedule', id);
    }
    await this.record(auth, 'report_schedule.deleted', current);
  }

  /** Computes the next run times of a cron expression, for the Save-as-Report dialog. */
  previewNext(params: { cron: string; timeZone: string; count: number }): Date[] {
    return nextRunTimes({ ...params, after: this.clock.now() });
  }

  private parseDestinations(
    auth: AuthContext,
    input: unknown[],
    previous: StoredDestination[],
  ): StoredDestination[] {
    return parseDestinations(input, {
      previous,
      seal: (plaintext) => this.vault.seal(auth.tenantId, plaintext),
      isAdmin: auth.role === 'admin',
    });
  }

  private async record(auth: AuthContext, action: string, row: ReportScheduleRow): Promise<void> {
    await this.audit.record({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      action,
      targetType: 'report_schedule',
      targetId: row.id,
      details: {
        templateId: row.templateId,
        cron: row.cron,
        timeZone: row.timeZone,
        enabled: row.enabled,
        destinations: row.destinations.map(toDestinationView),
      },
    });
  }
}
