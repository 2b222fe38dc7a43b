import { type Signal, computed, inject, resource } from '@angular/core';

import { describeHttpError } from '../../core/api-error';
import { type AnnotationMarker } from '../../shared/charts/annotation-markers.plugin';
import { BusinessApi, type TrendAnnotation } from './business-api.service';
import { type DataWindow } from './business-data';

/** Annotations of one UTC day, for the list under a trend chart. */
export interface DayAnnotations {
  readonly day: string;
  readonly annotations: readonly TrendAnnotation[];
}

/** Groups annotations by the UTC day they happened on, keeping only the days of the chart. */
export function groupAnnotationsByDay(
  days: readonly string[],
  annotations: readonly TrendAnnotation[],
): DayAnnotations[] {
  const shown = new Set(days);
  const byDay = new Map<string, TrendAnnotation[]>();
  for (const annotation of annotations) {
    const day = annotation.occurredAt.slice(0, 10);
    if (shown.has(day)) {
      byDay.set(day, [...(byDay.get(day) ?? []), annotation]);
    }
  }

  return [...byDay.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([day, list]) => ({ day, annotations: list }));
}

/** One chart marker per day with annotations, titled with that day's titles. */
export function buildMarkers(
  days: readonly string[],
  grouped: readonly DayAnnotations[],
): AnnotationMarker[] {
  return grouped.map(({ day, annotations }) => ({
    index: days.indexOf(day),
    title: annotations.map((annotation) => annotation.title).join('; '),
  }));
}

/** The annotations of a trend's window; a failure leaves the chart without markers, with a note. */
export function injectTrendAnnotations(window: Signal<DataWindow | undefined>) {
  const api = inject(BusinessApi);
  const request = resource({
    params: () => {
      const current = window();

      return current ? { from: current.from, to: current.to } : undefined;
    },
    loader: ({ params }) => api.loadAnnotations(params),
  });

  return {
    annotations: computed(() => (request.hasValue() ? request.value() : [])),
    problem: computed(() => {
      const error = request.error();

      return error === undefined ? null : describeHttpError(error);
    }),
  };
}
