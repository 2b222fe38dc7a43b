import { type SchemaResponseDto, type SegmentResponseDto } from '@kaireon/api-client';

export const SEGMENT_ID = '0b8e2d4c-1a3f-4e5d-8c7b-6a5f4e3d2c1b';
export const SCHEMA_ID = '11111111-2222-4333-8444-555555555555';

/** Builds a segment as the segments API returns it, with fields overridden as needed. */
export function buildSegmentDto(overrides: Partial<SegmentResponseDto> = {}): SegmentResponseDto {
  return {
    id: SEGMENT_ID,
    key: 'high-value',
    name: 'High value',
    description: null,
    baseSchemaId: SCHEMA_ID,
    conditions: [],
    status: 'active',
    materialized: true,
    viewName: '"tenant_0a1b2c3d4e5f"."seg_0b8e2d4c1a3f"',
    refreshing: false,
    customerCount: 1200,
    lastRefreshedAt: '2026-12-04T10:00:00Z',
    lastError: null,
    refreshCron: null,
    refreshTimeZone: 'UTC',
    nextRefreshAt: null,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

/** Builds a customer schema as the schemas API returns it. */
export function buildSchemaDto(overrides: Partial<SchemaResponseDto> = {}): SchemaResponseDto {
  return {
    id: SCHEMA_ID,
    key: 'customers',
    name: 'Customers',
    entityType: 'customer',
    fields: [
      { name: 'customer_id', type: 'text', nullable: false },
      { name: 'country', type: 'text', nullable: true },
      { name: 'age', type: 'integer', nullable: true },
      { name: 'vip', type: 'boolean', nullable: true },
    ],
    primaryKeyField: 'customer_id',
    tableName: 'ds_customers',
    lastLoadedAt: null,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

/** Builds a list response of the API around `data`. */
export function buildPage<T>(data: T[]): { data: T[]; page: object } {
  return { data, page: { limit: 200, nextCursor: null, total: data.length } };
}
