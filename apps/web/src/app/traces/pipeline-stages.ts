/** The filtering stages of the decision pipeline, in pipeline order, as the API names them. */
export const PIPELINE_STAGES = [
  'qualification',
  'suppression',
  'contactPolicy',
  'scoring',
] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Display names of the stages. */
export const STAGE_LABELS: Record<PipelineStage, string> = {
  qualification: 'Qualification',
  suppression: 'Suppression',
  contactPolicy: 'Contact Policy',
  scoring: 'Scoring',
};

/** Returns true when `value` is one of the API's stage names. */
export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === 'string' && (PIPELINE_STAGES as readonly string[]).includes(value);
}

/** Returns the display name of a stage, or "—" for none. */
export function stageLabel(stage: PipelineStage | null | undefined): string {
  return stage ? STAGE_LABELS[stage] : '—';
}
