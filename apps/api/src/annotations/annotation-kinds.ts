/** Kinds of events an annotation marks on trend charts. */
export const ANNOTATION_KINDS = [
  'policy_change',
  'catalog_change',
  'deploy',
  'incident',
  'note',
] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
