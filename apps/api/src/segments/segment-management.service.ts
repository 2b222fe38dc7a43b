import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { AuditService } from '../auth/audit.service.js';
import { CatalogLookupService } from '../catalog/index.js';
import { ConflictError, DomainError, NotFoundError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { type Page, toPage } from '../common/pagination/page.js';
import { Clock } from '../core/clock.js';
import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import {
  type BatchResult,
  finishBatch,
  type IndexedItem,
  type Rejection,
} from '../write/write-body.js';
import type { SegmentCreateDto, SegmentUpdateDto } from './dto/segment.dto.js';
import { checkConditions } from './segment-conditions-check.js';
import type { CompiledCondition } from './segment-conditions.js';
import { SegmentRefreshService } from './segment-refresh.service.js';
import { resolveRefreshSchedule } from './segment-schedule.js';
import { type BuiltView, SegmentViewsService } from './segment-views.service.js';
import {
  type SegmentDefinition,
  type SegmentRow,
  SegmentsRepository,
  type SegmentStatus,
  type SegmentViewState,
} from './segments.repository.js';

interface CheckedDefinition {
  definition: SegmentDefinition;
  compiled: CompiledCondition[];
}

/** The author of a change: the tenant and the key name recorded in the audit log. */
export interface SegmentActor {
  tenantId: string;
  actor: string;
}

/**
 * Creates, changes and deletes segments. An active segment's view is built
 * before the transaction that stores the segment and swapped in inside it, so
 * a failed build leaves the segment as it was.
 */
@Injectable()
export class SegmentManagementService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly segments: SegmentsRepository,
    private readonly catalog: CatalogLookupService,
    private readonly views: SegmentViewsService,
    private readonly refreshes: SegmentRefreshService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, id: string): Promise<SegmentRow> {
    const segment = await this.segments.findById(tenantId, id);
    if (!segment) {
      throw new NotFoundError('Segment', id);
    }
    return segment;
  }

  async list(
    tenantId: string,
    query: { limit: number; cursor?: string; status?: SegmentStatus },
  ): Promise<Page<SegmentRow>> {
    const after = decodeCursor(query.cursor);
    const status = query.status ?? null;
    const [rows, total] = await Promise.all([
      this.segments.list(tenantId, {
        limit: query.limit,
        afterKey: after ? String(after.sortValue) : null,
        status,
      }),
      this.segments.count(tenantId, status),
    ]);
    return toPage(rows, query.limit, total, (row) => row.key);
  }

  async create(by: SegmentActor, input: SegmentCreateDto): Promise<SegmentRow> {
    if (await this.segments.findByKey(by.tenantId, input.key)) {
      throw duplicateKey(input.key);
    }
    const checked = await this.define(by.tenantId, input);
    const { definition } = checked;
    const id = randomUUID();
    const built =
      definition.status === 'active' ? await this.build(by.tenantId, id, checked) : null;
    try {
      const created = await this.insertWithView({ by, id, definition, built });
      logger.info(
        { action: 'segment.created', segmentId: id, status: created.status },
        'segment created',
      );
      return created;
    } catch (error) {
      await this.discardAfterFailure(built);
      throw isUniqueViolation(error) ? duplicateKey(input.key) : error;
    }
  }

  /** Creates each item of a batch on its own; an item that fails becomes a rejection. */
  async createMany(
    by: SegmentActor,
    items: IndexedItem<SegmentCreateDto>[],
    rejected: Rejection[],
  ): Promise<BatchResult> {
    let accepted = 0;
    const failures = [...rejected];
    for (const { index, item } of items) {
      try {
        await this.create(by, item);
        accepted += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) {
          throw error;
        }
        failures.push(...toRejections(index, error));
      }
    }
    return finishBatch(accepted, failures);
  }

  async update(by: SegmentActor, id: string, changes: SegmentUpdateDto): Promise<SegmentRow> {
    const current = await this.get(by.tenantId, id);
    if (changes.key !== undefined && changes.key !== current.key) {
      const holder = await this.segments.findByKey(by.tenantId, changes.key);
      if (holder) {
        throw duplicateKey(changes.key);
      }
    }
    const checked = await this.define(by.tenantId, mergeDefinition(current, changes));
    const { definition } = checked;
    const rebuild = definition.status === 'active' && needsRebuild(current, definition);
    const built = rebuild ? await this.build(by.tenantId, id, checked) : null;
    try {
      return await this.db.transaction(async (tx) => {
        if (!(await this.segments.lockById(by.tenantId, id, tx))) {
          throw new NotFoundError('Segment', id);
        }
        const viewChanges = await this.applyViewChange({ by, id, definition, built, current }, tx);
        const schedule = this.scheduleStart(current, definition);
        const values = { ...definition, ...schedule, ...viewChanges, updatedAt: this.clock.now() };
        const row = await this.segments.update(by.tenantId, id, values, tx);
        await this.audit.record(
          auditEvent(by, 'segment.updated', row, { rebuilt: built !== null }),
          tx,
        );
        return row;
      });
    } catch (error) {
      await this.discardAfterFailure(built);
      throw isUniqueViolation(error) ? duplicateKey(changes.key ?? current.key) : error;
    }
  }

  async delete(by: SegmentActor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const segment = await this.segments.lockById(by.tenantId, id, tx);
      if (!segment) {
        throw new NotFoundError('Segment', id);
      }
      await this.views.drop(by.tenantId, id, tx);
      await this.segments.delete(by.tenantId, id, tx);
      await this.audit.record(auditEvent(by, 'segment.deleted', segment), tx);
    });
    logger.info({ action: 'segment.deleted', segmentId: id }, 'segment deleted');
  }

  /** Starts a background refresh of an active segment's view. */
  async refresh(by: SegmentActor, id: string): Promise<SegmentRow> {
    const row = await this.refreshes.request(by.tenantId, id, 'request');
    await this.audit.record(auditEvent(by, 'segment.refresh_requested', row));
    return row;
  }

  /** Stores a new segment and swaps in its built view, in one transaction. */
  private async insertWithView(params: {
    by: SegmentActor;
    id: string;
    definition: SegmentDefinition;
    built: BuiltView | null;
  }): Promise<SegmentRow> {
    const { by, id, definition, built } = params;
    return this.db.transaction(async (tx) => {
      const customerCount = built ? await this.views.swapIn(built, tx) : null;
      const now = this.clock.now();
      const values = {
        ...definition,
        ...this.viewState(built, customerCount),
        tenantId: by.tenantId,
        id,
        createdAt: now,
        updatedAt: now,
      };
      const row = await this.segments.insert(values, tx);
      await this.audit.record(auditEvent(by, 'segment.created', row), tx);
      return row;
    });
  }

  /** Validates the input against the base schema and the schedule rules. */
  private async define(tenantId: string, input: SegmentCreateDto): Promise<CheckedDefinition> {
    const schema = await this.catalog.schemaForSegments(tenantId, input.baseSchemaId);
    const { conditions, compiled } = checkConditions(
      schema,
      input.baseSchemaId,
      input.conditions ?? [],
    );
    const schedule = resolveRefreshSchedule({
      refreshCron: input.refreshCron ?? null,
      refreshTimeZone: input.refreshTimeZone ?? 'UTC',
      now: this.clock.now(),
    });
    const definition: SegmentDefinition = {
      key: input.key,
      name: input.name.trim(),
      description: input.description ?? null,
      baseSchemaId: input.baseSchemaId,
      conditions,
      status: input.status ?? 'draft',
      ...schedule,
    };
    return { definition, compiled };
  }

  private async build(
    tenantId: string,
    segmentId: string,
    checked: CheckedDefinition,
  ): Promise<BuiltView> {
    const schema = await this.catalog.schemaForSegments(tenantId, checked.definition.baseSchemaId);
    if (!schema) {
      throw new NotFoundError('Schema', checked.definition.baseSchemaId);
    }
    return this.views.buildTemporary({
      tenantId,
      segmentId,
      base: schema,
      conditions: checked.compiled,
    });
  }

  /** Swaps in a rebuilt view or drops the view of a segment set back to draft; returns the view columns. */
  private async applyViewChange(
    change: {
      by: SegmentActor;
      id: string;
      definition: SegmentDefinition;
      built: BuiltView | null;
      current: SegmentRow;
    },
    tx: Executor,
  ): Promise<Partial<SegmentViewState>> {
    if (change.built) {
      const customerCount = await this.views.swapIn(change.built, tx);
      return this.viewState(change.built, customerCount);
    }
    if (change.definition.status === 'draft' && change.current.materialized) {
      await this.views.drop(change.by.tenantId, change.id, tx);
      return { materialized: false, customerCount: null, lastRefreshedAt: null, lastError: null };
    }
    return {};
  }

  /** Starts a changed schedule now, so earlier occurrences are neither run nor recorded as missed. */
  private scheduleStart(current: SegmentRow, next: SegmentDefinition): { lastScheduledFor?: Date } {
    const changed =
      current.refreshCron !== next.refreshCron || current.refreshTimeZone !== next.refreshTimeZone;
    return changed ? { lastScheduledFor: this.clock.now() } : {};
  }

  private viewState(built: BuiltView | null, customerCount: number | null) {
    return built
      ? { materialized: true, customerCount, lastRefreshedAt: this.clock.now(), lastError: null }
      : { materialized: false, customerCount: null, lastRefreshedAt: null, lastError: null };
  }

  private async discardAfterFailure(built: BuiltView | null): Promise<void> {
    if (built) {
      await this.views.discard(built);
    }
  }
}

