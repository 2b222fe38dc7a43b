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
  rejectKeyChange,
  requireSomeField,
} from '../common/catalog-change.js';
import { decodeKeyCursor, toKeyPage } from '../common/catalog-list.js';
import {
  type CatalogCreateParams,
  type CatalogCreateSpec,
  CatalogWriter,
} from '../common/catalog-writer.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import {
  type OutcomeTypeCreateDto,
  outcomeTypeFields,
  type OutcomeTypeUpdateDto,
  outcomeTypeValues,
} from './dto/outcome-type.dto.js';
import {
  type OutcomeTypeFilter,
  type OutcomeTypeRow,
  OutcomeTypesRepository,
} from './outcome-types.repository.js';

const UPDATABLE_FIELDS = ['name', 'classification', 'category'];

/**
 * Outcome types: the ten system types every tenant has (never changed or
 * deleted) and custom ones. Keys never change, because telemetry refers to them.
 */
@Injectable()
export class OutcomeTypesService {
  private readonly spec: CatalogCreateSpec<OutcomeTypeCreateDto, OutcomeTypeRow> = {
    entity: 'outcome_type',
    existingKeys: (tenantId, keys, executor) =>
      this.repository.existingKeys(tenantId, keys, executor),
    insert: (tenantId, items, executor) =>
      this.repository.insertMany(
        tenantId,
        items.map(outcomeTypeValues),
        this.clock.now(),
        executor,
      ),
    describe: outcomeTypeFields,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: OutcomeTypesRepository,
    private readonly settings: SettingsRepository,
    private readonly writer: CatalogWriter,
    private readonly changes: CatalogChangeRecorder,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async create(
    params: CatalogCreateParams<OutcomeTypeCreateDto>,
  ): Promise<WriteOutcome<OutcomeTypeRow>> {
    const outcome = await this.writer.create(this.spec, params);
    this.lookup.invalidate(params.tenantId);
    return outcome;
  }

  async get(tenantId: string, id: string): Promise<OutcomeTypeRow> {
    return this.require(tenantId, id);
  }

  async list(params: {
    tenantId: string;
    filter: OutcomeTypeFilter;
    limit: number;
    cursor?: string;
  }): Promise<Page<OutcomeTypeRow>> {
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
    patch: OutcomeTypeUpdateDto;
  }): Promise<OutcomeTypeRow> {
    requireSomeField(params.patch, UPDATABLE_FIELDS);
    const row = await this.db.transaction(async (tx) => {
      const current = await this.requireCustom(params.tenantId, params.id, tx);
      rejectKeyChange('outcome_type', current.key, params.patch.key);
      const { key: _key, ...values } = presentFields(params.patch);
      const before = outcomeTypeFields(current);
      const changes = changedFields(before, outcomeTypeFields({ ...current, ...values }));
      if (Object.keys(changes).length === 0) {
        return current;
      }
      const now = this.clock.now();
      const updated = await this.repository.update(params.tenantId, params.id, values, now, tx);
      await this.changes.updated(
        { ...params, entity: 'outcome_type', key: current.key, changes },
        tx,
      );
      return updated ?? current;
    });
    this.lookup.invalidate(params.tenantId);
    return row;
  }

  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Locks the settings first, so a concurrent settings change cannot add this key meanwhile.
      const settings = await this.settings.findForUpdate(params.tenantId, tx);
      const current = await this.requireCustom(params.tenantId, params.id, tx);
      if (settings?.conversionOutcomeKeys.includes(current.key)) {
        const reason =
          'is one of the tenant conversionOutcomeKeys; remove it there (PUT /api/v1/settings) first';
        throw new ConflictError(`Outcome type ${current.key} ${reason}`, [
          { field: 'id', value: params.id, reason },
        ]);
      }
      await this.repository.delete(params.tenantId, params.id, tx);
      const fields = outcomeTypeFields(current);
      await this.changes.deleted(
        { ...params, entity: 'outcome_type', key: current.key, fields },
        tx,
      );
    });
    this.lookup.invalidate(params.tenantId);
  }

  /** Finds a custom outcome type; a system one is a 409, because it cannot be changed or deleted. */
  private async requireCustom(
    tenantId: string,
    id: string,
    executor: Executor,
  ): Promise<OutcomeTypeRow> {
    const row = await this.require(tenantId, id, executor);
    if (row.system) {
      const reason =
        'is a system outcome type; the ten system outcome types cannot be changed or deleted';
      throw new ConflictError(`Outcome type ${row.key} ${reason}`, [
        { field: 'id', value: id, reason },
      ]);
    }
    return row;
  }

  private async require(
    tenantId: string,
    id: string,
    executor?: Executor,
  ): Promise<OutcomeTypeRow> {
    const row = await this.repository.findById(tenantId, id, executor);
    if (!row) {
      throw new NotFoundError('Outcome type', id);
    }
    return row;
  }
}
