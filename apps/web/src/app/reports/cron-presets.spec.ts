import {
  CADENCE_PRESETS,
  cronForPreset,
  cronShapeProblem,
  describeCron,
  presetForCron,
} from './cron-presets';

describe('cadence presets', () => {
  it.each([
    ['daily', '0 8 * * *'],
    ['weekdays', '0 8 * * 1-5'],
    ['weekly', '0 8 * * 1'],
    ['monthly', '0 8 1 * *'],
    ['hourly', '0 * * * *'],
  ] as const)('maps %s to %s', (id, cron) => {
    expect(cronForPreset(id)).toBe(cron);
    expect(presetForCron(cron)).toBe(id);
  });

  it('has no expression for custom', () => {
    expect(cronForPreset('custom')).toBeNull();
  });

  it('recognises a preset typed with extra spaces', () => {
    expect(presetForCron('  0   8 * *  1-5 ')).toBe('weekdays');
  });

  it('calls any other expression custom', () => {
    expect(presetForCron('30 8 * * *')).toBe('custom');
    expect(presetForCron('')).toBe('custom');
  });

  it('lists every preset once', () => {
    expect(new Set(CADENCE_PRESETS.map((preset) => preset.cron)).size).toBe(CADENCE_PRESETS.length);
  });
});

describe('cronShapeProblem', () => {
  it('accepts five fields', () => {
    expect(cronShapeProblem('*/15 8-18 * * 1-5')).toBeNull();
  });

  it('counts the fields of a wrong expression', () => {
    expect(cronShapeProblem('0 8 * *')).toBe(
      'A cron expression has 5 fields (minute hour day-of-month month day-of-week), but this one has 4.',
    );
    expect(cronShapeProblem('0 0 8 * * 1')).toContain('this one has 6');
  });

  it('asks for an expression when empty', () => {
    expect(cronShapeProblem('  ')).toBe(
      'Enter a cron expression: minute hour day-of-month month day-of-week.',
    );
  });
});

describe('describeCron', () => {
  it.each([
    ['0 8 * * *', 'Every day at 08:00'],
    ['30 6 * * 1-5', 'Weekdays at 06:30'],
    ['0 8 * * 1', 'Every Monday at 08:00'],
    ['0 8 * * 0', 'Every Sunday at 08:00'],
    ['0 8 * * 7', 'Every Sunday at 08:00'],
    ['0 8 1 * *', 'On day 1 of every month at 08:00'],
    ['15 * * * *', 'Every hour at minute 15'],
  ])('describes %p as %p', (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });

  it.each([
    '*/5 * * * *',
    '0 8 * 1 *',
    '0 8 1 * 1',
    '0 8,12 * * *',
    '0 8 * * 1,3',
    '0 25 * * *',
    '0 8 * *',
  ])('leaves %p to be shown as written', (cron) => {
    expect(describeCron(cron)).toBeNull();
  });
});
