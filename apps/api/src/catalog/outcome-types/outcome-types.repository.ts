import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { outcomeTypes } from '../../database/schema/index.js';
import type { KeyCursor } from '../common/catalog-list.js';
import { containsPattern } from '../common/search-pattern.js';
import type { OutcomeCategory, OutcomeClassification } from './system-outcome-types.js';

export interface OutcomeTypeRow {
  id: string;
  key: string;
  name: string;
  classification: OutcomeClassification;
  category: OutcomeCategory;
  system: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutcomeTypeValues {
  key: string;
  name: string;
  classification: OutcomeClassification;
  category: OutcomeCategory;
}

export interface OutcomeTypeFilter {
  classification?: OutcomeClassification;
  category?: OutcomeCategory;
  system?: boolean;
  q?: string;
}

const columns = {
  id: outcomeTypes.id,
  key: outcomeTypes.key,
  name: outcomeTypes.name,
  classification: outcomeTypes.classification,
  category: outcomeTypes.category,
  system: outcomeTypes.system,
  createdAt: outcomeTypes.createdAt,
  updatedAt: outcomeTypes.updatedAt,
};

function filterCondition(tenantId: string, filter: OutcomeTypeFilter) {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return and(
    eq(outcomeTypes.tenantId, tenantId),
    filter.classification ? eq(outcomeTypes.classification, filter.classification) : undefined,
    filter.category ? eq(outcomeTypes.category, filter.category) : undefined,
    filter.system === undefined ? undefined : eq(outcomeTypes.system, filter.system),
    pattern ? or(ilike(outcomeTypes.key, pattern), ilike(outcomeTypes.name, pattern)) : undefined,
  );
}

@Injectable()
export class OutcomeTypesRepository {
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
      .select({ key: outcomeTypes.key })
      .from(outcomeTypes)
      .where(
        and(eq(outcomeTypes.tenantId, tenantId), inArray(outcomeTypes.key, [...new Set(keys)])),
      );
    return new Set(rows.map((row) => row.key));
  }

  /** Inserts custom outcome types; one whose key the tenant already uses is skipped and not returned. */
  async insertMany(
    tenantId: string,
    values: OutcomeTypeValues[],
    now: Date,
    executor: Executor = this.db,
  ): Promise<OutcomeTypeRow[]> {
    const rows = await executor
      .insert(outcomeTypes)
      .values(
        values.map((value) => ({
          ...value,
          tenantId,
          system: false,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [outcomeTypes.tenantId, outcomeTypes.key] })
      .returning(columns);
    return rows as OutcomeTypeRow[];
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<OutcomeTypeRow | null> {
    const rows = await executor
      .select(columns)
      .from(outcomeTypes)
      .where(and(eq(outcomeTypes.tenantId, tenantId), eq(outcomeTypes.id, id)));
    return (rows[0] as OutcomeTypeRow | undefined) ?? null;
  }

  /** Lists every outcome type of the tenant, for lookups by key. */
  async listAll(tenantId: string, executor: Executor = this.db): Promise<OutcomeTypeRow[]> {
    const rows = await executor
      .select(columns)
      .from(outcomeTypes)
      .where(eq(outcomeTypes.tenantId, tenantId))
      .orderBy(asc(outcomeTypes.key));
    return rows as OutcomeTypeRow[];
  }

  /** One page ordered by key; `after` is the previous page's last row. */
  async list(
    tenantId: string,
    filter: OutcomeTypeFilter,
    limit: number,
    after: KeyCursor | null,
  ): Promise<OutcomeTypeRow[]> {
    const rows = await this.db
      .select(columns)
      .from(outcomeTypes)
      .where(
        and(filterCondition(tenantId, filter), after ? gt(outcomeTypes.key, after.key) : undefined),
      )
      .orderBy(asc(outcomeTypes.key))
      .limit(limit + 1);
    return rows as OutcomeTypeRow[];
  }

  async count(tenantId: string, filter: OutcomeTypeFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(outcomeTypes)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  /** Updates a custom outcome type; system ones are never matched. */
  async update(
    tenantId: string,
    id: string,
    values: Partial<Omit<OutcomeTypeValues, 'key'>>,
    now: Date,
    executor: Executor = this.db,
  ): Promise<OutcomeTypeRow | null> {
    const rows = await executor
      .update(outcomeTypes)
      .set({ ...values, updatedAt: now })
      .where(
        and(
          eq(outcomeTypes.tenantId, tenantId),
          eq(outcomeTypes.id, id),
          eq(outcomeTypes.system, false),
        ),
      )
      .returning(columns);
    return (rows[0] as OutcomeTypeRow | undefined) ?? null;
  }

  /** Deletes a custom outcome type; system ones are never matched. */
  async delete(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<OutcomeTypeRow | null> {
    const rows = await executor
      .delete(outcomeTypes)
      .where(
        and(
          eq(outcomeTypes.tenantId, tenantId),
          eq(outcomeTypes.id, id),
          eq(outcomeTypes.system, false),
        ),
      )
      .returning(columns);
    return (rows[0] as OutcomeTypeRow | undefined) ?? null;
  }
}
