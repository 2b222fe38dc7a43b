import { Injectable } from '@nestjs/common';

import { decodeCursor } from '../common/pagination/cursor.js';
import { type Page, toPage } from '../common/pagination/page.js';
import { logger } from '../common/logging/logger.js';
import type { Executor } from '../database/database.types.js';
import { type AuditEventInsert, type AuditEventRow, AuditRepository } from './audit.repository.js';

/** Records who changed what: key changes, admin actions, report and segment changes. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(event: AuditEventInsert, executor?: Executor): Promise<void> {
    await this.repository.insert(event, executor);
    logger.info(
      {
        action: 'audit.recorded',
        audited: event.action,
        targetType: event.targetType,
        targetId: event.targetId,
      },
      'audit event recorded',
    );
  }

  async list(tenantId: string, limit: number, cursor?: string): Promise<Page<AuditEventRow>> {
    const decoded = decodeCursor(cursor);
    const after = decoded
      ? { createdAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const [rows, total] = await Promise.all([
      this.repository.list(tenantId, limit, after),
      this.repository.count(tenantId),
    ]);
    return toPage(rows, limit, total, (row) => row.createdAt.toISOString());
  }
}
