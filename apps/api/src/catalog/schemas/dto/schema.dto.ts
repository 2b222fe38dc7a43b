import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';

import { PageInfoDto } from '../../../common/pagination/page.js';
import { CatalogKey } from '../../common/catalog-key.js';
import { CatalogListQueryDto } from '../../common/catalog-list.js';
import { CatalogName, IdempotencyKeyProperty, PresentOnly } from '../../common/catalog-dto.js';
import { FIELD_TYPES, type FieldType, MAX_FIELDS, type SchemaField } from '../schema-fields.js';
import { ENTITY_TYPES, type EntityType, type SchemaRow } from '../schemas.repository.js';

const FIELD_NAME_RULE = 'must be a string of 1 to 200 characters';
const FIELDS_RULE = `must be a list of 1 to ${MAX_FIELDS} fields`;
const ENTITY_TYPE_RULE = `must be one of ${ENTITY_TYPES.join(', ')}`;
const FIELD_NAME_HELP =
  'Cleaned to a column name: lowercased, every character outside [a-z0-9_] becomes _. ' +
  'Columns are always quoted, so names such as select or user are fine.';

export class SchemaFieldDto {
  @ApiProperty({ example: 'first_name', maxLength: 200, description: FIELD_NAME_HELP })
  @IsString({ message: FIELD_NAME_RULE })
  @Length(1, 200, { message: FIELD_NAME_RULE })
  name: string;

  @ApiProperty({ enum: FIELD_TYPES, example: 'text' })
  @IsIn(FIELD_TYPES, { message: `must be one of ${FIELD_TYPES.join(', ')}` })
  type: FieldType;

  @ApiPropertyOptional({ description: 'Defaults to true, and to false for the primary-key field' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  nullable?: boolean;
}

export class SchemaCreateDto {
  @CatalogKey('customers', {
    description: 'Also names the table: ds_<key> with . and - cleaned to _ (at most 60 characters)',
  })
  key: string;

  @CatalogName('Customers')
  name: string;

  @ApiProperty({ enum: ENTITY_TYPES, example: 'customer' })
  @IsIn(ENTITY_TYPES, { message: ENTITY_TYPE_RULE })
  entityType: EntityType;

  @ApiProperty({ type: [SchemaFieldDto], minItems: 1, maxItems: MAX_FIELDS })
  @IsArray({ message: FIELDS_RULE })
  @ArrayMinSize(1, { message: FIELDS_RULE })
  @ArrayMaxSize(MAX_FIELDS, { message: FIELDS_RULE })
  @ValidateNested({ each: true })
  @Type(() => SchemaFieldDto)
  fields: SchemaFieldDto[];

  @ApiProperty({
    example: 'customer_id',
    description: 'Name of the field rows are upserted on; of type text, integer, date or timestamp',
  })
  @IsString({ message: FIELD_NAME_RULE })
  @Length(1, 200, { message: FIELD_NAME_RULE })
  primaryKeyField: string;

  @IdempotencyKeyProperty()
  idempotencyKey?: string;
}

export class SchemaUpdateDto {
  @CatalogKey('customers', {
    optional: true,
    description: 'Cannot change (422): it names the table',
  })
  key?: string;

  @CatalogName('Customers', { optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: ENTITY_TYPES, description: 'Cannot change (422)' })
  @PresentOnly()
  @IsIn(ENTITY_TYPES, { message: ENTITY_TYPE_RULE })
  entityType?: EntityType;

  @ApiPropertyOptional({
    type: [SchemaFieldDto],
    description:
      'The whole field list: every existing field unchanged, plus new nullable fields to add. ' +
      'Removing or retyping a field is a 422.',
  })
  @PresentOnly()
  @IsArray({ message: FIELDS_RULE })
  @ArrayMinSize(1, { message: FIELDS_RULE })
  @ArrayMaxSize(MAX_FIELDS, { message: FIELDS_RULE })
  @ValidateNested({ each: true })
  @Type(() => SchemaFieldDto)
  fields?: SchemaFieldDto[];

  @ApiPropertyOptional({ description: 'Cannot change (422)' })
  @PresentOnly()
  @IsString({ message: FIELD_NAME_RULE })
  @Length(1, 200, { message: FIELD_NAME_RULE })
  primaryKeyField?: string;
}

export class SchemaListQueryDto extends CatalogListQueryDto {
  @ApiPropertyOptional({ enum: ENTITY_TYPES })
  @IsOptional()
  @IsIn(ENTITY_TYPES, { message: ENTITY_TYPE_RULE })
  entityType?: EntityType;
}

export class SchemaFieldResponseDto {
  @ApiProperty({ example: 'first_name', description: 'The column name, cleaned to [a-z0-9_]' })
  name: string;

  @ApiProperty({ enum: FIELD_TYPES })
  type: FieldType;

  @ApiProperty()
  nullable: boolean;
}

export class SchemaResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'customers' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ENTITY_TYPES })
  entityType: EntityType;

  @ApiProperty({ type: [SchemaFieldResponseDto] })
  fields: SchemaFieldResponseDto[];

  @ApiProperty({ example: 'customer_id' })
  primaryKeyField: string;

  @ApiProperty({
    example: 'ds_customers',
    description: "The table in the tenant's PostgreSQL schema",
  })
  tableName: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last row load' })
  lastLoadedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SchemaListDto {
  @ApiProperty({ type: [SchemaResponseDto] })
  data: SchemaResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** Returns the editable fields of a schema as JSON, for change detection and annotations. */
export function schemaFields(row: {
  key: string;
  name: string;
  entityType: EntityType;
  fields: SchemaField[];
  primaryKeyField: string;
}): Record<string, unknown> {
  return {
    key: row.key,
    name: row.name,
    entityType: row.entityType,
    fields: row.fields,
    primaryKeyField: row.primaryKeyField,
  };
}

export function toSchemaResponse(row: SchemaRow): SchemaResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    entityType: row.entityType,
    fields: row.fields.map((field) => ({
      name: field.name,
      type: field.type,
      nullable: field.nullable,
    })),
    primaryKeyField: row.primaryKeyField,
    tableName: row.tableName,
    lastLoadedAt: row.lastLoadedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
