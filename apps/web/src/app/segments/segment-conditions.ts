import { isIsoDay } from '../dashboards/filters/period';

/**
 * The condition builder's rules: which operators each field type allows, how the text typed into
 * a value input becomes a typed JSON value, and the payload the segments API takes. The API
 * validates again; these rules only let the form catch mistakes before the request.
 */

/** Field types of a schema, as the schemas API sends them. */
export type FieldType = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'json';

export type SegmentOperator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not_in' | 'contains' | 'is_null' | 'is_not_null';

/** A field of a customer schema. */
export interface SchemaFieldOption {
  readonly name: string;
  readonly type: FieldType;
}

/** A condition as the segments API stores it: no `value` for is_null and is_not_null. */
export interface SegmentConditionPayload {
  field: string;
  operator: SegmentOperator;
  value?: unknown;
}

/**
 * A condition as the form keeps it. `valueText` is the text of the value input, which contains one
 * value per line for in and not_in.
 */
export interface ConditionDraft {
  readonly field: string;
  readonly operator: SegmentOperator | '';
  readonly valueText: string;
}

/** How many values an operator takes. */
export type OperatorArity = 'none' | 'single' | 'list';

/** Kind of input a condition's value is typed into. */
export type ValueInputKind =
  'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'json' | 'list';

export const OPERATOR_LABELS: Readonly<Record<SegmentOperator, string>> = {
  '=': 'equals (=)',
  '!=': 'does not equal (!=)',
  '>': 'greater than (>)',
  '>=': 'at least (>=)',
  '<': 'less than (<)',
  '<=': 'at most (<=)',
  in: 'is one of (in)',
  not_in: 'is none of (not in)',
  contains: 'contains',
  is_null: 'is empty (is null)',
  is_not_null: 'is not empty (is not null)',
};

const ORDERED: readonly SegmentOperator[] = [
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

/** Operators each field type allows, the same table the API validates with. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly SegmentOperator[]>> = {
  text: [...ORDERED, 'contains'],
  integer: ORDERED,
  decimal: ORDERED,
  date: ORDERED,
  timestamp: ORDERED,
  boolean: ['=', '!=', 'is_null', 'is_not_null'],
  json: ['contains', 'is_null', 'is_not_null'],
};

const INTEGER_PATTERN = /^-?\d+$/;
const DECIMAL_PATTERN = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Format of `<input type="datetime-local">` values, read as UTC. */
const LOCAL_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Returns the operators allowed for `type`. */
export function operatorsFor(type: FieldType): readonly SegmentOperator[] {
  return OPERATORS_BY_TYPE[type];
}

/** Returns how many values `operator` takes. */
export function operatorArity(operator: SegmentOperator | ''): OperatorArity {
  if (operator === 'is_null' || operator === 'is_not_null' || operator === '') {
    return 'none';
  }

  return operator === 'in' || operator === 'not_in' ? 'list' : 'single';
}

/** Returns the input to show for a condition on a field of `type` with `operator`. */
export function valueInputKind(
  type: FieldType,
  operator: SegmentOperator | '',
): ValueInputKind | null {
  const arity = operatorArity(operator);
  if (arity === 'none') {
    return null;
  }

  return arity === 'list' ? 'list' : type;
}

/** Result of reading a value input: the typed value, or what is wrong with the text. */
export type ParsedValue =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly problem: string;
    };

/**
 * Turns the text of a value input into the JSON value the API expects for a field of `type`.
 * Integer and decimal fields give numbers, booleans true or false, dates YYYY-MM-DD, timestamps
 * ISO 8601 in UTC, and json fields the parsed JSON. In and not_in give an array of those, one value
 * per line with blank lines ignored, and operators without a value give `undefined`.
 */
export function parseConditionValue(
  type: FieldType,
  operator: SegmentOperator | '',
  text: string,
): ParsedValue {
  const arity = operatorArity(operator);
  if (arity === 'none') {
    return { ok: true, value: undefined };
  }
  if (arity === 'single') {
    return parseSingleValue(type, text);
  }
  const lines = text
    .split(/\r?\n/)
    .map((line) => (type === 'text' ? line : line.trim()))
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) {
    return { ok: false, problem: 'Enter at least one value, one per line.' };
  }
  const values: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    const parsed = parseSingleValue(type, line);
    if (!parsed.ok) {
      return { ok: false, problem: `Line ${index + 1}: ${parsed.problem}` };
    }
    values.push(parsed.value);
  }

  return { ok: true, value: values };
}

