import { Inject, Injectable } from '@nestjs/common';

import { itemsWithHeaderKey, type WriteOutcome } from '../../annotations/index.js';
import { ConflictError } from '../../common/errors/domain-errors.js';
import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { IdempotencyRepository } from '../../write/idempotency.repository.js';
import {
  finishBatch,
  type IndexedItem,
  invalidItemError,
  type Rejection,
  type WriteBody,
} from '../../write/write-body.js';
import { type CatalogEntity, CatalogChangeRecorder, entityLabel } from './catalog-change.js';
import { CatalogIdempotencyRepository } from './catalog-idempotency.repository.js';

export interface CatalogCreateItem {
  key: string;
  idempotencyKey?: string;
}

export interface CatalogRow {
  id: string;
  key: string;
}

/** A rejection with the status it gets when the body was a single object (400, or 409 for a taken key). */
export interface CatalogRejection extends Rejection {
  status: 400 | 409;
}

/** The callbacks the create flow uses for one kind of catalog entity. */
export interface CatalogCreateSpec<TItem extends CatalogCreateItem, TRow extends CatalogRow> {
  entity: CatalogEntity;
  /** The keys among `keys` that the tenant already uses. */
  existingKeys(tenantId: string, keys: string[], executor: Executor): Promise<Set<string>>;
  /** Checks that need the database or the whole batch, such as referenced keys. */
  check?(
    tenantId: string,
    items: IndexedItem<TItem>[],
    executor: Executor,
  ): Promise<CatalogRejection[]>;
  /** Inserts the items; an item whose key was taken meanwhile is skipped and not returned. */
  insert(tenantId: string, items: TItem[], executor: Executor): Promise<TRow[]>;
  /** The fields a catalog_change annotation records for a created entity. */
  describe(row: TRow): Record<string, unknown>;
}

export interface CatalogCreateParams<TItem> {
  tenantId: string;
  actor: string;
  body: WriteBody<TItem>;
  /** The Idempotency-Key header, for a single object. */
  idempotencyKey?: string;
}

interface StoredItems<TRow> {
  rows: TRow[];
  repeated: number;
  rejected: CatalogRejection[];
}

/**
 * The create flow every catalog entity shares: one object or a batch, keys
 * unique per tenant, idempotency keys, and the catalog_change annotation,
 * all in one transaction.
 */
