import { InvalidParameterError } from '../common/errors/domain-errors.js';
import {
  type CompiledCondition,
  compileConditions,
  type ConditionField,
  FIELD_TYPES,
} from './segment-conditions.js';
import type { SchemaTableInfo } from '../catalog/index.js';

/** The conditions of a segment checked against its base schema, ready for the view. */
export interface CheckedConditions {
  conditions: { field: string; operator: string; value?: unknown }[];
  compiled: CompiledCondition[];
}

/**
 * Checks that the schema can be a segment's base (a customer schema of the
 * tenant) and that the conditions fit its fields and types.
 */
export function checkConditions(
  schema: SchemaTableInfo | null,
  baseSchemaId: string,
  conditions: unknown,
): CheckedConditions {
  if (!schema) {
    throw InvalidParameterError.forField(
      'baseSchemaId',
      baseSchemaId,
      'must be the id of a schema of this tenant',
    );
  }
  if (schema.entityType !== 'customer') {
    throw InvalidParameterError.forField(
      'baseSchemaId',
      baseSchemaId,
      `must be a customer schema; schema ${schema.key} has entity type ${schema.entityType}`,
    );
  }
  return compileConditions(conditions, conditionFields(schema));
}

/** Fields of known types; a field of another type cannot be used in a condition. */
function conditionFields(schema: SchemaTableInfo): ConditionField[] {
  return schema.fields
    .filter((field) => (FIELD_TYPES as readonly string[]).includes(field.type))
    .map((field) => ({ name: field.name, type: field.type }));
}
