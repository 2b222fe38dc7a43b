import { randomBytes } from 'node:crypto';

import { tenantSchemaName } from '../database/tenant-schema.js';

/**
 * Names of a segment's materialized view and its unique index. Every name is
 * built from hex digits of UUIDs (or random hex), never from request text.
 */
export interface SegmentViewNames {
  schema: string;
  view: string;
  index: string;
}

function hexOf(uuid: string): string {
  const hex = uuid.replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) {
    throw new Error(`Segment id ${uuid} is not a UUID`);
  }
  return hex.slice(0, 12);
}

/** `seg_<first 12 hex of the segment id>` in the tenant's schema, with index `seg_<hex>_customer_uq`. */
export function segmentViewNames(tenantId: string, segmentId: string): SegmentViewNames {
  const view = `seg_${hexOf(segmentId)}`;
  return { schema: tenantSchemaName(tenantId), view, index: `${view}_customer_uq` };
}

/** A fresh name to build a new version of the view under before it is swapped in. */
export function temporaryViewNames(tenantId: string, segmentId: string): SegmentViewNames {
  const view = `seg_${hexOf(segmentId)}_${randomBytes(4).toString('hex')}`;
  return { schema: tenantSchemaName(tenantId), view, index: `${view}_uq` };
}

/** Quotes the view as `"schema"."view"` for messages and for callers that join it. */
export function qualifiedViewName(names: Pick<SegmentViewNames, 'schema' | 'view'>): string {
  return `"${names.schema}"."${names.view}"`;
}
