import { type ChartData, type ChartOptions, type ScaleOptions, type TooltipItem } from 'chart.js';

import { formatCount, formatRate } from '../format/format';
import { type AnnotationMarker } from './annotation-markers.plugin';

/**
 * Option and data builders shared by the chart wrappers, so every chart of the portal has the
 * same axes, tooltips, number formats and colours.
 */

/** Value format of a chart: counts ("12,345"), rates sent as fractions ("12.3%"), or amounts. */
export type ChartValueFormat = 'count' | 'rate' | 'amount';

/** One line or one set of bars. `null` values are gaps (no data), never zeros. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Index into `SERIES_COLORS`; defaults to the series' position. */
  readonly colorIndex?: number;
  /** Plot against a second value axis on the right, for a series of another magnitude. */
  readonly secondaryAxis?: boolean;
}

/** Colours of the axes, grid and marker text, taken from the page's design tokens. */
export interface ChartTheme {
  readonly text: string;
  readonly grid: string;
  readonly marker: string;
}

/**
 * Series colours that stay apart for the common colour-vision deficiencies and read on light and
 * dark surfaces. Legends and tables carry the names, so colour is never the only signal.
 */
export const SERIES_COLORS: readonly string[] = [
  '#2563eb',
  '#d97706',
  '#0f9488',
  '#9333ea',
  '#dc2626',
  '#64748b',
];

const FALLBACK_THEME: ChartTheme = { text: '#5b6470', grid: '#dde1e6', marker: '#8a4b00' };

/** Reads the chart colours from the design tokens on the root element, with light-mode fallbacks. */
export function readChartTheme(root: Element | null): ChartTheme {
  if (root === null || typeof getComputedStyle !== 'function') {
    return FALLBACK_THEME;
  }
  const style = getComputedStyle(root);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;

  return {
    text: token('--color-text-muted', FALLBACK_THEME.text),
    grid: token('--color-border', FALLBACK_THEME.grid),
    marker: token('--color-amber-text', FALLBACK_THEME.marker),
  };
}

/** Formats one chart value for ticks and tooltips; a null value shows as "—". */
export function formatChartValue(
  value: number | null | undefined,
  format: ChartValueFormat,
  locale: string,
  compact = false,
): string {
  if (format === 'rate') {
    return formatRate(value, locale, { fractionDigits: compact ? 0 : 1 });
  }

  return formatCount(value, locale, { compact });
}

