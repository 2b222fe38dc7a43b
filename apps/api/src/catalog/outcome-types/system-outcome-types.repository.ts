import { Injectable } from '@nestjs/common';

import type { Executor } from '../../database/database.types.js';
import { outcomeTypes } from '../../database/schema/index.js';
import { SYSTEM_OUTCOME_TYPES } from './system-outcome-types.js';

@Injectable()
export class SystemOutcomeTypesRepository {
  /** Inserts the system outcome types for a new tenant; existing ones are left as they are. */
  async seed(tenantId: string, executor: Executor): Promise<void> {
    await executor
      .insert(outcomeTypes)
      .values(SYSTEM_OUTCOME_TYPES.map((type) => ({ ...type, tenantId, system: true })))
      .onConflictDoNothing();
  }
}
