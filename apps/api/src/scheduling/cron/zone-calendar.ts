import type { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Local calendar arithmetic for one IANA zone, independent of the process time zone.
 *
 * A local wall-clock time is handled as "wall milliseconds": the epoch value the same calendar
 * fields would have in UTC (`Date.UTC(year, month - 1, day, hour, minute)`). A local day is
 * its day number, `Math.floor(wallMs / DAY_MS)`.
 *
 * NOTE: Conversions assume that a zone changes its offset at most once in any three days and
 * by at most 24 hours. In the tz data of Node 20.20 (tzdata 2025c), sampled every 12 hours
 * from 1970 to 2040, all 418 zones meet this: no two changes are within 3.5 days of each other,
 * and the largest change is 24 hours (Pacific/Apia skipped 2011-12-30).
 */
export class ZoneCalendar {
  /** Offset in ms at the instant `dayNumber * DAY_MS`, keyed by day number. */
  private readonly boundaryOffsets = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {}

  /** Returns the local day number of an instant. */
  dayOf(epochMs: number): number {
    return Math.floor((epochMs + this.offsetMs(epochMs)) / DAY_MS);
  }

  /**
   * Converts a local wall time to an instant. A time that occurs twice (the clock is set back)
   * gives its first occurrence. A time skipped by a forward change gives the instant at the
   * offset in force before the change, which is the same wall time shifted forward by the gap
   * (02:30 becomes 03:30 when clocks jump from 02:00 to 03:00).
   */
  toInstant(wallMs: number): number {
    const before = this.offsetMs(wallMs - DAY_MS);
    const after = this.offsetMs(wallMs + DAY_MS);
    const candidates = before === after ? [before] : [before, after];
    let earliest = Number.POSITIVE_INFINITY;
    for (const offset of candidates) {
      const instant = wallMs - offset;
      if (this.offsetMs(instant) === offset && instant < earliest) {
        earliest = instant;
      }
    }

    return earliest === Number.POSITIVE_INFINITY ? wallMs - before : earliest;
  }

  /**
   * Returns a converter from wall times of one local day to instants. It matches `toInstant`
   * but skips the zone look-ups on days without an offset change near them.
   */
  converterForDay(dayNumber: number): (wallMs: number) => number {
    const before = this.boundaryOffset(dayNumber - 1);
    const after = this.boundaryOffset(dayNumber + 2);
    if (before === after) {
      return (wallMs) => wallMs - before;
    }

    return (wallMs) => this.toInstant(wallMs);
  }

  /** Returns an instant at or before every instant whose local date is `dayNumber`. */
  lowerBoundOfDay(dayNumber: number): number {
    const largestOffset = Math.max(
      this.boundaryOffset(dayNumber - 1),
      this.boundaryOffset(dayNumber + 2),
    );

    return dayNumber * DAY_MS - largestOffset;
  }

  /**
   * Returns an instant after every instant that `converterForDay(dayNumber)` can return, which
   * includes wall times skipped by a gap and so shifted into the next day.
   */
  upperBoundOfDay(dayNumber: number): number {
    const smallestOffset = Math.min(
      this.boundaryOffset(dayNumber - 1),
      this.boundaryOffset(dayNumber + 2),
    );

    return (dayNumber + 1) * DAY_MS - smallestOffset;
  }

  private boundaryOffset(dayNumber: number): number {
    let offset = this.boundaryOffsets.get(dayNumber);
    if (offset === undefined) {
      // Iteration visits days in order, so a small cache is enough.
      if (this.boundaryOffsets.size > 64) {
        this.boundaryOffsets.clear();
      }
      offset = this.offsetMs(dayNumber * DAY_MS);
      this.boundaryOffsets.set(dayNumber, offset);
    }

    return offset;
  }

  private offsetMs(epochMs: number): number {
    return this.zone.offset(epochMs) * MINUTE_MS;
  }
}
