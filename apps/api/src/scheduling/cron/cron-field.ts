import { type CronField, CronExpressionError } from './cron-expression-error.js';

/** The allowed values of one cron field and how to describe them in error messages. */
export interface FieldSpec {
  readonly field: CronField;
  readonly min: number;
  readonly max: number;
  /** Upper end of `*`, which differs from `max` only for day-of-week (7 is a second Sunday). */
  readonly starMax: number;
  readonly names?: readonly string[];
  readonly hint: string;
}

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Specifications of the five fields, in the order they are written. */
export const FIELD_SPECS: readonly FieldSpec[] = [
  { field: 'minute', min: 0, max: 59, starMax: 59, hint: 'numbers 0-59' },
  { field: 'hour', min: 0, max: 23, starMax: 23, hint: 'numbers 0-23' },
  { field: 'day-of-month', min: 1, max: 31, starMax: 31, hint: 'numbers 1-31' },
  { field: 'month', min: 1, max: 12, starMax: 12, names: MONTH_NAMES, hint: '1-12 or JAN-DEC' },
  {
    field: 'day-of-week',
    min: 0,
    max: 7,
    starMax: 6,
    names: WEEKDAY_NAMES,
    hint: '0-7 (0 and 7 are Sunday) or SUN-SAT',
  },
];

/**
 * Parses one field (`*`, numbers, names, lists, ranges and steps) into its sorted values.
 *
 * @throws CronExpressionError naming the field and the offending value.
 */
export function parseField(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') {
      throw new CronExpressionError(
        spec.field,
        text,
        `${spec.field} "${text}" has an empty list item`,
      );
    }
    for (const value of parseItem(item, spec)) {
      values.add(spec.field === 'day-of-week' && value === 7 ? 0 : value);
    }
  }

  return [...values].sort((a, b) => a - b);
}

/** Expands one list item: `*`, `n`, `a-b`, each optionally followed by `/step`. */
function parseItem(item: string, spec: FieldSpec): number[] {
  const [rangeText, stepText, ...extra] = item.split('/');
  if (extra.length > 0) {
    throw invalidValue(item, spec);
  }

  const step = stepText === undefined ? 1 : parseStep(stepText, item, spec);
  const [start, end] = parseRange(rangeText, stepText !== undefined, item, spec);
  const values: number[] = [];
  for (let value = start; value <= end; value += step) {
    values.push(value);
  }

  return values;
}

function parseRange(text: string, hasStep: boolean, item: string, spec: FieldSpec): number[] {
  if (text === '*') {
    return [spec.min, spec.starMax];
  }

  const bounds = text.split('-');
  if (bounds.length > 2) {
    throw invalidValue(item, spec);
  }

  const start = parseValue(bounds[0], item, spec);
  if (bounds.length === 1) {
    // `5/20` runs from 5 to the field's maximum; a plain `5` is just 5.
    return [start, hasStep ? spec.max : start];
  }

  const end = parseValue(bounds[1], item, spec);
  if (start > end) {
    throw new CronExpressionError(
      spec.field,
      item,
      `${spec.field} range "${item}" is reversed; write it as a list such as ` +
        `"${bounds[0]}-${spec.max},${spec.min}-${bounds[1]}"`,
    );
  }

  return [start, end];
}

/** Parses one number or name of `item`; an invalid one is reported with the whole item. */
function parseValue(text: string, item: string, spec: FieldSpec): number {
  const nameIndex = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (nameIndex >= 0) {
    return nameIndex + (spec.field === 'month' ? 1 : 0);
  }
  if (!/^\d+$/.test(text)) {
    throw invalidValue(item, spec);
  }

  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw new CronExpressionError(
      spec.field,
      text,
      `${spec.field} "${text}" is out of range ${spec.min}-${spec.max}`,
    );
  }

  return value;
}

function parseStep(text: string, item: string, spec: FieldSpec): number {
  // A step wider than the whole field, such as */90 for minutes, is rejected: it can only ever
  // select the first value, so it is almost certainly a mistake.
  const maxStep = spec.starMax - spec.min + 1;
  const step = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(step >= 1 && step <= maxStep)) {
    throw new CronExpressionError(
      spec.field,
      item,
      `${spec.field} step "${text}" in "${item}" is out of range 1-${maxStep}`,
    );
  }

  return step;
}

function invalidValue(text: string, spec: FieldSpec): CronExpressionError {
  return new CronExpressionError(
    spec.field,
    text,
    `${spec.field} "${text}" is not a valid value; use ${spec.hint}, "*", lists, ranges or steps`,
  );
}
