import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Shared column builders, so every table spells ids and times the same way.
 * Defaults are cut to milliseconds, the precision of a JavaScript Date, so a
 * timestamp read back and used in a keyset cursor compares equal to the row.
 */
export const idColumn = () => uuid('id').notNull().defaultRandom();
export const tenantIdColumn = () => uuid('tenant_id').notNull();
export const createdAtColumn = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .default(sql`date_trunc('milliseconds', now())`);
export const updatedAtColumn = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .default(sql`date_trunc('milliseconds', now())`);
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
