export * from './auth.js';
export * from './catalog.js';
export * from './decisions.js';
export * from './operations.js';
export * from './reporting.js';
export * from './scheduling.js';
export * from './segments.js';
export * from './telemetry.js';
