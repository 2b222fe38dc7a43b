import { Injectable } from '@nestjs/common';

import { CatalogLookupService } from '../catalog/index.js';
import type { OutcomeRules } from './recording/interaction-record.js';

/**
 * Loads a tenant's outcome rules from the catalog, per request or worker
 * batch. The catalog caches them for a short time and drops its cache on
 * every change made through this process.
 */
@Injectable()
export class OutcomeRulesService {
  constructor(private readonly catalog: CatalogLookupService) {}

  async forTenant(tenantId: string): Promise<OutcomeRules> {
    const [outcomeTypes, conversionKeys] = await Promise.all([
      this.catalog.outcomeTypes(tenantId),
      this.catalog.conversionOutcomeKeys(tenantId),
    ]);
    return { outcomeTypes, conversionKeys: new Set(conversionKeys) };
  }
}