function mergeDefinition(current: SegmentRow, changes: SegmentUpdateDto): SegmentCreateDto {
  return {
    key: changes.key ?? current.key,
    name: changes.name ?? current.name,
    description: changes.description === undefined ? current.description : changes.description,
    baseSchemaId: changes.baseSchemaId ?? current.baseSchemaId,
    conditions: changes.conditions ?? current.conditions,
    status: changes.status ?? current.status,
    refreshCron: changes.refreshCron === undefined ? current.refreshCron : changes.refreshCron,
    refreshTimeZone: changes.refreshTimeZone ?? current.refreshTimeZone,
  };
}

/** Tells whether the view must be rebuilt: it is missing or its definition changed. */
function needsRebuild(current: SegmentRow, next: SegmentDefinition): boolean {
  return (
    !current.materialized ||
    current.status !== 'active' ||
    current.baseSchemaId !== next.baseSchemaId ||
    canonicalJson(current.conditions) !== canonicalJson(next.conditions)
  );
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** JSON with object keys sorted, because jsonb does not keep the key order it was given. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function auditEvent(
  by: SegmentActor,
  action: string,
  row: SegmentRow,
  extra: Record<string, unknown> = {},
) {
  return {
    tenantId: by.tenantId,
    actor: by.actor,
    action,
    targetType: 'segment',
    targetId: row.id,
    details: { key: row.key, status: row.status, conditions: row.conditions, ...extra },
  };
}

function duplicateKey(key: string): ConflictError {
  return new ConflictError(`A segment with key ${key} already exists`, [
    { field: 'key', value: key, reason: 'already exists' },
  ]);
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return code === '23505';
}

function toRejections(index: number, error: DomainError): Rejection[] {
  const details =
    error.details.length > 0
      ? error.details
      : [{ field: 'item', value: null, reason: error.message }];
  return details.map((detail) => ({
    index,
    field: detail.field ?? 'item',
    value: detail.value,
    reason: detail.reason,
  }));
}
