import { Inject, Injectable } from '@nestjs/common';

import type { WriteOutcome } from '../../annotations/index.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { CatalogLookupService } from '../catalog-lookup.service.js';
import {
  CatalogChangeRecorder,
  changedFields,
  presentFields,
  requireSomeField,
} from '../common/catalog-change.js';
import { decodeKeyCursor, toKeyPage } from '../common/catalog-list.js';
import {
  type CatalogCreateParams,
  type CatalogCreateSpec,
  CatalogWriter,
} from '../common/catalog-writer.js';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorCode } from '../common/pg-errors.js';
import {
  CategoriesRepository,
  type CategoryFilter,
  type CategoryRow,
} from './categories.repository.js';
import {
  type CategoryCreateDto,
  type CategoryUpdateDto,
  categoryFields,
} from './dto/category.dto.js';

const UPDATABLE_FIELDS = ['key', 'name', 'description'];

/** Offer categories. A category's key may change: offers follow it through the foreign key. */
@Injectable()
export class CategoriesService {
  private readonly spec: CatalogCreateSpec<CategoryCreateDto, CategoryRow> = {
    entity: 'category',
    existingKeys: (tenantId, keys, executor) =>
      this.repository.existingKeys(tenantId, keys, executor),
    insert: (tenantId, items, executor) =>
      this.repository.insertMany(
        tenantId,
        items.map((item) => ({
          key: item.key,
          name: item.name,
          description: item.description ?? null,
        })),
        this.clock.now(),
        executor,
      ),
    describe: categoryFields,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: CategoriesRepository,
    private readonly writer: CatalogWriter,
    private readonly changes: CatalogChangeRecorder,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async create(params: CatalogCreateParams<CategoryCreateDto>): Promise<WriteOutcome<CategoryRow>> {
    const outcome = await this.writer.create(this.spec, params);
    this.lookup.invalidate(params.tenantId);
    return outcome;
  }

  async get(tenantId: string, id: string): Promise<CategoryRow> {
    return this.require(tenantId, id);
  }

  async list(params: {
    tenantId: string;
    filter: CategoryFilter;
    limit: number;
    cursor?: string;
  }): Promise<Page<CategoryRow>> {
    const after = decodeKeyCursor(params.cursor);
    const [rows, total] = await Promise.all([
      this.repository.list(params.tenantId, params.filter, params.limit, after),
      this.repository.count(params.tenantId, params.filter),
    ]);
    return toKeyPage(rows, params.limit, total);
  }

  async update(params: {
    tenantId: string;
    actor: string;
    id: string;
    patch: CategoryUpdateDto;
  }): Promise<CategoryRow> {
    requireSomeField(params.patch, UPDATABLE_FIELDS);
    const row = await this.db
      .transaction(async (tx) => {
        const current = await this.require(params.tenantId, params.id, tx);
        const values = presentFields(params.patch);
        const changes = changedFields(categoryFields(current), {
          ...categoryFields(current),
          ...values,
        });
        if (Object.keys(changes).length === 0) {
          return current;
        }
        const now = this.clock.now();
        const updated = await this.repository.update(params.tenantId, params.id, values, now, tx);
        await this.changes.updated(
          { ...params, entity: 'category', key: current.key, changes },
          tx,
        );
        return updated ?? current;
      })
      .catch((error: unknown) => rethrowTakenKey(error, params.patch.key));
    this.lookup.invalidate(params.tenantId);
    return row;
  }

  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    await this.db
      .transaction(async (tx) => {
        const current = await this.require(params.tenantId, params.id, tx);
        await this.assertUnused(params.tenantId, current, tx);
        await this.repository.delete(params.tenantId, params.id, tx);
        const fields = categoryFields(current);
        await this.changes.deleted({ ...params, entity: 'category', key: current.key, fields }, tx);
      })
      .catch((error: unknown) => {
        // An offer added to the category after the check still makes the delete fail.
        if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
          throw new ConflictError(
            'The category is used by offers; move them to another category first',
          );
        }
        throw error;
      });
    this.lookup.invalidate(params.tenantId);
  }

  private async assertUnused(
    tenantId: string,
    category: CategoryRow,
    executor: Executor,
  ): Promise<void> {
    const offerCount = await this.repository.countOffers(tenantId, category.key, executor);
    if (offerCount > 0) {
      const reason =
        `is used by ${offerCount} offer${offerCount === 1 ? '' : 's'}; ` +
        'move them to another category or delete them first';
      throw new ConflictError(`Category ${category.key} ${reason}`, [
        { field: 'id', value: category.id, reason },
      ]);
    }
  }

  private async require(tenantId: string, id: string, executor?: Executor): Promise<CategoryRow> {
    const row = await this.repository.findById(tenantId, id, executor);
    if (!row) {
      throw new NotFoundError('Category', id);
    }
    return row;
  }
}

function rethrowTakenKey(error: unknown, key: string | undefined): never {
  if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && key !== undefined) {
    throw new ConflictError(`Category key ${key} already exists`, [
      { field: 'key', value: key, reason: 'already exists' },
    ]);
  }
  throw error;
}
