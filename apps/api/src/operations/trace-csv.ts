import type { CsvValue } from '../common/csv/csv-writer.js';
import type { DecisionTraceSummaryDto } from './dto/decision-trace.dto.js';

/** Columns of the trace list download, in order. */
export const TRACE_CSV_HEADER = [
  'id',
  'occurredAt',
  'requestId',
  'customerId',
  'flowKey',
  'channelKey',
  'totalLatencyMs',
  'initial',
  'afterQualification',
  'afterSuppression',
  'afterContactPolicy',
  'afterScoring',
  'final',
  'selectedOffers',
  'degradedScoring',
  'removalTags',
] as const;

/** Formats one CSV record of a trace. Lists are joined with a space, since keys contain none. */
export function traceCsvRow(trace: DecisionTraceSummaryDto): CsvValue[] {
  return [
    trace.id,
    trace.occurredAt,
    trace.requestId,
    trace.customerId,
    trace.flowKey,
    trace.channelKey,
    trace.totalLatencyMs,
    trace.funnel.initial,
    trace.funnel.afterQualification,
    trace.funnel.afterSuppression,
    trace.funnel.afterContactPolicy,
    trace.funnel.afterScoring,
    trace.funnel.final,
    trace.selectedOffers.join(' '),
    trace.degradedScoring,
    trace.removalTags.join(' '),
  ];
}