function parseSingleValue(type: FieldType, text: string): ParsedValue {
  const trimmed = text.trim();
  if (trimmed === '' && type !== 'text') {
    return { ok: false, problem: 'Enter a value.' };
  }
  switch (type) {
    case 'text':
      return text === '' ? { ok: false, problem: 'Enter a value.' } : { ok: true, value: text };
    case 'integer': {
      const value = Number(trimmed);

      return INTEGER_PATTERN.test(trimmed) && Number.isSafeInteger(value)
        ? { ok: true, value }
        : { ok: false, problem: `"${trimmed}" is not a whole number.` };
    }
    case 'decimal': {
      const value = Number(trimmed);

      return DECIMAL_PATTERN.test(trimmed) && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, problem: `"${trimmed}" is not a number.` };
    }
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false'
        ? { ok: true, value: trimmed === 'true' }
        : { ok: false, problem: 'Choose true or false.' };
    case 'date':
      return isIsoDay(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, problem: `"${trimmed}" is not a date written YYYY-MM-DD.` };
    case 'timestamp':
      return parseTimestamp(trimmed);
    case 'json':
      return parseJson(trimmed);
  }
}

function parseTimestamp(text: string): ParsedValue {
  const match = LOCAL_DATE_TIME_PATTERN.exec(text);
  const [, day, hours, minutes, seconds] = match ?? [];
  const valid =
    day !== undefined &&
    isIsoDay(day) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds ?? '0') < 60;
  if (!valid) {
    return { ok: false, problem: `"${text}" is not a date and time written YYYY-MM-DDTHH:MM.` };
  }

  return { ok: true, value: `${day}T${hours}:${minutes}:${seconds ?? '00'}Z` };
}

function parseJson(text: string): ParsedValue {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'Enter valid JSON, such as {"tier": "gold"}.' };
  }

  return typeof value === 'object' && value !== null
    ? { ok: true, value }
    : { ok: false, problem: 'Enter a JSON object or array, such as {"tier": "gold"}.' };
}

/**
 * Shows a stored value in the value input: the inverse of `parseConditionValue`, so editing a
 * segment starts from its saved conditions.
 */
export function formatConditionValue(
  type: FieldType,
  operator: SegmentOperator,
  value: unknown,
): string {
  const arity = operatorArity(operator);
  if (arity === 'none' || value === undefined || value === null) {
    return '';
  }
  if (arity === 'list') {
    return Array.isArray(value)
      ? value.map((item) => formatSingleValue(type, item)).join('\n')
      : '';
  }

  return formatSingleValue(type, value);
}

function formatSingleValue(type: FieldType, value: unknown): string {
  if (type === 'json') {
    return JSON.stringify(value);
  }
  if (type === 'timestamp' && typeof value === 'string') {
    // The datetime-local input takes YYYY-MM-DDTHH:MM[:SS] in UTC, without the zone.
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) {
      const iso = instant.toISOString();

      return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
    }
  }

  return String(value);
}

/** Turns a stored condition into a form draft, keeping an unknown field or operator as it is. */
export function conditionToDraft(
  condition: SegmentConditionPayload,
  fields: readonly SchemaFieldOption[],
): ConditionDraft {
  const field = fields.find((candidate) => candidate.name === condition.field);
  const valueText = field
    ? formatConditionValue(field.type, condition.operator, condition.value)
    : formatConditionValue('text', condition.operator, condition.value);

  return { field: condition.field, operator: condition.operator, valueText };
}

/**
 * Changes a draft's field. The operator stays when the new field's type allows it; otherwise the
 * first allowed operator is chosen. The value is cleared, because it was typed for the old field.
 */
