import { InjectionToken, inject } from '@angular/core';

import { VIEWER_TIME_ZONE } from '../shared/format/format';

/** Time zones the report forms offer: the browser's list, UTC and the viewer's zone. */
export const TIME_ZONE_OPTIONS = new InjectionToken<readonly string[]>('TIME_ZONE_OPTIONS', {
  providedIn: 'root',
  factory: () => listTimeZones(inject(VIEWER_TIME_ZONE)),
});

/**
 * Returns the IANA time zones of `Intl.supportedValuesOf('timeZone')`, plus UTC and `viewerZone`,
 * sorted with UTC first. Node 20 leaves UTC out of that list. The zone an engine reports for the
 * viewer may be an alias the list does not contain: Chromium 156 reports Asia/Kolkata as
 * Asia/Calcutta.
 */
export function listTimeZones(viewerZone: string): string[] {
  const zones = new Set([...Intl.supportedValuesOf('timeZone'), viewerZone]);
  zones.delete('UTC');

  return ['UTC', ...[...zones].sort((a, b) => a.localeCompare(b))];
}

/**
 * Returns the listed zone that matches `value` case-insensitively (so "europe/berlin" becomes
 * "Europe/Berlin"), or null when the value is not a listed zone.
 */
export function matchTimeZone(value: string, zones: readonly string[]): string | null {
  const wanted = value.trim().toLowerCase();
  if (wanted === '') {
    return null;
  }

  return zones.find((zone) => zone.toLowerCase() === wanted) ?? null;
}

/**
 * Formats a run time in `timeZone` and names the zone: "Mon, Dec 7, 2026, 08:00 Europe/Berlin".
 */
export function formatRunTime(iso: string, locale: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));

  return `${text} ${timeZone}`;
}
