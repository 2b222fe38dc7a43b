import { Inject, Injectable } from '@nestjs/common';

import { ConflictError, InvalidParameterError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { SystemOutcomeTypesRepository } from '../catalog/outcome-types/system-outcome-types.repository.js';
import { DATABASE, type Database } from '../database/database.types.js';
import { TenantSchemaService } from '../database/tenant-schema.js';
import { type TenantRow, TenantsRepository } from './tenants.repository.js';

const TENANT_KEY_PATTERN = /^[a-z][a-z0-9_-]{1,62}$/;

/** Creates tenants with everything a tenant starts with: settings, outcome types, its schema. */
@Injectable()
export class TenantsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: TenantsRepository,
    private readonly outcomeTypes: SystemOutcomeTypesRepository,
    private readonly tenantSchemas: TenantSchemaService,
  ) {}

  async create(key: string, name = key): Promise<TenantRow> {
    if (!TENANT_KEY_PATTERN.test(key)) {
      throw InvalidParameterError.forField(
        'key',
        key,
        'must be 2-63 characters: a lowercase letter, then lowercase letters, digits, _ or -',
      );
    }
    if (await this.repository.findByKey(key)) {
      throw new ConflictError(`Tenant ${key} already exists`, [
        { field: 'key', value: key, reason: 'already exists' },
      ]);
    }
    const tenant = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert({ key, name }, tx);
      await this.outcomeTypes.seed(created.id, tx);
      await this.tenantSchemas.create(created.id, tx);
      return created;
    });
    logger.info(
      { action: 'tenant.created', tenantId: tenant.id, tenantKey: key },
      'tenant created',
    );
    return tenant;
  }

  findByKey(key: string): Promise<TenantRow | null> {
    return this.repository.findByKey(key);
  }

  findById(id: string): Promise<TenantRow | null> {
    return this.repository.findById(id);
  }

  count(): Promise<number> {
    return this.repository.count();
  }

  listAll(): Promise<TenantRow[]> {
    return this.repository.listAll();
  }
}
