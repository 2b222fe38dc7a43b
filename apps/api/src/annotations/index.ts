export { ANNOTATION_KINDS, type AnnotationKind } from './annotation-kinds.js';
export { AnnotationsModule } from './annotations.module.js';
export type { AnnotationRow } from './annotations.repository.js';
export { type AnnotationRecordInput, AnnotationsService } from './annotations.service.js';
export { itemsWithHeaderKey, type WriteOutcome, writeResponse } from './write-outcome.js';
