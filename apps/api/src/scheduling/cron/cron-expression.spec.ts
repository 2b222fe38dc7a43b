import {
  type CronExpression,
  CronExpressionError,
  matchesCalendarDay,
  parseCronExpression,
} from './cron-expression.js';

function parseError(expression: string): CronExpressionError {
  try {
    parseCronExpression(expression);
  } catch (error) {
    if (error instanceof CronExpressionError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected "${expression}" to be rejected`);
}

function range(start: number, end: number, step = 1): number[] {
  const values: number[] = [];
  for (let value = start; value <= end; value += step) {
    values.push(value);
  }
  return values;
}

describe('parseCronExpression', () => {
  it('expands stars to every value', () => {
    const cron = parseCronExpression('* * * * *');

    expect(cron.minutes).toEqual(range(0, 59));
    expect(cron.hours).toEqual(range(0, 23));
    expect(cron.daysOfMonth).toEqual(range(1, 31));
    expect(cron.months).toEqual(range(1, 12));
    expect(cron.daysOfWeek).toEqual(range(0, 6));
    expect(cron.dayOfMonthRestricted).toBe(false);
    expect(cron.dayOfWeekRestricted).toBe(false);
  });

  it.each<[string, keyof CronExpression, number[]]>([
    ['*/15 * * * *', 'minutes', [0, 15, 30, 45]],
    ['1-10/2 * * * *', 'minutes', [1, 3, 5, 7, 9]],
    ['5/20 * * * *', 'minutes', [5, 25, 45]],
    ['1,5,10-12 * * * *', 'minutes', [1, 5, 10, 11, 12]],
    ['30,0,30 * * * *', 'minutes', [0, 30]],
    ['07 * * * *', 'minutes', [7]],
    ['0 9-17 * * *', 'hours', range(9, 17)],
    ['0 */6 * * *', 'hours', [0, 6, 12, 18]],
    ['0 0 1,15,31 * *', 'daysOfMonth', [1, 15, 31]],
    ['0 0 */10 * *', 'daysOfMonth', [1, 11, 21, 31]],
    ['0 0 1 jan,Mar,DEC *', 'months', [1, 3, 12]],
    ['0 0 1 JAN-DEC/3 *', 'months', [1, 4, 7, 10]],
    ['0 0 1 2-4 *', 'months', [2, 3, 4]],
    ['0 0 * * MON-FRI', 'daysOfWeek', [1, 2, 3, 4, 5]],
    ['0 0 * * sun', 'daysOfWeek', [0]],
    ['0 0 * * 7', 'daysOfWeek', [0]],
    ['0 0 * * 0,7', 'daysOfWeek', [0]],
    ['0 0 * * 5-7', 'daysOfWeek', [0, 5, 6]],
    ['0 0 * * */2', 'daysOfWeek', [0, 2, 4, 6]],
    ['0 0 * * 1/2', 'daysOfWeek', [0, 1, 3, 5]],
    ['0 0 * * Sat,mon', 'daysOfWeek', [1, 6]],
  ])('parses "%s" into %s', (expression, key, expected) => {
    expect(parseCronExpression(expression)[key]).toEqual(expected);
  });

  it.each([
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['@monthly', '0 0 1 * *'],
    ['@weekly', '0 0 * * 0'],
    ['@DAILY', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@hourly', '0 * * * *'],
  ])('expands macro %s like "%s"', (macro, equivalent) => {
    const fromMacro = parseCronExpression(macro);
    const fromFields = parseCronExpression(equivalent);

    expect(fromMacro.source).toBe(macro);
    expect({ ...fromMacro, source: '' }).toEqual({ ...fromFields, source: '' });
  });

  it('accepts any whitespace between fields', () => {
    const cron = parseCronExpression('  30\t2  * *   1-5 ');

    expect(cron.source).toBe('30\t2  * *   1-5');
    expect(cron.minutes).toEqual([30]);
    expect(cron.hours).toEqual([2]);
    expect(cron.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['0 0 13 * 5', true, true],
    ['0 0 * * 5', false, true],
    ['0 0 13 * *', true, false],
    ['0 0 */2 * 1', false, true],
    ['0 0 1-31 * *', true, false],
  ])('marks "%s" day fields restricted (%s, %s)', (expression, dayOfMonth, dayOfWeek) => {
    const cron = parseCronExpression(expression);

    expect(cron.dayOfMonthRestricted).toBe(dayOfMonth);
    expect(cron.dayOfWeekRestricted).toBe(dayOfWeek);
  });

  it('accepts days valid in some months', () => {
    expect(parseCronExpression('0 0 31 2,3 *').months).toEqual([2, 3]);
    expect(parseCronExpression('0 0 29 2 *').daysOfMonth).toEqual([29]);
    expect(parseCronExpression('0 0 31 2 1').daysOfWeek).toEqual([1]);
  });
});

describe('parseCronExpression errors', () => {
  it.each<[string, string, string, string]>([
    ['', 'expression', '', 'cron expression is empty'],
    ['   ', 'expression', '', 'cron expression is empty'],
    ['* * * *', 'expression', '* * * *', 'has 4 fields; expected 5'],
    ['0 0 12 * * *', 'expression', '0 0 12 * * *', 'has 6 fields (a leading seconds field'],
    ['0 0 12 * * ? 2026', 'expression', '0 0 12 * * ? 2026', 'has 7 fields; expected 5'],
    ['@reboot', 'expression', '@reboot', 'cron macro "@reboot" is not supported'],
    ['@every 5m', 'expression', '@every 5m', 'cron macro "@every 5m" is not supported'],
    ['60 * * * *', 'minute', '60', 'minute "60" is out of range 0-59'],
    ['* 25 * * *', 'hour', '25', 'hour "25" is out of range 0-23'],
    ['* 1-24 * * *', 'hour', '24', 'hour "24" is out of range 0-23'],
    ['* * 0 * *', 'day-of-month', '0', 'day-of-month "0" is out of range 1-31'],
    ['* * 32 * *', 'day-of-month', '32', 'day-of-month "32" is out of range 1-31'],
    ['* * * 0 *', 'month', '0', 'month "0" is out of range 1-12'],
    ['* * * 13 *', 'month', '13', 'month "13" is out of range 1-12'],
    ['* * * * 8', 'day-of-week', '8', 'day-of-week "8" is out of range 0-7'],
    ['*/0 * * * *', 'minute', '*/0', 'minute step "0" in "*/0" is out of range 1-60'],
    ['*/61 * * * *', 'minute', '*/61', 'minute step "61" in "*/61" is out of range 1-60'],
    ['0 */x * * *', 'hour', '*/x', 'hour step "x" in "*/x" is out of range 1-24'],
    ['0 0 * * */8', 'day-of-week', '*/8', 'day-of-week step "8" in "*/8" is out of range 1-7'],
    ['*/ * * * *', 'minute', '*/', 'minute step "" in "*/" is out of range 1-60'],
    ['* * * FOO *', 'month', 'FOO', 'month "FOO" is not a valid value; use 1-12 or JAN-DEC'],
    ['* * * * FUN', 'day-of-week', 'FUN', 'use 0-7 (0 and 7 are Sunday) or SUN-SAT'],
    ['* * * * MONDAY', 'day-of-week', 'MONDAY', 'day-of-week "MONDAY" is not a valid value'],
    ['MON * * * *', 'minute', 'MON', 'minute "MON" is not a valid value; use numbers 0-59'],
    ['* * L * *', 'day-of-month', 'L', 'day-of-month "L" is not a valid value'],
    ['* * ? * *', 'day-of-month', '?', 'day-of-month "?" is not a valid value'],
    ['* * * * 5#3', 'day-of-week', '5#3', 'day-of-week "5#3" is not a valid value'],
    ['-1 * * * *', 'minute', '-1', 'minute "-1" is not a valid value'],
    ['1.5 * * * *', 'minute', '1.5', 'minute "1.5" is not a valid value'],
    ['+3 * * * *', 'minute', '+3', 'minute "+3" is not a valid value'],
    ['1-2-3 * * * *', 'minute', '1-2-3', 'minute "1-2-3" is not a valid value'],
    ['*/2/3 * * * *', 'minute', '*/2/3', 'minute "*/2/3" is not a valid value'],
    ['*-5 * * * *', 'minute', '*-5', 'minute "*-5" is not a valid value'],
    ['0 0 * JAN-FOO *', 'month', 'JAN-FOO', 'month "JAN-FOO" is not a valid value'],
    ['1,,2 * * * *', 'minute', '1,,2', 'minute "1,,2" has an empty list item'],
    ['0 22-2 * * *', 'hour', '22-2', 'hour range "22-2" is reversed'],
    ['0 0 * DEC-JAN *', 'month', 'DEC-JAN', 'month range "DEC-JAN" is reversed'],
    ['0 0 30 2 *', 'day-of-month', '30', 'day-of-month "30" never occurs in month "2"'],
    ['0 0 31 4,6,9,11 *', 'day-of-month', '31', 'never occurs in month "4,6,9,11"'],
  ])('rejects "%s" naming %s "%s"', (expression, field, value, message) => {
    const error = parseError(expression);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CronExpressionError');
    expect(error.field).toBe(field);
    expect(error.value).toBe(value);
    expect(error.message).toContain(message);
  });

  it('explains a 6-field expression', () => {
    expect(parseError('0 */5 * * * *').message).toBe(
      'cron expression "0 */5 * * * *" has 6 fields (a leading seconds field is not supported); ' +
        'expected 5: minute hour day-of-month month day-of-week',
    );
  });

  it('suggests a list for a reversed range', () => {
    expect(parseError('0 22-2 * * *').message).toBe(
      'hour range "22-2" is reversed; write it as a list such as "22-23,0-2"',
    );
  });
});

describe('matchesCalendarDay', () => {
  // January 2026: the 1st is a Thursday, the 2nd a Friday, the 13th a Tuesday.
  it('matches either day field when both are restricted', () => {
    const cron = parseCronExpression('0 0 13 * 5');

    expect(matchesCalendarDay(cron, 2026, 1, 13)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 1, 2)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 2, 13)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 1, 14)).toBe(false);
  });

  it('requires both day fields when one starts with a star', () => {
    // Vixie cron treats `*/2` as unrestricted: odd days that are also Mondays.
    const cron = parseCronExpression('0 0 */2 * 1');

    expect(matchesCalendarDay(cron, 2026, 1, 5)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 1, 12)).toBe(false);
    expect(matchesCalendarDay(cron, 2026, 1, 7)).toBe(false);
  });

  it('uses only day-of-week when day-of-month is a star', () => {
    const cron = parseCronExpression('0 0 * * MON');

    expect(matchesCalendarDay(cron, 2026, 1, 5)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 1, 6)).toBe(false);
  });

  it('rejects days outside the selected months', () => {
    const cron = parseCronExpression('0 0 13 JUN 5');

    expect(matchesCalendarDay(cron, 2026, 6, 13)).toBe(true);
    expect(matchesCalendarDay(cron, 2026, 2, 13)).toBe(false);
  });
});
