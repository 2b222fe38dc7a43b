import { type ErrorDetail, InvalidParameterError } from '../common/errors/domain-errors.js';

/**
 * Validation of segment conditions against a customer schema's typed fields,
 * and their translation into `format()` templates that PostgreSQL fills in.
 * Nothing here builds SQL from request text. A template is chosen from the
 * constants below by operator and field type. The field name goes in through
 * `%I` and the value through `%L`, and the server quotes both.
 */

export const SEGMENT_OPERATORS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not_in',
  'contains',
  'is_null',
  'is_not_null',
] as const;
export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];

export const FIELD_TYPES = [
  'text',
  'integer',
  'decimal',
  'boolean',
  'date',
  'timestamp',
  'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface ConditionField {
  name: string;
  type: FieldType;
}

/** A condition as stored: `value` is absent for is_null and is_not_null. */
export interface SegmentConditionInput {
  field: string;
  operator: SegmentOperator;
  value?: unknown;
}

/** The argument `format()` receives as its second value. */
export type CompiledArgument =
  | { kind: 'none' }
  | { kind: 'value'; text: string }
  | { kind: 'list'; itemTemplate: string; items: string[] };

/**
 * One condition ready for the view definition: `template` takes the column as
 * `%1$I` and the value as `%2$L` (or a list of `itemTemplate` literals as `%2$s`).
 */
export interface CompiledCondition {
  template: string;
  field: string;
  argument: CompiledArgument;
}

export const MAX_CONDITIONS = 50;
export const MAX_LIST_ITEMS = 1000;
export const MAX_TEXT_VALUE_LENGTH = 1000;
export const MAX_JSON_VALUE_LENGTH = 10_000;

const ORDERED: SegmentOperator[] = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not_in',
  'is_null',
  'is_not_null',
];
const OPERATORS_BY_TYPE: Record<FieldType, SegmentOperator[]> = {
  text: [...ORDERED, 'contains'],
  integer: ORDERED,
  decimal: ORDERED,
  date: ORDERED,
  timestamp: ORDERED,
  boolean: ['=', '!=', 'is_null', 'is_not_null'],
  json: ['contains', 'is_null', 'is_not_null'],
};

