import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  resource,
  signal,
} from '@angular/core';
import { type ReportScheduleDto, type ReportTemplateDto } from '@kaireon/api-client';

import { SessionService } from '../../auth/session.service';
import { describeHttpError } from '../../core/api-error';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { derivePanelState } from '../../shared/ui/panel-state';
import { canManageReports } from '../../reports/report-roles';
import { toReportProblem } from '../../reports/report-errors';
import { ReportsApi } from '../../reports/reports-api.service';
import { ModalDialogComponent } from '../../reports/ui/modal-dialog.component';
import { ReportPreviewDialogComponent } from './report-preview-dialog.component';
import { ReportRunHistoryComponent } from './report-run-history.component';
import { type PreviewRequest, ReportTemplateCardComponent } from './report-template-card.component';
import { RunNowTracker } from './run-now-tracker.service';
import { ScheduleEditorDialogComponent } from './schedule-editor-dialog.component';

/** The schedule dialog's subject: a schedule to edit, or null to add one to the template. */
interface ScheduleEdit {
  readonly template: ReportTemplateDto;
  readonly schedule: ReportScheduleDto | null;
}

/**
 * Settings → Reports: the tenant's report templates with their schedules, Run now, preview,
 * delete and schedule editing, and the run history. Viewers see everything and can preview;
 * changing and running reports needs an editor or admin key.
 */
@Component({
  selector: 'app-reports-settings-page',
  templateUrl: './reports-settings-page.component.html',
  styleUrl: './reports-settings-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PanelFrameComponent,
    ReportTemplateCardComponent,
    ReportRunHistoryComponent,
    ReportPreviewDialogComponent,
    ScheduleEditorDialogComponent,
    ModalDialogComponent,
  ],
  providers: [RunNowTracker],
})
export class ReportsSettingsPageComponent {
  private readonly api = inject(ReportsApi);
  private readonly session = inject(SessionService);
  protected readonly runs = inject(RunNowTracker);

  protected readonly canManage = computed(() => canManageReports(this.session.identity()?.role));
  protected readonly roleKnown = computed(() => this.session.identity() !== null);

  private readonly templateList = resource({ loader: () => this.api.listAllTemplates() });
  private readonly scheduleList = resource({ loader: () => this.api.listAllSchedules() });
  // Segment names only make the filters readable; without them the ids are shown.
  private readonly segmentList = resource({ loader: () => this.api.segmentNames() });

  protected readonly templates = computed(() =>
    this.templateList.hasValue() ? this.templateList.value() : undefined,
  );
  protected readonly schedules = computed(() =>
    this.scheduleList.hasValue() ? this.scheduleList.value() : undefined,
  );
  protected readonly segmentNames = computed(() =>
    this.segmentList.hasValue() ? this.segmentList.value() : new Map<string, string>(),
  );

  protected readonly state = computed(() =>
    derivePanelState({
      error: this.templateList.error() ?? this.scheduleList.error(),
      rows: this.schedules() === undefined ? undefined : this.templates(),
    }),
  );
  protected readonly errorMessage = computed(() =>
    describeHttpError(this.templateList.error() ?? this.scheduleList.error()),
  );

  /** Schedules grouped by template id. */
  protected readonly schedulesByTemplate = computed(() => {
    const groups = new Map<string, ReportScheduleDto[]>();
    for (const schedule of this.schedules() ?? []) {
      groups.set(schedule.templateId, [...(groups.get(schedule.templateId) ?? []), schedule]);
    }

    return groups;
  });

  protected readonly previewing = signal<PreviewRequest | null>(null);
  protected readonly scheduleEdit = signal<ScheduleEdit | null>(null);
  protected readonly deleting = signal<ReportTemplateDto | null>(null);
  protected readonly deleteBusy = signal(false);
  protected readonly deleteProblem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly deletingScheduleCount = computed(() => {
    const template = this.deleting();

    return template ? (this.schedulesByTemplate().get(template.id)?.length ?? 0) : 0;
  });

  protected schedulesOf(template: ReportTemplateDto): readonly ReportScheduleDto[] {
    return this.schedulesByTemplate().get(template.id) ?? [];
  }

  protected reload(): void {
    this.templateList.reload();
    this.scheduleList.reload();
  }

  protected runNow(template: ReportTemplateDto): void {
    void this.runs.start(template.id);
  }

  protected editSchedule(template: ReportTemplateDto, schedule: ReportScheduleDto | null): void {
    this.scheduleEdit.set({ template, schedule });
  }

  /** Puts a schedule the server returned into the list, replacing its older copy. */
  protected storeSchedule(schedule: ReportScheduleDto): void {
    this.scheduleList.update((list) => {
      const current = list ?? [];
      const known = current.some((item) => item.id === schedule.id);

      return known
        ? current.map((item) => (item.id === schedule.id ? schedule : item))
        : [schedule, ...current];
    });
  }

  protected scheduleSaved(schedule: ReportScheduleDto): void {
    this.storeSchedule(schedule);
    this.scheduleEdit.set(null);
    this.notice.set('Schedule saved.');
  }

  protected askDelete(template: ReportTemplateDto): void {
    this.deleteProblem.set(null);
    this.deleting.set(template);
  }

  protected closeDelete(): void {
    if (!this.deleteBusy()) {
      this.deleting.set(null);
    }
  }

  protected async confirmDelete(): Promise<void> {
    const template = this.deleting();
    if (!template || this.deleteBusy()) {
      return;
    }
    this.deleteBusy.set(true);
    this.deleteProblem.set(null);
    try {
      await this.api.deleteTemplate(template.id);
      this.templateList.update((list) => (list ?? []).filter((item) => item.id !== template.id));
      this.scheduleList.update((list) =>
        (list ?? []).filter((item) => item.templateId !== template.id),
      );
      this.deleting.set(null);
      this.notice.set(`Deleted the report "${template.name}" and its schedules.`);
    } catch (error) {
      this.deleteProblem.set((await toReportProblem(error)).message);
    } finally {
      this.deleteBusy.set(false);
    }
  }
}
