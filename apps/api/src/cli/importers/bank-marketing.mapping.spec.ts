import {
  cleanColumnName,
  columnType,
  contactInstant,
  eventsOfRow,
} from './bank-marketing.mapping.js';

const TODAY = new Date('2026-12-04T09:00:00Z');

describe('contactInstant', () => {
  it('picks the most recent past date with that month and weekday', () => {
    // 2026-11-27 is a Friday; 2026-12-04 (today, also a Friday) is not in the past.
    expect(contactInstant('nov', 'fri', TODAY).toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  it('reaches back into last year for a month not yet past', () => {
    // December 2026 before the 4th has Tue 1, Wed 2, Thu 3; Fridays come from December 2025.
    expect(contactInstant('dec', 'fri', TODAY).toISOString()).toBe('2025-12-26T12:00:00.000Z');
    expect(contactInstant('dec', 'wed', TODAY).toISOString()).toBe('2026-12-02T12:00:00.000Z');
  });

  it('stays within the last 360 days', () => {
    const earliest = TODAY.getTime() - 360 * 86_400_000;
    for (const month of ['jan', 'mar', 'may', 'aug', 'dec']) {
      for (const weekday of ['mon', 'tue', 'wed', 'thu', 'fri']) {
        const instant = contactInstant(month, weekday, TODAY).getTime();
        expect(instant).toBeGreaterThanOrEqual(earliest);
        expect(instant).toBeLessThan(Date.parse('2026-12-04T00:00:00Z'));
      }
    }
  });

  it('rejects an unknown month', () => {
    expect(() => contactInstant('foo', 'mon', TODAY)).toThrow(/Unknown month/);
  });
});

describe('eventsOfRow', () => {
  const row = {
    age: '30',
    job: 'blue-collar',
    contact: 'telephone',
    month: 'may',
    day_of_week: 'fri',
    'emp.var.rate': '-1.8',
    y: 'yes',
  };

  it('cleans names and types values', () => {
    expect(cleanColumnName('emp.var.rate')).toBe('emp_var_rate');
    expect(columnType('age')).toBe('integer');
    expect(columnType('euribor3m')).toBe('decimal');
    const events = eventsOfRow(row, 7, TODAY);
    expect(events.customerRow).toEqual({
      customer_id: 'bank-7',
      age: 30,
      job: 'blue-collar',
      contact: 'telephone',
      month: 'may',
      day_of_week: 'fri',
      emp_var_rate: -1.8,
      y: 'yes',
    });
  });

  it('makes an impression and a conversion for y = yes', () => {
    const events = eventsOfRow(row, 7, TODAY);
    expect(events.impression).toMatchObject({
      kind: 'impression',
      channelKey: 'telephone',
      customerId: 'bank-7',
    });
    expect(events.response).toMatchObject({ kind: 'response', outcome: 'conversion' });
    expect(events.impression.occurredAt).toBe('2026-05-29T12:00:00.000Z');
  });

  it('makes not_interested for y = no', () => {
    expect(eventsOfRow({ ...row, y: 'no' }, 8, TODAY).response.outcome).toBe('not_interested');
  });
});
