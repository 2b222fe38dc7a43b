import { Injectable } from '@nestjs/common';

import { Clock } from '../core/clock.js';
import { tenantSchemaName } from '../database/tenant-schema.js';
import {
  type ChannelType,
  ChannelsRepository,
  type DeliveryMode,
  type ImpressionMode,
} from './channels/channels.repository.js';
import { type OfferStatus, OffersRepository } from './offers/offers.repository.js';
import { OutcomeTypesRepository } from './outcome-types/outcome-types.repository.js';
import type {
  OutcomeCategory,
  OutcomeClassification,
} from './outcome-types/system-outcome-types.js';
import type { SchemaField } from './schemas/schema-fields.js';
import { qualifiedName } from './schemas/schema-tables.repository.js';
import { type EntityType, SchemasRepository } from './schemas/schemas.repository.js';
import { SettingsRepository } from './settings/settings.repository.js';

export interface OutcomeTypeInfo {
  key: string;
  name: string;
  classification: OutcomeClassification;
  category: OutcomeCategory;
  /** One of the ten types every tenant has. */
  system: boolean;
}

export interface OfferInfo {
  id: string;
  key: string;
  name: string;
  status: OfferStatus;
  categoryKey: string | null;
}

export interface ChannelInfo {
  id: string;
  key: string;
  name: string;
  type: ChannelType;
  deliveryMode: DeliveryMode;
  impressionMode: ImpressionMode;
}

/** The location and columns of a schema's `ds_` table, for segments to select from. */
export interface SchemaTableInfo {
  id: string;
  key: string;
  name: string;
  entityType: EntityType;
  /** `"tenant_0123456789ab"."ds_customers"`: schema-qualified, each part quoted; safe to put in SQL. */
  tableName: string;
  /** The parts of tableName, unquoted: the tenant's PostgreSQL schema and the table. */
  schemaName: string;
  table: string;
  /** Column names are cleaned to [a-z0-9_] but must still be quoted (`quoteIdentifier`). */
  fields: SchemaField[];
  primaryKeyField: string;
}

/** How long a tenant's lookups are reused. Changes made in this process invalidate them at once. */
export const LOOKUP_TTL_MS = 30_000;

type CachedPart = 'outcomeTypes' | 'conversionOutcomeKeys' | 'offers' | 'channels';

interface TenantEntry {
  loadedAtMs: number;
  parts: Map<CachedPart, Promise<unknown>>;
}

/**
 * Read-only catalog lookups for other modules (ingest, dashboards, segments).
 * Results are cached per tenant for up to LOOKUP_TTL_MS. A catalog change
 * made through this process is visible at once; one made by another replica
 * is visible after at most LOOKUP_TTL_MS. Returned maps and arrays are shared:
 * treat them as read-only.
 */
@Injectable()
export class CatalogLookupService {
  private readonly cache = new Map<string, TenantEntry>();

  constructor(
    private readonly outcomeTypeRows: OutcomeTypesRepository,
    private readonly settings: SettingsRepository,
    private readonly offerRows: OffersRepository,
    private readonly channelRows: ChannelsRepository,
    private readonly schemas: SchemasRepository,
    private readonly clock: Clock,
  ) {}

  /** Returns the tenant's outcome types by key (the ten system types and the custom ones). */
  outcomeTypes(tenantId: string): Promise<ReadonlyMap<string, OutcomeTypeInfo>> {
    return this.cached(tenantId, 'outcomeTypes', async () => {
      const rows = await this.outcomeTypeRows.listAll(tenantId);
      return new Map(
        rows.map((row) => [
          row.key,
          {
            key: row.key,
            name: row.name,
            classification: row.classification,
            category: row.category,
            system: row.system,
          },
        ]),
      );
    });
  }

  /** Returns the outcome type keys that count as conversions (default ["conversion"]). */
  conversionOutcomeKeys(tenantId: string): Promise<readonly string[]> {
    return this.cached(tenantId, 'conversionOutcomeKeys', async () => {
      const row = await this.settings.find(tenantId);
      return row?.conversionOutcomeKeys ?? ['conversion'];
    });
  }

  /** Returns the tenant's offers by key. */
  offers(tenantId: string): Promise<ReadonlyMap<string, OfferInfo>> {
    return this.cached(tenantId, 'offers', async () => {
      const rows = await this.offerRows.listAll(tenantId);
      return new Map(
        rows.map((row) => [
          row.key,
          {
            id: row.id,
            key: row.key,
            name: row.name,
            status: row.status,
            categoryKey: row.categoryKey,
          },
        ]),
      );
    });
  }

  /** Returns the tenant's channels by key. */
  channels(tenantId: string): Promise<ReadonlyMap<string, ChannelInfo>> {
    return this.cached(tenantId, 'channels', async () => {
      const rows = await this.channelRows.listAll(tenantId);
      return new Map(
        rows.map((row) => [
          row.key,
          {
            id: row.id,
            key: row.key,
            name: row.name,
            type: row.type,
            deliveryMode: row.deliveryMode,
            impressionMode: row.impressionMode,
          },
        ]),
      );
    });
  }

  /**
   * Returns the table of a schema of this tenant, or null when the tenant has
   * no schema with that id. Not cached.
   */
  async schemaForSegments(tenantId: string, schemaId: string): Promise<SchemaTableInfo | null> {
    const row = await this.schemas.findById(tenantId, schemaId);
    if (!row) {
      return null;
    }
    const schemaName = tenantSchemaName(tenantId);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      entityType: row.entityType,
      tableName: qualifiedName({ schemaName, tableName: row.tableName }),
      schemaName,
      table: row.tableName,
      fields: row.fields.map((field) => ({ ...field })),
      primaryKeyField: row.primaryKeyField,
    };
  }

  /** Drops the tenant's cached lookups; called after every committed catalog or settings change. */
  invalidate(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  private cached<T>(tenantId: string, part: CachedPart, load: () => Promise<T>): Promise<T> {
    const nowMs = this.clock.now().getTime();
    let entry = this.cache.get(tenantId);
    if (!entry || nowMs - entry.loadedAtMs > LOOKUP_TTL_MS) {
      entry = { loadedAtMs: nowMs, parts: new Map() };
      this.cache.set(tenantId, entry);
    }
    const existing = entry.parts.get(part);
    if (existing) {
      return existing as Promise<T>;
    }
    const pending = load();
    entry.parts.set(part, pending);
    // A failed load is not kept, so the next call retries.
    const current = entry;
    void pending.catch(() => current.parts.delete(part));
    return pending;
  }
}
