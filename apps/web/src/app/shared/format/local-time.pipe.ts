import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { type TimestampStyle, VIEWER_TIME_ZONE, formatTimestamp } from './format';

/**
 * Shows an instant in the viewer's time zone and names the zone:
 * `{{ '2026-12-04T15:01:05Z' | localTime }}` → "Dec 4, 2026, 16:01:05 Europe/Berlin", and
 * `{{ '2026-12-04T15:01:05Z' | localTime: 'time' }}` → "16:01:05 Europe/Berlin".
 */
@Pipe({ name: 'localTime' })
export class LocalTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);
  private readonly timeZone = inject(VIEWER_TIME_ZONE);

  transform(
    value: string | number | Date | null | undefined,
    style: TimestampStyle = 'datetime',
  ): string {
    return formatTimestamp(value, this.locale, this.timeZone, style);
  }
}
