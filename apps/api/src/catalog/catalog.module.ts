import { Module } from '@nestjs/common';

/** Offers, channels, categories, outcome types, schemas and tenant settings. */
@Module({})
export class CatalogModule {}
