import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  signal,
} from '@angular/core';

import { Clock } from '../../core/clock';
import { DashboardFiltersService } from './dashboard-filters.service';
import {
  MAX_PERIOD_DAYS,
  PERIOD_PRESETS,
  type Period,
  describePeriodDays,
  findPreset,
  periodDays,
  utcDay,
  validateCustomRange,
} from './period';
import { SegmentSelectorComponent } from './segment-selector.component';

/** Value of the "Custom range…" option. */
const CUSTOM_OPTION = 'custom';

/**
 * Filters of the dashboard header. The period selector offers the presets, any other day count a
 * link carries, and a custom range of UTC days entered inclusive; the segment selector beside it
 * shows only on dashboards that support segments. The chosen filters go to the URL.
 */
@Component({
  selector: 'app-period-selector',
  templateUrl: './period-selector.component.html',
  styleUrl: './period-selector.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SegmentSelectorComponent],
})
export class PeriodSelectorComponent {
  private readonly filters = inject(DashboardFiltersService);
  private readonly clock = inject(Clock);
  private readonly locale = inject(LOCALE_ID);

  protected readonly presets = PERIOD_PRESETS;
  protected readonly customOption = CUSTOM_OPTION;
  protected readonly maxDays = MAX_PERIOD_DAYS;

  protected readonly customOpen = signal(false);
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly customProblem = signal<string | null>(null);

  /** A day count from the URL that no preset covers, such as `?days=3`. */
  protected readonly extraDays = computed(() => {
    const period = this.filters.period();

    return period.kind === 'days' && findPreset(period) === null ? period.days : null;
  });

  protected readonly selectedOption = computed(() => {
    const period = this.filters.period();
    if (this.customOpen() || period.kind === 'range') {
      return CUSTOM_OPTION;
    }

    return findPreset(period)?.id ?? `days-${period.days}`;
  });

  protected readonly rangeText = computed(() =>
    describePeriodDays(this.filters.period(), this.today(), this.locale),
  );

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === CUSTOM_OPTION) {
      this.openCustomRange(this.filters.period());

      return;
    }
    const preset = PERIOD_PRESETS.find((candidate) => candidate.id === value);
    if (preset) {
      this.customOpen.set(false);
      void this.filters.setPeriod({ kind: 'days', days: preset.days });
    }
  }

  protected updateFrom(event: Event): void {
    this.customFrom.set((event.target as HTMLInputElement).value);
  }

  protected updateTo(event: Event): void {
    this.customTo.set((event.target as HTMLInputElement).value);
  }

  protected applyCustomRange(event: Event): void {
    event.preventDefault();
    const result = validateCustomRange(this.customFrom(), this.customTo());
    if (!result.ok) {
      this.customProblem.set(result.problem);

      return;
    }
    this.customProblem.set(null);
    this.customOpen.set(false);
    void this.filters.setPeriod(result.period);
  }

  protected cancelCustomRange(): void {
    this.customProblem.set(null);
    this.customOpen.set(false);
  }

  private openCustomRange(current: Period): void {
    const { first, last } = periodDays(current, this.today());
    this.customFrom.set(first);
    this.customTo.set(last);
    this.customProblem.set(null);
    this.customOpen.set(true);
  }

  private today(): string {
    return utcDay(this.clock.now());
  }
}
