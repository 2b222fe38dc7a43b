import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
} from '@angular/core';

import { NO_VALUE, formatRate } from '../format/format';

type ChangeTone = 'good' | 'bad' | 'flat';

const CHANGE_SYMBOLS: Record<'up' | 'down' | 'flat', string> = { up: '▲', down: '▼', flat: '■' };

/**
 * One headline figure: label, value (already formatted, e.g. with the `count` pipe) and, when
 * given, the relative change against the previous period with an arrow and a signed percentage.
 *
 * ```html
 * <app-kpi-card label="P95 latency" [value]="p95 | durationMs"
 *   [change]="0.08" [higherIsBetter]="false" />
 * ```
 */
@Component({
  selector: 'app-kpi-card',
  templateUrl: './kpi-card.component.html',
  styleUrl: './kpi-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiCardComponent {
  private readonly locale = inject(LOCALE_ID);

  readonly label = input.required<string>();
  /** Formatted value, or null to show "—". */
  readonly value = input.required<string | null>();
  /** Definition or unit note shown under the value. */
  readonly caption = input<string>();
  /** Change against the previous period as a fraction (0.1 = +10%), or null without one. */
  readonly change = input<number | null>();
  /** Whether a rise is good news (conversions) or bad news (latency). */
  readonly higherIsBetter = input(true);

  protected readonly displayValue = computed(() => this.value() ?? NO_VALUE);

  protected readonly hasChange = computed(() => this.change() !== undefined);

  protected readonly direction = computed(() => {
    const change = this.change();
    if (change === null || change === undefined || change === 0) {
      return 'flat';
    }

    return change > 0 ? 'up' : 'down';
  });

  protected readonly tone = computed<ChangeTone>(() => {
    const direction = this.direction();
    if (direction === 'flat') {
      return 'flat';
    }

    return (direction === 'up') === this.higherIsBetter() ? 'good' : 'bad';
  });

  protected readonly changeSymbol = computed(() => CHANGE_SYMBOLS[this.direction()]);

  protected readonly changeText = computed(() => {
    const change = this.change();
    if (change === null || change === undefined) {
      return 'No previous period to compare';
    }

    return `${formatRate(change, this.locale, { signed: true })} vs previous period`;
  });
}
