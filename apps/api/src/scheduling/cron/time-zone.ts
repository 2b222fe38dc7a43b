import { IANAZone } from 'luxon';

/**
 * An invalid schedule time zone. `field` is always `timeZone` and `value` the name given, so an
 * API can return a 422 response naming both.
 */
export class InvalidTimeZoneError extends Error {
  override readonly name = 'InvalidTimeZoneError';
  readonly field = 'timeZone';

  constructor(readonly value: string) {
    super(
      `time zone "${value}" is not a valid IANA time zone; use a name such as "UTC", ` +
        `"Europe/Berlin" or "America/New_York"`,
    );
  }
}

/** Area/Location names such as `Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/UTC`. */
const AREA_LOCATION = /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/;

/**
 * Returns whether `name` is an IANA time zone that schedules may use.
 *
 * Accepted: `UTC` and Area/Location names (`Europe/Berlin`, `Etc/UTC`, `Etc/GMT+2`) that the
 * runtime's time zone database resolves. Matching ignores case, as Intl does, so
 * `europe/berlin` is accepted too.
 *
 * Rejected: offsets (`+02:00`, `UTC+2`) and bare abbreviations or legacy names (`CET`, `EST`,
 * `GMT`, `EST5EDT`). Users often read these as fixed offsets, but several of them follow
 * daylight-saving rules, so a schedule using one could run an hour away from what they expect.
 */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string') {
    return false;
  }
  if (name.toUpperCase() === 'UTC') {
    return true;
  }

  return AREA_LOCATION.test(name) && IANAZone.isValidZone(name);
}

/**
 * Returns the luxon zone for a schedule's time zone name.
 *
 * @throws InvalidTimeZoneError when `isValidTimeZone(name)` is false.
 */
export function scheduleZone(name: string): IANAZone {
  if (!isValidTimeZone(name)) {
    throw new InvalidTimeZoneError(String(name));
  }

  return IANAZone.create(name);
}
