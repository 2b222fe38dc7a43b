import { InvalidParameterError, UnprocessableError } from '../../common/errors/domain-errors.js';
import type { ErrorDetail } from '../../common/errors/domain-errors.js';

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

/** A typed field of a schema, stored as one column of its `ds_` table under `name`. */
export interface SchemaField {
  /** Cleaned to [a-z0-9_]; always quoted in SQL. */
  name: string;
  type: FieldType;
  nullable: boolean;
}

/** The PostgreSQL column type of each field type. */
export const POSTGRES_TYPES: Record<FieldType, string> = {
  text: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  json: 'jsonb',
};

/** Types a primary key may have: ones with a plain, stable order for keyset paging. */
export const PRIMARY_KEY_TYPES: readonly FieldType[] = ['text', 'integer', 'date', 'timestamp'];

/** PostgreSQL truncates longer identifiers, which would make two names collide silently. */
export const MAX_IDENTIFIER_LENGTH = 63;
export const TABLE_PREFIX = 'ds_';
export const MAX_FIELDS = 200;

/** A field as a request declares it; `nullable` defaults to true, and to false for the primary key. */
export interface FieldInput {
  name: string;
  type: FieldType;
  nullable?: boolean;
}

/**
 * Cleans a name to a PostgreSQL identifier: lowercase, with every character
 * outside [a-z0-9_] replaced by `_`. The result is still always quoted in SQL,
 * because it may be a reserved word such as `select` or `user`.
 */
export function cleanIdentifier(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]/gu, '_');
}

/** `ds_<cleaned key>`: the table a schema owns in its tenant's PostgreSQL schema. */
export function tableNameForKey(key: string): string {
  return `${TABLE_PREFIX}${cleanIdentifier(key)}`;
}

/** Returns why a schema key would make a table name too long, or null when it fits. */
export function tableNameProblem(key: string): string | null {
  const tableName = tableNameForKey(key);
  if (tableName.length <= MAX_IDENTIFIER_LENGTH) {
    return null;
  }
  return (
    `must be at most ${MAX_IDENTIFIER_LENGTH - TABLE_PREFIX.length} characters, because the ` +
    `table ${TABLE_PREFIX}<key> is named after it and PostgreSQL names have at most ` +
    `${MAX_IDENTIFIER_LENGTH} characters`
  );
}

/**
 * Cleans the declared fields and checks the definition: unique cleaned
 * names, and a primary key that names a non-nullable field of a keyable type.
 * Returns the fields as stored, or the problems found (each names its field).
 */
export function buildFields(
  inputs: FieldInput[],
  primaryKeyInput: string,
): { fields: SchemaField[]; primaryKeyField: string; problems: ErrorDetail[] } {
  const problems = cleanedNameProblems(inputs, 'fields');
  const primaryKeyField = cleanIdentifier(primaryKeyInput);
  const fields = inputs.map((input) => {
    const name = cleanIdentifier(input.name);
    const nullable = input.nullable ?? name !== primaryKeyField;
    return { name, type: input.type, nullable };
  });
  const keyIndex = fields.findIndex((field) => field.name === primaryKeyField);
  const keyField = fields[keyIndex];
  if (!keyField) {
    const names = fields.map((field) => field.name).join(', ');
    problems.push({
      field: 'primaryKeyField',
      value: primaryKeyInput,
      reason: `must name one of the fields (${names})`,
    });
  } else if (!PRIMARY_KEY_TYPES.includes(keyField.type)) {
    problems.push({
      field: 'primaryKeyField',
      value: primaryKeyInput,
      reason: `must be a field of type ${PRIMARY_KEY_TYPES.join(', ')}; ${keyField.name} is ${keyField.type}`,
    });
  } else if (keyField.nullable) {
    problems.push({
      field: `fields.${keyIndex}.nullable`,
      value: true,
      reason: 'must be false for the primary-key field',
    });
  }
  return { fields, primaryKeyField, problems };
}

/** Problems with field names: empty or too long once cleaned, or two cleaning to the same name. */
function cleanedNameProblems(inputs: FieldInput[], path: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const firstByName = new Map<string, number>();
  for (const [index, input] of inputs.entries()) {
    const name = cleanIdentifier(input.name);
    const field = `${path}.${index}.name`;
    if (name.length === 0) {
      problems.push({ field, value: input.name, reason: 'must not be blank' });
    } else if (name.length > MAX_IDENTIFIER_LENGTH) {
      problems.push({
        field,
        value: input.name,
        reason: `must be at most ${MAX_IDENTIFIER_LENGTH} characters once cleaned to [a-z0-9_]`,
      });
    }
    const first = firstByName.get(name);
    if (first !== undefined) {
      problems.push({
        field,
        value: input.name,
        reason:
          `cleans to ${name}, like ${path}.${first}.name (${inputs[first]?.name}); ` +
          'field names must differ once cleaned to [a-z0-9_]',
      });
    } else {
      firstByName.set(name, index);
    }
  }
  return problems;
}

/**
 * Compares a PATCH's field list with the stored fields and returns the fields
 * to add. Existing fields must stay as they are: removing or retyping one
 * would lose or reinterpret loaded rows (422). New fields must be nullable,
 * because rows already loaded have no value for them (422).
 */
export function addedFields(current: SchemaField[], requested: FieldInput[]): SchemaField[] {
  const problems = cleanedNameProblems(requested, 'fields');
  if (problems.length > 0) {
    throw new InvalidParameterError(`${problems[0]?.field} ${problems[0]?.reason}`, problems);
  }
  const byName = new Map(
    requested.map((input, index) => [cleanIdentifier(input.name), { input, index }]),
  );
  const unprocessable: ErrorDetail[] = [];
  for (const field of current) {
    const match = byName.get(field.name);
    unprocessable.push(...existingFieldProblems(field, match));
    byName.delete(field.name);
  }
  const added = [...byName.entries()].map(([name, { input, index }]) => {
    if (input.nullable === false) {
      unprocessable.push({
        field: `fields.${index}.nullable`,
        value: false,
        reason: `must be true for the new field ${name}, because rows already loaded have no value for it`,
      });
    }
    return { name, type: input.type, nullable: true };
  });
  if (unprocessable.length > 0) {
    throw new UnprocessableError(`fields: ${unprocessable[0]?.reason}`, unprocessable);
  }
  return added;
}

function existingFieldProblems(
  field: SchemaField,
  match: { input: FieldInput; index: number } | undefined,
): ErrorDetail[] {
  if (!match) {
    return [
      {
        field: 'fields',
        value: field.name,
        reason:
          `field ${field.name} cannot be removed, because its column holds loaded rows and ` +
          'segments may filter on it; list every existing field, or create a new schema',
      },
    ];
  }
  const { input, index } = match;
  if (input.type !== field.type) {
    return [
      {
        field: `fields.${index}.type`,
        value: input.type,
        reason:
          `field ${field.name} cannot change type from ${field.type} to ${input.type}, because ` +
          'loaded values may not convert; add a new field instead',
      },
    ];
  }
  if (input.nullable !== undefined && input.nullable !== field.nullable) {
    return [
      {
        field: `fields.${index}.nullable`,
        value: input.nullable,
        reason: `field ${field.name} cannot change nullable from ${field.nullable} to ${input.nullable}`,
      },
    ];
  }
  return [];
}
