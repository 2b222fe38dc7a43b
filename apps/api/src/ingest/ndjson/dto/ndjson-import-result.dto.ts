import { ApiProperty } from '@nestjs/swagger';

import { LineBatchResultDto } from '../../../write/dto/batch-result.dto.js';
import { MAX_LISTED_REJECTIONS } from '../ndjson-import.service.js';

/** The answer to an NDJSON import: the batch shape by line, with the rejection list capped. */
export class NdjsonImportResultDto extends LineBatchResultDto {
  @ApiProperty({ example: 2, description: 'Rejected lines, including those left out of rejected' })
  rejectedCount: number;

  @ApiProperty({
    example: false,
    description: `True when rejected lists only the first ${MAX_LISTED_REJECTIONS} rejections`,
  })
  rejectedTruncated: boolean;

  @ApiProperty({ example: 1000000, description: 'Non-blank lines read' })
  lines: number;
}
