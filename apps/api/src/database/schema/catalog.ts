import {
  boolean,
  foreignKey,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import {
  createdAtColumn,
  idColumn,
  tenantIdColumn,
  timestamptz,
  updatedAtColumn,
} from './columns.js';

export const categories = pgTable(
  'categories',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // A constraint (not just an index) so offers can reference categories by key.
    unique('categories_key_uq').on(table.tenantId, table.key),
  ],
);

export const offers = pgTable(
  'offers',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').notNull().default('active'),
    categoryKey: text('category_key'),
    subCategory: text('sub_category'),
    priority: integer('priority').notNull().default(50),
    businessValue: numeric('business_value', { precision: 18, scale: 2 }),
    revenueValue: numeric('revenue_value', { precision: 18, scale: 2 }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('offers_key_uq').on(table.tenantId, table.key),
    foreignKey({
      name: 'offers_category_fk',
      columns: [table.tenantId, table.categoryKey],
      foreignColumns: [categories.tenantId, categories.key],
    })
      .onUpdate('cascade')
      .onDelete('restrict'),
  ],
);

export const channels = pgTable(
  'channels',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    deliveryMode: text('delivery_mode').notNull().default('api'),
    impressionMode: text('impression_mode').notNull().default('explicit'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('channels_key_uq').on(table.tenantId, table.key),
  ],
);

export const outcomeTypes = pgTable(
  'outcome_types',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    classification: text('classification').notNull(),
    category: text('category').notNull(),
    system: boolean('system').notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('outcome_types_key_uq').on(table.tenantId, table.key),
  ],
);

/** A typed field of a schema, stored as one column of its `ds_` table. */
export interface SchemaField {
  name: string;
  type: 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'json';
  nullable: boolean;
}

/** Entity definitions; each owns a real table `ds_<key>` in its tenant's PostgreSQL schema. */
export const schemas = pgTable(
  'schemas',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    entityType: text('entity_type').notNull(),
    fields: jsonb('fields').$type<SchemaField[]>().notNull(),
    primaryKeyField: text('primary_key_field').notNull(),
    tableName: text('table_name').notNull(),
    lastLoadedAt: timestamptz('last_loaded_at'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('schemas_key_uq').on(table.tenantId, table.key),
  ],
);
