import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { logger } from '../common/logging/logger.js';
import { DATABASE, type Database } from './database.types.js';
import { resultRows } from './mapper.js';

/** The tables partitioned by UTC day on `occurred_at`. */
export type PartitionedTable = 'interactions' | 'decision_runs' | 'decision_traces';
export const PARTITIONED_TABLES: PartitionedTable[] = [
  'interactions',
  'decision_runs',
  'decision_traces',
];

const DAY_MS = 86_400_000;

/** `2026-12-04` -> `interactions_p20261204`. */
export function partitionName(table: PartitionedTable, day: string): string {
  return `${table}_p${day.replaceAll('-', '')}`;
}

export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * Creates day partitions before rows arrive and drops expired ones. Created
 * partitions are remembered, so the write path pays one lookup per new day.
 */
@Injectable()
export class PartitionService {
  private readonly known = new Set<string>();

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Ensures a partition exists for every given UTC day of the table. */
  async ensureDays(table: PartitionedTable, days: Iterable<string>): Promise<void> {
    for (const day of new Set(days)) {
      const name = partitionName(table, day);
      if (this.known.has(name)) {
        continue;
      }
      await this.createPartition(table, day, name);
      this.known.add(name);
    }
  }

  /** Ensures partitions for `from` to `from + daysAhead`, plus each table's default partition. */
  async ensureRange(from: Date, daysAhead: number): Promise<void> {
    const first = utcDay(from);
    const days = Array.from({ length: daysAhead + 1 }, (_, offset) => addDays(first, offset));
    for (const table of PARTITIONED_TABLES) {
      await this.db.execute(
        sql.raw(`CREATE TABLE IF NOT EXISTS "${table}_default" PARTITION OF "${table}" DEFAULT`),
      );
      await this.ensureDays(table, days);
    }
  }

  /** Drops the table's day partitions that end on or before `cutoffDay`; returns their names. */
  async dropBefore(table: PartitionedTable, cutoffDay: string): Promise<string[]> {
    const partitions = await this.listDayPartitions(table);
    const expired = partitions.filter((partition) => partition.day < cutoffDay);
    for (const partition of expired) {
      await this.db.execute(sql.raw(`DROP TABLE IF EXISTS "${partition.name}"`));
      this.known.delete(partition.name);
      logger.info({ action: 'partition.dropped', table, partition: partition.name }, 'dropped');
    }
    return expired.map((partition) => partition.name);
  }

  async listDayPartitions(table: PartitionedTable): Promise<{ name: string; day: string }[]> {
    const result = await this.db.execute(sql`
      SELECT child.relname AS name
      FROM pg_inherits
      JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
      JOIN pg_class child ON child.oid = pg_inherits.inhrelid
      JOIN pg_namespace ns ON ns.oid = parent.relnamespace
      WHERE parent.relname = ${table} AND ns.nspname = current_schema()`);
    const pattern = new RegExp(`^${table}_p(\\d{4})(\\d{2})(\\d{2})$`);
    return resultRows<{ name: string }>(result)
      .map((row) => ({ name: row.name, match: pattern.exec(row.name) }))
      .filter((row) => row.match !== null)
      .map((row) => ({ name: row.name, day: `${row.match![1]}-${row.match![2]}-${row.match![3]}` }))
      .sort((a, b) => a.day.localeCompare(b.day));
  }

  private async createPartition(table: PartitionedTable, day: string, name: string): Promise<void> {
    const from = `${day} 00:00:00+00`;
    const to = `${addDays(day, 1)} 00:00:00+00`;
    // The transaction-level advisory lock makes concurrent creators of one
    // partition wait for each other instead of failing on "already exists".
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
      await tx.execute(
        sql.raw(
          `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "${table}" ` +
            `FOR VALUES FROM ('${from}') TO ('${to}')`,
        ),
      );
    });
  }
}
