import { cronShapeProblem, normaliseCron } from '../cron-presets';
import {
  type DestinationDraft,
  type DestinationPayload,
  MAX_DESTINATIONS,
  toDestinationPayload,
  validateDestination,
} from '../destination-draft';
import { matchTimeZone } from '../time-zones';

/**
 * Problems of a form by field: `name`, `formats`, `cron`, `timeZone`, `destinations`, and
 * `destinations[i].field` for one destination's field, the names the API uses in its errors.
 */
export type FormErrors = Readonly<Record<string, string>>;

/** The schedule part of a form: cadence, zone and destinations. */
export interface ScheduleFormValue {
  readonly cron: string;
  readonly timeZone: string;
  readonly destinations: readonly DestinationDraft[];
}

/** The schedule fields of a create or update body. */
export interface ScheduleFields {
  readonly cron: string;
  readonly timeZone: string;
  readonly destinations: DestinationPayload[];
}

/** Returns the key of one destination field in `FormErrors`: `destinations[0].path`. */
export function destinationFieldKey(index: number, field: string): string {
  return `destinations[${index}].${field}`;
}

/** Checks the schedule part of a form; `zones` lists the time zones to accept. */
export function validateScheduleForm(
  value: ScheduleFormValue,
  zones: readonly string[],
): FormErrors {
  const errors: Record<string, string> = {};
  const cronProblem = cronShapeProblem(value.cron);
  if (cronProblem !== null) {
    errors['cron'] = cronProblem;
  }
  if (matchTimeZone(value.timeZone, zones) === null) {
    errors['timeZone'] =
      value.timeZone.trim() === ''
        ? 'Choose a time zone, such as UTC or Europe/Berlin.'
        : `"${value.timeZone}" is not a time zone in the list. Choose one such as UTC or Europe/Berlin.`;
  }
  if (value.destinations.length > MAX_DESTINATIONS) {
    errors['destinations'] = `A schedule can have at most ${MAX_DESTINATIONS} destinations.`;
  }
  value.destinations.forEach((draft, index) => {
    for (const [field, message] of Object.entries(validateDestination(draft))) {
      errors[destinationFieldKey(index, field)] = message;
    }
  });

  return errors;
}

/** Returns the cron, zone and destinations of a schedule body (the zone spelled as listed). */
export function buildScheduleFields(
  value: ScheduleFormValue,
  zones: readonly string[],
): ScheduleFields {
  return {
    cron: normaliseCron(value.cron),
    timeZone: matchTimeZone(value.timeZone, zones) ?? value.timeZone.trim(),
    destinations: value.destinations.map(toDestinationPayload),
  };
}

/**
 * Returns the form key for a field the API named in an error: `destinations[0].to[2]` becomes
 * `destinations[0].to`, the input that contains all recipients. Fields the form has no input for
 * (such as `filters.to`) return null, and the message is shown above the buttons instead.
 */
export function formKeyForServerField(
  field: string | null,
  formKeys: readonly string[],
): string | null {
  if (field === null) {
    return null;
  }
  const destination = /^(destinations\[\d+\]\.[A-Za-z]+)/.exec(field);
  if (destination) {
    return destination[1];
  }

  return formKeys.includes(field) ? field : null;
}
