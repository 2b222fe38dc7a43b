import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, idColumn, tenantIdColumn, timestamptz } from './columns.js';

export const tenants = pgTable(
  'tenants',
  {
    id: idColumn().primaryKey(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [uniqueIndex('tenants_key_uq').on(table.key)],
);

/**
 * API keys. The key itself is never stored: `prefix` finds the row and `hash`
 * is HMAC-SHA256 of the whole key with the server's pepper.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: idColumn(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamptz('expires_at'),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
    createdBy: text('created_by'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('api_keys_prefix_uq').on(table.prefix),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('audit_events_time_idx').on(table.tenantId, table.createdAt),
  ],
);

export const tenantSettings = pgTable('tenant_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  conversionOutcomeKeys: jsonb('conversion_outcome_keys')
    .$type<string[]>()
    .notNull()
    .default(['conversion']),
  updatedAt: createdAtColumn(),
});
