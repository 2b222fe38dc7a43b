import { Inject, Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { resultRows, toNumber } from '../database/mapper.js';
import type { CompiledCondition } from './segment-conditions.js';
import type { SegmentViewNames } from './segment-view-names.js';

/** The customer table a segment selects from, and its customer id column. */
export interface SegmentBaseTable {
  schema: string;
  table: string;
  keyColumn: string;
}

/**
 * DDL of segment views. A view definition cannot take bind parameters, so the
 * definition is rendered by PostgreSQL itself with `format()`: identifiers go
 * through `%I` and values through `%L`, and every piece arrives as a bound
 * parameter. The rendered text is then executed as it came back.
 */
@Injectable()
export class SegmentViewsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Renders `CREATE MATERIALIZED VIEW` for the conditions, quoted by the server. */
  async renderDefinition(
    names: SegmentViewNames,
    base: SegmentBaseTable,
    conditions: readonly CompiledCondition[],
  ): Promise<string> {
    const head = sql`format(
      'CREATE MATERIALIZED VIEW %I.%I AS SELECT DISTINCT (t.%I)::text AS customer_id FROM %I.%I AS t WHERE t.%I IS NOT NULL',
      ${names.schema}::text, ${names.view}::text, ${base.keyColumn}::text,
      ${base.schema}::text, ${base.table}::text, ${base.keyColumn}::text)`;
    const parts = [
      head,
      ...conditions.map((condition) => sql`' AND ' || ${renderCondition(condition)}`),
    ];
    const result = await this.db.execute(sql`SELECT concat(${sql.join(parts, sql`, `)}) AS ddl`);
    const ddl = resultRows<{ ddl: string }>(result)[0]?.ddl;
    if (!ddl) {
      throw new Error(`PostgreSQL rendered no definition for segment view ${names.view}`);
    }
    return ddl;
  }

  /** Runs a definition rendered by `renderDefinition`. */
  async createFromDefinition(definition: string): Promise<void> {
    await this.db.execute(sql.raw(definition));
  }

  async createUniqueIndex(names: SegmentViewNames): Promise<void> {
    await this.db.execute(
      sql`CREATE UNIQUE INDEX ${sql.identifier(names.index)} ON ${viewRef(names)} (customer_id)`,
    );
  }

  async drop(
    names: Pick<SegmentViewNames, 'schema' | 'view'>,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor.execute(sql`DROP MATERIALIZED VIEW IF EXISTS ${viewRef(names)}`);
  }

  async renameView(
    from: SegmentViewNames,
    to: SegmentViewNames,
    executor: Executor,
  ): Promise<void> {
    await executor.execute(
      sql`ALTER MATERIALIZED VIEW ${viewRef(from)} RENAME TO ${sql.identifier(to.view)}`,
    );
  }

  async renameIndex(
    from: SegmentViewNames,
    to: SegmentViewNames,
    executor: Executor,
  ): Promise<void> {
    await executor.execute(
      sql`ALTER INDEX ${sql.identifier(from.schema)}.${sql.identifier(from.index)} RENAME TO ${sql.identifier(to.index)}`,
    );
  }

  /** Recomputes the view; readers keep seeing the previous contents until it commits. */
  async refreshConcurrently(names: SegmentViewNames): Promise<void> {
    await this.db.execute(sql`REFRESH MATERIALIZED VIEW CONCURRENTLY ${viewRef(names)}`);
  }

  async countCustomers(names: SegmentViewNames, executor: Executor = this.db): Promise<number> {
    const result = await executor.execute(sql`SELECT count(*) AS total FROM ${viewRef(names)}`);
    return toNumber(resultRows<{ total: unknown }>(result)[0]?.total);
  }
}

function viewRef(names: Pick<SegmentViewNames, 'schema' | 'view'>): SQL {
  return sql`${sql.identifier(names.schema)}.${sql.identifier(names.view)}`;
}

/** Renders one condition as a `format()` call. The server quotes each list item with `%L` too. */
function renderCondition(condition: CompiledCondition): SQL {
  const { template, field, argument } = condition;
  switch (argument.kind) {
    case 'none':
      return sql`format(${template}::text, ${field}::text)`;
    case 'value':
      return sql`format(${template}::text, ${field}::text, ${argument.text}::text)`;
    case 'list': {
      const items = JSON.stringify(argument.items);
      const list = sql`(SELECT string_agg(format(${argument.itemTemplate}::text, item), ', ')
        FROM jsonb_array_elements_text(${items}::jsonb) AS item)`;
      return sql`format(${template}::text, ${field}::text, ${list})`;
    }
  }
}
