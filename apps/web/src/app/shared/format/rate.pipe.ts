import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';

import { formatRate } from './format';

/**
 * Shows a rate the API sends as a fraction as a percentage: `{{ 0.123 | rate }}` → "12.3%".
 * A null rate (denominator 0) shows as "—".
 */
@Pipe({ name: 'rate' })
export class RatePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(fraction: number | null | undefined, fractionDigits = 1): string {
    return formatRate(fraction, this.locale, { fractionDigits });
  }
}
