import { Module } from '@nestjs/common';

import { AnnotationsModule } from '../annotations/index.js';
import { AuthModule } from '../auth/auth.module.js';
import { CatalogLookupService } from './catalog-lookup.service.js';
import { CategoriesController } from './categories/categories.controller.js';
import { CategoriesRepository } from './categories/categories.repository.js';
import { CategoriesService } from './categories/categories.service.js';
import { ChannelsController } from './channels/channels.controller.js';
import { ChannelsRepository } from './channels/channels.repository.js';
import { ChannelsService } from './channels/channels.service.js';
import { CatalogChangeRecorder } from './common/catalog-change.js';
import { CatalogIdempotencyRepository } from './common/catalog-idempotency.repository.js';
import { CatalogWriter } from './common/catalog-writer.js';
import { OffersController } from './offers/offers.controller.js';
import { OffersRepository } from './offers/offers.repository.js';
import { OffersService } from './offers/offers.service.js';
import { OutcomeTypesController } from './outcome-types/outcome-types.controller.js';
import { OutcomeTypesRepository } from './outcome-types/outcome-types.repository.js';
import { OutcomeTypesService } from './outcome-types/outcome-types.service.js';
import { SchemaRowsController } from './schemas/schema-rows.controller.js';
import { SchemaRowsService } from './schemas/schema-rows.service.js';
import { SchemaTablesRepository } from './schemas/schema-tables.repository.js';
import { SchemasController } from './schemas/schemas.controller.js';
import { SchemasRepository } from './schemas/schemas.repository.js';
import { SchemasService } from './schemas/schemas.service.js';
import { SettingsController } from './settings/settings.controller.js';
import { SettingsRepository } from './settings/settings.repository.js';
import { SettingsService } from './settings/settings.service.js';

/** Offers, channels, categories, outcome types, schemas and tenant settings. */
@Module({
  imports: [AuthModule, AnnotationsModule],
  controllers: [
    OffersController,
    ChannelsController,
    CategoriesController,
    OutcomeTypesController,
    SchemasController,
    SchemaRowsController,
    SettingsController,
  ],
  providers: [
    CatalogChangeRecorder,
    CatalogIdempotencyRepository,
    CatalogWriter,
    CatalogLookupService,
    CategoriesRepository,
    CategoriesService,
    ChannelsRepository,
    ChannelsService,
    OffersRepository,
    OffersService,
    OutcomeTypesRepository,
    OutcomeTypesService,
    SchemaRowsService,
    SchemaTablesRepository,
    SchemasRepository,
    SchemasService,
    SettingsRepository,
    SettingsService,
  ],
  exports: [CatalogLookupService],
})
export class CatalogModule {}
