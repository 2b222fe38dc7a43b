import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type ReportScheduleDto, type ReportTemplateDto } from '@kaireon/api-client';

import { findDashboard } from '../../dashboards/dashboard-catalog';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { describeCron } from '../../reports/cron-presets';
import { describeDestination, readDestinationView } from '../../reports/destination-draft';
import { type ReportFormat, formatLabel, sortFormats } from '../../reports/report-formats';
import { toReportProblem } from '../../reports/report-errors';
import { describeReportFilters } from '../../reports/report-filters';
import { ReportsApi } from '../../reports/reports-api.service';
import { formatBytes, runStatusView } from '../../reports/run-status';
import { type RunNowState } from './run-now-tracker.service';

/** A template's request to preview it in one format. */
export interface PreviewRequest {
  readonly template: ReportTemplateDto;
  readonly format: ReportFormat;
}

/**
 * One report template on the Reports page: its dashboard, filters in words and formats, its
 * schedules (cadence, zone, next run, enabled switch, destinations), and the actions Run now,
 * Preview, Edit schedule and Delete. Editing actions are shown only to editors and admins.
 */
@Component({
  selector: 'app-report-template-card',
  templateUrl: './report-template-card.component.html',
  styleUrl: './report-template-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class ReportTemplateCardComponent {
  private readonly api = inject(ReportsApi);
  private readonly locale = inject(LOCALE_ID);

  readonly template = input.required<ReportTemplateDto>();
  readonly schedules = input.required<readonly ReportScheduleDto[]>();
  readonly segmentNames = input<ReadonlyMap<string, string>>(new Map());
  readonly canManage = input(false);
  readonly runNow = input<RunNowState | undefined>(undefined);

  readonly runNowRequested = output<ReportTemplateDto>();
  readonly previewRequested = output<PreviewRequest>();
  readonly deleteRequested = output<ReportTemplateDto>();
  /** Emits the schedule to edit, or null to add a schedule to the template. */
  readonly scheduleEditRequested = output<ReportScheduleDto | null>();
  /** Emits a schedule after the switch changed it on the server. */
  readonly scheduleChanged = output<ReportScheduleDto>();

  protected readonly formatLabel = formatLabel;
  protected readonly headingId = computed(() => `template-${this.template().id}`);
  protected readonly dashboard = computed(() => findDashboard(this.template().dashboard));
  protected readonly formats = computed(() => sortFormats(this.template().formats));
  protected readonly formatsText = computed(() => this.formats().map(formatLabel).join(', '));

  protected readonly filtersText = computed(() =>
    describeReportFilters(this.template().filters, this.locale, (id) =>
      this.segmentNames().get(id),
    ),
  );

  /** Query parameters that open the dashboard with the template's filters. */
  protected readonly dashboardQuery = computed(() =>
    Object.fromEntries(
      Object.entries(this.template().filters).filter(
        ([, value]) => value !== null && value !== undefined,
      ),
    ),
  );

  protected readonly scheduleViews = computed(() =>
    this.schedules().map((schedule) => ({
      schedule,
      cadence: describeCron(schedule.cron),
      destinations: schedule.destinations.map((item) => {
        const view = readDestinationView(item);

        // The API names an unnamed destination after its type; that adds nothing to the text.
        const name = view.name === view.type ? null : view.name;

        return { id: view.id, name, text: describeDestination(view) };
      }),
    })),
  );

  protected readonly previewFormat = linkedSignal<ReportFormat>(() => this.formats()[0] ?? 'pdf');

  protected readonly runView = computed(() => {
    const run = this.runNow()?.run;
    if (!run) {
      return null;
    }

    return {
      run,
      status: runStatusView(run.status),
      files: run.artifacts
        .map(
          (artifact) =>
            `${formatLabel(artifact.format)} ${formatBytes(artifact.bytes, this.locale)}`,
        )
        .join(', '),
    };
  });

  /** Schedules whose switch is being saved, and the last switch failure. */
  protected readonly switching = signal<ReadonlySet<string>>(new Set());
  protected readonly switchProblem = signal<string | null>(null);

  protected choosePreviewFormat(event: Event): void {
    this.previewFormat.set((event.target as HTMLSelectElement).value as ReportFormat);
  }

  protected async setEnabled(schedule: ReportScheduleDto, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const enabled = input.checked;
    this.switchProblem.set(null);
    this.switching.update((ids) => new Set(ids).add(schedule.id));
    try {
      this.scheduleChanged.emit(await this.api.updateSchedule(schedule.id, { enabled }));
    } catch (error) {
      input.checked = !enabled;
      const problem = await toReportProblem(error);
      this.switchProblem.set(
        `Could not ${enabled ? 'enable' : 'disable'} the schedule: ${problem.message}`,
      );
    } finally {
      this.switching.update((ids) => {
        const next = new Set(ids);
        next.delete(schedule.id);

        return next;
      });
    }
  }
}
