export { BusinessModule } from './business.module.js';
export { BusinessDataService, type TrendRequest } from './business-data.service.js';
export * from './business-data.types.js';
