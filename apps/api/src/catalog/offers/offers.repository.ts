import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { offers } from '../../database/schema/index.js';
import type { KeyCursor } from '../common/catalog-list.js';
import { containsPattern } from '../common/search-pattern.js';

export const OFFER_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  status: OfferStatus;
  categoryKey: string | null;
  subCategory: string | null;
  priority: number;
  /** numeric(18,2), as the driver returns it (a string). */
  businessValue: string | null;
  revenueValue: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OfferValues {
  key: string;
  name: string;
  description: string | null;
  status: OfferStatus;
  categoryKey: string | null;
  subCategory: string | null;
  priority: number;
  businessValue: string | null;
  revenueValue: string | null;
}

export interface OfferFilter {
  status?: OfferStatus;
  categoryKey?: string;
  q?: string;
}

const columns = {
  id: offers.id,
  key: offers.key,
  name: offers.name,
  description: offers.description,
  status: offers.status,
  categoryKey: offers.categoryKey,
  subCategory: offers.subCategory,
  priority: offers.priority,
  businessValue: offers.businessValue,
  revenueValue: offers.revenueValue,
  createdAt: offers.createdAt,
  updatedAt: offers.updatedAt,
};

function filterCondition(tenantId: string, filter: OfferFilter) {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return and(
    eq(offers.tenantId, tenantId),
    filter.status ? eq(offers.status, filter.status) : undefined,
    filter.categoryKey ? eq(offers.categoryKey, filter.categoryKey) : undefined,
    pattern ? or(ilike(offers.key, pattern), ilike(offers.name, pattern)) : undefined,
  );
}

@Injectable()
export class OffersRepository {
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
      .select({ key: offers.key })
      .from(offers)
      .where(and(eq(offers.tenantId, tenantId), inArray(offers.key, [...new Set(keys)])));
    return new Set(rows.map((row) => row.key));
  }

  /** Inserts offers; one whose key the tenant already uses is skipped and not returned. */
  async insertMany(
    tenantId: string,
    values: OfferValues[],
    now: Date,
    executor: Executor = this.db,
  ): Promise<OfferRow[]> {
    const rows = await executor
      .insert(offers)
      .values(values.map((value) => ({ ...value, tenantId, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: [offers.tenantId, offers.key] })
      .returning(columns);
    return rows as OfferRow[];
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<OfferRow | null> {
    const rows = await executor
      .select(columns)
      .from(offers)
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)));
    return (rows[0] as OfferRow | undefined) ?? null;
  }

  /** Lists every offer of the tenant, for lookups by key. */
  async listAll(tenantId: string): Promise<OfferRow[]> {
    const rows = await this.db
      .select(columns)
      .from(offers)
      .where(eq(offers.tenantId, tenantId))
      .orderBy(asc(offers.key));
    return rows as OfferRow[];
  }

  /** One page ordered by key; `after` is the previous page's last row. */
  async list(
    tenantId: string,
    filter: OfferFilter,
    limit: number,
    after: KeyCursor | null,
  ): Promise<OfferRow[]> {
    const rows = await this.db
      .select(columns)
      .from(offers)
      .where(and(filterCondition(tenantId, filter), after ? gt(offers.key, after.key) : undefined))
      .orderBy(asc(offers.key))
      .limit(limit + 1);
    return rows as OfferRow[];
  }

  async count(tenantId: string, filter: OfferFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(offers)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  async update(
    tenantId: string,
    id: string,
    values: Partial<Omit<OfferValues, 'key'>>,
    now: Date,
    executor: Executor = this.db,
  ): Promise<OfferRow | null> {
    const rows = await executor
      .update(offers)
      .set({ ...values, updatedAt: now })
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)))
      .returning(columns);
    return (rows[0] as OfferRow | undefined) ?? null;
  }

  async delete(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<OfferRow | null> {
    const rows = await executor
      .delete(offers)
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)))
      .returning(columns);
    return (rows[0] as OfferRow | undefined) ?? null;
  }
}
