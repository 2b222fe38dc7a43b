import { Inject, Injectable } from '@nestjs/common';

import type { WriteOutcome } from '../../annotations/index.js';
import { InvalidParameterError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import type { IndexedItem } from '../../write/write-body.js';
import { CatalogLookupService } from '../catalog-lookup.service.js';
import { CategoriesRepository } from '../categories/categories.repository.js';
import {
  CatalogChangeRecorder,
  changedFields,
  rejectKeyChange,
  requireSomeField,
} from '../common/catalog-change.js';
import { decodeKeyCursor, toKeyPage } from '../common/catalog-list.js';
import {
  type CatalogCreateParams,
  type CatalogCreateSpec,
  type CatalogRejection,
  CatalogWriter,
} from '../common/catalog-writer.js';
import {
  type OfferCreateDto,
  offerFields,
  offerPatchValues,
  type OfferUpdateDto,
  offerValues,
} from './dto/offer.dto.js';
import { type OfferFilter, type OfferRow, OffersRepository } from './offers.repository.js';

const UPDATABLE_FIELDS = [
  'name',
  'description',
  'status',
  'categoryKey',
  'subCategory',
  'priority',
  'businessValue',
  'revenueValue',
];

const UNKNOWN_CATEGORY =
  'is not a category of this tenant; create it with POST /api/v1/categories first';

/** Offers. Their keys never change, because telemetry refers to offers by key. */
@Injectable()
export class OffersService {
  private readonly spec: CatalogCreateSpec<OfferCreateDto, OfferRow> = {
    entity: 'offer',
    existingKeys: (tenantId, keys, executor) =>
      this.repository.existingKeys(tenantId, keys, executor),
    check: (tenantId, items, executor) => this.unknownCategories(tenantId, items, executor),
    insert: (tenantId, items, executor) =>
      this.repository.insertMany(tenantId, items.map(offerValues), this.clock.now(), executor),
    describe: offerFields,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: OffersRepository,
    private readonly categories: CategoriesRepository,
    private readonly writer: CatalogWriter,
    private readonly changes: CatalogChangeRecorder,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async create(params: CatalogCreateParams<OfferCreateDto>): Promise<WriteOutcome<OfferRow>> {
    const outcome = await this.writer.create(this.spec, params);
    this.lookup.invalidate(params.tenantId);
    return outcome;
  }

  async get(tenantId: string, id: string): Promise<OfferRow> {
    return this.require(tenantId, id);
  }

  async list(params: {
    tenantId: string;
    filter: OfferFilter;
    limit: number;
    cursor?: string;
  }): Promise<Page<OfferRow>> {
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
    patch: OfferUpdateDto;
  }): Promise<OfferRow> {
    requireSomeField(params.patch, UPDATABLE_FIELDS);
    const row = await this.db.transaction(async (tx) => {
      const current = await this.require(params.tenantId, params.id, tx);
      rejectKeyChange('offer', current.key, params.patch.key);
      const values = offerPatchValues(params.patch);
      if (values.categoryKey) {
        await this.requireCategory(params.tenantId, values.categoryKey, tx);
      }
      const changes = changedFields(offerFields(current), offerFields({ ...current, ...values }));
      if (Object.keys(changes).length === 0) {
        return current;
      }
      const now = this.clock.now();
      const updated = await this.repository.update(params.tenantId, params.id, values, now, tx);
      await this.changes.updated({ ...params, entity: 'offer', key: current.key, changes }, tx);
      return updated ?? current;
    });
    this.lookup.invalidate(params.tenantId);
    return row;
  }

  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.repository.delete(params.tenantId, params.id, tx);
      if (!row) {
        throw new NotFoundError('Offer', params.id);
      }
      const fields = offerFields(row);
      await this.changes.deleted({ ...params, entity: 'offer', key: row.key, fields }, tx);
    });
    this.lookup.invalidate(params.tenantId);
  }

  /** Rejects the items whose categoryKey is not a category of the tenant. */
  private async unknownCategories(
    tenantId: string,
    items: IndexedItem<OfferCreateDto>[],
    executor: Executor,
  ): Promise<CatalogRejection[]> {
    const keys = items.flatMap((entry) => entry.item.categoryKey ?? []);
    const known = await this.categories.existingKeys(tenantId, keys, executor);
    return items
      .filter((entry) => entry.item.categoryKey && !known.has(entry.item.categoryKey))
      .map((entry) => ({
        index: entry.index,
        field: 'categoryKey',
        value: entry.item.categoryKey,
        reason: UNKNOWN_CATEGORY,
        status: 400 as const,
      }));
  }

  private async requireCategory(tenantId: string, key: string, executor: Executor): Promise<void> {
    const known = await this.categories.existingKeys(tenantId, [key], executor);
    if (!known.has(key)) {
      throw InvalidParameterError.forField('categoryKey', key, UNKNOWN_CATEGORY);
    }
  }

  private async require(tenantId: string, id: string, executor?: Executor): Promise<OfferRow> {
    const row = await this.repository.findById(tenantId, id, executor);
    if (!row) {
      throw new NotFoundError('Offer', id);
    }
    return row;
  }
}
