import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { formatUtcDay } from './format';

/** Shows a UTC day bucket with its zone: `{{ '2026-12-01' | utcDay }}` → "Dec 1, 2026 UTC". */
@Pipe({ name: 'utcDay' })
export class UtcDayPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(day: string | null | undefined): string {
    return formatUtcDay(day, this.locale);
  }
}
