import { Inject, Injectable } from '@nestjs/common';

import { AnnotationsService } from '../../annotations/index.js';
import { AuditService } from '../../auth/audit.service.js';
import { InvalidParameterError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { CatalogLookupService } from '../catalog-lookup.service.js';
import { OutcomeTypesRepository } from '../outcome-types/outcome-types.repository.js';
import { SettingsRepository, type TenantSettingsRow } from './settings.repository.js';

/** Settings every tenant has even before it changes them. */
const DEFAULT_CONVERSION_OUTCOME_KEYS = ['conversion'];

/** Tenant settings: which outcome types count as conversions. */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: SettingsRepository,
    private readonly outcomeTypes: OutcomeTypesRepository,
    private readonly audit: AuditService,
    private readonly annotations: AnnotationsService,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string): Promise<TenantSettingsRow> {
    const row = await this.repository.find(tenantId);
    return (
      row ?? { conversionOutcomeKeys: DEFAULT_CONVERSION_OUTCOME_KEYS, updatedAt: new Date(0) }
    );
  }

  /**
   * Replaces the conversion outcome keys. Each must be a response outcome type
   * of the tenant. The change is audited and annotated on trend charts,
   * because it changes every conversion count from then on.
   */
  async update(params: {
    tenantId: string;
    actor: string;
    conversionOutcomeKeys: string[];
  }): Promise<TenantSettingsRow> {
    const keys = params.conversionOutcomeKeys;
    const saved = await this.db.transaction(async (tx) => {
      const current = await this.repository.findForUpdate(params.tenantId, tx);
      await this.assertConversionTypes(params.tenantId, keys, tx);
      const row = await this.repository.upsert(
        params.tenantId,
        { conversionOutcomeKeys: keys },
        this.clock.now(),
        tx,
      );
      const from = current?.conversionOutcomeKeys ?? DEFAULT_CONVERSION_OUTCOME_KEYS;
      await this.recordChange({ ...params, from }, tx);
      return row;
    });
    this.lookup.invalidate(params.tenantId);
    return saved;
  }

  /** Audits the change and annotates it, in the change's transaction. */
  private async recordChange(
    params: { tenantId: string; actor: string; conversionOutcomeKeys: string[]; from: string[] },
    executor: Executor,
  ): Promise<void> {
    const change = { from: params.from, to: params.conversionOutcomeKeys };
    await this.audit.record(
      {
        tenantId: params.tenantId,
        actor: params.actor,
        action: 'settings.updated',
        targetType: 'tenant_settings',
        targetId: params.tenantId,
        details: { conversionOutcomeKeys: change },
      },
      executor,
    );
    const title = `Conversion outcome types set to ${change.to.join(', ')}`;
    await this.annotations.record(
      {
        tenantId: params.tenantId,
        kind: 'catalog_change',
        title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
        source: 'catalog',
        details: { entity: 'settings', actor: params.actor, conversionOutcomeKeys: change },
      },
      executor,
    );
  }

  private async assertConversionTypes(
    tenantId: string,
    keys: string[],
    executor: Executor,
  ): Promise<void> {
    const types = new Map(
      (await this.outcomeTypes.listAll(tenantId, executor)).map((row) => [row.key, row]),
    );
    for (const key of keys) {
      const type = types.get(key);
      const reason = !type
        ? 'is not an outcome type of this tenant; create it with POST /api/v1/outcome-types first'
        : type.category !== 'response'
          ? `is an ${type.category} outcome type; conversions must be response outcome types`
          : null;
      if (reason) {
        throw new InvalidParameterError(`conversionOutcomeKeys contains ${key}, which ${reason}`, [
          { field: 'conversionOutcomeKeys', value: key, reason },
        ]);
      }
    }
  }
}
