import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  LOCALE_ID,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  resource,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { type ReportScheduleDto, type ReportTemplateDto } from '@kaireon/api-client';
import { RouterLink } from '@angular/router';

import { type DashboardKey, findDashboard } from '../../dashboards/dashboard-catalog';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { LocalTimePipe } from '../../shared/format/local-time.pipe';
import { DEFAULT_CADENCE } from '../cron-presets';
import { DashboardViewService } from '../dashboard-view.service';
import { type DestinationDraft, emptyDestination } from '../destination-draft';
import { REPORT_FORMATS, type ReportFormat, formatLabel } from '../report-formats';
import { toReportProblem } from '../report-errors';
import { buildReportFilters, describeReportFilters } from '../report-filters';
import { ReportsApi } from '../reports-api.service';
import { DestinationsEditorComponent } from '../schedule/destinations-editor.component';
import { ScheduleFieldsComponent } from '../schedule/schedule-fields.component';
import { type FormErrors, formKeyForServerField } from '../schedule/schedule-form';
import { TIME_ZONE_OPTIONS } from '../time-zones';
import { ModalDialogComponent } from '../ui/modal-dialog.component';
import {
  REPORT_FORM_KEYS,
  type ReportFormValue,
  buildScheduleBody,
  buildTemplateBody,
  validateReportForm,
} from './report-form';

/** Progress of saving: the template request runs first, then the schedule request. */
type SaveStep = 'editing' | 'template' | 'schedule' | 'saved';

/**
 * The Save as Report dialog: saves the dashboard with the filters in the URL as a report template,
 * then creates its schedule (cadence, time zone, destinations). If the schedule is rejected, the
 * template stays saved and the next attempt updates it instead of creating another.
 */
@Component({
  selector: 'app-save-report-dialog',
  templateUrl: './save-report-dialog.component.html',
  styleUrl: './save-report-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ModalDialogComponent,
    ScheduleFieldsComponent,
    DestinationsEditorComponent,
    RouterLink,
    LocalTimePipe,
  ],
})
export class SaveReportDialogComponent {
  private readonly api = inject(ReportsApi);
  private readonly views = inject(DashboardViewService);
  private readonly locale = inject(LOCALE_ID);
  private readonly zones = inject(TIME_ZONE_OPTIONS);

  readonly dashboard = input.required<DashboardKey>();

  /** Emits when the dialog should close. */
  readonly closed = output<void>();

  protected readonly idPrefix = 'save-report';
  protected readonly formats = REPORT_FORMATS;
  protected readonly formatLabel = formatLabel;

  protected readonly dashboardTitle = computed(
    () => findDashboard(this.dashboard())?.title ?? this.dashboard(),
  );
  protected readonly name = linkedSignal(() => `${this.dashboardTitle()} report`);
  protected readonly chosenFormats = signal<readonly ReportFormat[]>(['pdf']);
  protected readonly cron = signal(DEFAULT_CADENCE.cron);
  protected readonly timeZone = signal(inject(VIEWER_TIME_ZONE));
  protected readonly destinations = signal<readonly DestinationDraft[]>([
    emptyDestination('email'),
  ]);

  /** The page's filters when the dialog opened; later URL changes do not move them. */
  protected readonly view = computed(() => untracked(() => this.views.snapshot(this.dashboard())));

  private readonly segmentNames = resource({
    params: () => (this.view().segmentsSupported && this.view().segmentId ? true : undefined),
    loader: () => this.api.segmentNames(),
  });

  protected readonly filtersText = computed(() => {
    const names = this.segmentNames.hasValue() ? this.segmentNames.value() : undefined;

    return describeReportFilters(buildReportFilters(this.view()), this.locale, (id) =>
      names?.get(id),
    );
  });

  private readonly value = computed<ReportFormValue>(() => ({
    name: this.name(),
    formats: this.chosenFormats(),
    cron: this.cron(),
    timeZone: this.timeZone(),
    destinations: this.destinations(),
  }));

  private readonly clientErrors = computed(() => validateReportForm(this.value(), this.zones));
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<FormErrors>({});
  protected readonly errors = computed<FormErrors>(() =>
    this.submitted() ? { ...this.serverErrors(), ...this.clientErrors() } : this.serverErrors(),
  );

  protected readonly step = signal<SaveStep>('editing');
  protected readonly saving = computed(
    () => this.step() === 'template' || this.step() === 'schedule',
  );
  protected readonly problem = signal<string | null>(null);

  /** Template saved by an earlier attempt whose schedule was rejected. */
  private readonly savedTemplate = signal<ReportTemplateDto | null>(null);
  protected readonly savedSchedule = signal<ReportScheduleDto | null>(null);
  private readonly savedMessage = viewChild<ElementRef<HTMLElement>>('savedMessage');

  constructor() {
    // The form is replaced by the confirmation, so focus moves there instead of to the page.
    effect(() => this.savedMessage()?.nativeElement.focus());
    // A server objection is about the values it saw; editing any field clears it.
    effect(() => {
      this.value();
      untracked(() => this.serverErrors.set({}));
    });
  }

  protected setName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
  }

  protected toggleFormat(format: ReportFormat, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.chosenFormats.update((formats) =>
      checked
        ? [...formats.filter((f) => f !== format), format]
        : formats.filter((f) => f !== format),
    );
  }

  protected isChosen(format: ReportFormat): boolean {
    return this.chosenFormats().includes(format);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) {
      return;
    }
    this.submitted.set(true);
    this.problem.set(null);
    if (Object.keys(this.clientErrors()).length > 0) {
      this.problem.set('Fix the fields marked below, then save again.');
      return;
    }
    const template = await this.saveTemplate();
    if (template === null) {
      return;
    }
    await this.saveSchedule(template);
  }

  private async saveTemplate(): Promise<ReportTemplateDto | null> {
    this.step.set('template');
    const body = buildTemplateBody(this.value(), this.view(), this.zones);
    const earlier = this.savedTemplate();
    try {
      const template = earlier
        ? await this.api.updateTemplate(earlier.id, body)
        : await this.api.createTemplate(body);
      this.savedTemplate.set(template);

      return template;
    } catch (error) {
      await this.showProblem(error, 'The report could not be saved');

      return null;
    }
  }

  private async saveSchedule(template: ReportTemplateDto): Promise<void> {
    this.step.set('schedule');
    try {
      this.savedSchedule.set(
        await this.api.createSchedule(buildScheduleBody(this.value(), template.id, this.zones)),
      );
      this.step.set('saved');
    } catch (error) {
      await this.showProblem(
        error,
        `The report "${template.name}" was saved, but its schedule was not`,
      );
    }
  }

  private async showProblem(error: unknown, prefix: string): Promise<void> {
    const problem = await toReportProblem(error);
    const key = formKeyForServerField(problem.field, [...REPORT_FORM_KEYS]);
    if (key !== null) {
      this.serverErrors.set({ [key]: problem.message });
    }
    this.problem.set(`${prefix}: ${problem.message}`);
    this.step.set('editing');
  }
}
