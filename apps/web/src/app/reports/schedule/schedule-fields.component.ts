import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  LOCALE_ID,
  computed,
  inject,
  input,
  linkedSignal,
  model,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { concat, debounceTime, distinctUntilChanged, from, of, switchMap } from 'rxjs';

import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import {
  CADENCE_PRESETS,
  type CadencePresetId,
  cronForPreset,
  cronShapeProblem,
  describeCron,
  normaliseCron,
  presetForCron,
} from '../cron-presets';
import { toReportProblem } from '../report-errors';
import { ReportsApi } from '../reports-api.service';
import { TIME_ZONE_OPTIONS, formatRunTime, matchTimeZone } from '../time-zones';
import { type FormErrors } from './schedule-form';

/** Wait after the last keystroke before asking the API for the next run times. */
export const NEXT_RUNS_DEBOUNCE_MS = new InjectionToken<number>('NEXT_RUNS_DEBOUNCE_MS', {
  providedIn: 'root',
  factory: () => 400,
});

/** Number of upcoming run times the form shows. */
const NEXT_RUN_COUNT = 5;

/** The next-run preview: nothing to ask yet, waiting, the times, or the API's objection. */
type NextRunsState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly timeZone: string; readonly runs: readonly string[] }
  | { readonly kind: 'error'; readonly field: string | null; readonly message: string };

/**
 * Cadence and time zone of a report schedule: a preset or a custom 5-field cron expression, a
 * searchable time zone list, and the next five run times from
 * `GET /reports/schedules/preview-next`, fetched as the user types. A 422 from that call is shown
 * beside the field it names.
 */
@Component({
  selector: 'app-schedule-fields',
  templateUrl: './schedule-fields.component.html',
  styleUrl: './schedule-fields.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScheduleFieldsComponent {
  private readonly api = inject(ReportsApi);
  private readonly locale = inject(LOCALE_ID);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  readonly cron = model.required<string>();
  readonly timeZone = model.required<string>();
  /** Problems to show beside the fields, keyed `cron` and `timeZone`. */
  readonly errors = input<FormErrors>({});
  /** Prefix of the element ids, unique on the page. */
  readonly idPrefix = input.required<string>();

  protected readonly zones = inject(TIME_ZONE_OPTIONS);
  protected readonly presets = CADENCE_PRESETS;

  /** The preset matching the expression; `custom` once chosen stays until a preset is chosen. */
  protected readonly preset = linkedSignal<string, CadencePresetId>({
    source: this.cron,
    computation: (cron, previous) =>
      previous?.value === 'custom' && presetForCron(cron) === 'custom'
        ? 'custom'
        : presetForCron(cron),
  });

  protected readonly cronInWords = computed(() => describeCron(this.cron()));

  private readonly previewParams = computed(() => {
    const cron = this.cron();
    const timeZone = matchTimeZone(this.timeZone(), this.zones) ?? this.timeZone().trim();
    if (cronShapeProblem(cron) !== null || timeZone === '') {
      return null;
    }

    return { cron: normaliseCron(cron), timeZone };
  });

  protected readonly nextRuns = signal<NextRunsState>({ kind: 'idle' });

  protected readonly cronError = computed(() => this.fieldError('cron'));
  protected readonly timeZoneError = computed(() => this.fieldError('timeZone'));

  /** A preview failure that names neither field, such as the API being unreachable. */
  protected readonly otherPreviewProblem = computed(() => {
    const state = this.nextRuns();
    if (state.kind !== 'error' || this.cronError() !== null || this.timeZoneError() !== null) {
      return null;
    }

    return state.message;
  });

  /** Run times in the schedule's zone, and in the viewer's when that differs. */
  protected readonly runTimes = computed(() => {
    const state = this.nextRuns();
    if (state.kind !== 'ready') {
      return [];
    }

    return state.runs.map((run) => ({
      iso: run,
      scheduleText: formatRunTime(run, this.locale, state.timeZone),
      viewerText:
        state.timeZone === this.viewerZone
          ? null
          : formatRunTime(run, this.locale, this.viewerZone),
    }));
  });

  constructor() {
    const debounceMs = inject(NEXT_RUNS_DEBOUNCE_MS);
    toObservable(this.previewParams)
      .pipe(
        debounceTime(debounceMs),
        distinctUntilChanged((a, b) => a?.cron === b?.cron && a?.timeZone === b?.timeZone),
        switchMap((params) =>
          params === null
            ? of<NextRunsState>({ kind: 'idle' })
            : concat(
                of<NextRunsState>({ kind: 'loading' }),
                from(this.loadNextRuns(params.cron, params.timeZone)),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.nextRuns.set(state));
  }

  protected choosePreset(event: Event): void {
    const id = (event.target as HTMLSelectElement).value as CadencePresetId;
    const cron = cronForPreset(id);
    if (cron !== null) {
      this.cron.set(cron);
    }
    this.preset.set(id);
  }

  protected typeCron(event: Event): void {
    this.cron.set((event.target as HTMLInputElement).value);
  }

  protected typeTimeZone(event: Event): void {
    this.timeZone.set((event.target as HTMLInputElement).value);
  }

  /** Returns the form's own problem for a field, else the preview's 422 when it names that field. */
  private fieldError(field: 'cron' | 'timeZone'): string | null {
    const own = this.errors()[field];
    if (own) {
      return own;
    }
    const state = this.nextRuns();

    return state.kind === 'error' && state.field === field ? state.message : null;
  }

  private async loadNextRuns(cron: string, timeZone: string): Promise<NextRunsState> {
    try {
      const preview = await this.api.previewNextRuns(cron, timeZone, NEXT_RUN_COUNT);

      return { kind: 'ready', timeZone: preview.timeZone, runs: preview.nextRuns };
    } catch (error) {
      const problem = await toReportProblem(error);

      return { kind: 'error', field: problem.field, message: problem.message };
    }
  }
}
