import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { formatCount } from './format';

/**
 * Formats counts: `{{ 12345 | count }}` → "12,345" and `{{ 12345 | count: 'compact' }}` → "12.3K".
 */
@Pipe({ name: 'count' })
export class CountPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(value: number | null | undefined, style: 'full' | 'compact' = 'full'): string {
    return formatCount(value, this.locale, { compact: style === 'compact' });
  }
}
