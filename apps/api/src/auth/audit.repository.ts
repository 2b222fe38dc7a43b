import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, lt, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { auditEvents } from '../database/schema/index.js';

export interface AuditEventRow {
  id: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditEventInsert {
  tenantId: string;
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

const columns = {
  id: auditEvents.id,
  actor: auditEvents.actor,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  details: auditEvents.details,
  createdAt: auditEvents.createdAt,
};

@Injectable()
export class AuditRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(event: AuditEventInsert, executor: Executor = this.db): Promise<void> {
    await executor.insert(auditEvents).values({ ...event, details: event.details ?? {} });
  }

  async list(
    tenantId: string,
    limit: number,
    after: { createdAt: Date; id: string } | null,
  ): Promise<AuditEventRow[]> {
    const keyset = after
      ? or(
          lt(auditEvents.createdAt, after.createdAt),
          and(eq(auditEvents.createdAt, after.createdAt), lt(auditEvents.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), keyset))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(limit + 1);
    return rows;
  }

  async count(tenantId: string): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId));
    return Number(rows[0]?.total ?? 0);
  }
}
