/**
 * Conversions between instants (ISO 8601 in UTC, as the API takes them) and the wall-clock values
 * of `<input type="datetime-local">` ("2026-12-04T10:15") in a named IANA time zone.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function wallClockParts(instantMs: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const values: Record<string, number> = {};
  for (const part of parts) {
    if (part.type !== 'literal') {
      values[part.type] = Number(part.value);
    }
  }

  return values;
}

/** Offset of `timeZone` from UTC at the instant `instantMs`, in ms (positive east of UTC). */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wall = wallClockParts(instantMs, timeZone);
  const wallAsUtc = Date.UTC(
    wall['year'],
    wall['month'] - 1,
    wall['day'],
    wall['hour'],
    wall['minute'],
    wall['second'],
  );

  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Returns the instant at which the clocks of `timeZone` show `local` ("2026-12-04T10:15"), as
 * ISO 8601 in UTC, or null when `local` is not a wall-clock time. A time skipped by a
 * daylight-saving change maps to the instant one offset later, as browsers do.
 */
export function zonedLocalToInstant(local: string, timeZone: string): string | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(wallAsUtc)) {
    return null;
  }
  // The offset depends on the instant, which depends on the offset: two passes settle it, also
  // next to a daylight-saving change.
  const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  const instant = wallAsUtc - zoneOffsetMs(firstGuess, timeZone);

  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/**
 * Returns the wall-clock time that `timeZone` shows at `instant`, in the form of
 * `<input type="datetime-local">` ("2026-12-04T10:15"), or "" for an invalid instant.
 */
export function instantToZonedLocal(instant: string, timeZone: string): string {
  const instantMs = Date.parse(instant);
  if (Number.isNaN(instantMs)) {
    return '';
  }
  const wall = wallClockParts(instantMs, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');

  return (
    `${wall['year']}-${pad(wall['month'])}-${pad(wall['day'])}` +
    `T${pad(wall['hour'])}:${pad(wall['minute'])}`
  );
}
