/** A field of a 5-field cron expression, named as in crontab(5). */
export type CronField = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

/**
 * An invalid cron expression. `field` is the cron field at fault, or `expression` when the
 * problem is the whole text (empty, wrong number of fields, unknown macro). `value` is the
 * offending text, so an API can return a 422 response naming both.
 */
export class CronExpressionError extends Error {
  override readonly name = 'CronExpressionError';

  constructor(
    readonly field: CronField | 'expression',
    readonly value: string,
    message: string,
  ) {
    super(message);
  }
}
