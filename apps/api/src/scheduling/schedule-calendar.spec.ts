import { UnprocessableError } from '../common/errors/domain-errors.js';
import { nextRunTimes, validateSchedule } from './schedule-calendar.js';

function caught(work: () => unknown): UnprocessableError {
  try {
    work();
  } catch (error) {
    return error as UnprocessableError;
  }
  throw new Error('expected an error');
}

describe('validateSchedule', () => {
  it('accepts a valid expression and zone', () => {
    expect(validateSchedule({ cron: '30 2 * * 1-5', timeZone: 'Europe/Berlin' })).toBeUndefined();
  });

  it('answers 422 naming the cron field', () => {
    const error = caught(() => validateSchedule({ cron: '61 * * * *', timeZone: 'UTC' }));
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error.status).toBe(422);
    expect(error.details).toEqual([
      { field: 'cron', value: '61 * * * *', reason: 'minute "61" is out of range 0-59' },
    ]);
    expect(error.message).toBe('cron is invalid: minute "61" is out of range 0-59');
  });

  it('answers 422 naming the time zone field', () => {
    const error = caught(() =>
      validateSchedule({
        cron: '0 8 * * *',
        timeZone: 'Mars/Olympus',
        timeZoneField: 'schedule.timeZone',
      }),
    );
    expect(error.status).toBe(422);
    expect(error.details[0]).toMatchObject({ field: 'schedule.timeZone', value: 'Mars/Olympus' });
  });

  it('uses the field name the caller gives for the expression', () => {
    const error = caught(() =>
      validateSchedule({ cron: '* * *', timeZone: 'UTC', cronField: 'cadence' }),
    );
    expect(error.details[0].field).toBe('cadence');
  });
});

describe('nextRunTimes', () => {
  it('lists run times in the schedule zone across a daylight-saving change', () => {
    // Europe/Berlin moves from +01:00 to +02:00 at 2026-03-29T01:00Z.
    const times = nextRunTimes({
      cron: '0 9 * * *',
      timeZone: 'Europe/Berlin',
      after: new Date('2026-03-27T12:00:00Z'),
      count: 3,
    });
    expect(times.map((time) => time.toISOString())).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('answers 422 for an invalid expression', () => {
    expect(
      caught(() => nextRunTimes({ cron: 'daily', timeZone: 'UTC', after: new Date(), count: 1 }))
        .status,
    ).toBe(422);
  });
});