@Injectable()
export class CatalogWriter {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly idempotency: IdempotencyRepository,
    private readonly seenKeys: CatalogIdempotencyRepository,
    private readonly changes: CatalogChangeRecorder,
  ) {}

  async create<TItem extends CatalogCreateItem, TRow extends CatalogRow>(
    spec: CatalogCreateSpec<TItem, TRow>,
    params: CatalogCreateParams<TItem>,
  ): Promise<WriteOutcome<TRow>> {
    const items = itemsWithHeaderKey(params.body, params.idempotencyKey);
    const stored = await this.db.transaction((tx) => this.store(spec, params, items, tx));
    if (params.body.mode === 'single') {
      return singleOutcome(spec.entity, stored);
    }
    const rejected = [...params.body.rejected, ...stored.rejected.map(withoutStatus)];
    return {
      mode: 'batch',
      result: finishBatch(stored.rows.length + stored.repeated, rejected),
    };
  }

  private async store<TItem extends CatalogCreateItem, TRow extends CatalogRow>(
    spec: CatalogCreateSpec<TItem, TRow>,
    params: CatalogCreateParams<TItem>,
    items: IndexedItem<TItem>[],
    tx: Executor,
  ): Promise<StoredItems<TRow>> {
    const { tenantId, actor } = params;
    const kind = `catalog.${spec.entity}`;
    const { fresh, repeated } = await this.dropRepeats(tenantId, kind, items, tx);
    const rejected = await this.checkItems(spec, tenantId, fresh, tx);
    const rejectedIndexes = new Set(rejected.map((rejection) => rejection.index));
    const valid = fresh.filter((entry) => !rejectedIndexes.has(entry.index));
    if (valid.length === 0) {
      return { rows: [], repeated, rejected };
    }

    const rows = await spec.insert(
      tenantId,
      valid.map((entry) => entry.item),
      tx,
    );
    const storedKeys = new Set(rows.map((row) => row.key));
    const stored = valid.filter((entry) => storedKeys.has(entry.item.key));
    rejected.push(...valid.filter((entry) => !storedKeys.has(entry.item.key)).map(takenKey));

    const claimed = stored.flatMap((entry) => entry.item.idempotencyKey ?? []);
    await this.idempotency.claim(tenantId, kind, claimed, tx);
    if (rows.length > 0) {
      const created = rows.map((row) => ({ id: row.id, key: row.key, fields: spec.describe(row) }));
      await this.changes.created({ tenantId, actor, entity: spec.entity, items: created }, tx);
    }
    return { rows, repeated, rejected };
  }

  /** Separates items whose idempotency key was seen before (or earlier in this batch). */
  private async dropRepeats<TItem extends CatalogCreateItem>(
    tenantId: string,
    kind: string,
    items: IndexedItem<TItem>[],
    tx: Executor,
  ): Promise<{ fresh: IndexedItem<TItem>[]; repeated: number }> {
    const keys = items.flatMap((entry) => entry.item.idempotencyKey ?? []);
    const seen = await this.seenKeys.seen(tenantId, kind, keys, tx);
    const fresh: IndexedItem<TItem>[] = [];
    for (const entry of items) {
      const key = entry.item.idempotencyKey;
      if (key !== undefined && seen.has(key)) {
        continue;
      }
      if (key !== undefined) {
        seen.add(key);
      }
      fresh.push(entry);
    }
    return { fresh, repeated: items.length - fresh.length };
  }

  private async checkItems<TItem extends CatalogCreateItem, TRow extends CatalogRow>(
    spec: CatalogCreateSpec<TItem, TRow>,
    tenantId: string,
    items: IndexedItem<TItem>[],
    tx: Executor,
  ): Promise<CatalogRejection[]> {
    if (items.length === 0) {
      return [];
    }
    const rejected = duplicateKeys(items);
    const existing = await spec.existingKeys(
      tenantId,
      items.map((entry) => entry.item.key),
      tx,
    );
    rejected.push(...items.filter((entry) => existing.has(entry.item.key)).map(takenKey));
    if (spec.check) {
      rejected.push(...(await spec.check(tenantId, items, tx)));
    }
    return rejected;
  }
}

/** Rejects every item that repeats the key of an earlier item of the same batch. */
export function duplicateKeys<TItem extends CatalogCreateItem>(
  items: IndexedItem<TItem>[],
): CatalogRejection[] {
  const firstIndex = new Map<string, number>();
  const rejected: CatalogRejection[] = [];
  for (const { index, item } of items) {
    const first = firstIndex.get(item.key);
    if (first === undefined) {
      firstIndex.set(item.key, index);
    } else {
      rejected.push({
        index,
        field: 'key',
        value: item.key,
        reason: `is also the key of item ${first} of this batch`,
        status: 400,
      });
    }
  }
  return rejected;
}

function takenKey<TItem extends CatalogCreateItem>(entry: IndexedItem<TItem>): CatalogRejection {
  return {
    index: entry.index,
    field: 'key',
    value: entry.item.key,
    reason: 'already exists',
    status: 409,
  };
}

function withoutStatus(rejection: CatalogRejection): Rejection {
  const { index, field, value, reason } = rejection;
  return { index, field, value, reason };
}

/** Builds the result for a single object: created, repeated idempotency key, or the error. */
function singleOutcome<TRow>(entity: CatalogEntity, stored: StoredItems<TRow>): WriteOutcome<TRow> {
  const invalid = stored.rejected.filter((rejection) => rejection.status === 400);
  if (invalid.length > 0) {
    throw invalidItemError(invalid.map(withoutStatus));
  }
  const conflict = stored.rejected[0];
  if (conflict) {
    const { field, value, reason } = conflict;
    throw new ConflictError(`${entityLabel(entity)} ${field} ${String(value)} ${reason}`, [
      { field, value, reason },
    ]);
  }
  const row = stored.rows[0];
  return row ? { mode: 'created', row } : { mode: 'repeated' };
}
