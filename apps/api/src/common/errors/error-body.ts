import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'windowHours' })
  field?: string;

  @ApiPropertyOptional({ example: '169' })
  value?: unknown;

  @ApiProperty({ example: 'must be at most 168' })
  reason: string;

  @ApiPropertyOptional({ description: 'Index of the rejected item in a batch' })
  index?: number;

  @ApiPropertyOptional({ description: 'Line of the rejected NDJSON line, 1-based' })
  line?: number;
}

export class ErrorContentDto {
  @ApiProperty({ example: 'invalid_parameter' })
  code: string;

  @ApiProperty({ example: 'windowHours must be an integer from 1 to 168' })
  message: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ type: [ErrorDetailDto] })
  details: ErrorDetailDto[];

  @ApiProperty({ example: '6f1c2b1e-8d0e-4a61-9c3f-2b1b7d2c9e10' })
  requestId: string;
}

/** The body of every 4xx and 5xx answer. */
export class ErrorBodyDto {
  @ApiProperty({ type: ErrorContentDto })
  error: ErrorContentDto;
}