export function changeDraftField(
  draft: ConditionDraft,
  fieldName: string,
  fields: readonly SchemaFieldOption[],
): ConditionDraft {
  const field = fields.find((candidate) => candidate.name === fieldName);
  if (!field) {
    return { field: fieldName, operator: '', valueText: '' };
  }
  const allowed = operatorsFor(field.type);
  const operator =
    draft.operator !== '' && allowed.includes(draft.operator) ? draft.operator : allowed[0];

  return { field: fieldName, operator, valueText: '' };
}

/**
 * Changes a draft's operator, carrying the value over where it still fits: a single value becomes
 * the first line of a list, and a list keeps its first line as the single value.
 */
export function changeDraftOperator(
  draft: ConditionDraft,
  operator: SegmentOperator,
): ConditionDraft {
  const from = operatorArity(draft.operator);
  const to = operatorArity(operator);
  if (to === 'none') {
    return { ...draft, operator, valueText: '' };
  }
  if (from === 'list' && to === 'single') {
    const first = draft.valueText.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';

    return { ...draft, operator, valueText: first };
  }

  return { ...draft, operator };
}

/** Result of checking every condition of the form: the payload, or the problem of each condition. */
export type ConditionsResult =
  | { readonly ok: true; readonly conditions: SegmentConditionPayload[] }
  | { readonly ok: false; readonly problems: ReadonlyMap<number, string> };

/** Checks the drafts against the schema's fields and builds the `conditions` of the request. */
export function buildConditionsPayload(
  drafts: readonly ConditionDraft[],
  fields: readonly SchemaFieldOption[],
): ConditionsResult {
  const problems = new Map<number, string>();
  const conditions: SegmentConditionPayload[] = [];
  drafts.forEach((draft, index) => {
    const result = buildConditionPayload(draft, fields);
    if ('problem' in result) {
      problems.set(index, result.problem);
    } else {
      conditions.push(result.condition);
    }
  });

  return problems.size > 0 ? { ok: false, problems } : { ok: true, conditions };
}

function buildConditionPayload(
  draft: ConditionDraft,
  fields: readonly SchemaFieldOption[],
): { condition: SegmentConditionPayload } | { problem: string } {
  const field = fields.find((candidate) => candidate.name === draft.field);
  if (!field) {
    return {
      problem:
        draft.field === ''
          ? 'Choose a field.'
          : `The schema has no field "${draft.field}". Choose another field.`,
    };
  }
  if (draft.operator === '' || !operatorsFor(field.type).includes(draft.operator)) {
    return { problem: `Choose an operator allowed for the ${field.type} field ${field.name}.` };
  }
  const parsed = parseConditionValue(field.type, draft.operator, draft.valueText);
  if (!parsed.ok) {
    return { problem: parsed.problem };
  }

  return {
    condition:
      parsed.value === undefined
        ? { field: field.name, operator: draft.operator }
        : { field: field.name, operator: draft.operator, value: parsed.value },
  };
}

/** One entry of an API error body's `details`. */
export interface ErrorDetailLike {
  readonly field?: string;
  readonly reason: string;
  readonly value?: unknown;
}

/** Server validation problems, sorted to the condition they name or to the form as a whole. */
export interface ServerProblems {
  readonly byCondition: ReadonlyMap<number, string[]>;
  /** Problems of other fields, keyed by the field name the API gave (name, key, baseSchemaId…). */
  readonly byField: ReadonlyMap<string, string[]>;
}

const CONDITION_FIELD_PATTERN = /^conditions\[(\d+)\](?:\.(\w+))?$/;

/**
 * Sorts the `details` of a 400 by what they name: `conditions[2].value` goes to condition 2 with
 * its part ("value: must be an integer…"), anything else to its field.
 */
export function sortServerProblems(details: readonly ErrorDetailLike[]): ServerProblems {
  const byCondition = new Map<number, string[]>();
  const byField = new Map<string, string[]>();
  for (const detail of details) {
    const match = CONDITION_FIELD_PATTERN.exec(detail.field ?? '');
    if (match) {
      const index = Number(match[1]);
      const text = match[2] ? `${match[2]} ${detail.reason}` : detail.reason;
      byCondition.set(index, [...(byCondition.get(index) ?? []), text]);
    } else {
      const field = detail.field ?? '';
      byField.set(field, [...(byField.get(field) ?? []), detail.reason]);
    }
  }

  return { byCondition, byField };
}
