import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { type ReportScheduleDto, type ReportTemplateDto } from '@kaireon/api-client';

import { DEFAULT_CADENCE } from '../../reports/cron-presets';
import {
  type DestinationDraft,
  draftFromView,
  emptyDestination,
  readDestinationView,
} from '../../reports/destination-draft';
import { toReportProblem } from '../../reports/report-errors';
import { ReportsApi } from '../../reports/reports-api.service';
import { DestinationsEditorComponent } from '../../reports/schedule/destinations-editor.component';
import { ScheduleFieldsComponent } from '../../reports/schedule/schedule-fields.component';
import {
  type FormErrors,
  buildScheduleFields,
  formKeyForServerField,
  validateScheduleForm,
} from '../../reports/schedule/schedule-form';
import { TIME_ZONE_OPTIONS } from '../../reports/time-zones';
import { ModalDialogComponent } from '../../reports/ui/modal-dialog.component';

const SCHEDULE_FORM_KEYS = ['cron', 'timeZone', 'destinations'];

/**
 * Edits a report schedule (cadence, time zone, enabled, destinations), or adds one to a template
 * when `schedule` is null. Stored secrets are kept unless the user types a new one or removes it.
 */
@Component({
  selector: 'app-schedule-editor-dialog',
  templateUrl: './schedule-editor-dialog.component.html',
  styleUrl: './schedule-editor-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent, ScheduleFieldsComponent, DestinationsEditorComponent],
})
export class ScheduleEditorDialogComponent {
  private readonly api = inject(ReportsApi);
  private readonly zones = inject(TIME_ZONE_OPTIONS);

  readonly template = input.required<ReportTemplateDto>();
  /** The schedule to edit, or null to add a schedule. */
  readonly schedule = input<ReportScheduleDto | null>(null);

  /** Emits the schedule as the server stored it. */
  readonly saved = output<ReportScheduleDto>();
  readonly closed = output<void>();

  protected readonly idPrefix = 'schedule-editor';
  protected readonly heading = computed(() =>
    this.schedule()
      ? `Edit schedule of ${this.template().name}`
      : `Add a schedule to ${this.template().name}`,
  );

  protected readonly cron = linkedSignal(() => this.schedule()?.cron ?? DEFAULT_CADENCE.cron);
  protected readonly timeZone = linkedSignal(
    () => this.schedule()?.timeZone ?? this.template().timeZone,
  );
  protected readonly enabled = linkedSignal(() => this.schedule()?.enabled ?? true);
  protected readonly destinations = linkedSignal<readonly DestinationDraft[]>(() => {
    const schedule = this.schedule();

    return schedule
      ? schedule.destinations.map((item) => draftFromView(readDestinationView(item)))
      : [emptyDestination('email')];
  });

  private readonly value = computed(() => ({
    cron: this.cron(),
    timeZone: this.timeZone(),
    destinations: this.destinations(),
  }));
  private readonly clientErrors = computed(() => validateScheduleForm(this.value(), this.zones));
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<FormErrors>({});
  protected readonly errors = computed<FormErrors>(() =>
    this.submitted() ? { ...this.serverErrors(), ...this.clientErrors() } : this.serverErrors(),
  );

  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // A server objection is about the values it saw; editing any field clears it.
    effect(() => {
      this.value();
      this.enabled();
      untracked(() => this.serverErrors.set({}));
    });
  }

  protected setEnabled(event: Event): void {
    this.enabled.set((event.target as HTMLInputElement).checked);
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
    const fields = buildScheduleFields(this.value(), this.zones);
    const schedule = this.schedule();
    this.saving.set(true);
    try {
      const stored = schedule
        ? await this.api.updateSchedule(schedule.id, { ...fields, enabled: this.enabled() })
        : await this.api.createSchedule({
            ...fields,
            templateId: this.template().id,
            enabled: this.enabled(),
          });
      this.saved.emit(stored);
    } catch (error) {
      const problem = await toReportProblem(error);
      const key = formKeyForServerField(problem.field, SCHEDULE_FORM_KEYS);
      if (key !== null) {
        this.serverErrors.set({ [key]: problem.message });
      }
      this.problem.set(`The schedule could not be saved: ${problem.message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
