import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  inject,
  input,
  output,
} from '@angular/core';

import {
  type ChartSeries,
  type ChartValueFormat,
  formatChartValue,
} from '../../shared/charts/chart-options';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { type DayAnnotations } from './trend-annotations';

/** Heading and number format of one value column of the day table. */
export interface TrendColumn {
  readonly label: string;
  readonly format: ChartValueFormat;
}

/**
 * Details under a trend chart: where coverage starts, the annotations by day with their full
 * titles, and the figures as a collapsed table whose days open their interactions.
 */
@Component({
  selector: 'app-trend-details',
  templateUrl: './trend-details.component.html',
  styleUrls: ['./business-panels.css', './trend-details.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
})
export class TrendDetailsComponent {
  private readonly locale = inject(LOCALE_ID);

  readonly days = input.required<readonly string[]>();
  /** Full day titles, aligned with `days`. */
  readonly titles = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly columns = input.required<readonly TrendColumn[]>();
  readonly annotationsByDay = input.required<readonly DayAnnotations[]>();
  /** Reason the annotations could not be loaded, or null. */
  readonly annotationProblem = input<string | null>(null);
  /** First day with data when the window starts earlier, or null. */
  readonly coverageStartsAt = input<string | null>(null);

  /** Emits the index of the day whose interactions the user requested. */
  readonly daySelect = output<number>();

  protected cell(seriesIndex: number, dayIndex: number, format: ChartValueFormat): string {
    const value = this.series()[seriesIndex]?.values[dayIndex] ?? null;

    return formatChartValue(value, format, this.locale);
  }

  protected kindLabel(kind: string): string {
    return kind.replaceAll('_', ' ');
  }
}
