import { Injectable } from '@nestjs/common';

import { AnnotationsService } from '../../annotations/index.js';
import { InvalidParameterError, UnprocessableError } from '../../common/errors/domain-errors.js';
import type { Executor } from '../../database/database.types.js';

export type CatalogEntity = 'offer' | 'channel' | 'category' | 'outcome_type' | 'schema';

const LABELS: Record<CatalogEntity, { singular: string; plural: string }> = {
  offer: { singular: 'Offer', plural: 'offers' },
  channel: { singular: 'Channel', plural: 'channels' },
  category: { singular: 'Category', plural: 'categories' },
  outcome_type: { singular: 'Outcome type', plural: 'outcome types' },
  schema: { singular: 'Schema', plural: 'schemas' },
};

/** 'Offer', 'Outcome type': the entity as the first word of a message. */
export function entityLabel(entity: CatalogEntity): string {
  return LABELS[entity].singular;
}

export function entityPlural(entity: CatalogEntity): string {
  return LABELS[entity].plural;
}

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Returns the fields whose values differ between two snapshots of an entity, compared as JSON. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to ?? null)) {
      changes[field] = { from, to: to ?? null };
    }
  }
  return changes;
}

const MAX_TITLE_LENGTH = 200;
/** Most created items listed in one annotation's details; the count covers the rest. */
export const MAX_ANNOTATED_ITEMS = 50;
/**
 * Details larger than this (as JSON) keep only their identifying fields, so
 * they stay under the 16 KB limit of annotation details.
 */
const MAX_DETAILS_BYTES = 12_000;

function fitTitle(text: string): string {
  return text.length <= MAX_TITLE_LENGTH ? text : `${text.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

export function createdTitle(entity: CatalogEntity, keys: string[]): string {
  if (keys.length === 1) {
    return fitTitle(`${entityLabel(entity)} ${keys[0]} created`);
  }
  return fitTitle(`${keys.length} ${entityPlural(entity)} created: ${keys.join(', ')}`);
}

export function updatedTitle(entity: CatalogEntity, key: string, fields: string[]): string {
  return fitTitle(`${entityLabel(entity)} ${key} updated: ${fields.join(', ')}`);
}

export function deletedTitle(entity: CatalogEntity, key: string): string {
  return fitTitle(`${entityLabel(entity)} ${key} deleted`);
}

/** Throws a 400 for a PATCH body that sets none of the fields it may set. */
export function requireSomeField(patch: object, allowed: string[]): void {
  const given = Object.entries(patch).filter(([, value]) => value !== undefined);
  if (given.length === 0) {
    throw InvalidParameterError.forField(
      'body',
      {},
      `must set at least one of ${allowed.join(', ')}`,
    );
  }
}

/**
 * Throws a 422 when a PATCH requests a new key where the key must stay. Telemetry and
 * other modules refer to offers, channels and outcome types by key, and a
 * schema's table is named after its key, so history would stop matching.
 */
export function rejectKeyChange(
  entity: CatalogEntity,
  currentKey: string,
  requestedKey: string | undefined,
): void {
  if (requestedKey === undefined || requestedKey === currentKey) {
    return;
  }
  const reason =
    entity === 'schema'
      ? `cannot be changed because the table of schema ${currentKey} is named after it; ` +
        'change name instead, or create a new schema'
      : `cannot be changed because telemetry refers to ${entityPlural(entity)} by key and rows ` +
        `recorded under ${currentKey} would no longer match; change name instead, or create a ` +
        `new ${entityLabel(entity).toLowerCase()}`;
  throw new UnprocessableError(`key ${reason}`, [{ field: 'key', value: requestedKey, reason }]);
}

/** One created entity as the catalog_change annotation lists it. */
export interface CreatedItem {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

/** Writes the `catalog_change` annotation of a catalog change, in the change's transaction. */
@Injectable()
export class CatalogChangeRecorder {
  constructor(private readonly annotations: AnnotationsService) {}

  async created(
    params: { tenantId: string; actor: string; entity: CatalogEntity; items: CreatedItem[] },
    executor: Executor,
  ): Promise<void> {
    // One created item is annotated with its fields; a batch lists ids and keys only.
    const single = params.items.length === 1;
    const listed = params.items
      .slice(0, MAX_ANNOTATED_ITEMS)
      .map((item) => (single ? item : { id: item.id, key: item.key }));
    const title = createdTitle(
      params.entity,
      params.items.map((item) => item.key),
    );
    await this.record(params, executor, title, {
      action: 'created',
      count: params.items.length,
      items: listed,
      truncated: listed.length < params.items.length,
    });
  }

  async updated(
    params: {
      tenantId: string;
      actor: string;
      entity: CatalogEntity;
      id: string;
      key: string;
      changes: Record<string, FieldChange>;
    },
    executor: Executor,
  ): Promise<void> {
    const title = updatedTitle(params.entity, params.key, Object.keys(params.changes));
    await this.record(params, executor, title, {
      action: 'updated',
      id: params.id,
      key: params.key,
      changes: params.changes,
    });
  }

  async deleted(
    params: {
      tenantId: string;
      actor: string;
      entity: CatalogEntity;
      id: string;
      key: string;
      fields: Record<string, unknown>;
    },
    executor: Executor,
  ): Promise<void> {
    await this.record(params, executor, deletedTitle(params.entity, params.key), {
      action: 'deleted',
      id: params.id,
      key: params.key,
      fields: params.fields,
    });
  }

  private async record(
    params: { tenantId: string; actor: string; entity: CatalogEntity },
    executor: Executor,
    title: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.annotations.record(
      {
        tenantId: params.tenantId,
        kind: 'catalog_change',
        title,
        source: 'catalog',
        details: fitDetails({ entity: params.entity, actor: params.actor, ...details }),
      },
      executor,
    );
  }
}

/** Drops the bulky parts of annotation details (fields, changes, items) when they are too large. */
export function fitDetails(details: Record<string, unknown>): Record<string, unknown> {
  if (Buffer.byteLength(JSON.stringify(details)) <= MAX_DETAILS_BYTES) {
    return details;
  }
  const { fields: _fields, changes, items: _items, ...rest } = details;
  const changedNames = changes && typeof changes === 'object' ? Object.keys(changes) : undefined;
  return { ...rest, changedFields: changedNames, detailsOmitted: 'too large to annotate' };
}

/** Returns the fields a PATCH body sets (present, possibly null), without the absent ones. */
export function presentFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
