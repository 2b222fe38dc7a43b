import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { formatDurationMs } from './format';

/** Shows milliseconds with a readable unit: `{{ 1250 | durationMs }}` → "1.25 s". */
@Pipe({ name: 'durationMs' })
export class DurationMsPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(ms: number | null | undefined): string {
    return formatDurationMs(ms, this.locale);
  }
}
