import { Injectable } from '@nestjs/common';

import { AuditService } from '../../auth/audit.service.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { type Page, toPage } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { PanelRegistry } from '../../panels/panel-registry.js';
import type {
  ReportTemplateCreateDto,
  ReportTemplateUpdateDto,
} from '../dto/report-template.dto.js';
import { normaliseFilters, requireTimeZone, resolveReportWindow } from '../report-filters.js';
import type { ReportTemplateRow, ReportTemplateValues } from './report-template.types.js';
import { ReportTemplatesRepository } from './report-templates.repository.js';

/** Report templates: a dashboard with its filters, formats and time zone. */
@Injectable()
export class ReportTemplatesService {
  constructor(
    private readonly repository: ReportTemplatesRepository,
    private readonly panels: PanelRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(params: {
    tenantId: string;
    actor: string;
    body: ReportTemplateCreateDto;
  }): Promise<ReportTemplateRow> {
    const values = this.validate({
      name: params.body.name.trim(),
      dashboard: params.body.dashboard,
      filters: normaliseFilters(params.body.filters),
      formats: params.body.formats,
      timeZone: params.body.timeZone ?? 'UTC',
    });
    const row = await this.repository.insert({
      ...values,
      tenantId: params.tenantId,
      createdBy: params.actor,
    });
    await this.record(params, 'report_template.created', row);
    return row;
  }

  async get(tenantId: string, id: string): Promise<ReportTemplateRow> {
    const row = await this.repository.findById(tenantId, id);
    if (!row) {
      throw new NotFoundError('Report template', id);
    }
    return row;
  }

  async list(tenantId: string, limit: number, cursor?: string): Promise<Page<ReportTemplateRow>> {
    const decoded = decodeCursor(cursor);
    const after = decoded
      ? { createdAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const [rows, total] = await Promise.all([
      this.repository.list(tenantId, limit, after),
      this.repository.count(tenantId),
    ]);
    return toPage(rows, limit, total, (row) => row.createdAt.toISOString());
  }

  async update(params: {
    tenantId: string;
    actor: string;
    id: string;
    body: ReportTemplateUpdateDto;
  }): Promise<ReportTemplateRow> {
    const current = await this.get(params.tenantId, params.id);
    const { body } = params;
    const values = this.validate({
      name: body.name?.trim() ?? current.name,
      dashboard: body.dashboard ?? current.dashboard,
      filters: body.filters === undefined ? current.filters : normaliseFilters(body.filters),
      formats: body.formats ?? current.formats,
      timeZone: body.timeZone ?? current.timeZone,
    });
    const row = await this.repository.update({
      tenantId: params.tenantId,
      id: params.id,
      values,
      updatedAt: this.clock.now(),
    });
    if (!row) {
      throw new NotFoundError('Report template', params.id);
    }
    await this.record(params, 'report_template.updated', row);
    return row;
  }

  /** Deletes the template and, by cascade, its schedules; past runs stay in the history. */
  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    const current = await this.get(params.tenantId, params.id);
    if (!(await this.repository.delete(params.tenantId, params.id))) {
      throw new NotFoundError('Report template', params.id);
    }
    await this.record(params, 'report_template.deleted', current);
  }

  /**
   * Checks what the DTO cannot: the zone is an IANA zone, days and from/to are not combined,
   * and the dashboard has a provider (404 "not built yet" otherwise).
   */
  private validate(values: ReportTemplateValues): ReportTemplateValues {
    requireTimeZone('timeZone', values.timeZone);
    resolveReportWindow(values.filters, this.clock.now());
    this.panels.get(values.dashboard);
    return values;
  }

  private async record(
    params: { tenantId: string; actor: string },
    action: string,
    row: ReportTemplateRow,
  ): Promise<void> {
    await this.audit.record({
      tenantId: params.tenantId,
      actor: params.actor,
      action,
      targetType: 'report_template',
      targetId: row.id,
      details: {
        name: row.name,
        dashboard: row.dashboard,
        filters: row.filters,
        formats: row.formats,
        timeZone: row.timeZone,
      },
    });
  }
}
