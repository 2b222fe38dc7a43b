import { Inject, Injectable } from '@nestjs/common';

import type { WriteOutcome } from '../../annotations/index.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
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
import { type ChannelFilter, type ChannelRow, ChannelsRepository } from './channels.repository.js';
import {
  type ChannelCreateDto,
  channelFields,
  type ChannelUpdateDto,
  channelValues,
} from './dto/channel.dto.js';

const UPDATABLE_FIELDS = ['name', 'type', 'deliveryMode', 'impressionMode'];

/** Channels. Their keys never change, because telemetry refers to channels by key. */
@Injectable()
export class ChannelsService {
  private readonly spec: CatalogCreateSpec<ChannelCreateDto, ChannelRow> = {
    entity: 'channel',
    existingKeys: (tenantId, keys, executor) =>
      this.repository.existingKeys(tenantId, keys, executor),
    insert: (tenantId, items, executor) =>
      this.repository.insertMany(tenantId, items.map(channelValues), this.clock.now(), executor),
    describe: channelFields,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: ChannelsRepository,
    private readonly writer: CatalogWriter,
    private readonly changes: CatalogChangeRecorder,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async create(params: CatalogCreateParams<ChannelCreateDto>): Promise<WriteOutcome<ChannelRow>> {
    const outcome = await this.writer.create(this.spec, params);
    this.lookup.invalidate(params.tenantId);
    return outcome;
  }

  async get(tenantId: string, id: string): Promise<ChannelRow> {
    return this.require(tenantId, id);
  }

  async list(params: {
    tenantId: string;
    filter: ChannelFilter;
    limit: number;
    cursor?: string;
  }): Promise<Page<ChannelRow>> {
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
    patch: ChannelUpdateDto;
  }): Promise<ChannelRow> {
    requireSomeField(params.patch, UPDATABLE_FIELDS);
    const row = await this.db.transaction(async (tx) => {
      const current = await this.require(params.tenantId, params.id, tx);
      rejectKeyChange('channel', current.key, params.patch.key);
      const { key: _key, ...values } = presentFields(params.patch);
      const changes = changedFields(
        channelFields(current),
        channelFields({ ...current, ...values }),
      );
      if (Object.keys(changes).length === 0) {
        return current;
      }
      const now = this.clock.now();
      const updated = await this.repository.update(params.tenantId, params.id, values, now, tx);
      await this.changes.updated({ ...params, entity: 'channel', key: current.key, changes }, tx);
      return updated ?? current;
    });
    this.lookup.invalidate(params.tenantId);
    return row;
  }

  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.repository.delete(params.tenantId, params.id, tx);
      if (!row) {
        throw new NotFoundError('Channel', params.id);
      }
      const fields = channelFields(row);
      await this.changes.deleted({ ...params, entity: 'channel', key: row.key, fields }, tx);
    });
    this.lookup.invalidate(params.tenantId);
  }

  private async require(tenantId: string, id: string, executor?: Executor): Promise<ChannelRow> {
    const row = await this.repository.findById(tenantId, id, executor);
    if (!row) {
      throw new NotFoundError('Channel', id);
    }
    return row;
  }
}
