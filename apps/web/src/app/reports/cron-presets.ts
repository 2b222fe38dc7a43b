/** Identifier of a cadence preset of the Save as Report dialog. */
export type CadencePresetId = 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'hourly' | 'custom';

/** A cadence the dialog offers, with its 5-field cron expression. */
export interface CadencePreset {
  readonly id: Exclude<CadencePresetId, 'custom'>;
  readonly label: string;
  readonly cron: string;
}

/** Presets in menu order. "Custom" is not listed: it keeps whatever expression the user types. */
export const CADENCE_PRESETS: readonly CadencePreset[] = [
  { id: 'daily', label: 'Daily at 08:00', cron: '0 8 * * *' },
  { id: 'weekdays', label: 'Weekdays at 08:00', cron: '0 8 * * 1-5' },
  { id: 'weekly', label: 'Weekly on Monday at 08:00', cron: '0 8 * * 1' },
  { id: 'monthly', label: 'Monthly on the 1st at 08:00', cron: '0 8 1 * *' },
  { id: 'hourly', label: 'Hourly, on the hour', cron: '0 * * * *' },
];

/** Cadence a new report starts with. */
export const DEFAULT_CADENCE: CadencePreset = CADENCE_PRESETS[1];

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** Returns the expression of a preset, or null for `custom`. */
export function cronForPreset(id: CadencePresetId): string | null {
  return CADENCE_PRESETS.find((preset) => preset.id === id)?.cron ?? null;
}

/** Returns the preset whose expression is `cron` (ignoring extra spaces), or `custom`. */
export function presetForCron(cron: string): CadencePresetId {
  const normalised = normaliseCron(cron);

  return CADENCE_PRESETS.find((preset) => preset.cron === normalised)?.id ?? 'custom';
}

/** Collapses runs of whitespace and trims, as the API does before storing an expression. */
export function normaliseCron(cron: string): string {
  return cron.trim().split(/\s+/).join(' ');
}

/**
 * Checks the shape the API requires before asking it: five fields separated by spaces. Returns
 * the problem, or null when the expression has five fields (the API checks the values).
 */
export function cronShapeProblem(cron: string): string | null {
  const normalised = normaliseCron(cron);
  if (normalised === '') {
    return 'Enter a cron expression: minute hour day-of-month month day-of-week.';
  }
  const count = normalised.split(' ').length;

  return count === 5
    ? null
    : `A cron expression has 5 fields (minute hour day-of-month month day-of-week), but this one has ${count}.`;
}

/**
 * Describes simple expressions in words: "Every day at 08:00", "Weekdays at 08:30", "Every Monday
 * at 08:00", "On day 1 of every month at 08:00", "Every hour at minute 15". Returns null for
 * anything else (steps, lists, ranges other than Monday to Friday), which the page shows as the
 * expression itself.
 */
export function describeCron(cron: string): string | null {
  const fields = normaliseCron(cron).split(' ');
  if (fields.length !== 5) {
    return null;
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const minuteValue = parseField(minute, 0, 59);
  if (minuteValue === null || month !== '*') {
    return null;
  }
  if (hour === '*') {
    return dayOfMonth === '*' && dayOfWeek === '*' ? `Every hour at minute ${minuteValue}` : null;
  }
  const hourValue = parseField(hour, 0, 23);
  if (hourValue === null) {
    return null;
  }
  const time = `${pad(hourValue)}:${pad(minuteValue)}`;

  return describeDays(dayOfMonth, dayOfWeek, time);
}

function describeDays(dayOfMonth: string, dayOfWeek: string, time: string): string | null {
  if (dayOfMonth === '*' && dayOfWeek === '*') {
    return `Every day at ${time}`;
  }
  if (dayOfMonth === '*' && dayOfWeek === '1-5') {
    return `Weekdays at ${time}`;
  }
  if (dayOfMonth === '*') {
    const weekday = parseField(dayOfWeek, 0, 7);

    return weekday === null ? null : `Every ${WEEKDAY_NAMES[weekday]} at ${time}`;
  }
  const day = parseField(dayOfMonth, 1, 31);
  if (day === null || dayOfWeek !== '*') {
    return null;
  }

  return `On day ${day} of every month at ${time}`;
}

function parseField(value: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(value)) {
    return null;
  }
  const number = Number(value);

  return number >= min && number <= max ? number : null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
