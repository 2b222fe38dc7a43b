import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Largest `context` object, measured as JSON text. */
export const MAX_CONTEXT_BYTES = 16_384;

/** ISO 8601 with a date, a time and a zone (`Z` or an offset); a zone-less time would depend on the server. */
export const ZONED_TIMESTAMP_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const ZONED_TIMESTAMP_MESSAGE =
  'must be an ISO 8601 timestamp with a time zone, such as 2026-12-04T10:15:00Z';

/** Accepts a plain JSON object (not an array) of at most MAX_CONTEXT_BYTES as JSON. */
export function IsContextObject(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isContextObject',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `must be a JSON object of at most ${MAX_CONTEXT_BYTES} bytes`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return false;
          }
          return Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_CONTEXT_BYTES;
        },
      },
    });
  };
}

/** Accepts a zoned ISO 8601 timestamp of a real calendar day (the pattern alone lets 2026-02-31 through). */
export function IsValidInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isValidInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: ZONED_TIMESTAMP_MESSAGE, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !ZONED_TIMESTAMP_PATTERN.test(value)) {
            return false;
          }
          return !Number.isNaN(new Date(value).getTime()) && isCalendarDay(value.slice(0, 10));
        },
      },
    });
  };
}

/** Checks that YYYY-MM-DD exists, because Date rolls 2026-02-31 over to March 3 instead of failing. */
function isCalendarDay(isoDay: string): boolean {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/**
 * Accepts a string of 1 to `maxLength` characters, as one constraint so a bad value
 * gets one message. `required` is the message for an absent value; leave it
 * out on optional fields, which carry @IsOptional().
 */
export function IsBoundedText(maxLength: number, required = 'is required'): PropertyDecorator {
  const invalid = `must be a string of 1 to ${maxLength} characters`;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isBoundedText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => (args.value === undefined || args.value === null ? required : invalid),
      },
      validator: {
        validate(value: unknown): boolean {
          return typeof value === 'string' && value.length >= 1 && value.length <= maxLength;
        },
      },
    });
  };
}

export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Maximum digits after the decimal point. */
  maxDecimals?: number;
}

/** Accepts a finite number within [min, max], as one constraint with one message naming the range. */
export function IsNumberInRange(range: NumberRange): PropertyDecorator {
  const kind = range.integer ? 'an integer' : 'a number';
  const decimals =
    range.maxDecimals === undefined ? '' : ` with at most ${range.maxDecimals} decimals`;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNumberInRange',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `must be ${kind} from ${range.min} to ${range.max}${decimals}` },
      validator: {
        validate(value: unknown): boolean {
          if (
            typeof value !== 'number' ||
            !Number.isFinite(value) ||
            value < range.min ||
            value > range.max
          ) {
            return false;
          }
          if (range.integer && !Number.isInteger(value)) {
            return false;
          }
          return range.maxDecimals === undefined || decimalPlaces(value) <= range.maxDecimals;
        },
      },
    });
  };
}

/** Digits after the decimal point of a number as JSON writes it (1e-7 counts as 7). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}
