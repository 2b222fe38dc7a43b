import { ApiPropertyOptional } from '@nestjs/swagger';
import { isISO8601, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { PIPELINE_STAGES, type PipelineStage } from '../filter-rates.js';

/** Maximum length of an identifier or key in a filter, the same as on the write side. */
const FILTER_MAX_LENGTH = 200;
const LENGTH_MESSAGE = `must be a string of 1 to ${FILTER_MAX_LENGTH} characters`;

export const TRACE_LIST_FORMATS = ['json', 'csv'] as const;
export type TraceListFormat = (typeof TRACE_LIST_FORMATS)[number];

/** Validates an ISO 8601 date-time with `Z` or an offset, because a time without one is ambiguous. */
function IsInstantQuery(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstantQuery',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        isISO8601(value, { strict: true }) &&
        /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value),
      defaultMessage: () =>
        'must be an ISO 8601 date-time with Z or an offset, such as 2026-12-04T10:15:00Z',
    },
  });
}

export class DecisionTraceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'cust-1042' })
  @IsOptional()
  @IsString({ message: LENGTH_MESSAGE })
  @MaxLength(FILTER_MAX_LENGTH, { message: LENGTH_MESSAGE })
  customerId?: string;

  @ApiPropertyOptional({ example: 'req-8c1f' })
  @IsOptional()
  @IsString({ message: LENGTH_MESSAGE })
  @MaxLength(FILTER_MAX_LENGTH, { message: LENGTH_MESSAGE })
  requestId?: string;

  @ApiPropertyOptional({
    example: 'offer_summer_promo',
    description: 'A candidate offer of the trace',
  })
  @IsOptional()
  @IsString({ message: LENGTH_MESSAGE })
  @MaxLength(FILTER_MAX_LENGTH, { message: LENGTH_MESSAGE })
  offerKey?: string;

  @ApiPropertyOptional({
    enum: PIPELINE_STAGES,
    description:
      'With ruleId: traces where this rule removed a candidate at this stage. Alone: traces ' +
      'where the stage removed any candidate (not index-backed; narrow it with from/to)',
  })
  @IsOptional()
  @IsIn(PIPELINE_STAGES, { message: `must be one of ${PIPELINE_STAGES.join(', ')}` })
  stage?: PipelineStage;

  @ApiPropertyOptional({
    example: 'frequency_cap',
    description: 'Traces where this rule removed a candidate (at `stage`, or at any stage)',
  })
  @IsOptional()
  @IsString({ message: LENGTH_MESSAGE })
  @MaxLength(FILTER_MAX_LENGTH, { message: LENGTH_MESSAGE })
  ruleId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Traces at or after this instant' })
  @IsOptional()
  @IsInstantQuery()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Traces before this instant' })
  @IsOptional()
  @IsInstantQuery()
  to?: string;

  @ApiPropertyOptional({
    enum: TRACE_LIST_FORMATS,
    default: 'json',
    description: 'csv downloads every matching trace, newest first; limit and cursor are ignored',
  })
  @IsOptional()
  @IsIn(TRACE_LIST_FORMATS, { message: `must be one of ${TRACE_LIST_FORMATS.join(', ')}` })
  format?: TraceListFormat;
}
