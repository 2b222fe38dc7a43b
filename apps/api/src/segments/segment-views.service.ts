import { Injectable } from '@nestjs/common';

import { UnprocessableError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import type { Executor } from '../database/database.types.js';
import type { CompiledCondition } from './segment-conditions.js';
import type { SchemaTableInfo } from '../catalog/index.js';
import {
  segmentViewNames,
  type SegmentViewNames,
  temporaryViewNames,
} from './segment-view-names.js';
import { SegmentViewsRepository } from './segment-views.repository.js';

/** A view built under a temporary name, waiting to be swapped in or discarded. */
export interface BuiltView {
  tenantId: string;
  segmentId: string;
  names: SegmentViewNames;
}

/** PostgreSQL's SQLSTATE for a relation that does not exist. */
const UNDEFINED_TABLE = '42P01';

/**
 * Builds, swaps and drops segment views. A new definition is built under a
 * temporary name outside any transaction, because that is the slow part. The
 * caller then swaps it in inside its own short transaction, so readers find
 * either the old or the new complete view.
 */
@Injectable()
export class SegmentViewsService {
  constructor(private readonly views: SegmentViewsRepository) {}

  /** Builds the view for the conditions under a temporary name, with its unique index. */
  async buildTemporary(params: {
    tenantId: string;
    segmentId: string;
    base: SchemaTableInfo;
    conditions: readonly CompiledCondition[];
  }): Promise<BuiltView> {
    const names = temporaryViewNames(params.tenantId, params.segmentId);
    const base = {
      schema: params.base.schemaName,
      table: params.base.table,
      keyColumn: params.base.primaryKeyField,
    };
    const startedAt = Date.now();
    try {
      const definition = await this.views.renderDefinition(names, base, params.conditions);
      await this.views.createFromDefinition(definition);
      await this.views.createUniqueIndex(names);
    } catch (error) {
      await this.discard({ tenantId: params.tenantId, segmentId: params.segmentId, names });
      throw this.buildError(error, params.base);
    }
    logger.info(
      {
        action: 'segment.view_built',
        segmentId: params.segmentId,
        view: names.view,
        durationMs: Date.now() - startedAt,
      },
      'segment view built under a temporary name',
    );
    return { tenantId: params.tenantId, segmentId: params.segmentId, names };
  }

  /**
   * Replaces the segment's view with a built one: drop, rename, rename the
   * index. Run it inside the transaction that updates the segment's row.
   * Returns the customer count of the new view.
   */
  async swapIn(built: BuiltView, executor: Executor): Promise<number> {
    const target = segmentViewNames(built.tenantId, built.segmentId);
    await this.views.drop(target, executor);
    await this.views.renameView(built.names, target, executor);
    await this.views.renameIndex(built.names, target, executor);
    return this.views.countCustomers(target, executor);
  }

  /** Drops a built view that will not be swapped in. Failures are logged, not thrown. */
  async discard(built: BuiltView): Promise<void> {
    try {
      await this.views.drop(built.names);
    } catch (error) {
      logger.error(
        {
          action: 'segment.view_discard_failed',
          segmentId: built.segmentId,
          view: built.names.view,
          err: error,
        },
        'could not drop a temporary segment view',
      );
    }
  }

  /** Drops the segment's view, if it has one. */
  async drop(tenantId: string, segmentId: string, executor: Executor): Promise<void> {
    await this.views.drop(segmentViewNames(tenantId, segmentId), executor);
  }

  /** Refreshes the view without blocking readers and returns its new customer count. */
  async refresh(tenantId: string, segmentId: string): Promise<number> {
    const names = segmentViewNames(tenantId, segmentId);
    await this.views.refreshConcurrently(names);
    return this.views.countCustomers(names);
  }

  private buildError(error: unknown, base: SchemaTableInfo): Error {
    const code =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    if (code === UNDEFINED_TABLE) {
      return new UnprocessableError(
        `The table ${base.tableName} of schema ${base.key} does not exist yet. Load rows into the schema, then save the segment again`,
        [{ field: 'baseSchemaId', value: base.id, reason: 'schema table does not exist' }],
      );
    }
    logger.error(
      { action: 'segment.view_build_failed', schemaId: base.id, err: error },
      'segment view build failed',
    );
    return new UnprocessableError(
      `The segment view could not be built on schema ${base.key}: ${describe(error)}`,
      [{ field: 'conditions', value: null, reason: describe(error) }],
    );
  }
}

/** Returns the database's message without the SQL text that drizzle puts in front of it. */
export function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const source = cause instanceof Error ? cause : error;
  return source instanceof Error ? source.message : String(source);
}