/** Returns the colour of the series at `position`. */
export function seriesColor(series: ChartSeries, position: number): string {
  const index = series.colorIndex ?? position;

  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** Builds bar-chart data: one dataset per series, in the series' colour. */
export function buildBarData(
  labels: readonly string[],
  series: readonly ChartSeries[],
): ChartData<'bar', (number | null)[], string> {
  return {
    labels: [...labels],
    datasets: series.map((item, position) => ({
      label: item.label,
      data: [...item.values],
      backgroundColor: seriesColor(item, position),
      borderColor: seriesColor(item, position),
      borderWidth: 0,
      maxBarThickness: 36,
    })),
  };
}

/** Builds line-chart data: one dataset per series; gaps stay gaps (`spanGaps` off). */
export function buildLineData(
  labels: readonly string[],
  series: readonly ChartSeries[],
): ChartData<'line', (number | null)[], string> {
  return {
    labels: [...labels],
    datasets: series.map((item, position) => ({
      label: item.label,
      data: [...item.values],
      yAxisID: item.secondaryAxis ? 'y2' : 'y',
      borderColor: seriesColor(item, position),
      backgroundColor: seriesColor(item, position),
      borderWidth: 2,
      pointRadius: labels.length > 60 ? 0 : 2,
      pointHoverRadius: 4,
      tension: 0,
      spanGaps: false,
    })),
  };
}

interface CommonOptionInput {
  readonly format: ChartValueFormat;
  readonly locale: string;
  readonly theme: ChartTheme;
  /** Title of the value axis, with its unit. */
  readonly valueTitle?: string;
  /** Title of the category axis, e.g. "Day (UTC)". */
  readonly categoryTitle?: string;
  /** Tooltip titles by data index, when they differ from the axis labels. */
  readonly tooltipTitles?: readonly string[];
  readonly showLegend: boolean;
}

/** Input of `buildBarOptions`. */
export interface BarOptionInput extends CommonOptionInput {
  /** Bars run left to right, with the categories on the y axis. */
  readonly horizontal: boolean;
}

/** Input of `buildLineOptions`. */
export interface LineOptionInput extends CommonOptionInput {
  readonly markers: readonly AnnotationMarker[];
  /** Title of the right-hand axis; set it when a series uses `secondaryAxis`. */
  readonly secondaryValueTitle?: string;
}

/** Builds the options of a bar chart. */
export function buildBarOptions(input: BarOptionInput): ChartOptions<'bar'> {
  const valueAxis = buildValueAxis(input);
  const categoryAxis = buildCategoryAxis(input);

  return {
    ...baseOptions(),
    indexAxis: input.horizontal ? 'y' : 'x',
    scales: input.horizontal
      ? { x: valueAxis, y: categoryAxis }
      : { x: categoryAxis, y: valueAxis },
    plugins: {
      legend: buildLegend(input),
      tooltip: buildTooltip<'bar'>(input),
    },
  };
}

/** Builds the options of a line chart, with annotations drawn as vertical markers. */
export function buildLineOptions(input: LineOptionInput): ChartOptions<'line'> {
  return {
    ...baseOptions(),
    interaction: { mode: 'index', intersect: false },
    // Room above the plot for the marker titles.
    layout: { padding: { top: input.markers.length > 0 ? 4 : 0 } },
    scales: {
      x: buildCategoryAxis(input),
      y: buildValueAxis(input),
      ...(input.secondaryValueTitle !== undefined
        ? {
            y2: {
              ...buildValueAxis({ ...input, valueTitle: input.secondaryValueTitle }),
              position: 'right' as const,
              grid: { drawOnChartArea: false },
            },
          }
        : {}),
    },
    plugins: {
      legend: buildLegend(input),
      tooltip: buildTooltip<'line'>(input),
      annotationMarkers: { markers: [...input.markers], color: input.theme.marker },
    },
  };
}

function baseOptions(): {
  responsive: boolean;
  maintainAspectRatio: boolean;
  animation: false | { duration: number };
} {
  const reducedMotion =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  return {
    responsive: true,
    // The wrapper's box sets the height, so charts fill their panel at any width.
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 250 },
  };
}

function buildValueAxis(input: CommonOptionInput): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    beginAtZero: true,
    ...(input.format === 'rate' ? { suggestedMax: 0.1 } : {}),
    grid: { color: input.theme.grid },
    ticks: {
      color: input.theme.text,
      precision: input.format === 'count' ? 0 : undefined,
      callback: (value) => formatChartValue(Number(value), input.format, input.locale, true),
    },
    title: {
      display: input.valueTitle !== undefined,
      text: input.valueTitle ?? '',
      color: input.theme.text,
    },
  };
}

function buildCategoryAxis(input: CommonOptionInput): ScaleOptions<'category'> {
  return {
    type: 'category',
    grid: { display: false },
    ticks: { color: input.theme.text, autoSkip: true, maxRotation: 0 },
    title: {
      display: input.categoryTitle !== undefined,
      text: input.categoryTitle ?? '',
      color: input.theme.text,
    },
  };
}

function buildLegend(input: CommonOptionInput) {
  return {
    display: input.showLegend,
    position: 'bottom' as const,
    labels: { color: input.theme.text, boxWidth: 12 },
  };
}

function buildTooltip<T extends 'bar' | 'line'>(input: CommonOptionInput) {
  return {
    callbacks: {
      title: (items: TooltipItem<T>[]) => {
        const first = items[0];
        if (!first) {
          return '';
        }

        return input.tooltipTitles?.[first.dataIndex] ?? first.label;
      },
      label: (item: TooltipItem<T>) => {
        const raw = item.raw as number | null;
        const seriesLabel = (item.dataset as { label?: string }).label ?? '';

        return `${seriesLabel}: ${formatChartValue(raw, input.format, input.locale)}`;
      },
    },
  };
}
