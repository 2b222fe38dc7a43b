import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { channels } from '../../database/schema/index.js';
import type { KeyCursor } from '../common/catalog-list.js';
import { containsPattern } from '../common/search-pattern.js';

export const CHANNEL_TYPES = [
  'email',
  'push',
  'sms',
  'phone',
  'in_app',
  'web',
  'webhook',
  'whatsapp',
  'direct_mail',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const DELIVERY_MODES = ['api', 'file', 'integration', 'manual'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
/** `explicit`: the platform reports impressions; `implicit`: a recommendation counts as one. */
export const IMPRESSION_MODES = ['explicit', 'implicit'] as const;
export type ImpressionMode = (typeof IMPRESSION_MODES)[number];

export interface ChannelRow {
  id: string;
  key: string;
  name: string;
  type: ChannelType;
  deliveryMode: DeliveryMode;
  impressionMode: ImpressionMode;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChannelValues {
  key: string;
  name: string;
  type: ChannelType;
  deliveryMode: DeliveryMode;
  impressionMode: ImpressionMode;
}

export interface ChannelFilter {
  type?: ChannelType;
  q?: string;
}

const columns = {
  id: channels.id,
  key: channels.key,
  name: channels.name,
  type: channels.type,
  deliveryMode: channels.deliveryMode,
  impressionMode: channels.impressionMode,
  createdAt: channels.createdAt,
  updatedAt: channels.updatedAt,
};

function filterCondition(tenantId: string, filter: ChannelFilter) {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return and(
    eq(channels.tenantId, tenantId),
    filter.type ? eq(channels.type, filter.type) : undefined,
    pattern ? or(ilike(channels.key, pattern), ilike(channels.name, pattern)) : undefined,
  );
}

@Injectable()
export class ChannelsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async existingKeys(
    tenantId: string,
    keys: string[],
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await executor
      .select({ key: channels.key })
      .from(channels)
      .where(and(eq(channels.tenantId, tenantId), inArray(channels.key, [...new Set(keys)])));
    return new Set(rows.map((row) => row.key));
  }

  /** Inserts channels; one whose key the tenant already uses is skipped and not returned. */
  async insertMany(
    tenantId: string,
    values: ChannelValues[],
    now: Date,
    executor: Executor = this.db,
  ): Promise<ChannelRow[]> {
    const rows = await executor
      .insert(channels)
      .values(values.map((value) => ({ ...value, tenantId, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: [channels.tenantId, channels.key] })
      .returning(columns);
    return rows as ChannelRow[];
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<ChannelRow | null> {
    const rows = await executor
      .select(columns)
      .from(channels)
      .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)));
    return (rows[0] as ChannelRow | undefined) ?? null;
  }

  /** Lists every channel of the tenant, for lookups by key. */
  async listAll(tenantId: string): Promise<ChannelRow[]> {
    const rows = await this.db
      .select(columns)
      .from(channels)
      .where(eq(channels.tenantId, tenantId))
      .orderBy(asc(channels.key));
    return rows as ChannelRow[];
  }

  /** One page ordered by key; `after` is the previous page's last row. */
  async list(
    tenantId: string,
    filter: ChannelFilter,
    limit: number,
    after: KeyCursor | null,
  ): Promise<ChannelRow[]> {
    const rows = await this.db
      .select(columns)
      .from(channels)
      .where(
        and(filterCondition(tenantId, filter), after ? gt(channels.key, after.key) : undefined),
      )
      .orderBy(asc(channels.key))
      .limit(limit + 1);
    return rows as ChannelRow[];
  }

  async count(tenantId: string, filter: ChannelFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(channels)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  async update(
    tenantId: string,
    id: string,
    values: Partial<Omit<ChannelValues, 'key'>>,
    now: Date,
    executor: Executor = this.db,
  ): Promise<ChannelRow | null> {
    const rows = await executor
      .update(channels)
      .set({ ...values, updatedAt: now })
      .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)))
      .returning(columns);
    return (rows[0] as ChannelRow | undefined) ?? null;
  }

  async delete(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<ChannelRow | null> {
    const rows = await executor
      .delete(channels)
      .where(and(eq(channels.tenantId, tenantId), eq(channels.id, id)))
      .returning(columns);
    return (rows[0] as ChannelRow | undefined) ?? null;
  }
}