/** The PostgreSQL type both sides of a comparison are cast to. */
const SQL_TYPES: Record<FieldType, string> = {
  text: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  json: 'jsonb',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates conditions against the schema's fields and compiles them. Every
 * problem is listed; the 400 names the condition index and field of each.
 */
export function compileConditions(
  conditions: unknown,
  fields: readonly ConditionField[],
): { conditions: SegmentConditionInput[]; compiled: CompiledCondition[] } {
  if (!Array.isArray(conditions)) {
    throw InvalidParameterError.forField(
      'conditions',
      conditions,
      'must be an array of {field, operator, value}',
    );
  }
  if (conditions.length > MAX_CONDITIONS) {
    throw InvalidParameterError.forField(
      'conditions',
      `${conditions.length} conditions`,
      `must hold at most ${MAX_CONDITIONS} conditions`,
    );
  }
  const details: ErrorDetail[] = [];
  const valid: SegmentConditionInput[] = [];
  const compiled: CompiledCondition[] = [];
  conditions.forEach((condition: unknown, index) => {
    const result = compileOne(condition, index, fields);
    if ('problem' in result) {
      details.push(result.problem);
    } else {
      valid.push(result.condition);
      compiled.push(result.compiled);
    }
  });
  if (details.length > 0) {
    const first = details[0];
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    throw new InvalidParameterError(`${first.field} ${first.reason}${more}`, details);
  }
  return { conditions: valid, compiled };
}

type CompileResult =
  { condition: SegmentConditionInput; compiled: CompiledCondition } | { problem: ErrorDetail };

function compileOne(raw: unknown, index: number, fields: readonly ConditionField[]): CompileResult {
  const at = `conditions[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return problem(at, raw, 'must be an object {field, operator, value}');
  }

  const { field: name, operator, value, ...extra } = raw as Record<string, unknown>;
  const unknownKey = Object.keys(extra)[0];
  if (unknownKey !== undefined) {
    const reason = 'is not a known property; use field, operator and value';
    return problem(`${at}.${unknownKey}`, extra[unknownKey], reason);
  }

  const field = fields.find((candidate) => candidate.name === name);
  if (!field) {
    return problem(`${at}.field`, name, `must be a field of the base schema: ${fieldList(fields)}`);
  }

  const allowed = OPERATORS_BY_TYPE[field.type];
  if (!allowed.includes(operator as SegmentOperator)) {
    const reason = `must be one of ${allowed.join(', ')} for ${field.type} field ${field.name}`;
    return problem(`${at}.operator`, operator, reason);
  }

  const op = operator as SegmentOperator;
  const argument = compileArgument(op, field, value);
  if ('reason' in argument) {
    return problem(`${at}.value`, value, argument.reason);
  }

  const condition: SegmentConditionInput =
    argument.kind === 'none'
      ? { field: field.name, operator: op }
      : { field: field.name, operator: op, value };
  const compiled = { template: templateFor(op, field.type), field: field.name, argument };
  return { condition, compiled };
}

function compileArgument(
  operator: SegmentOperator,
  field: ConditionField,
  value: unknown,
): CompiledArgument | { reason: string } {
  if (operator === 'is_null' || operator === 'is_not_null') {
    return value === undefined || value === null
      ? { kind: 'none' }
      : { reason: `must be absent for ${operator}` };
  }
  if (operator === 'in' || operator === 'not_in') {
    return compileList(field, value);
  }
  if (operator === 'contains' && field.type === 'json') {
    return compileJson(value);
  }
  const literal = literalFor(field, value);
  return typeof literal === 'string' ? { kind: 'value', text: literal } : literal;
}

function compileList(field: ConditionField, value: unknown): CompiledArgument | { reason: string } {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_ITEMS) {
    return {
      reason: `must be an array of 1 to ${MAX_LIST_ITEMS} ${describeType(field.type)} values`,
    };
  }
  const items: string[] = [];
  for (const [position, item] of value.entries()) {
    const literal = literalFor(field, item);
    if (typeof literal !== 'string') {
      return { reason: `item ${position}: ${literal.reason}` };
    }
    items.push(literal);
  }
  return { kind: 'list', itemTemplate: `%L::${SQL_TYPES[field.type]}`, items };
}

function compileJson(value: unknown): CompiledArgument | { reason: string } {
  if (typeof value !== 'object' || value === null) {
    return { reason: 'must be a JSON object or array for contains on a json field' };
  }
  const text = JSON.stringify(value);
  // JSON.stringify escapes NUL and unpaired surrogates as \u escapes, which jsonb rejects.
  if (text.length > MAX_JSON_VALUE_LENGTH || /\\u(0000|d[89a-f])/i.test(text)) {
    return {
      reason: `must be at most ${MAX_JSON_VALUE_LENGTH} characters of JSON without NUL or unpaired surrogates`,
    };
  }
  return { kind: 'value', text };
}

/** Converts the value to text for `%L` after checking that it has the field's JSON type. */
function literalFor(field: ConditionField, value: unknown): string | { reason: string } {
  const wrongType = {
    reason: `must be ${describeType(field.type)} for ${field.type} field ${field.name}`,
  };
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') {
        return wrongType;
      }
      if (value.length > MAX_TEXT_VALUE_LENGTH || !isStorableText(value)) {
        return {
          reason: `must be at most ${MAX_TEXT_VALUE_LENGTH} characters of well-formed Unicode without NUL`,
        };
      }
      return value;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : wrongType;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : wrongType;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : wrongType;
    case 'date':
      return typeof value === 'string' && isCalendarDay(value) ? value : wrongType;
    case 'timestamp':
      return typeof value === 'string' &&
        ISO_INSTANT.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? new Date(value).toISOString()
        : wrongType;
    case 'json':
      return wrongType;
  }
}

function templateFor(operator: SegmentOperator, type: FieldType): string {
  const sqlType = SQL_TYPES[type];
  const column = `(t.%1$I)::${sqlType}`;
  switch (operator) {
    case '=':
    case '>':
    case '>=':
    case '<':
    case '<=':
      return `${column} ${operator} %2$L::${sqlType}`;
    case '!=':
      // Rows where the field is null count as "not equal", like not_in below.
      return `${column} IS DISTINCT FROM %2$L::${sqlType}`;
    case 'in':
      return `${column} IN (%2$s)`;
    case 'not_in':
      return `(${column} IS NULL OR ${column} NOT IN (%2$s))`;
    case 'contains':
      return type === 'json' ? `${column} @> %2$L::jsonb` : `strpos(${column}, %2$L::text) > 0`;
    case 'is_null':
      return 't.%1$I IS NULL';
    case 'is_not_null':
      return 't.%1$I IS NOT NULL';
  }
}

function describeType(type: FieldType): string {
  switch (type) {
    case 'text':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'decimal':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'timestamp':
      return 'an ISO 8601 date-time with Z or an offset';
    case 'json':
      return 'a JSON object or array';
  }
}

/** Checks what PostgreSQL text can store: no NUL and no unpaired UTF-16 surrogates. */
function isStorableText(value: string): boolean {
  const unpairedSurrogate =
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  return !value.includes('\u0000') && !unpairedSurrogate.test(value);
}

function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) {
    return false;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function fieldList(fields: readonly ConditionField[]): string {
  const names = fields.map((field) => field.name);
  return names.length > 20 ? `${names.slice(0, 20).join(', ')}, ...` : names.join(', ');
}

function problem(field: string, value: unknown, reason: string): { problem: ErrorDetail } {
  return { problem: { field, value: truncateForError(value), reason } };
}

/** Keeps huge request values out of error bodies and logs. */
function truncateForError(value: unknown): unknown {
  return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}...` : value;
}
