import { Injectable, inject } from '@angular/core';
import {
  Api,
  type SegmentConditionDto,
  type SegmentResponseDto,
  createSegment,
  deleteSegment,
  getSegment,
  listSchemas,
  listSegments,
  refreshSegment,
  updateSegment,
} from '@kaireon/api-client';

import { type SchemaFieldOption, type SegmentConditionPayload } from './segment-conditions';

export type SegmentStatus = 'draft' | 'active';

/** A segment as the portal shows it. */
export interface Segment {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly baseSchemaId: string;
  readonly conditions: readonly SegmentConditionPayload[];
  readonly status: SegmentStatus;
  readonly materialized: boolean;
  readonly refreshing: boolean;
  readonly customerCount: number | null;
  readonly lastRefreshedAt: string | null;
  readonly lastError: string | null;
}

/** The fields the segment form sends on create and update. */
export interface SegmentInput {
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly baseSchemaId: string;
  readonly status: SegmentStatus;
  readonly conditions: readonly SegmentConditionPayload[];
}

/** A customer schema that segments can select from. */
export interface CustomerSchema {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly fields: readonly SchemaFieldOption[];
}

/** Page size of list requests, the most the API accepts. */
const PAGE_SIZE = 200;

/** Pages read when listing every segment of the tenant. */
const MAX_PAGES = 10;

function toSegment(dto: SegmentResponseDto): Segment {
  return {
    id: dto.id,
    key: dto.key,
    name: dto.name,
    description: dto.description,
    baseSchemaId: dto.baseSchemaId,
    conditions: dto.conditions.map((condition) => ({
      field: condition.field,
      operator: condition.operator,
      ...('value' in condition ? { value: condition.value } : {}),
    })),
    status: dto.status,
    materialized: dto.materialized,
    refreshing: dto.refreshing,
    customerCount: dto.customerCount,
    lastRefreshedAt: dto.lastRefreshedAt,
    lastError: dto.lastError,
  };
}

function toConditionDtos(conditions: readonly SegmentConditionPayload[]): SegmentConditionDto[] {
  // The generated model types `value` as `{}`; the API takes any JSON value of the field's type.
  return conditions.map((condition) => condition as SegmentConditionDto);
}

/** The portal's calls to `/api/v1/segments`, through the generated client. */
@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly api = inject(Api);

  /** Lists the tenant's segments ordered by key, following pages up to `MAX_PAGES`. */
  async listAll(): Promise<Segment[]> {
    const segments: Segment[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.api.invoke(listSegments, {
        limit: PAGE_SIZE,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      segments.push(...response.data.map(toSegment));
      if (!response.page.nextCursor) {
        break;
      }
      cursor = response.page.nextCursor;
    }

    return segments;
  }

  /** Lists the tenant's customer schemas with their typed fields, ordered by key. */
  async listCustomerSchemas(): Promise<CustomerSchema[]> {
    const schemas: CustomerSchema[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.api.invoke(listSchemas, {
        entityType: 'customer',
        limit: PAGE_SIZE,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      schemas.push(
        ...response.data.map((schema) => ({
          id: schema.id,
          key: schema.key,
          name: schema.name,
          fields: schema.fields.map((field) => ({ name: field.name, type: field.type })),
        })),
      );
      if (!response.page.nextCursor) {
        break;
      }
      cursor = response.page.nextCursor;
    }

    return schemas;
  }

  async get(id: string): Promise<Segment> {
    return toSegment(await this.api.invoke(getSegment, { id }));
  }

  async create(input: SegmentInput): Promise<Segment> {
    const body = { ...input, conditions: toConditionDtos(input.conditions) };
    // A single object returns the stored segment (201), but the generated client types the batch
    // response.
    const created: unknown = await this.api.invoke(createSegment, { body });

    return toSegment(created as SegmentResponseDto);
  }

  async update(id: string, input: SegmentInput): Promise<Segment> {
    const body = { ...input, conditions: toConditionDtos(input.conditions) };

    return toSegment(await this.api.invoke(updateSegment, { id, body }));
  }

  async delete(id: string): Promise<void> {
    await this.api.invoke(deleteSegment, { id });
  }

  /** Starts a background refresh and returns the segment, which shows as refreshing. */
  async refresh(id: string): Promise<Segment> {
    return toSegment(await this.api.invoke(refreshSegment, { id }));
  }
}
