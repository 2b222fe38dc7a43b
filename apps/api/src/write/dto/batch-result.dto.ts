import { ApiProperty } from '@nestjs/swagger';

export class RejectionDto {
  @ApiProperty({ example: 17, description: 'Position of the item in the batch, 0-based' })
  index: number;

  @ApiProperty({ example: 'outcome' })
  field: string;

  @ApiProperty({ example: 'clicked' })
  value: unknown;

  @ApiProperty({ example: 'unknown outcome type' })
  reason: string;
}

/** The answer to a batch write: how many items were recorded and which were not. */
export class BatchResultDto {
  @ApiProperty({ example: 9998 })
  accepted: number;

  @ApiProperty({ type: [RejectionDto] })
  rejected: RejectionDto[];
}

export class LineRejectionDto {
  @ApiProperty({ example: 42, description: 'Line of the NDJSON body, 1-based' })
  line: number;

  @ApiProperty({ example: 'data.outcome' })
  field: string;

  @ApiProperty({ example: 'clicked' })
  value: unknown;

  @ApiProperty({ example: 'unknown outcome type' })
  reason: string;
}

export class LineBatchResultDto {
  @ApiProperty({ example: 999998 })
  accepted: number;

  @ApiProperty({ type: [LineRejectionDto] })
  rejected: LineRejectionDto[];
}
