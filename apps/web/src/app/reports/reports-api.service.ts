import { HttpClient, type HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Api,
  ApiConfiguration,
  type ExportRequestDto,
  type PreviewNextDto,
  type ReportRunDto,
  type ReportRunListDto,
  type ReportScheduleCreateDto,
  type ReportScheduleDto,
  type ReportScheduleUpdateDto,
  type ReportTemplateCreateDto,
  type ReportTemplateDto,
  type ReportTemplateUpdateDto,
  type StrictHttpResponse,
  createReportSchedule,
  createReportTemplate,
  deleteReportTemplate,
  exportReport$CsvCharsetUtf8,
  exportReport$HtmlCharsetUtf8,
  exportReport$MarkdownCharsetUtf8,
  exportReport$Pdf,
  exportReport$Png,
  getReportRun,
  listReportRuns,
  listReportSchedules,
  listReportTemplates,
  listSegments,
  previewReportScheduleRuns,
  previewReportTemplate$CsvCharsetUtf8,
  previewReportTemplate$HtmlCharsetUtf8,
  previewReportTemplate$MarkdownCharsetUtf8,
  previewReportTemplate$Pdf,
  previewReportTemplate$Png,
  runReportTemplateNow,
  updateReportSchedule,
  updateReportTemplate,
} from '@kaireon/api-client';
import { type Observable } from 'rxjs';

import { type ReportFormat } from './report-formats';

/** Largest page the list endpoints serve. */
const PAGE_LIMIT = 200;

// NOTE: lists stop after 10 pages (2,000 items); a tenant with more would see the newest 2,000.
const MAX_PAGES = 10;

type FileCall<P> = (
  http: HttpClient,
  rootUrl: string,
  params: P,
  context?: HttpContext,
) => Observable<StrictHttpResponse<Blob>>;

// The generated client has one function per response type, each sending the matching Accept.
const EXPORT_CALLS: Record<ReportFormat, FileCall<{ body: ExportRequestDto }>> = {
  pdf: exportReport$Pdf,
  png: exportReport$Png,
  csv: exportReport$CsvCharsetUtf8,
  html: exportReport$HtmlCharsetUtf8,
  markdown: exportReport$MarkdownCharsetUtf8,
};

const PREVIEW_CALLS: Record<ReportFormat, FileCall<{ id: string; format?: ReportFormat }>> = {
  pdf: previewReportTemplate$Pdf,
  png: previewReportTemplate$Png,
  csv: previewReportTemplate$CsvCharsetUtf8,
  html: previewReportTemplate$HtmlCharsetUtf8,
  markdown: previewReportTemplate$MarkdownCharsetUtf8,
};

/** The portal's calls to `/api/v1/reports`, through the generated API client. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly api = inject(Api);
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  /**
   * Renders a dashboard now (`POST /reports/export`). The call is an Observable so that
   * unsubscribing cancels the request.
   */
  exportFile(
    body: ExportRequestDto & { format: ReportFormat },
  ): Observable<StrictHttpResponse<Blob>> {
    return EXPORT_CALLS[body.format](this.http, this.config.rootUrl, { body });
  }

  /** Renders a template without storing or sending it; unsubscribing cancels the request. */
  previewFile(templateId: string, format: ReportFormat): Observable<StrictHttpResponse<Blob>> {
    return PREVIEW_CALLS[format](this.http, this.config.rootUrl, { id: templateId, format });
  }

  createTemplate(body: ReportTemplateCreateDto): Promise<ReportTemplateDto> {
    return this.api.invoke(createReportTemplate, { body });
  }

  updateTemplate(id: string, body: ReportTemplateUpdateDto): Promise<ReportTemplateDto> {
    return this.api.invoke(updateReportTemplate, { id, body });
  }

  /** Deletes a template; the API deletes its schedules with it and keeps past runs. */
  deleteTemplate(id: string): Promise<void> {
    return this.api.invoke(deleteReportTemplate, { id });
  }

  createSchedule(body: ReportScheduleCreateDto): Promise<ReportScheduleDto> {
    return this.api.invoke(createReportSchedule, { body });
  }

  updateSchedule(id: string, body: ReportScheduleUpdateDto): Promise<ReportScheduleDto> {
    return this.api.invoke(updateReportSchedule, { id, body });
  }

  /** Returns the next `count` run times of a cron expression in a time zone (422 if invalid). */
  previewNextRuns(cron: string, timeZone: string, count = 5): Promise<PreviewNextDto> {
    return this.api.invoke(previewReportScheduleRuns, { cron, timeZone, count });
  }

  /** Queues a Run Now of the template (202) and returns the run id. */
  async runNow(templateId: string): Promise<string> {
    const response = await this.api.invoke(runReportTemplateNow, { id: templateId, body: {} });

    return response.runId;
  }

  getRun(id: string): Promise<ReportRunDto> {
    return this.api.invoke(getReportRun, { id });
  }

  /** One page of run history, newest first. */
  listRuns(params: {
    limit: number;
    cursor?: string;
    templateId?: string;
  }): Promise<ReportRunListDto> {
    return this.api.invoke(listReportRuns, params);
  }

  /** Lists every template of the tenant, newest first. */
  listAllTemplates(): Promise<ReportTemplateDto[]> {
    return this.readAll((cursor) =>
      this.api.invoke(listReportTemplates, { limit: PAGE_LIMIT, cursor }),
    );
  }

  /** Lists every schedule of the tenant, newest first. */
  listAllSchedules(): Promise<ReportScheduleDto[]> {
    return this.readAll((cursor) =>
      this.api.invoke(listReportSchedules, { limit: PAGE_LIMIT, cursor }),
    );
  }

  /** Names of the tenant's segments by id, to show filters in words. */
  async segmentNames(): Promise<Map<string, string>> {
    const segments = await this.readAll((cursor) =>
      this.api.invoke(listSegments, { limit: PAGE_LIMIT, cursor }),
    );

    return new Map(segments.map((segment) => [segment.id, segment.name]));
  }

  private async readAll<T>(
    readPage: (
      cursor: string | undefined,
    ) => Promise<{ data: T[]; page: { nextCursor: string | null } }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await readPage(cursor);
      items.push(...result.data);
      if (!result.page.nextCursor) {
        break;
      }
      cursor = result.page.nextCursor;
    }

    return items;
  }
}
