import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { SystemOutcomeTypesRepository } from '../catalog/outcome-types/system-outcome-types.repository.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { FirstStartService } from './first-start.service.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

/** Tenants, API keys, the global auth guard and the audit log. */
@Module({
  controllers: [AuthController, ApiKeysController],
  providers: [
    ApiKeysRepository,
    ApiKeysService,
    AuditRepository,
    AuditService,
    TenantsRepository,
    TenantsService,
    SystemOutcomeTypesRepository,
    FirstStartService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ApiKeysService, AuditService, TenantsService, FirstStartService],
})
export class AuthModule {}
