import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { resultRows, toNumber } from '../../database/mapper.js';
import { outcomeOutbox } from '../../database/schema/index.js';
import { ROWS_PER_STATEMENT } from '../ingest.constants.js';
import type { OutcomeEvent } from './outcome-event.js';

/** Outbox states: waiting (or leased by a worker), applied, or given up and dead-lettered. */
export type OutboxStatus = 'pending' | 'applied' | 'dead';

/** An outbox row a worker has claimed; `attempts` includes the current one. */
export interface ClaimedOutcome {
  tenantId: string;
  id: string;
  payload: Record<string, unknown>;
  attempts: number;
}

@Injectable()
export class OutboxRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Queues accepted outcomes of one tenant; an id already queued is left as it is. */
  async insertPending(
    tenantId: string,
    rows: { id: string; event: OutcomeEvent; availableAt: Date }[],
    executor: Executor,
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      await executor.execute(sql`
        INSERT INTO outcome_outbox (tenant_id, id, payload, available_at)
        SELECT ${tenantId}::uuid, u.id, u.payload::jsonb, u.available_at::timestamptz
        FROM unnest(
          ${sql.param(chunk.map((row) => row.id))}::uuid[],
          ${sql.param(chunk.map((row) => JSON.stringify(row.event)))}::text[],
          ${sql.param(chunk.map((row) => row.availableAt.toISOString()))}::text[]
        ) AS u(id, payload, available_at)
        ON CONFLICT (tenant_id, id) DO NOTHING`);
    }
  }

  /**
   * Claims due pending rows of every tenant: each claimed row gets one more
   * attempt and is hidden from other workers until `leaseUntil`, when a crashed
   * worker's rows become due again. SKIP LOCKED lets replicas claim side by side.
   */
  async claimDue(request: {
    now: Date;
    leaseUntil: Date;
    limit: number;
  }): Promise<ClaimedOutcome[]> {
    const result = await this.db.execute(sql`
      UPDATE outcome_outbox AS o
      SET attempts = o.attempts + 1, available_at = ${request.leaseUntil.toISOString()}::timestamptz
      FROM (
        SELECT tenant_id, id FROM outcome_outbox
        WHERE status = 'pending' AND available_at <= ${request.now.toISOString()}::timestamptz
        ORDER BY available_at
        LIMIT ${request.limit}
        FOR UPDATE SKIP LOCKED
      ) AS due
      WHERE o.tenant_id = due.tenant_id AND o.id = due.id
      RETURNING o.tenant_id AS "tenantId", o.id, o.payload, o.attempts`);
    return resultRows<ClaimedOutcome>(result).map((row) => ({
      ...row,
      attempts: toNumber(row.attempts),
    }));
  }

  async markApplied(
    tenantId: string,
    ids: string[],
    appliedAt: Date,
    executor: Executor,
  ): Promise<void> {
    await executor
      .update(outcomeOutbox)
      .set({ status: 'applied', appliedAt, lastError: null })
      .where(and(eq(outcomeOutbox.tenantId, tenantId), inArray(outcomeOutbox.id, ids)));
  }

  /** Makes a failed pending row due again at `availableAt`. */
  async scheduleRetry(row: {
    tenantId: string;
    id: string;
    availableAt: Date;
    lastError: string;
  }): Promise<void> {
    await this.db
      .update(outcomeOutbox)
      .set({ availableAt: row.availableAt, lastError: row.lastError })
      .where(
        and(
          eq(outcomeOutbox.tenantId, row.tenantId),
          eq(outcomeOutbox.id, row.id),
          eq(outcomeOutbox.status, 'pending'),
        ),
      );
  }

  /** Marks a pending row dead; false when it is no longer pending (another worker applied it). */
  async markDead(
    row: { tenantId: string; id: string; lastError: string },
    executor: Executor,
  ): Promise<boolean> {
    const updated = await executor
      .update(outcomeOutbox)
      .set({ status: 'dead', lastError: row.lastError })
      .where(
        and(
          eq(outcomeOutbox.tenantId, row.tenantId),
          eq(outcomeOutbox.id, row.id),
          eq(outcomeOutbox.status, 'pending'),
        ),
      )
      .returning({ id: outcomeOutbox.id });
    return updated.length > 0;
  }

  /**
   * Queues a dead-lettered outcome again under its original id, so the
   * worker's `outbox:<id>` key still guards against applying it twice.
   */
  async requeue(
    row: { tenantId: string; id: string; event: OutcomeEvent; availableAt: Date },
    executor: Executor,
  ): Promise<void> {
    await executor
      .insert(outcomeOutbox)
      .values({
        tenantId: row.tenantId,
        id: row.id,
        payload: row.event as unknown as Record<string, unknown>,
        availableAt: row.availableAt,
      })
      .onConflictDoUpdate({
        target: [outcomeOutbox.tenantId, outcomeOutbox.id],
        set: {
          status: 'pending',
          attempts: 0,
          availableAt: row.availableAt,
          lastError: null,
          appliedAt: null,
        },
      });
  }

  /** Deletes up to `limit` rows applied before `before`; returns how many. */
  async deleteAppliedBefore(before: Date, limit: number): Promise<number> {
    const result = await this.db.execute(sql`
      DELETE FROM outcome_outbox
      WHERE (tenant_id, id) IN (
        SELECT tenant_id, id FROM outcome_outbox
        WHERE status = 'applied' AND applied_at < ${before.toISOString()}::timestamptz
        LIMIT ${limit}
      )
      RETURNING id`);
    return resultRows(result).length;
  }
}
