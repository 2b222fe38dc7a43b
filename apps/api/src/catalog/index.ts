export {
  type ChannelInfo,
  CatalogLookupService,
  LOOKUP_TTL_MS,
  type OfferInfo,
  type OutcomeTypeInfo,
  type SchemaTableInfo,
} from './catalog-lookup.service.js';
export { CatalogModule } from './catalog.module.js';
export type { ChannelType, DeliveryMode, ImpressionMode } from './channels/channels.repository.js';
export type { OfferStatus } from './offers/offers.repository.js';
export type {
  OutcomeCategory,
  OutcomeClassification,
} from './outcome-types/system-outcome-types.js';
export type { FieldType, SchemaField } from './schemas/schema-fields.js';
export type { EntityType } from './schemas/schemas.repository.js';
