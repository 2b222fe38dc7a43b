import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { categories, offers } from '../../database/schema/index.js';
import type { KeyCursor } from '../common/catalog-list.js';
import { containsPattern } from '../common/search-pattern.js';

export interface CategoryRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CategoryValues {
  key: string;
  name: string;
  description: string | null;
}

export interface CategoryFilter {
  q?: string;
}

const columns = {
  id: categories.id,
  key: categories.key,
  name: categories.name,
  description: categories.description,
  createdAt: categories.createdAt,
  updatedAt: categories.updatedAt,
};

function filterCondition(tenantId: string, filter: CategoryFilter) {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return and(
    eq(categories.tenantId, tenantId),
    pattern ? or(ilike(categories.key, pattern), ilike(categories.name, pattern)) : undefined,
  );
}

@Injectable()
export class CategoriesRepository {
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
      .select({ key: categories.key })
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), inArray(categories.key, [...new Set(keys)])));
    return new Set(rows.map((row) => row.key));
  }

  /** Inserts categories; one whose key the tenant already uses is skipped and not returned. */
  async insertMany(
    tenantId: string,
    values: CategoryValues[],
    now: Date,
    executor: Executor = this.db,
  ): Promise<CategoryRow[]> {
    return executor
      .insert(categories)
      .values(values.map((value) => ({ ...value, tenantId, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: [categories.tenantId, categories.key] })
      .returning(columns);
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<CategoryRow | null> {
    const rows = await executor
      .select(columns)
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)));
    return rows[0] ?? null;
  }

  /** One page ordered by key; `after` is the previous page's last row. */
  async list(
    tenantId: string,
    filter: CategoryFilter,
    limit: number,
    after: KeyCursor | null,
  ): Promise<CategoryRow[]> {
    return this.db
      .select(columns)
      .from(categories)
      .where(
        and(filterCondition(tenantId, filter), after ? gt(categories.key, after.key) : undefined),
      )
      .orderBy(asc(categories.key))
      .limit(limit + 1);
  }

  async count(tenantId: string, filter: CategoryFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(categories)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  async update(
    tenantId: string,
    id: string,
    values: Partial<CategoryValues>,
    now: Date,
    executor: Executor = this.db,
  ): Promise<CategoryRow | null> {
    const rows = await executor
      .update(categories)
      .set({ ...values, updatedAt: now })
      .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)))
      .returning(columns);
    return rows[0] ?? null;
  }

  async delete(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<CategoryRow | null> {
    const rows = await executor
      .delete(categories)
      .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)))
      .returning(columns);
    return rows[0] ?? null;
  }

  /** Counts the offers of the tenant in the category with this key. */
  async countOffers(tenantId: string, key: string, executor: Executor = this.db): Promise<number> {
    const rows = await executor
      .select({ total: count() })
      .from(offers)
      .where(and(eq(offers.tenantId, tenantId), eq(offers.categoryKey, key)));
    return Number(rows[0]?.total ?? 0);
  }
}
