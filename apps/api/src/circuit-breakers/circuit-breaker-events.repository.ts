import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { resultRows, toIsoInstant, toNumber } from '../database/mapper.js';
import { circuitBreakerEvents } from '../database/schema/index.js';
import type { BreakerState } from './circuit-breaker.js';

export type BreakerEventSource = 'platform' | 'internal';

/** A transition to store, without the tenant. */
export interface NewBreakerEvent {
  name: string;
  fromState: BreakerState;
  toState: BreakerState;
  reason: string | null;
  source: BreakerEventSource;
  occurredAt: Date;
}

export interface BreakerEventRow extends NewBreakerEvent {
  id: string;
  /** Insertion order; breaks ties between transitions of the same millisecond. */
  seq: number;
}

/** The latest transition of one breaker. */
export interface BreakerStateRow {
  name: string;
  state: BreakerState;
  fromState: BreakerState;
  since: Date;
  reason: string | null;
  source: BreakerEventSource;
}

/** Filters of the history list; `from` is inclusive and `to` exclusive. */
export interface BreakerHistoryFilter {
  tenantId: string;
  name?: string;
  from?: Date;
  to?: Date;
}

const columns = {
  id: circuitBreakerEvents.id,
  name: circuitBreakerEvents.name,
  fromState: circuitBreakerEvents.fromState,
  toState: circuitBreakerEvents.toState,
  reason: circuitBreakerEvents.reason,
  source: circuitBreakerEvents.source,
  occurredAt: circuitBreakerEvents.occurredAt,
  seq: circuitBreakerEvents.seq,
};

@Injectable()
export class CircuitBreakerEventsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(
    tenantId: string,
    events: NewBreakerEvent[],
    executor: Executor = this.db,
  ): Promise<BreakerEventRow[]> {
    if (events.length === 0) {
      return [];
    }
    const rows = await executor
      .insert(circuitBreakerEvents)
      .values(events.map((event) => ({ tenantId, ...event })))
      .returning(columns);
    return rows as BreakerEventRow[];
  }

  /** Selects the latest transition of every breaker of the tenant, by name. */
  async latestPerBreaker(tenantId: string): Promise<BreakerStateRow[]> {
    const result = await this.db.execute(sql`
      SELECT DISTINCT ON (name) name, to_state, from_state, occurred_at, reason, source
      FROM circuit_breaker_events
      WHERE tenant_id = ${tenantId}
      ORDER BY name, occurred_at DESC, seq DESC`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      name: row.name as string,
      state: row.to_state as BreakerState,
      fromState: row.from_state as BreakerState,
      since: new Date(toIsoInstant(row.occurred_at)!),
      reason: (row.reason as string | null) ?? null,
      source: row.source as BreakerEventSource,
    }));
  }

  /** Selects the latest recorded transition of one breaker of a source, or null. */
  async latestOf(
    tenantId: string,
    name: string,
    source: BreakerEventSource,
  ): Promise<BreakerEventRow | null> {
    const rows = await this.db
      .select(columns)
      .from(circuitBreakerEvents)
      .where(
        and(
          eq(circuitBreakerEvents.tenantId, tenantId),
          eq(circuitBreakerEvents.name, name),
          eq(circuitBreakerEvents.source, source),
        ),
      )
      .orderBy(desc(circuitBreakerEvents.occurredAt), desc(circuitBreakerEvents.seq))
      .limit(1);
    return (rows[0] as BreakerEventRow | undefined) ?? null;
  }

  /**
   * Counts breakers, across tenants, whose latest transition was posted by the platform and
   * ended open. Only the count leaves this method, because readiness needs no key and must not
   * reveal breaker names or tenants.
   */
  async countOpenPlatformBreakers(): Promise<number> {
    const result = await this.db.execute(sql`
      SELECT count(*)::int AS open
      FROM (
        SELECT DISTINCT ON (tenant_id, name) to_state, source
        FROM circuit_breaker_events
        ORDER BY tenant_id, name, occurred_at DESC, seq DESC
      ) latest
      WHERE latest.to_state = 'open' AND latest.source = 'platform'`);
    return toNumber(resultRows<{ open: unknown }>(result)[0]?.open);
  }

  /** Selects one page of transitions, newest first. `after` is the last row of the previous page. */
  async history(
    filter: BreakerHistoryFilter,
    limit: number,
    after: { occurredAt: Date; seq: number } | null,
  ): Promise<BreakerEventRow[]> {
    const table = circuitBreakerEvents;
    const keyset = after
      ? or(
          lt(table.occurredAt, after.occurredAt),
          and(eq(table.occurredAt, after.occurredAt), lt(table.seq, after.seq)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(table)
      .where(and(historyWhere(filter), keyset))
      .orderBy(desc(table.occurredAt), desc(table.seq))
      .limit(limit + 1);
    return rows as BreakerEventRow[];
  }

  async countHistory(filter: BreakerHistoryFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(circuitBreakerEvents)
      .where(historyWhere(filter));
    return toNumber(rows[0]?.total);
  }
}

function historyWhere(filter: BreakerHistoryFilter): SQL | undefined {
  const table = circuitBreakerEvents;
  return and(
    eq(table.tenantId, filter.tenantId),
    filter.name === undefined ? undefined : eq(table.name, filter.name),
    filter.from === undefined ? undefined : gte(table.occurredAt, filter.from),
    filter.to === undefined ? undefined : lt(table.occurredAt, filter.to),
  );
}
