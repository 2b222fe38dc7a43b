import { Injectable } from '@nestjs/common';

import { isUuid } from '../common/validation/uuid-pipe.js';
import { qualifiedViewName, segmentViewNames } from './segment-view-names.js';
import { SegmentsRepository } from './segments.repository.js';

/** A segment whose view can be joined: the schema and view name, quoted and apart. */
export interface MaterializedSegment {
  segmentId: string;
  key: string;
  name: string;
  /** `"tenant_<hex>"."seg_<hex>"`, already quoted. */
  qualifiedViewName: string;
  schema: string;
  view: string;
}

/** The result of resolving a segment id for a query filter. */
export type SegmentResolution =
  | ({ status: 'ok' } & MaterializedSegment)
  | { status: 'unknown' }
  | { status: 'not_materialized'; segmentId: string; key: string; name: string };

/**
 * Segments as other modules see them: a segment id resolved to the view to
 * join on customer id, and the list of active materialized segments. The view
 * contains one row per customer, in a column `customer_id` of type text.
 */
@Injectable()
export class SegmentsService {
  constructor(private readonly segments: SegmentsRepository) {}

  /** Resolves a segment id of the tenant; another tenant's id or a malformed one is `unknown`. */
  async resolve(tenantId: string, segmentId: string): Promise<SegmentResolution> {
    if (!isUuid(segmentId)) {
      return { status: 'unknown' };
    }
    const segment = await this.segments.findById(tenantId, segmentId.toLowerCase());
    if (!segment) {
      return { status: 'unknown' };
    }
    if (segment.status !== 'active' || !segment.materialized) {
      return {
        status: 'not_materialized',
        segmentId: segment.id,
        key: segment.key,
        name: segment.name,
      };
    }
    return { status: 'ok', ...materialized(tenantId, segment) };
  }

  /** Lists every active segment whose view exists, ordered by name. */
  async listMaterialized(tenantId: string): Promise<MaterializedSegment[]> {
    const rows = await this.segments.listMaterialized(tenantId);
    return rows.map((row) => materialized(tenantId, row));
  }
}

function materialized(
  tenantId: string,
  segment: { id: string; key: string; name: string },
): MaterializedSegment {
  const names = segmentViewNames(tenantId, segment.id);
  return {
    segmentId: segment.id,
    key: segment.key,
    name: segment.name,
    qualifiedViewName: qualifiedViewName(names),
    schema: names.schema,
    view: names.view,
  };
}
